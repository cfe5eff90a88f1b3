"""Faults: the action server down and back, our database locked, Rasa killed mid-conversation,
a slow handoff webhook. Every message still gets a reply and nothing is lost."""

import sqlite3
import time

from sqlalchemy import create_engine, text

from tests.servers import new_sender, payloads, texts
from tests.test_e2e_red_flags import escalation_rows

UNAVAILABLE = "Sorry, I can't reach the article right now."


def event_count(servers, sender: str) -> int:
    engine = create_engine(servers.env["TRACKER_STORE_URL"])
    with engine.connect() as connection:
        return connection.execute(text("SELECT COUNT(*) FROM events WHERE sender_id = :s"), {"s": sender}).scalar()


def test_action_server_down_then_back(servers, outcome):
    sender = new_sender()
    servers.say(sender, "hello")
    servers.stop("actions")
    try:
        down = {m: servers.say(sender, m) for m in ("what causes it", "thanks", "tell me more")}
        flag = servers.say(new_sender(), "I can't control my bowels since this morning")
    finally:
        servers.start_actions()
    back = servers.say(sender, "what are the symptoms")
    outcome(
        "faults",
        "action server down: questions, chitchat, tell me more",
        "each gets the polite 'can't reach the article' reply",
    )
    outcome("faults", "action server down: a red flag", "escalated as always (no action server)")
    outcome("faults", "action server back", "answers resume without restarting Rasa")
    for message, replies in down.items():
        assert texts(replies).startswith(UNAVAILABLE), (message, replies)
    assert flag[0]["text"].startswith("Please go to the emergency department")
    assert UNAVAILABLE not in texts(flag), "an emergency turn ends with the emergency"
    assert payloads(back)[0]["section"] == "symptoms"


def test_database_locked_answers_still_come_and_escalations_are_written_after(servers, outcome):
    servers.say(new_sender(), "what causes it")  # the article is in service
    database = servers.env["DATABASE_URL"][len("sqlite:///") :]
    lock = sqlite3.connect(database, timeout=1, isolation_level=None)
    sender = new_sender()
    try:
        lock.execute("BEGIN EXCLUSIVE")
        started = time.monotonic()
        answer = servers.say(new_sender(), "what are the treatments?")
        answer_time = time.monotonic() - started
        flag = servers.say(sender, "I've lost control of my bladder")
        time.sleep(2)
        assert escalation_rows(servers, sender, wait=0.5) in ([], None)  # not written yet
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    rows = escalation_rows(servers, sender, wait=30)
    outcome(
        "faults",
        "our database locked (SQLite exclusive lock)",
        f"answered from the article in service ({answer_time:.1f} s); escalation sent at once, "
        "spooled, written once after the lock",
    )
    assert payloads(answer)[0]["section"] == "treatment"
    assert flag[0]["text"].startswith("Please go to the emergency department")
    assert rows == [("emergency", "bladder_bowel", "rest", None)]


def test_rasa_killed_mid_conversation_continues_from_the_tracker_store(servers, outcome):
    sender = new_sender()
    first = servers.say(sender, "what causes it")
    before = event_count(servers, sender)
    servers.processes["rasa"].kill()  # SIGKILL: no chance to flush anything
    servers.processes["rasa"].wait()
    servers.processes.pop("rasa")
    servers.start_rasa()
    assert event_count(servers, sender) == before, "no event lost"
    more = servers.say(sender, "tell me more")
    outcome(
        "faults",
        "Rasa killed (SIGKILL) mid-conversation and restarted",
        f"all {before} events kept; the conversation continues where it was",
    )
    assert "Please note" not in texts(more), "the same conversation, no second opening notice"
    assert payloads(more)[0]["section"] == "causes"
    assert not set(payloads(more)[0]["passages"]) & set(payloads(first)[0]["passages"])
    assert event_count(servers, sender) > before


def test_a_slow_handoff_webhook_never_delays_the_reply(servers, webhook, outcome):
    webhook.reset()
    webhook.delay = 8.0  # longer than the webhook's own timeout
    try:
        started = time.monotonic()
        replies = servers.say(new_sender(), "I fell off a ladder and now my back and knee hurt")
        elapsed = time.monotonic() - started
    finally:
        time.sleep(0.1)
    outcome(
        "faults",
        "handoff webhook that answers after 8 s",
        f"reply in {elapsed:.2f} s; the webhook is called in the background",
    )
    assert payloads(replies)[0]["kind"] == "escalation"
    assert elapsed < 3.0
    webhook.delay = 0.0
