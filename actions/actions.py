"""Custom actions: answer from the article, continue an answer, say what it does not cover."""
import logging
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import Answer, Library, answer_question, continue_answer
from actions.coverage import not_covered
from actions.replies import send, suggestions
from actions.topics import TOPICS

logger = logging.getLogger(__name__)
library = Library()

NOT_COVERED_TEXT = (
    "Sorry, the article I answer from doesn't cover that, so I can't tell you. "
    "Please ask a doctor, pharmacist or physiotherapist.\n"
    "What the article does cover: how back pain can cause knee pain, its causes and symptoms, "
    "when to see a doctor, treatment options and recovery."
)
UNAVAILABLE_TEXT = (
    "Sorry, I can't reach the article right now. Please try again in a moment, and for anything "
    "about your own health ask a healthcare professional."
)
OVERVIEW_INTENTS = ("ask_causes", "ask_treatment", "ask_when_to_see_doctor")


def _send_answer(dispatcher, tracker, answer: Answer, intent: str) -> List[EventType]:
    payload = {"kind": "answer", "section": answer.section.id, "passages": answer.passages}
    topic = TOPICS.get(intent)
    buttons = suggestions(topic.follow_ups if topic else OVERVIEW_INTENTS, more=bool(answer.remaining))
    send(dispatcher, tracker, answer.text, payload, buttons)
    return [SlotSet("answer_topic", intent), SlotSet("more_refs", answer.remaining)]


def _send_not_covered(dispatcher, tracker) -> List[EventType]:
    send(dispatcher, tracker, NOT_COVERED_TEXT, {"kind": "fallback"}, suggestions(OVERVIEW_INTENTS))
    return [SlotSet("answer_topic", None), SlotSet("more_refs", [])]


def _send_unavailable(dispatcher, tracker, action: str) -> List[EventType]:
    logger.exception("%s failed", action)
    send(dispatcher, tracker, UNAVAILABLE_TEXT, {"kind": "fallback"})
    return []


class ActionAnswerArticle(Action):
    def name(self) -> Text:
        return "action_answer_article"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]):
        message = tracker.latest_message or {}
        intent = (message.get("intent") or {}).get("name")
        question = message.get("text") or ""
        topic = TOPICS.get(intent)
        if topic is None or not_covered(question):
            return _send_not_covered(dispatcher, tracker)
        try:
            answer = answer_question(library, topic, question, message.get("entities") or [])
        except Exception:  # the store is down or empty: say so, never stay silent
            return _send_unavailable(dispatcher, tracker, self.name())
        return _send_answer(dispatcher, tracker, answer, intent)


class ActionTellMore(Action):
    def name(self) -> Text:
        return "action_tell_more"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]):
        topic_intent = tracker.get_slot("answer_topic")
        topic = TOPICS.get(topic_intent)
        try:
            answer = continue_answer(library, tracker.get_slot("more_refs") or [])
        except Exception:
            return _send_unavailable(dispatcher, tracker, self.name())
        if answer is None:
            text = (
                "That's everything the article says on this. You could ask, for example:"
                if topic
                else "Ask me about something first, for example:"
            )
            send(dispatcher, tracker, text, {"kind": "answer", "section": None, "passages": []},
                 suggestions(topic.follow_ups if topic else OVERVIEW_INTENTS))
            return [SlotSet("more_refs", [])]
        return _send_answer(dispatcher, tracker, answer, topic_intent)


class ActionNotCovered(Action):
    def name(self) -> Text:
        return "action_not_covered"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]):
        return _send_not_covered(dispatcher, tracker)


class ActionSessionStart(Action):
    """Starts every conversation with the not-medical-advice notice."""

    def name(self) -> Text:
        return "action_session_start"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]):
        dispatcher.utter_message(response="utter_disclaimer")
        return [SessionStarted(), ActionExecuted("action_listen")]
