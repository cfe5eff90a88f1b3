"""`make purge`: conversations, review logs and escalation records past their keeping period go;
everything newer stays; a dry run only counts."""

from datetime import datetime, timedelta

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import func, insert, select, text

from database import make_engine
from operations import retention
from operations.escalations import EscalationLog, escalations
from operations.review_log import safety_review
from operations.unanswered import unanswered_messages
from tests.servers import run_async

NOW = datetime(2026, 6, 1, 12, 0)


def conversation(sender: str, days_ago: float) -> DialogueStateTracker:
    at = (NOW - timedelta(days=days_ago)).timestamp()
    return DialogueStateTracker.from_events(
        sender,
        [
            ActionExecuted("action_listen", timestamp=at - 1),
            UserUttered("hello", {"name": "greet"}, timestamp=at),
        ],
    )


@pytest.fixture
def stores(tmp_path):
    tracker_url = f"sqlite:///{tmp_path / 'tracker.db'}"
    tracker_store = SQLTrackerStore(Domain.empty(), db=str(tmp_path / "tracker.db"))
    for sender, days_ago in [("old", 40), ("recent", 2), ("old-then-back", 40)]:
        run_async(tracker_store.save(conversation(sender, days_ago)))
    # a conversation that started long ago and went on yesterday is kept whole
    run_async(
        tracker_store.save(
            DialogueStateTracker.from_events(
                "old-then-back",
                [
                    *conversation("old-then-back", 40).events,
                    UserUttered("still there?", {"name": "greet"}, timestamp=(NOW - timedelta(days=1)).timestamp()),
                ],
            )
        )
    )
    database = make_engine(f"sqlite:///{tmp_path / 'assistant.db'}")
    _ = EscalationLog(database).engine  # the property creates its table
    for table, extra in [(unanswered_messages, {}), (safety_review, {"outcome": "not_escalated", "reasons": "x"})]:
        table.metadata.create_all(database)
        with database.begin() as connection:
            for days_ago in (40, 2):
                connection.execute(insert(table).values(created_at=NOW - timedelta(days=days_ago), text="t", **extra))
    with database.begin() as connection:
        for days_ago in (400, 40):
            connection.execute(
                insert(escalations).values(
                    conversation_id="c",
                    created_at=NOW - timedelta(days=days_ago),
                    level="emergency",
                    flags="bladder_bowel",
                )
            )
    return make_engine(tracker_url), database


def senders(engine):
    with engine.connect() as connection:
        return sorted(row[0] for row in connection.execute(text("SELECT DISTINCT sender_id FROM events")))


def count(engine, table):
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar()


def test_dry_run_counts_and_deletes_nothing(stores, monkeypatch):
    tracker, database = stores
    monkeypatch.delenv("RETENTION_DAYS", raising=False)
    monkeypatch.delenv("ESCALATION_RETENTION_DAYS", raising=False)
    results = retention.purge(now=NOW, tracker=tracker, database=database)
    assert [(r.what, r.days, r.count) for r in results] == [
        ("conversations (tracker store)", 30, 1),
        ("unanswered-message log", 30, 1),
        ("safety-review log", 30, 1),
        ("escalation records", 365, 1),
    ]
    assert senders(tracker) == ["old", "old-then-back", "recent"]
    assert count(database, escalations) == 2


def test_apply_deletes_only_what_is_past_its_period(stores, monkeypatch):
    tracker, database = stores
    monkeypatch.setenv("RETENTION_DAYS", "30")
    monkeypatch.setenv("ESCALATION_RETENTION_DAYS", "365")
    retention.purge(apply=True, now=NOW, tracker=tracker, database=database)
    assert senders(tracker) == ["old-then-back", "recent"]
    assert count(database, unanswered_messages) == 1
    assert count(database, safety_review) == 1
    with database.connect() as connection:
        kept = connection.execute(select(escalations.c.created_at)).scalars().all()
    assert kept == [NOW - timedelta(days=40)]
    # a second run finds nothing more
    assert [r.count for r in retention.purge(now=NOW, tracker=tracker, database=database)] == [0, 0, 0, 0]


def test_a_nonsense_period_is_refused(stores, monkeypatch, capsys):
    monkeypatch.setenv("RETENTION_DAYS", "0")
    assert retention.main([]) == 2
    assert "RETENTION_DAYS must be at least 1 day" in capsys.readouterr().err
