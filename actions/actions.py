"""Custom actions: answer from the article, continue an answer, say what it does not cover.

Each starts the first reply of a conversation with the not-medical-advice notice (after an
escalation, which always comes first).
"""
from typing import Any, Dict, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import answers
from actions.escalation import escalate_if_missed
from actions.replies import (
    OVERVIEW_INTENTS,
    answer_intent,
    notice_if_first_turn,
    send,
    send_answer,
    send_not_covered,
    send_unavailable,
    suggestions,
)
from actions.topics import TOPICS


class ActionAnswerArticle(Action):
    def name(self) -> Text:
        return "action_answer_article"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]):
        intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
        events = escalate_if_missed(dispatcher, tracker, domain)
        notice_if_first_turn(dispatcher, tracker)
        return events + answer_intent(dispatcher, tracker, intent)


class ActionTellMore(Action):
    def name(self) -> Text:
        return "action_tell_more"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]):
        events = escalate_if_missed(dispatcher, tracker, domain)
        notice_if_first_turn(dispatcher, tracker)
        topic_intent = tracker.get_slot("answer_topic")
        topic = TOPICS.get(topic_intent)
        try:
            answer = answers.continue_answer(answers.library, tracker.get_slot("more_refs") or [])
        except Exception:
            return events + send_unavailable(dispatcher, tracker, self.name())
        if answer is None:
            text = (
                "That's everything the article says on this. You could ask, for example:"
                if topic
                else "Ask me about something first, for example:"
            )
            send(dispatcher, tracker, text, {"kind": "answer", "section": None, "passages": []},
                 suggestions(topic.follow_ups if topic else OVERVIEW_INTENTS))
            return events + [SlotSet("more_refs", [])]
        return events + send_answer(dispatcher, tracker, answer, topic_intent)


class ActionNotCovered(Action):
    def name(self) -> Text:
        return "action_not_covered"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]):
        events = escalate_if_missed(dispatcher, tracker, domain)
        notice_if_first_turn(dispatcher, tracker)
        return events + send_not_covered(dispatcher, tracker)


class ActionChitchat(Action):
    """Greetings, thanks, goodbyes, help and "are you a bot": the domain's response for each."""

    RESPONSES = {
        "greet": "utter_greet",
        "goodbye": "utter_goodbye",
        "thanks": "utter_you_are_welcome",
        "help": "utter_help",
        "bot_challenge": "utter_iamabot",
    }

    def name(self) -> Text:
        return "action_chitchat"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]):
        events = escalate_if_missed(dispatcher, tracker, domain)
        notice_if_first_turn(dispatcher, tracker)
        intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
        dispatcher.utter_message(response=self.RESPONSES.get(intent, "utter_help"))
        return events
