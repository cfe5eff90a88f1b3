"""What the assistant sends, by the message contract (README: "Message contract").

Text (with suggestion buttons) goes to every channel. The custom payload follows it as a separate
message, and only for channels that can use it: plain-text channels must never receive JSON.
"""

import logging
import re
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import answers
from actions.answers import Answer, answer_question
from actions.coverage import not_covered
from article.corrections import apply_corrections
from article.topics import QUESTIONS, TOPICS
from article.topics import TABLE as TOPIC_TABLE
from operations.unanswered import UnansweredLog

logger = logging.getLogger(__name__)

PAYLOAD_CHANNELS = frozenset({"rest", "socketio"})
# Channels that cannot show buttons: follow-ups become numbered options, answered by number.
NUMBERED_CHANNELS = frozenset({"twilio", "callback"})
TELL_ME_MORE = {"title": "Tell me more", "payload": "/tell_me_more"}
NUMBERED_HEADER = "Reply with a number:"
_NUMBER = re.compile(r"^\s*(\d{1,2})\s*[.)]?\s*$")
_OPTION = re.compile(r"^(\d{1,2})\. (.+)$")
OVERVIEW_INTENTS = ("ask_causes", "ask_treatment", "ask_when_to_see_doctor")
NOT_COVERED_TEXT = (
    "Sorry, the article I answer from doesn't cover that, so I can't tell you. "
    "Please ask a doctor, pharmacist or physiotherapist.\n"
    "What the article does cover: how back pain can cause knee pain, its causes and symptoms, "
    "when to see a doctor, treatment options and recovery."
)
ENGLISH_ONLY_TEXT = (
    "Sorry, I can only read English for now. Please ask your question in English, or talk to a "
    "doctor or pharmacist. For anything urgent, call your local emergency number (112 in the EU, "
    "999 in the UK, 911 in the US)."
)
UNAVAILABLE_TEXT = (
    "Sorry, I can't reach the article right now. Please try again in a moment, and for anything "
    "about your own health ask a healthcare professional."
)


def is_first_turn(tracker: Tracker) -> bool:
    """True while answering the first message of a conversation (since its session started)."""
    messages = 0
    for event in reversed(tracker.events or []):
        if event.get("event") == "user":
            messages += 1
        elif event.get("event") == "session_started":
            break
    return messages == 1


def notice_if_first_turn(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """The not-medical-advice notice, in the first reply of every conversation."""
    if is_first_turn(tracker):
        dispatcher.utter_message(response="utter_disclaimer")


def suggestions(intents: Iterable[str], more: bool = False, limit: int = 3) -> List[Dict[str, str]]:
    buttons = [TELL_ME_MORE] if more else []
    buttons += TOPIC_TABLE.buttons(list(intents))
    return buttons[:limit]


def numbered(buttons: List[Dict[str, str]]) -> str:
    return "\n".join([NUMBERED_HEADER] + [f"{i}. {b['title']}" for i, b in enumerate(buttons, 1)])


def send_text(dispatcher, tracker: Tracker, text: str, buttons: List[Dict[str, str]] = ()) -> None:
    """Text with buttons, or with numbered options where the channel shows no buttons."""
    if buttons and tracker.get_latest_input_channel() in NUMBERED_CHANNELS:
        text, buttons = f"{text}\n{numbered(buttons)}", []
    dispatcher.utter_message(text=text, buttons=list(buttons))


def utter_response(dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any], response: str) -> None:
    """A domain response; where buttons don't show, its text with its buttons (its own, or its
    topic buttons, data/topics.yml) as numbered options."""
    if tracker.get_latest_input_channel() in NUMBERED_CHANNELS:
        variation = domain.get("responses", {}).get(response, [{}])[0]
        buttons = variation.get("buttons") or suggestions(TOPIC_TABLE.response_buttons.get(response, []))
        send_text(dispatcher, tracker, variation.get("text", ""), buttons)
    else:
        dispatcher.utter_message(response=response)


