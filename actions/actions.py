"""Custom actions: answer from the article, continue an answer, say what it does not cover.

Every reply action first escalates a red flag that slipped past the NLU, starts a conversation's
first reply with the not-medical-advice notice, and on plain-text channels takes a number as the
choice of a numbered option; then it gives its own reply.
"""

from abc import abstractmethod
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions import answers
from actions.escalation import asks_something_else, escalate_if_missed
from actions.language import not_english
from actions.replies import (
    ENGLISH_ONLY_TEXT,
    OVERVIEW_INTENTS,
    answer_chosen,
    answer_intent,
    chosen_option,
    chosen_passage,
    notice_if_first_turn,
    send,
    send_answer,
    send_unavailable,
    suggestions,
    utter_response,
)
from actions.threads import ThreadedAction
from article.topics import QUESTIONS, TOPICS


def _latest_text(tracker: Tracker) -> str:
    """The latest message as typed (a button's "/payload" asks nothing of its own)."""
    text = (tracker.latest_message or {}).get("text") or ""
    return "" if text.startswith("/") else text


# a runner-up intent below this is no second opinion: the whole article is searched instead
MIN_RUNNER_UP = 0.3


def _next_article_intent(tracker: Tracker) -> Optional[str]:
    """The likeliest article intent in the model's ranking, if the model gave it some weight
    (None: search the whole article)."""
    for ranked in (tracker.latest_message or {}).get("intent_ranking") or []:
        if ranked.get("name") in TOPICS:
            return ranked["name"] if (ranked.get("confidence") or 0.0) >= MIN_RUNNER_UP else None
    return None


def tell_more(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    topic_intent = tracker.get_slot("answer_topic")
    topic = TOPICS.get(topic_intent)
    try:
        answer = answers.continue_answer(answers.library, tracker.get_slot("more_refs") or [])
    except Exception:
        return send_unavailable(dispatcher, tracker, "tell more")
    if answer is None and topic is None and asks_something_else(_latest_text(tracker)):
        # nothing to continue, and the message is a question of its own ("is it ok to keep doing
        # things that hurt more?" read as "more"): the model's next article intent answers it, or,
        # when it has almost no weight, a search of the whole article at the article's usual bar
        return answer_intent(dispatcher, tracker, _next_article_intent(tracker), min_score=answers.MIN_SCORE)
    if answer is None:
        text = (
            "That's everything the article says on this. You could ask, for example:"
            if topic
            else "Ask me about something first, for example:"
        )
        send(
            dispatcher,
            tracker,
            text,
            {"kind": "answer", "section": None, "passages": []},
            suggestions(topic.follow_ups if topic else OVERVIEW_INTENTS),
        )
        return [SlotSet("more_refs", [])]
    return send_answer(dispatcher, tracker, answer, topic_intent, continuing=True)


class ReplyAction(ThreadedAction):
    """The shared start of every reply; subclasses give `name` and `reply`."""

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]):
        events = escalate_if_missed(dispatcher, tracker, domain)
        notice_if_first_turn(dispatcher, tracker)
        text = (tracker.latest_message or {}).get("text") or ""
        typed = not text.startswith("/")
        # a question in a language the gloss table reads (data/article/gloss.yml) is answered
        # from its English reading; one mostly in that language is searched over the whole
        # article (the model's intent was learnt on English)
        reading = answers.english_reading(text) if typed else None
        foreign = typed and not_english(text, answers.understood_words())
        if reading is None and foreign:
            send(dispatcher, tracker, ENGLISH_ONLY_TEXT, {"kind": "fallback"})
            return events
        passage = chosen_passage(tracker)
        if passage:
            return events + answer_chosen(dispatcher, tracker, passage)
        choice = chosen_option(tracker)
        if choice == "tell_me_more":
            return events + tell_more(dispatcher, tracker)
        if choice:
            return events + answer_intent(dispatcher, tracker, choice, question=QUESTIONS.get(choice))
        if reading is not None:
            # mostly English with a few words of the language: the model's intent still steers
            intent = None if foreign else _next_article_intent(tracker)
            return events + answer_intent(dispatcher, tracker, intent, question=reading)
        return events + self.reply(dispatcher, tracker, domain)

    @abstractmethod
    def reply(self, dispatcher, tracker, domain) -> List[EventType]:
        """The action's own reply."""


def latest_intent(tracker: Tracker) -> str:
    return ((tracker.latest_message or {}).get("intent") or {}).get("name")


class ActionAnswerArticle(ReplyAction):
    def name(self) -> str:
        return "action_answer_article"

    def reply(self, dispatcher, tracker, domain):
        return answer_intent(dispatcher, tracker, latest_intent(tracker))


class ActionTellMore(ReplyAction):
    def name(self) -> str:
        return "action_tell_more"

    def reply(self, dispatcher, tracker, domain):
        return tell_more(dispatcher, tracker)


class ActionNotCovered(ReplyAction):
    def name(self) -> str:
        return "action_not_covered"

    def reply(self, dispatcher, tracker, domain):
        # the model found no article intent: the article is still searched, with a higher bar
        return answer_intent(dispatcher, tracker, latest_intent(tracker))


class ActionChitchat(ReplyAction):
    """Greetings, thanks, goodbyes, help and "are you a bot": the domain's response for each."""

    RESPONSES = {
        "greet": "utter_greet",
        "goodbye": "utter_goodbye",
        "thanks": "utter_you_are_welcome",
        "help": "utter_help",
        "bot_challenge": "utter_iamabot",
    }

    def name(self) -> str:
        return "action_chitchat"

    def reply(self, dispatcher, tracker, domain):
        utter_response(dispatcher, tracker, domain, self.RESPONSES.get(latest_intent(tracker), "utter_help"))
        return []


class ActionNotUnderstood(ReplyAction):
    """Rasa's core fallback (config.yml): no rule or story covers the turn, e.g. a "yes" or "no"
    when nothing was asked. After the checks every reply makes, it says it did not follow and
    offers questions. The turn is then forgotten (as Rasa's own fallback does), so the
    conversation goes on as it was; what the reply set (a slot) is kept."""

    def name(self) -> str:
        return "action_not_understood"

    def respond(self, dispatcher, tracker, domain):
        return [UserUtteranceReverted()] + super().respond(dispatcher, tracker, domain)

    def reply(self, dispatcher, tracker, domain):
        utter_response(dispatcher, tracker, domain, "utter_default")
        return []
