"""End to end over REST: red flags are escalated first, recorded, and survive a dead action server."""

import time

import pytest
from sqlalchemy import create_engine, text

from tests.gates import load_gates
from tests.servers import new_sender, payloads, texts

MIXED = "what exercises help? also I can't control my bladder since Tuesday"


def escalation_rows(servers, conversation_id, wait=10.0):
    engine = create_engine(servers.env["DATABASE_URL"])
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            with engine.connect() as conn:
                rows = conn.execute(
                    text("SELECT level, flags, channel, text FROM escalations WHERE conversation_id = :c"),
                    {"c": conversation_id},
                ).all()
            if rows:
                return rows
        except Exception:
            pass  # the table is created with the first escalation
        time.sleep(0.2)
    return []


def test_red_flag_mixed_into_a_question_is_escalated_first_then_answered(servers):
    sender = new_sender()
    servers.say(sender, "hello")
    replies = servers.say(sender, MIXED)
    assert replies[0]["text"].startswith("Please go to the emergency department or call your local emergency number")
    first_payload = payloads(replies)[0]
    assert first_payload == {"kind": "escalation", "level": "emergency", "flags": ["bladder_bowel"]}
    assert any(p.get("kind") == "answer" and p["section"] == "treatment" for p in payloads(replies)[1:])
    assert "Loss of Bladder or Bowel Control" in texts(replies)  # the article's own words
    assert escalation_rows(servers, sender) == [("emergency", "bladder_bowel", "rest", None)]


@pytest.mark.parametrize(
    "message, level, flag",
    [
        ("I think I might be losing control of my bladder", "emergency", "bladder_bowel"),
        ("my left knee has gone numb and tingly", "urgent", "leg_numbness_weakness"),
        ("the pain has lasted 2 months despite rest and ibuprofen", "routine", "persistent"),
    ],
)
def test_each_level_gets_its_instruction_first(servers, message, level, flag):
    replies = servers.say(new_sender(), message)
    escalation = next(r for r in replies if "custom" in r)
    assert escalation["custom"]["kind"] == "escalation"
    assert escalation["custom"]["level"] == level and flag in escalation["custom"]["flags"]
    instruction = {
        "emergency": "emergency department",
        "urgent": "contact a doctor today",
        "routine": "book an appointment",
    }[level]
    assert instruction in replies[0]["text"].split("\n")[0]  # the very first line of the turn
    assert "not medical advice" in texts(replies[1:])  # the opening notice follows it


@pytest.mark.parametrize(
    "message",
    [
        "no bladder problems, what causes the knee pain?",
        "what is cauda equina?",
        "my dad had cauda equina",
        "does weight loss help my knees?",
    ],
)
def test_negated_educational_and_lookalike_mentions_are_not_escalated(servers, message):
    replies = servers.say(new_sender(), message)
    assert all(p.get("kind") != "escalation" for p in payloads(replies))


def test_when_to_see_a_doctor_gets_the_answer_not_an_escalation(servers):
    replies = servers.say(new_sender(), "when should I see a doctor?")
    assert payloads(replies)[0] == {
        "kind": "answer",
        "section": "when_to_see_doctor",
        "section_title": "When to see a doctor",
        "passages": payloads(replies)[0]["passages"],
    }


def test_failing_webhook_does_not_delay_the_reply(servers, webhook):
    webhook.reset()
    webhook.fail_with, webhook.delay = 500, 4.0
    started = time.monotonic()
    replies = servers.say(new_sender(), "both my legs have gone numb and weak")
    elapsed = time.monotonic() - started
    assert payloads(replies)[0]["kind"] == "escalation"
    assert elapsed < webhook.delay, f"the reply waited for the webhook ({elapsed:.1f}s)"
    deadline = time.monotonic() + 40
    while webhook.attempts < 3 and time.monotonic() < deadline:
        time.sleep(0.5)
    assert webhook.attempts == 3  # it was tried, and retried, in the background
    webhook.reset()


def test_webhook_receives_the_escalation(servers, webhook):
    webhook.reset()
    sender = new_sender()
    servers.say(sender, "i fell down the stairs and now my back and knee hurt")
    deadline = time.monotonic() + 10

    def mine():  # another test's escalation may still be on its way (a slow webhook): not this one's
        return [
            (r["conversation_id"], r["level"], r["flags"]) for r in webhook.received if r["conversation_id"] == sender
        ]

    while not mine() and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(0.5)  # a second record for the same message would arrive by now
    assert mine() == [(sender, "urgent", ["injury"])]


def test_emergency_reply_and_its_record_do_not_depend_on_the_action_server(servers):
    servers.stop("actions")
    try:
        sender, asked = new_sender(), new_sender()
        replies = servers.say(sender, "i keep wetting myself and cant feel it")
        assert replies, "the Rasa server still answers"
        first_text = next(r["text"] for r in replies if r.get("text"))
        assert first_text.startswith("Please go to the emergency department")
        assert payloads(replies)[0]["kind"] == "escalation"
        assert payloads(replies)[0]["level"] == "emergency"
        # recorded all the same, once, by the Rasa server's tracker store
        assert escalation_rows(servers, sender) == [("emergency", "bladder_bowel", "rest", None)]
        # the safety question and its "yes" need no action server either
        assert payloads(servers.say(asked, "something feels off down there"))[0]["kind"] == "safety_question"
        assert payloads(servers.say(asked, "/affirm"))[0]["kind"] == "escalation"
        assert escalation_rows(servers, asked) == [("emergency", "saddle_numbness", "rest", None)]
    finally:
        servers.start_actions()
    time.sleep(1.0)
    assert escalation_rows(servers, sender) == [("emergency", "bladder_bowel", "rest", None)]  # not twice


