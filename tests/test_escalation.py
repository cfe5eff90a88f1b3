"""Escalation: the record, the spool when the database fails, the handoff webhook, the action."""

import time

import pytest
import yaml
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import create_engine

from actions import answers, escalation
from actions.actions import ActionAnswerArticle
from actions.answers import Library
from actions.escalation import ActionEscalate, escalation_response
from article.ingest import ingest
from database import make_engine
from operations.escalations import Escalation, EscalationLog
from paths import PROJECT_ROOT
from tests.test_actions import make_tracker

DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text())
BLADDER = "what exercises help? also I can't control my bladder since Tuesday"


@pytest.fixture
def log(tmp_path):
    return EscalationLog(
        make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}"),
        spool=tmp_path / "spool.jsonl",
        webhook_url="",
        retry_delay=0.01,
    )


def wait(futures):
    return [f.result(timeout=30) for f in futures]


def test_escalation_is_recorded_without_the_text_by_default(log):
    wait(log.record(Escalation("c1", "emergency", ["bladder_bowel"], "rest", "secret words")))
    (row,) = log.recent()
    assert (row["conversation_id"], row["level"], row["flags"], row["channel"]) == (
        "c1",
        "emergency",
        "bladder_bowel",
        "rest",
    )
    assert row["text"] is None and row["created_at"] is not None


def test_text_is_recorded_only_when_configured(tmp_path):
    log = EscalationLog(
        make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}"), spool=tmp_path / "s", webhook_url="", store_text=True
    )
    wait(log.record(Escalation("c1", "urgent", ["injury", "systemic"], "rest", "fell off a ladder")))
    assert log.recent()[0]["text"] == "fell off a ladder"
    assert log.recent()[0]["flags"] == "injury,systemic"


def test_a_record_that_cannot_be_written_is_kept_and_written_later(tmp_path):
    blocked = tmp_path / "not-a-dir"
    blocked.write_text("a file where the database's folder should be")
    log = EscalationLog(
        create_engine(f"sqlite:///{blocked / 'db.sqlite'}"), spool=tmp_path / "spool.jsonl", webhook_url=""
    )
    assert wait(log.record(Escalation("c1", "emergency", ["bladder_bowel"]))) == [False]
    assert (tmp_path / "spool.jsonl").read_text().count("\n") == 1
    log._engine = make_engine(f"sqlite:///{tmp_path / 'good.sqlite'}")  # the database is back
    assert wait(log.record(Escalation("c2", "urgent", ["injury"]))) == [True]
    assert sorted(r["conversation_id"] for r in log.recent()) == ["c1", "c2"]
    assert not (tmp_path / "spool.jsonl").exists()


def test_a_spooled_record_is_written_when_the_database_is_back_without_another_escalation(tmp_path):
    blocked = tmp_path / "not-a-dir"
    blocked.write_text("a file where the database's folder should be")
    log = EscalationLog(
        create_engine(f"sqlite:///{blocked / 'db.sqlite'}"),
        spool=tmp_path / "spool.jsonl",
        webhook_url="",
        spool_retry=0.2,
    )
    assert wait(log.record(Escalation("c1", "emergency", ["bladder_bowel"]))) == [False]
    log._engine = make_engine(f"sqlite:///{tmp_path / 'good.sqlite'}")  # the database is back
    deadline = time.monotonic() + 10
    while (tmp_path / "spool.jsonl").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [r["conversation_id"] for r in log.recent()] == ["c1"]  # once
    time.sleep(0.5)
    assert [r["conversation_id"] for r in log.recent()] == ["c1"]


def test_webhook_gets_the_escalation(log, webhook):
    webhook.reset()
    log.webhook_url = webhook.url
    wait(log.record(Escalation("c9", "emergency", ["bladder_bowel", "saddle_numbness"], "rest", "x")))
    assert webhook.received == [
        {
            "conversation_id": "c9",
            "level": "emergency",
            "flags": ["bladder_bowel", "saddle_numbness"],
            "channel": "rest",
            "created_at": webhook.received[0]["created_at"],
        }
    ]


def test_failing_webhook_is_retried_then_given_up(log, webhook):
    webhook.reset()
    webhook.fail_with = 503
    log.webhook_url = webhook.url
    results = wait(log.record(Escalation("c9", "urgent", ["injury"])))
    assert results == [True, False]  # the record is written; the webhook gave up
    assert webhook.attempts == 3
    webhook.reset()


@pytest.fixture
def library(store, article_copy, monkeypatch, log):
    ingest(article_copy, store)
    lib = Library(store)
    monkeypatch.setattr(answers, "library", lib)
    monkeypatch.setattr(escalation, "escalation_log", log)
    return lib


