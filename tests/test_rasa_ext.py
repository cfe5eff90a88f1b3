"""The Rasa-server extensions: escalation payload flags, plain-text channels, and escalations
recorded from the tracker store (so a record is kept with the action server down)."""

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from database import make_engine
from operations.escalations import EscalationLog
from paths import PROJECT_ROOT
from rasa_ext.nlg import EscalationResponseGenerator
from rasa_ext.tracker_store import RecordingSQLTrackerStore, escalations_in

DOMAIN = Domain.load(str(PROJECT_ROOT / "domain.yml"))


def red_flag_message(*flags):
    entities = [{"entity": "red_flag", "value": f, "start": 0, "end": 3} for f in flags]
    return UserUttered("text", {"name": "red_flag", "confidence": 1.0}, entities, input_channel="rest")


def tracker_with(events, sender="c1"):
    return DialogueStateTracker.from_events(sender, events, slots=DOMAIN.slots)


def run(coroutine):
    """Run a coroutine on its own thread: another test (Playwright) may leave this thread's loop running."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def generate(action, tracker, channel):
    nlg = EscalationResponseGenerator(domain=DOMAIN)
    return run(nlg.generate(action, tracker, channel))


def test_escalation_payload_lists_every_affirmed_flag_most_severe_first():
    tracker = tracker_with(
        [red_flag_message("injury", "bladder_bowel", "saddle_numbness"), SlotSet("red_flag", "bladder_bowel")]
    )
    response = generate("utter_red_flag", tracker, "collector")
    assert response["text"].startswith("Please go to the emergency department")
    assert response["custom"] == {
        "kind": "escalation",
        "level": "emergency",
        "flags": ["bladder_bowel", "saddle_numbness", "injury"],
    }


def test_plain_text_channels_get_no_payload_and_a_yes_or_no_question():
    tracker = tracker_with([UserUttered("hmm", {"name": "safety_check"}), SlotSet("red_flag", "bladder_bowel")])
    rest = generate("utter_safety_question", tracker, "collector")
    assert rest["custom"] == {"kind": "safety_question", "asks": "bladder_bowel"}
    assert [b["title"] for b in rest["buttons"]] == ["Yes", "No"]
    sms = generate("utter_safety_question", tracker, "twilio")
    assert "custom" not in sms and not sms.get("buttons")
    assert "bladder" in sms["text"] and sms["text"].endswith("Please reply yes or no.")
    assert "custom" not in generate("utter_red_flag", tracker, "telegram")


def test_one_escalation_variation_per_category_serves_every_channel():
    tracker = tracker_with([red_flag_message("bilateral_leg"), SlotSet("red_flag", "bilateral_leg")])
    texts = set()
    for channel in ("collector", "socketio", "telegram", "twilio", "slack"):
        response = generate("utter_red_flag", tracker, channel)
        texts.add(response["text"])
        if channel in ("collector", "socketio"):
            assert response["custom"] == {"kind": "escalation", "level": "emergency", "flags": ["bilateral_leg"]}
        else:
            assert "custom" not in response
    assert len(texts) == 1 and "both legs" in texts.pop()


def test_the_safety_question_follows_the_suspected_category():
    legs = generate("utter_safety_question", tracker_with([SlotSet("red_flag", "bilateral_leg")]), "socketio")
    assert "both legs" in legs["text"] and legs["custom"]["asks"] == "bilateral_leg"


def test_each_escalation_sent_is_found_once_with_its_flags():
    events = [
        ActionExecuted("action_listen"),
        red_flag_message("saddle_numbness", "injury"),
        ActionExecuted("utter_red_flag"),
        BotUttered("Please go..."),
        ActionExecuted("action_escalate"),
        ActionExecuted("action_listen"),
        UserUttered("/affirm", {"name": "affirm"}),
        ActionExecuted("action_answer_article"),
    ]
    (found,) = escalations_in(events, 0, "c1")
    assert (found.level, list(found.flags), found.channel) == ("emergency", ["saddle_numbness", "injury"], "rest")
    assert escalations_in(events, 3, "c1") == []  # already stored: not recorded again


def test_yes_to_the_safety_question_is_recorded_with_the_category_asked_about():
    events = [
        UserUttered("funny feeling down there", {"name": "safety_check"}),
        SlotSet("red_flag", "saddle_numbness"),
        ActionExecuted("utter_safety_question"),
        ActionExecuted("action_listen"),
        UserUttered("/affirm", {"name": "affirm"}),
        ActionExecuted("utter_red_flag"),
    ]
    (found,) = escalations_in(events, 4, "c1")
    assert (found.level, list(found.flags)) == ("emergency", ["saddle_numbness"])


def test_tracker_store_records_each_escalation_exactly_once(tmp_path):
    log = EscalationLog(make_engine(f"sqlite:///{tmp_path / 'assistant.db'}"), spool=tmp_path / "spool", webhook_url="")
    store = RecordingSQLTrackerStore(domain=DOMAIN, host=f"sqlite:///{tmp_path / 'tracker.db'}", escalation_log=log)
    tracker = tracker_with(
        [ActionExecuted("action_listen"), red_flag_message("bladder_bowel"), ActionExecuted("utter_red_flag")],
        sender="visitor-1",
    )
    run(store.save(tracker))
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(UserUttered("thanks", {"name": "thanks"}))
    run(store.save(tracker))  # the next turn: the escalation is not recorded again
    for _ in range(100):
        if log.recent():
            break
        time.sleep(0.05)
    time.sleep(0.2)
    rows = log.recent()
    assert [(r["conversation_id"], r["level"], r["flags"]) for r in rows] == [
        ("visitor-1", "emergency", "bladder_bowel")
    ]


def test_rasa_parses_a_message_in_a_worker_thread_and_keeps_serving_meanwhile():
    """rasa_ext.parsing: the graph runs off the event loop; while a slow parse runs, another
    coroutine on the loop still gets to run."""
    import threading

    from rasa.core.channels.channel import UserMessage
    from rasa.core.processor import MessageProcessor

    from rasa_ext import parsing

    parsing.install()
    assert MessageProcessor.parse_message is parsing._parse_in_worker

    class Processor:
        http_interpreter = None
        threads = []

        def _parse_message_with_graph(self, message, tracker, only_output_properties):
            self.threads.append(threading.current_thread().name)
            time.sleep(0.3)  # a long message's parse
            return {"text": message.text, "intent": {"name": "greet"}, "entities": []}

        def _update_full_retrieval_intent(self, parse_data):
            pass

        def _check_for_unseen_features(self, parse_data):
            pass

    async def scenario():
        ticks = []

        async def ticker():
            for _ in range(5):
                ticks.append(time.monotonic())
                await asyncio.sleep(0.02)

        parsed, _ = await asyncio.gather(
            parsing._parse_in_worker(Processor(), UserMessage("hello", sender_id="s")), ticker()
        )
        return parsed, ticks

    parsed, ticks = run(scenario())
    assert parsed["intent"]["name"] == "greet"
    assert Processor.threads and Processor.threads[0].startswith("nlu-parse")
    assert len(ticks) == 5 and ticks[-1] - ticks[0] < 0.25  # the loop kept running during the parse


def test_action_server_replies_are_validated_by_a_validator_built_once():
    """rasa_ext.action_calls: the same check as Rasa's (a bad reply raises ValidationError with
    Rasa's hint), without checking the schema itself on every call."""
    import pytest
    from jsonschema import ValidationError
    from rasa.core.actions.action import RemoteAction

    from rasa_ext import action_calls

    action_calls.install()
    action = RemoteAction("action_answer_article", None)
    assert action._validate_action_result({"events": [{"event": "slot", "name": "x", "value": 1}], "responses": []})
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result({"events": [{"event": "no_such_event"}], "responses": []})
    with pytest.raises(ValidationError):
        action._validate_action_result({"events": "not a list"})
    assert action_calls._validator.cache_info().misses == 1