def send(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    text: str,
    payload: Dict[str, Any],
    buttons: List[Dict[str, str]] = (),
) -> None:
    send_text(dispatcher, tracker, text, buttons)
    if tracker.get_latest_input_channel() in PAYLOAD_CHANNELS:
        dispatcher.utter_message(json_message=payload)


def chosen_option(tracker: Tracker) -> Optional[str]:
    """On a plain-text channel, "2" picks the second numbered option of the last reply.

    Returns the intent of that option (e.g. "ask_symptoms", "tell_me_more"), or None.
    """
    if tracker.get_latest_input_channel() not in NUMBERED_CHANNELS:
        return None
    number = _NUMBER.match((tracker.latest_message or {}).get("text") or "")
    if not number:
        return None
    payloads = {q: f"/{intent}" for intent, q in QUESTIONS.items()}
    payloads[TELL_ME_MORE["title"]] = TELL_ME_MORE["payload"]
    for event in reversed(tracker.events or []):
        text = event.get("text") or "" if event.get("event") == "bot" else ""
        if NUMBERED_HEADER in text:
            options = dict(m.groups() for m in map(_OPTION.match, text.split("\n")) if m)
            payload = payloads.get(options.get(number.group(1), ""))
            return payload[1:] if payload else None
    return None


def send_answer(
    dispatcher, tracker, answer: Answer, intent: Optional[str], continuing: bool = False
) -> List[EventType]:
    """Send ``answer``; the slots say what it was about, what "tell me more" continues with and what
    it listed (a ``continuing`` answer that lists nothing of its own leaves the list it continues,
    which "the second one" still points into)."""
    payload = {
        "kind": "answer",
        "section": answer.section.id,
        "section_title": answer.section.title,
        "passages": answer.passages,
    }
    topic = TOPICS.get(intent)
    follow_ups = topic.follow_ups if topic else OVERVIEW_INTENTS
    send(dispatcher, tracker, answer.text, payload, suggestions(follow_ups, more=bool(answer.remaining)))
    return [
        SlotSet("answer_topic", intent),
        SlotSet("more_refs", answer.remaining),
        *([] if continuing and not answer.listed else [SlotSet("listed", answer.listed)]),
        SlotSet("offered", []),
    ]


def chosen_passage(tracker: Tracker) -> Optional[str]:
    """The passage the visitor picked: a "did you mean" button, its number on a text channel,
    or a mention of an item the last answer listed ("the second one")."""
    message = tracker.latest_message or {}
    if (message.get("intent") or {}).get("name") == "choose_passage":
        return next((e.get("value") for e in message.get("entities") or [] if e.get("entity") == "passage"), None)
    text = message.get("text") or ""
    number = _NUMBER.match(text)
    offered = tracker.get_slot("offered") or []
    if number and offered and 1 <= int(number.group(1)) <= len(offered):
        return offered[int(number.group(1)) - 1]
    return answers.mentioned_item(text, tracker.get_slot("listed") or [])


def answer_chosen(dispatcher, tracker, passage_id: str) -> List[EventType]:
    try:
        article, _ = answers.library.current()
        passage = article.passage(passage_id)
        if passage is None:
            return send_not_covered(dispatcher, tracker)
        return send_answer(dispatcher, tracker, answers.answer_passage(article, passage), None)
    except Exception:
        return send_unavailable(dispatcher, tracker, "answer a chosen passage")


unanswered_log = UnansweredLog()


def send_not_covered(dispatcher, tracker) -> List[EventType]:
    """Say honestly that the article doesn't cover it, and keep the message for review."""
    message = tracker.latest_message or {}
    ranking = message.get("intent_ranking") or [message.get("intent") or {}]
    best = next((r for r in ranking if r.get("name") != "nlu_fallback"), {})
    unanswered_log.log(message, best.get("name"), best.get("confidence"))
    send(dispatcher, tracker, NOT_COVERED_TEXT, {"kind": "fallback"}, suggestions(OVERVIEW_INTENTS))
    return [SlotSet("answer_topic", None), SlotSet("more_refs", [])]


