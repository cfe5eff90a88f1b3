"""Messages the assistant could not answer, logged as they happen for the content team.

Every fallback or out-of-scope message is logged (text, the model's best guess and its
confidence, time); `make review` (content/review.py) exports them as candidate NLU examples.
Messages that touch red-flag vocabulary are never logged here: they go to a clinician's review
(operations.review_log). This module is the runtime half; the editors' tool reads it, not the other
way round.
"""

import logging
from collections import defaultdict
from datetime import datetime
from typing import Any, Dict, List, Optional

from sqlalchemy import Column, DateTime, Float, Integer, MetaData, String, Table, Text, insert, select, update

from database import TableOwner
from safety.assessment import assessment_of

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

    def log(self, parse_data: Dict[str, Any], intent: Optional[str], confidence: Optional[float]) -> None:
        """Keep the message of ``parse_data`` (a tracker's ``latest_message``) as a candidate
        example. Never raises: losing a review candidate must not cost the visitor a reply."""
        text = parse_data.get("text") or ""
        if not text.strip() or text.startswith("/"):
            return  # nothing typed, or a button's payload
        if touches_red_flags(parse_data):
            return  # a clinician's review, not training data (operations.review_log)
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    insert(unanswered_messages).values(
                        created_at=datetime.utcnow(), text=text[:2000], predicted_intent=intent, confidence=confidence
                    )
                )
        except Exception:
            logger.exception("could not log an unanswered message for review")

    def export_groups(self) -> Dict[str, List[str]]:
        """The messages not exported before, grouped by the intent the model guessed (each text
        once), marked exported."""
        with self.engine.begin() as conn:
            rows = conn.execute(
                select(unanswered_messages)
                .where(unanswered_messages.c.exported_at.is_(None))
                .order_by(unanswered_messages.c.id)
            ).all()
            groups: Dict[str, List[str]] = defaultdict(list)
            for row in rows:
                text = " ".join(row.text.split())
                if text not in groups[row.predicted_intent or "unknown"]:
                    groups[row.predicted_intent or "unknown"].append(text)
            if rows:
                conn.execute(
                    update(unanswered_messages)
                    .where(unanswered_messages.c.id.in_([r.id for r in rows]))
                    .values(exported_at=datetime.utcnow())
                )
        return dict(groups)


def touches_red_flags(parse_data: Dict[str, Any]) -> bool:
    """Red-flag words in the message, whatever became of them (its assessment, see
    safety.assessment); True when that can't be told, to keep it out of the training candidates."""
    try:
        return assessment_of(parse_data).touches_red_flags
    except Exception:
        return True
