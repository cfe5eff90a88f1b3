"""Keep health data no longer than its keeping period: `make purge` counts, `make purge APPLY=1`
deletes.

- Conversations (Rasa's tracker store, TRACKER_STORE_URL, table `events`): a conversation whose
  latest event is older than RETENTION_DAYS (default 30) is deleted whole.
- Review logs (unanswered messages, the safety-review list): rows older than RETENTION_DAYS.
- Escalation records: older than ESCALATION_RETENTION_DAYS (default 365), which is usually
  longer: they are the audit trail of what the assistant told people in an emergency.

    python -m operations.retention            # dry run: what would be deleted
    python -m operations.retention --apply    # delete it
"""

import argparse
import os
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import List, Optional

from sqlalchemy import MetaData, Table, delete, func, inspect, select
from sqlalchemy.engine import Engine

from database import VAR_DIR, make_engine
from operations.escalations import escalations
from operations.review_log import safety_review
from operations.unanswered import unanswered_messages

DEFAULT_TRACKER_URL = f"sqlite:///{VAR_DIR / 'tracker.db'}"


@dataclass
class Purge:
    what: str
    days: int
    count: int


def _days(name: str, default: int) -> int:
    value = int(os.environ.get(name, default))
    if value < 1:
        raise ValueError(f"{name} must be at least 1 day, not {value}")
    return value


def conversations(engine: Engine, days: int, now: datetime, apply: bool) -> Purge:
    """Whole conversations whose latest event is older than `days` (timestamps are epoch s)."""
    if not inspect(engine).has_table("events"):
        return Purge("conversations (tracker store)", days, 0)
    events = Table("events", MetaData(), autoload_with=engine)
    cutoff = (now - timedelta(days=days)).timestamp()
    stale = select(events.c.sender_id).group_by(events.c.sender_id).having(func.max(events.c.timestamp) < cutoff)
    with engine.begin() as connection:
        senders = [row[0] for row in connection.execute(stale)]
        if apply and senders:
            for start in range(0, len(senders), 500):
                chunk = senders[start : start + 500]
                connection.execute(delete(events).where(events.c.sender_id.in_(chunk)))
    return Purge("conversations (tracker store)", days, len(senders))


def rows(engine: Engine, table: Table, what: str, days: int, now: datetime, apply: bool) -> Purge:
    if not inspect(engine).has_table(table.name):
        return Purge(what, days, 0)
    old = table.c.created_at < now - timedelta(days=days)
    with engine.begin() as connection:
        count = connection.execute(select(func.count()).select_from(table).where(old)).scalar()
        if apply and count:
            connection.execute(delete(table).where(old))
    return Purge(what, days, count)


def purge(
    apply: bool = False,
    now: Optional[datetime] = None,
    tracker: Optional[Engine] = None,
    database: Optional[Engine] = None,
) -> List[Purge]:
    now = now or datetime.utcnow()  # the tables store naive UTC times
    days = _days("RETENTION_DAYS", 30)
    escalation_days = _days("ESCALATION_RETENTION_DAYS", 365)
    tracker = tracker or make_engine(os.environ.get("TRACKER_STORE_URL") or DEFAULT_TRACKER_URL)
    database = database or make_engine()
    return [
        conversations(tracker, days, now, apply),
        rows(database, unanswered_messages, "unanswered-message log", days, now, apply),
        rows(database, safety_review, "safety-review log", days, now, apply),
        rows(database, escalations, "escalation records", escalation_days, now, apply),
    ]


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--apply", action="store_true", help="delete (default: only count)")
    args = parser.parse_args(argv)
    try:
        results = purge(apply=args.apply)
    except ValueError as error:
        print(f"Nothing purged: {error}", file=sys.stderr)
        return 2
    verb = "deleted" if args.apply else "would delete"
    for result in results:
        print(f"{verb} {result.count:6d} {result.what} older than {result.days} days")
    if not args.apply:
        print("Dry run: nothing was deleted. `make purge APPLY=1` deletes these.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