def test_greeting_and_help_buttons_come_from_the_topic_table():
    from article.topics import load_topics

    table = load_topics()
    tracker = tracker_with([UserUttered("hi", {"name": "greet"})])
    for response_name, intents in table.response_buttons.items():
        assert "buttons" not in DOMAIN.responses[response_name][0]  # one source: data/topics.yml
        response = generate(response_name, tracker, "collector")
        assert response["buttons"] == [{"title": table.topics[i].question, "payload": f"/{i}"} for i in intents]


def test_event_classes_are_resolved_as_rasa_does_and_a_stored_conversation_reads_back_whole(tmp_path):
    import pytest
    from rasa.shared.core.events import Event, SessionStarted
    from rasa.shared.utils.common import all_subclasses

    import rasa_ext  # noqa: F401  (installs the extensions, as the Rasa server does)
    from rasa_ext import events as event_types

    assert Event.resolve_by_type is event_types.resolve_by_type
    for cls in all_subclasses(Event):
        assert Event.resolve_by_type(cls.type_name) is event_types._rasa_resolve_by_type(cls.type_name)
    assert Event.resolve_by_type("no such event", default=SlotSet) is SlotSet
    with pytest.raises(ValueError):
        Event.resolve_by_type("no such event")

    store = RecordingSQLTrackerStore(DOMAIN, db=str(tmp_path / "t.db"), dialect="sqlite")
    tracker = DialogueStateTracker("long", DOMAIN.slots)
    tracker.update(ActionExecuted("action_session_start"))
    tracker.update(SessionStarted())
    for turn in range(40):
        tracker.update(ActionExecuted("action_listen"))
        tracker.update(UserUttered(f"question {turn}", {"name": "ask_causes", "confidence": 0.9}, []))
        tracker.update(ActionExecuted("action_answer_causes"))
        tracker.update(BotUttered(f"answer {turn}"))
        tracker.update(SlotSet("answer_topic", "causes"))
    run(store.save(tracker))
    again = run(store.retrieve_full_tracker("long"))
    assert [e.as_dict() for e in again.events] == [e.as_dict() for e in tracker.events]