def red_flag_tracker(text, asked="ask_home_remedies", channel="rest"):
    tracker = make_tracker(text, "red_flag", channel=channel)
    tracker.latest_message["intent_ranking"] = [
        {"name": "red_flag", "confidence": 1.0},
        {"name": asked, "confidence": 0.93},
    ]
    return tracker


def test_escalate_action_quotes_the_article_and_answers_the_question_without_recording(library, log, monkeypatch):
    monkeypatch.setattr(escalation, "escalation_log", log)
    dispatcher = CollectingDispatcher()
    ActionEscalate().respond(dispatcher, red_flag_tracker(BLADDER), DOMAIN)
    detail, answer, payload = dispatcher.messages
    assert detail["text"].startswith('From the article\'s "When to see a doctor" section:')
    assert "Loss of Bladder or Bowel Control: This is a medical emergency" in detail["text"]
    assert answer["text"].startswith('From the article\'s "Treatment Options" section:')
    assert payload["custom"]["kind"] == "answer"
    time.sleep(0.3)
    assert log.recent() == []  # the Rasa server's tracker store records it (tests/test_rasa_ext.py)


def test_after_an_emergency_nothing_else_is_answered_when_nothing_else_was_asked(library):
    text = "I can't hold my wee any more"
    tracker = red_flag_tracker(text, "ask_home_remedies")
    tracker.latest_message["entities"] = [
        {"entity": "red_flag", "value": "bladder_bowel", "start": 2, "end": text.index(" any")}
    ]
    dispatcher = CollectingDispatcher()
    ActionEscalate().respond(dispatcher, tracker, DOMAIN)
    (detail,) = dispatcher.messages  # the article's words on the sign, and no home remedies
    assert "Loss of Bladder or Bowel Control" in detail["text"]


def test_after_an_escalation_its_passage_is_not_given_twice_nor_should_i_go_answered(library):
    """Asking whether to go to hospital is answered by the escalation itself; the article's
    passage on the sign is quoted once, not again as an answer."""
    text = "my back pain is 10/10 and shoots into my knee, should I go to the hospital tonight?"
    dispatcher = CollectingDispatcher()
    ActionEscalate().respond(dispatcher, red_flag_tracker(text, "ask_when_to_see_doctor"), DOMAIN)
    (detail,) = dispatcher.messages
    assert "Severe Pain" in detail["text"]


def test_after_an_escalation_the_question_is_read_whole(library):
    """ "is a trapped nerve why my knee keeps going numb": the numbness escalates, and the
    question about the nerve is answered from the causes, not from what is left without it."""
    text = "is a trapped nerve the reason my knee keeps going numb"
    dispatcher = CollectingDispatcher()
    ActionEscalate().respond(dispatcher, red_flag_tracker(text, "ask_causes"), DOMAIN)
    detail, answer, payload = dispatcher.messages
    assert "Numbness or Tingling" in detail["text"]
    assert payload["custom"]["passages"][0] == "causes.nerve_compression"


def test_yes_to_the_safety_question_quotes_the_article_on_the_category_asked_about(library):
    tracker = make_tracker("/affirm", "affirm")
    tracker.slots["red_flag"] = "bladder_bowel"
    dispatcher = CollectingDispatcher()
    ActionEscalate().respond(dispatcher, tracker, DOMAIN)
    (detail,) = dispatcher.messages
    assert "Loss of Bladder or Bowel Control" in detail["text"]


def test_yes_in_words_to_the_safety_question_gets_the_escalation_alone(library):
    tracker = make_tracker("yes, a tingling feeling down there", "affirm")
    tracker.slots["red_flag"] = "saddle_numbness"
    dispatcher = CollectingDispatcher()
    ActionEscalate().respond(dispatcher, tracker, DOMAIN)
    assert len(dispatcher.messages) == 1 and _answers(dispatcher) == []  # an emergency: nothing after


def test_no_to_the_safety_question_answers_the_message_that_raised_it(library):
    from actions.escalation import ActionAnswerAsked

    tracker = make_tracker("/deny", "deny")
    asked = {
        "text": "is acupuncture any good for my back, there's a funny feeling down there",
        "intent": {"name": "safety_check", "confidence": 1.0},
        "entities": [],
        "intent_ranking": [
            {"name": "ask_alternative_therapies", "confidence": 0.9},
            {"name": "ask_treatment", "confidence": 0.1},
        ],
    }
    tracker.events = [
        {"event": "user", "text": asked["text"], "parse_data": asked, "input_channel": "rest"},
        {"event": "bot", "text": "Before I answer, one safety question: ..."},
        {"event": "user", "text": "/deny", "parse_data": tracker.latest_message, "input_channel": "rest"},
    ]
    dispatcher = CollectingDispatcher()
    ActionAnswerAsked().respond(dispatcher, tracker, DOMAIN)
    payload = [m["custom"] for m in dispatcher.messages if m["custom"]][0]
    assert payload["kind"] == "answer" and "treatment.acupuncture" in payload["passages"]