def send_unavailable(dispatcher, tracker, action: str) -> List[EventType]:
    logger.exception("%s failed", action)
    send(dispatcher, tracker, UNAVAILABLE_TEXT, {"kind": "fallback"})
    return []


def answer_intent(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    intent: Optional[str],
    question: Optional[str] = None,
    min_score: Optional[float] = None,
) -> List[EventType]:
    """Answer the latest message (or `question`) from the article, steered by `intent`, or say
    it isn't covered (`min_score`: the bar of a search of the whole article, if not the default)."""
    return answer_after_escalation(dispatcher, tracker, intent, question=question, min_score=min_score)[0]


def answer_after_escalation(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    intent: Optional[str],
    escalated: bool = False,
    question: Optional[str] = None,
    shown: Sequence[str] = (),
    shown_sections: Sequence[str] = (),
    min_score: Optional[float] = None,
) -> Tuple[List[EventType], bool]:
    """As :func:`answer_intent`; after an escalation (`escalated`), a message that asked nothing
    the article answers gets nothing more, and an answer that is a passage in `shown` or from a
    section in `shown_sections` is not given (the escalation has just quoted it). Returns the
    events and whether that was so: the question is answered already."""
    message = tracker.latest_message or {}
    question = message.get("text") or "" if question is None else question
    question = apply_corrections(question)  # "what is the social nerve *sciatic": the writer's fix
    topic = TOPICS.get(intent)
    if question.startswith("/"):  # a button's payload: its question's words
        question = QUESTIONS.get(intent, "")
    if not_covered(question) or (topic is None and intent not in (None, "nlu_fallback", "out_of_scope")):
        return ([] if escalated else send_not_covered(dispatcher, tracker)), False
    try:
        entities = [e for e in message.get("entities") or [] if e.get("entity") != "red_flag"]
        choice = (
            answer_question(answers.library, topic, question, entities)
            if topic
            else answers.choose(answers.library, question, min_score=min_score)
        )
    except Exception:  # the store is down or empty: say so, never stay silent
        return send_unavailable(dispatcher, tracker, "answer"), False
    if choice.options and not escalated:
        return send_did_you_mean(dispatcher, tracker, choice.options), False
    answer = answers.closest_answer(answers.library, choice)  # after an escalation, no choices
    if answer is None:
        return ([] if escalated else send_not_covered(dispatcher, tracker)), False
    if quoted_already(answer, shown, shown_sections):
        return [], True
    return send_answer(dispatcher, tracker, answer, intent), False


def quoted_already(answer, shown: Sequence[str], shown_sections: Sequence[str] = ()) -> bool:
    """The answer is a passage in `shown`, or from a section in `shown_sections`: an escalation
    has just quoted it."""
    return answer.passages[0] in shown or answer.section.id in shown_sections


DID_YOU_MEAN_TEXT = "I'm not sure which part of the article you mean. Did you mean:"


def option_title(passage) -> str:
    if passage.label:
        return passage.label
    words = passage.text.split()
    return " ".join(words[:8]) + ("..." if len(words) > 8 else "")


def send_did_you_mean(dispatcher, tracker, options) -> List[EventType]:
    """Two or three close passages: let the visitor choose (by button, or by number)."""
    buttons = [{"title": option_title(p), "payload": f'/choose_passage{{"passage": "{p.id}"}}'} for p in options]
    send(dispatcher, tracker, DID_YOU_MEAN_TEXT, {"kind": "did_you_mean", "passages": [p.id for p in options]}, buttons)
    return [SlotSet("offered", [p.id for p in options]), SlotSet("more_refs", [])]