def test_a_long_conversation_is_read_back_in_a_window_and_every_event_is_stored_once(tmp_path):
    """rasa_ext.tracker_store: each turn reads back the session's last EVENT_WINDOW events (slots
    from all of them), adds its own, and stores exactly those; an escalation late in the
    conversation is recorded once; the whole conversation reads back in order."""
    from rasa.shared.core.events import SessionStarted

    from rasa_ext.tracker_store import EVENT_WINDOW

    log = EscalationLog(make_engine(f"sqlite:///{tmp_path / 'assistant.db'}"), spool=tmp_path / "spool", webhook_url="")
    store = RecordingSQLTrackerStore(DOMAIN, db=str(tmp_path / "t.db"), dialect="sqlite", escalation_log=log)
    first = DialogueStateTracker("long", DOMAIN.slots)
    for event in (ActionExecuted("action_session_start"), SessionStarted(), SlotSet("answer_topic", "causes")):
        first.update(event)
    run(store.save(first))
    written = list(first.events)
    for turn in range(70):
        tracker = run(store.retrieve("long"))
        assert len(tracker.events) <= EVENT_WINDOW
        assert tracker.get_slot("answer_topic") == "causes"  # set in the first turn, out of the window
        turn_events = [ActionExecuted("action_listen")]
        if turn == 60:
            turn_events += [red_flag_message("bladder_bowel"), ActionExecuted("utter_red_flag")]
        else:
            turn_events += [
                UserUttered(f"question {turn}", {"name": "ask_symptoms", "confidence": 0.9}, []),
                ActionExecuted("action_answer_article"),
                BotUttered(f"answer {turn}"),
            ]
        for event in turn_events[:2]:
            tracker.update(event)
        run(store.save(tracker))  # Rasa saves once after the user message, once at the end
        for event in turn_events[2:]:
            tracker.update(event)
        run(store.save(tracker))
        written += turn_events
    assert len(written) > 2 * EVENT_WINDOW
    again = run(store.retrieve_full_tracker("long"))
    assert [e.as_dict() for e in again.events] == [e.as_dict() for e in written]
    for _ in range(100):
        if log.recent():
            break
        time.sleep(0.05)
    time.sleep(0.2)
    assert [(r["conversation_id"], r["level"]) for r in log.recent()] == [("long", "emergency")]