def test_escalation_of_a_sign_the_article_does_not_name_says_so(library):
    dispatcher = CollectingDispatcher()
    ActionEscalate().respond(dispatcher, red_flag_tracker("my groin has gone completely numb", "out_of_scope"), DOMAIN)
    (detail,) = dispatcher.messages  # nothing was asked that the article answers
    assert "doesn't describe this warning sign" in detail["text"]


@pytest.mark.parametrize(
    "text", ["both my legs have gone weak since this morning", "my left leg is getting weaker by the hour"]
)
def test_weakness_in_both_legs_or_getting_worse_quotes_the_articles_leg_sign(library, text):
    """Both legs and progressive weakness are the article's "numbness, tingling, or weakness in
    your legs" (data/article/entity_passages.yml), quoted with its section, not "not described"."""
    dispatcher = CollectingDispatcher()
    ActionEscalate().respond(dispatcher, red_flag_tracker(text, "out_of_scope"), DOMAIN)
    details = " ".join(m["text"] or "" for m in dispatcher.messages)
    assert "weakness in your legs" in details and "doesn't describe" not in details, details


def test_answer_action_escalates_first_when_a_red_flag_slipped_past_the_nlu(library):
    dispatcher = CollectingDispatcher()
    ActionAnswerArticle().respond(dispatcher, make_tracker(BLADDER, "ask_home_remedies"), DOMAIN)
    first, first_payload = dispatcher.messages[:2]
    assert first["text"].startswith("Please go to the emergency department")
    assert first_payload["custom"] == {"kind": "escalation", "level": "emergency", "flags": ["bladder_bowel"]}
    assert dispatcher.messages[3]["custom"]["kind"] == "answer"


def test_plain_text_channel_gets_the_escalation_as_text_only(library):
    dispatcher = CollectingDispatcher()
    ActionAnswerArticle().respond(dispatcher, make_tracker(BLADDER, "ask_home_remedies", channel="telegram"), DOMAIN)
    assert dispatcher.messages[0]["text"].startswith("Please go to the emergency department")
    assert not any(m["custom"] for m in dispatcher.messages)


@pytest.mark.parametrize(
    "category, level",
    [("bladder_bowel", "emergency"), ("injury", "urgent"), ("persistent", "routine"), (None, "emergency")],
)
def test_domain_has_an_escalation_per_category_with_its_level(category, level):
    text, custom = escalation_response(DOMAIN, category)
    assert custom["level"] == level and custom["kind"] == "escalation"
    first_line = text.split("\n")[0]
    assert {"emergency": "emergency department", "urgent": "doctor today", "routine": "book an appointment"}[
        level
    ] in first_line


def test_asked_question_is_judged_without_the_models_red_flag_share():
    tracker = make_tracker(BLADDER, "red_flag")
    tracker.latest_message["intent_ranking"] = [
        {"name": "red_flag", "confidence": 0.70},
        {"name": "ask_home_remedies", "confidence": 0.25},
        {"name": "ask_causes", "confidence": 0.05},
    ]
    assert escalation.asked_intent(tracker) == "ask_home_remedies"
    tracker.latest_message["intent_ranking"] = [
        {"name": "red_flag", "confidence": 0.70},
        {"name": "ask_home_remedies", "confidence": 0.12},
        {"name": "ask_causes", "confidence": 0.10},
        {"name": "greet", "confidence": 0.08},
    ]
    assert escalation.asked_intent(tracker) is None  # nothing asked with confidence


def test_without_a_confident_intent_the_rest_of_the_message_is_answered_from_the_article(library):
    text = "what exercises help? also I can't control my bladder since Tuesday"
    tracker = make_tracker(text, "red_flag")
    start = text.index("can't")
    tracker.latest_message["entities"] = [
        {"entity": "red_flag", "value": "bladder_bowel", "start": start, "end": text.index(" since")}
    ]
    tracker.latest_message["intent_ranking"] = [
        {"name": "red_flag", "confidence": 0.97},
        {"name": "ask_causes", "confidence": 0.01},
    ]
    from safety.red_flags import get_detector

    rest = escalation.without_mentions(text, get_detector().assess(text))
    assert rest.strip().startswith("what exercises help?") and "bladder" not in rest
    dispatcher = CollectingDispatcher()
    ActionEscalate().respond(dispatcher, tracker, DOMAIN)
    answer = [m["custom"] for m in dispatcher.messages if m["custom"]][0]
    assert answer["section"] == "treatment" and "treatment.regular_exercise" in answer["passages"]