def test_unsure_mention_gets_the_safety_question_and_yes_escalates(servers):
    sender = new_sender()
    replies = servers.say(sender, "something feels off down there")
    question = next(r for r in replies if r.get("buttons"))
    assert question["text"].startswith("Before I answer, one safety question")
    assert [b["title"] for b in question["buttons"]] == ["Yes", "No"]
    assert payloads(replies)[0] == {"kind": "safety_question", "asks": "saddle_numbness"}
    yes = servers.say(sender, "yes")
    assert yes[0]["text"].startswith("Please go to the emergency department")
    assert payloads(yes)[0] == {"kind": "escalation", "level": "emergency", "flags": ["saddle_numbness"]}
    assert escalation_rows(servers, sender) == [("emergency", "saddle_numbness", "rest", None)]


def test_no_to_the_safety_question_answers_the_question_asked(servers):
    sender = new_sender()
    first = servers.say(sender, "toilet trouble lately, what exercises help my knee?")
    assert payloads(first)[0]["kind"] == "safety_question"
    answer = servers.say(sender, "/deny")
    assert all(p.get("kind") != "escalation" for p in payloads(answer))
    assert payloads(answer)[0]["kind"] == "answer"
    assert escalation_rows(servers, sender, wait=1.0) == []


def test_an_emergency_turn_ends_with_the_emergency(servers):
    sender = new_sender()
    home = servers.say(sender, "what can I do at home?")
    assert payloads(home)[0]["kind"] == "answer"
    replies = servers.say(sender, "I can't hold my wee any more")
    assert payloads(replies)[0]["kind"] == "escalation"
    assert [p["kind"] for p in payloads(replies)] == ["escalation"]  # no answer handed on after it
    assert "Loss of Bladder or Bowel Control" in texts(replies)


def test_the_escalation_payload_lists_every_affirmed_flag(servers):
    replies = servers.say(new_sender(), "I've wet myself twice and I can't feel my bum, and I had a fever last night")
    flags = payloads(replies)[0]["flags"]
    assert payloads(replies)[0]["level"] == "emergency"
    assert {"bladder_bowel", "saddle_numbness", "systemic"} <= set(flags)
    assert flags.index("bladder_bowel") < flags.index("systemic")  # most severe first


def _seen(replies: list) -> str:
    """What the visitor sees first in the turn: an escalation, the safety question, or neither."""
    first = payloads(replies)[:1]
    if (
        first
        and first[0].get("kind") == "escalation"
        and replies[0]
        .get("text", "")
        .startswith(("Please go to the emergency department", "Please contact a doctor today", "Please book"))
    ):
        return "escalate:" + first[0]["level"]
    if first and first[0].get("kind") == "safety_question":
        return "ask"
    return "none"


# the two newest blind sets: the last two of the gates table, which lists them as they were written
REST_SETS = tuple(load_gates("red_flags"))[-2:]


def test_blind_sets_over_rest_escalate_first_as_the_detector_decides(servers):
    """The two newest blind sets (REST_SETS) over REST, as a visitor would send them: the detector's
    verdict is what the visitor sees first in the turn, and the model adds at most a few safety
    questions (all the sets at the detector: tests/test_blind_red_flags.py)."""
    from concurrent.futures import ThreadPoolExecutor

    from evaluation.red_flags import detector_outcome, evaluate, load_set

    gates = load_gates("red_flags")

    outcome = detector_outcome()
    messages = []
    for name in REST_SETS:
        affirming, non_escalating = load_set(name)
        messages += [item["text"] for item in affirming + non_escalating]

    def over_rest(text):
        return _seen(servers.say(new_sender(), text, timeout=120))

    with ThreadPoolExecutor(max_workers=6) as pool:
        seen = dict(zip(messages, pool.map(over_rest, messages)))
    disagreements = []
    for message, got in seen.items():
        expected = outcome(message)
        want = f"escalate:{expected.level}" if expected.kind == "escalate" else expected.kind
        # the model may add a safety question where the detector saw nothing; nothing else differs
        if got != want and not (want == "none" and got == "ask"):
            disagreements.append(f"detector {want}, visitor saw {got}: {message!r}")
    assert not disagreements, "\n".join(disagreements)
    for name in REST_SETS:
        min_recall, max_false, max_questions = gates[name]
        report = evaluate(name, lambda text: _as_outcome(seen[text]))
        print("\n(over REST, as the visitor sees it) " + report.summary())
        assert report.recall >= min_recall and report.false_rate_besides_someone_else <= max_false
        assert report.question_rate <= max_questions, "\n".join(report.asked)


def _as_outcome(seen: str):
    from evaluation.red_flags import Outcome

    if seen.startswith("escalate:"):
        return Outcome("escalate", seen.split(":", 1)[1])
    return Outcome(seen)
