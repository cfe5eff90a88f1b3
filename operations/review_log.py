"""Messages that touch red-flag vocabulary but were not escalated, kept for a clinician.

A missed red flag is fixed in the vocabulary tables (safety/tables/areas.yml), never by turning
the message into a training example: `make review` exports these apart from the NLU candidates,
with the detector's reasons (docs/content-guide.md, "Safety review").
"""

import logging
from datetime import datetime
from typing import List

from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, Text, insert, select, update

from database import TableOwner
from safety.assessment import Assessment

logger = logging.getLogger(__name__)

metadata = MetaData()
safety_review = Table(
    "safety_review",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", DateTime, nullable=False),
    Column("text", Text, nullable=False),
    Column("outcome", String(32), nullable=False),  # not_escalated | asked_no
    Column("reasons", Text, nullable=False),  # what the detector saw, one per line
    Column("exported_at", DateTime, index=True),
)


def reasons_for(text: str, assessment: Assessment) -> List[str]:
    """What in the message touches a red flag, and why it did not escalate; empty if nothing."""
    reasons = [f"{m.category}: set aside as {why}: {m.text!r}" for m, why in assessment.ignored]
    reasons += [f"{category}: suspected (safety question)" for category in assessment.suspected]
    if not reasons:
        reasons = [f"{category}: area word {text[s:e]!r}" for category, s, e in assessment.area_words]
    return reasons


class SafetyReviewLog(TableOwner):
    metadata = metadata

    def log(self, text: str, assessment: Assessment, outcome: str = "not_escalated") -> bool:
        """Keep the message if it touches red-flag vocabulary; True if kept. Never raises."""
        if not (text or "").strip() or text.startswith("/") or assessment.escalate:
            return False
        try:
            reasons = reasons_for(text, assessment)
            if not reasons:
                return False
            with self.engine.begin() as conn:
                conn.execute(
                    insert(safety_review).values(
                        created_at=datetime.utcnow(), text=text[:2000], outcome=outcome, reasons="\n".join(reasons)
                    )
                )
            return True
        except Exception:
            logger.exception("could not keep a message for safety review")
            return False

    def export_rows(self) -> List[dict]:
        """The rows not exported before, marked exported."""
        with self.engine.begin() as conn:
            rows = [
                dict(r._mapping)
                for r in conn.execute(
                    select(safety_review).where(safety_review.c.exported_at.is_(None)).order_by(safety_review.c.id)
                )
            ]
            if rows:
                conn.execute(
                    update(safety_review)
                    .where(safety_review.c.id.in_([r["id"] for r in rows]))
                    .values(exported_at=datetime.utcnow())
                )
        return rows


def render(rows: List[dict]) -> str:
    import yaml

    header = (
        "# Safety review: messages that touched red-flag vocabulary and were NOT escalated, with\n"
        "# what the detector saw. For a clinician. If one is a missed red flag, the fix is a change\n"
        "# to safety/tables/areas.yml (a word, a phrase, an idiom), checked with `make eval-red-flags`:\n"
        '# never a training example. See docs/content-guide.md, "Safety review".\n'
    )
    items = [
        {
            "text": r["text"],
            "outcome": r["outcome"],
            "reasons": r["reasons"].split("\n"),
            "when": f"{r['created_at']:%Y-%m-%d %H:%M}",
        }
        for r in rows
    ]
    return header + yaml.safe_dump(items, sort_keys=False, allow_unicode=True, width=100)