@pytest.mark.parametrize(
    "text",
    [
        "I tripped over the dog last Tuesday and landed hard on my back, do I need to get it checked?",
        "slipped on the stairs at work last week and now my back and knee hurt, should I get it looked at",
        "fell off a ladder last week, since then back and knee both sore, must I go get checked?",
        "took a tumble on the ice a few days ago and landed on my back, now the knee aches too, do I need a doctor?",
    ],
)
def test_a_question_the_escalations_passage_answers_gets_no_second_passage_from_its_section(library, text):
    """A fall, and "must I see a doctor?": the escalation quotes the article on injuries, which
    answers it; what is left without the fall is not answered again from "When to see a doctor"
    (as persistent symptoms)."""
    dispatcher = CollectingDispatcher()
    ActionEscalate().respond(dispatcher, red_flag_tracker(text, "ask_when_to_see_doctor"), DOMAIN)
    (detail,) = dispatcher.messages
    assert "Injury" in detail["text"]


def _answers(dispatcher: CollectingDispatcher) -> list:
    return [m["custom"] for m in dispatcher.messages if (m.get("custom") or {}).get("kind") == "answer"]


def test_an_emergency_report_that_asks_nothing_gets_the_escalation_alone(library):
    dispatcher = CollectingDispatcher()
    text = "lost control of my bladder since yesterday, been doing my stretching exercises every morning"
    ActionEscalate().respond(dispatcher, red_flag_tracker(text, "out_of_scope"), DOMAIN)
    assert dispatcher.messages  # the article's words on the sign
    assert _answers(dispatcher) == []  # nothing on stretching, which nobody asked about


def test_a_report_below_an_emergency_gets_only_the_symptom_it_tells_of(library):
    dispatcher = CollectingDispatcher()
    text = "fell off my bike on sunday, been putting ice and a heat pack on the knee since"
    ActionEscalate().respond(dispatcher, red_flag_tracker(text, "out_of_scope"), DOMAIN)
    assert "Injury" in dispatcher.messages[0]["text"]
    assert _answers(dispatcher) == []  # nothing on heat and cold, which was not asked
    dispatcher = CollectingDispatcher()
    text = "pain runs from my lower back to the knee, like a knife, painkillers do nothing"
    ActionEscalate().respond(dispatcher, red_flag_tracker(text, "out_of_scope"), DOMAIN)
    assert [a["passages"][0] for a in _answers(dispatcher)] == ["symptoms.localized_pain"]


@pytest.mark.parametrize(
    "text",
    [
        "fell off my bike on sunday, need some exercises for the knee please",
        "fell off my bike on sunday, I wonder if I can still go swimming",
    ],
)
def test_a_question_without_a_question_mark_is_still_answered(library, text):
    dispatcher = CollectingDispatcher()
    ActionEscalate().respond(dispatcher, red_flag_tracker(text, "out_of_scope"), DOMAIN)
    assert len(_answers(dispatcher)) == 1


def test_a_question_beside_an_emergency_is_answered(library):
    dispatcher = CollectingDispatcher()
    text = "both legs numb since this morning, can i still do yoga"
    ActionEscalate().respond(dispatcher, red_flag_tracker(text, "out_of_scope"), DOMAIN)
    assert [a["passages"][0] for a in _answers(dispatcher)] == ["treatment.yoga_and_pilates"]


@pytest.mark.parametrize(
    "text",
    [
        "fever in the evenings and my weight is dropping without dieting, should I worry",
        "a temperature at night and the weight keeps going down though I eat, is it serious?",
    ],
)
def test_asking_only_whether_to_worry_is_answered_by_the_escalation(library, text):
    """ "Should I worry?" beside a red flag is what the escalation answers: no passage on weight
    management or anything else the leftover words happen to match."""
    dispatcher = CollectingDispatcher()
    ActionEscalate().respond(dispatcher, red_flag_tracker(text, "out_of_scope"), DOMAIN)
    assert "Fever" in dispatcher.messages[0]["text"]
    assert all(a["passages"][0].startswith("symptoms.") for a in _answers(dispatcher))


def test_a_question_of_filler_words_beside_a_red_flag_is_still_answered(library):
    """ "Is that from the back?" asks about the cause, not whether to worry: it is answered."""
    dispatcher = CollectingDispatcher()
    text = "both my legs feel weak round the knees, is that from the back?"
    ActionEscalate().respond(dispatcher, red_flag_tracker(text, "out_of_scope"), DOMAIN)
    assert _answers(dispatcher)
