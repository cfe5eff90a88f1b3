"""Messages the assistant could not answer, kept for the content team to learn from.

Every fallback or out-of-scope message is logged (text, the model's best guess and its confidence,
time). `make review` exports the ones not exported before as a YAML file of candidate NLU examples,
grouped by the intent the model guessed, for an editor to sort into data/nlu/, and marks them
exported so that the next export shows only new ones.

Messages that touch red-flag vocabulary never become NLU candidates: they are kept apart
(safety.review_log) and exported to a separate safety-review file for a clinician, whose outcome
is a change to the vocabulary tables.

    python -m content.review [--out FILE]
"""

import argparse
import logging
import sys
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import List, Optional

from sqlalchemy import Column, DateTime, Float, Integer, MetaData, String, Table, Text, insert, select, update

from database import PROJECT_ROOT, TableOwner

logger = logging.getLogger(__name__)

metadata = MetaData()
unanswered_messages = Table(
    "unanswered_messages",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", DateTime, nullable=False),
    Column("text", Text, nullable=False),
    Column("predicted_intent", String(128)),
    Column("confidence", Float),
    Column("exported_at", DateTime, index=True),
)


class UnansweredLog(TableOwner):
    metadata = metadata

    def log(self, text: str, intent: Optional[str], confidence: Optional[float]) -> None:
        """Never raises: losing a review candidate must not cost the visitor a reply."""
        if not (text or "").strip() or text.startswith("/"):
            return  # nothing typed, or a button's payload
        if touches_red_flags(text):
            return  # a clinician's review, not training data (safety.review_log)
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    insert(unanswered_messages).values(
                        created_at=datetime.utcnow(), text=text[:2000], predicted_intent=intent, confidence=confidence
                    )
                )
        except Exception:
            logger.exception("could not log an unanswered message for review")

    def export(self, out: Path) -> int:
        """Write not-yet-exported messages to `out` as candidate NLU examples; return how many."""
        with self.engine.begin() as conn:
            rows = conn.execute(
                select(unanswered_messages)
                .where(unanswered_messages.c.exported_at.is_(None))
                .order_by(unanswered_messages.c.id)
            ).all()
            if not rows:
                return 0
            groups = defaultdict(list)
            for row in rows:
                text = " ".join(row.text.split())
                if text not in groups[row.predicted_intent or "unknown"]:
                    groups[row.predicted_intent or "unknown"].append(text)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(render(groups), encoding="utf-8")
            conn.execute(
                update(unanswered_messages)
                .where(unanswered_messages.c.id.in_([r.id for r in rows]))
                .values(exported_at=datetime.utcnow())
            )
        return len(rows)


def touches_red_flags(text: str) -> bool:
    from safety.areas import keyword_net
    from safety.red_flags import get_detector

    try:
        assessment = get_detector().assess(text)
        return bool(assessment.ignored or assessment.suspected or keyword_net(text))
    except Exception:
        return True  # when unsure, keep it out of the training candidates


def render(groups) -> str:
    lines = [
        "# Candidate NLU examples: messages the assistant could not answer, grouped by the intent",
        "# the model guessed (often wrong: that is why they are here). For each example, move it under",
        "# the right intent in data/nlu/*.yml (out_of_scope if the article does not cover it), or",
        "# delete it. Then `make validate` and `make train`. See docs/content-guide.md.",
        'version: "3.1"',
        "nlu:",
    ]
    for intent in sorted(groups):
        lines += [f"  - intent: {intent}", "    examples: |"]
        lines += [f"      - {text}" for text in groups[intent]]
    return "\n".join(lines) + "\n"


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description="Export unanswered messages for review.")
    default = PROJECT_ROOT / "reports" / "review" / f"candidates-{datetime.now():%Y%m%d-%H%M%S}.yml"
    parser.add_argument("--out", type=Path, default=default)
    args = parser.parse_args(argv)
    count = UnansweredLog().export(args.out)
    if count:
        print(f"Exported {count} message(s) to {args.out}")
    else:
        print("No new unanswered messages since the last export.")
    from safety.review_log import SafetyReviewLog
    from safety.review_log import render as render_safety

    rows = SafetyReviewLog().export_rows()
    safety_out = args.out.with_name(args.out.name.replace("candidates", "safety-review"))
    if safety_out == args.out:
        safety_out = args.out.with_name("safety-review-" + args.out.name)
    if rows:
        safety_out.parent.mkdir(parents=True, exist_ok=True)
        safety_out.write_text(render_safety(rows), encoding="utf-8")
        print(f"Exported {len(rows)} message(s) for safety review (a clinician) to {safety_out}")
    else:
        print("No new messages for safety review.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
