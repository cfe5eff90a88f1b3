"""Red-flag escalation in the action server: record it, add the article's words, then answer.

The escalation itself (first line, payload) is the domain response `utter_red_flag`, sent by a rule
so that it reaches the visitor even when this server is down. `action_escalate` follows it and
adds the record, the article's own wording about that warning sign, and the answer to the
question that was also asked: the model's intent when it was confident apart from the red flag,
otherwise the article's passages most like the rest of the message. Answer actions check every
message again (`escalate_if_missed`), in case a message reached them without passing the NLU
component (a button payload, say).

Escalations sent by the rule are recorded by the Rasa server's tracker store
(rasa_ext/tracker_store.py), so a record is kept with this server down, and only once.
After an escalation the turn answers only what the message itself asked besides the red flag.
After "no" to the safety question, `action_answer_asked` answers the message that raised it.
"""

import logging
import re
from typing import Any, Dict, List, Optional, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import answers
from actions.answers import Library, answer_anywhere, entity_passage_ids, section_header
from actions.replies import (
    PAYLOAD_CHANNELS,
    answer_after_escalation,
    answer_intent,
    notice_if_first_turn,
    quoted_already,
    send_answer,
    send_unavailable,
)
from actions.threads import ThreadedAction
from operations.escalations import Escalation, EscalationLog
from operations.review_log import SafetyReviewLog
from safety.assessment import Assessment, assessment_of
from safety.categories import CATEGORY_LEVELS, LEVELS

logger = logging.getLogger(__name__)
escalation_log = EscalationLog()
safety_review_log = SafetyReviewLog()
RED_FLAG_INTENT = "red_flag"
CONFIDENT = 0.5  # as the FallbackClassifier's threshold in config.yml
MIN_SHARE = 0.2  # of the model's confidence left to intents other than red_flag


def escalation_response(domain: Dict[str, Any], category: Optional[str]) -> Tuple[str, Optional[dict]]:
    """Text and payload of the domain's `utter_red_flag` variation for this category."""
    variations = domain.get("responses", {}).get("utter_red_flag", [])
    for variation in variations:
        condition = variation.get("condition") or [{}]
        if condition[0].get("value") == category:
            return variation["text"], variation.get("custom")
    fallback = next(v for v in variations if not v.get("condition"))
    return fallback["text"], fallback.get("custom")


def record(tracker: Tracker, assessment: Assessment) -> None:
    """Record an escalation sent by this server (`escalate_if_missed`)."""
    try:
        escalation_log.record(
            Escalation(
                conversation_id=tracker.sender_id,
                level=assessment.level,
                flags=list(assessment.flags),
                channel=tracker.get_latest_input_channel(),
                text=(tracker.latest_message or {}).get("text"),
            )
        )
    except Exception:  # recording must never cost the visitor the reply
        logger.exception("could not queue the escalation record")


def detail_passage_ids(library: Library, flags: List[str]) -> List[str]:
    """The ids of the article's passages on these warning signs (data/article/entity_passages.yml)."""
    return entity_passage_ids(library, [{"entity": "red_flag", "value": flag} for flag in flags])


def article_detail(library: Library, flags: List[str], passage_ids: Optional[List[str]] = None) -> Optional[str]:
    """The article's own wording about the warning signs it names, with its section."""
    try:
        article, _ = library.current()
    except Exception:
        return None
    ids = detail_passage_ids(library, flags) if passage_ids is None else passage_ids
    passages = [article.passage(pid) for pid in ids]
    passages = [p for p in passages if p]
    if not passages:
        return "The article doesn't describe this warning sign. Please don't wait: get help as above."
    section = article.section(passages[0].section)
    return "\n".join([section_header(section)] + [p.display for p in passages])


def escalate_if_missed(dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
    """Escalate here if the message has a red flag the NLU component did not turn into one."""
    message = tracker.latest_message or {}
    if (message.get("intent") or {}).get("name") == RED_FLAG_INTENT:
        return []
    assessment = assessment_of(message)
    if not assessment.escalate:
        safety_review_log.log(message.get("text") or "", assessment)
        return []
    text, custom = escalation_response(domain, assessment.flags[0])
    dispatcher.utter_message(text=text)
    if custom and tracker.get_latest_input_channel() in PAYLOAD_CHANNELS:
        dispatcher.utter_message(json_message={**custom, "flags": list(assessment.flags)})
    record(tracker, assessment)
    return []


def without_mentions(text: str, assessment: Assessment) -> str:
    """The message with the detector's red-flag mentions cut out."""
    for mention in sorted(assessment.mentions, key=lambda m: m.start, reverse=True):
        text = text[: mention.start] + " " + text[mention.end :]
    return text


def asked_intent(tracker: Tracker) -> Optional[str]:
    """What the model thought was asked besides the red flag (None when it wasn't confident).

    The model itself gives the red_flag intent part of its confidence; the other intents'
    confidences are compared without that part.
    """
    ranking = (tracker.latest_message or {}).get("intent_ranking") or []
    others = [r for r in ranking if r.get("name") not in (RED_FLAG_INTENT, "nlu_fallback")]
    if not others:
        return None
    rest = sum(r.get("confidence", 0.0) for r in ranking if r.get("name") != RED_FLAG_INTENT)
    if rest < MIN_SHARE:  # the model saw nothing but the red flag: its other guesses are noise
        return None
    best = others[0]
    return best["name"] if best.get("confidence", 0.0) / rest >= CONFIDENT else None


# Words that ask nothing by themselves: what is left of "i can't hold my wee any more" once the
# red flag is cut out must not be answered from whatever the model guessed.
_FUNCTION_WORDS = frozenset(
    """
a an the and or but so also too as at in on of to for with from by about any anymore more now
still just really very bit i i'm im me my mine myself it it's its is am are was were be been
being do does did have has had got get can could would will should may might not no yes this
that these those there here then than since when while if please thanks hi hello
""".split()
)
# whether to get help, and how soon: the escalation has just answered that
_URGENCY = frozenset(
    """
doctor doctors doc gp dr hospital a&e er ed emergency urgent urgently go going wait waiting see seen
check checked checking worry worried worrying serious seriously bad normal need needed someone
appointment call now quickly soon asap tonight ok okay fine must shall ought
""".split()
)
_FILLER = (
    _FUNCTION_WORDS
    | _URGENCY
    | frozenset(
        "what help back knee knees pain hurts hurt sore day days week weeks today yesterday night morning "
        "lately".split()
    )
)


def asks_something_else(text: str, least: int = 2) -> bool:
    """True when the message, its red flags cut out, still holds a question of its own: at least
    ``least`` words that are not filler."""
    words = [w.strip(".,!?;:'\"()") for w in text.lower().split()]
    return len([w for w in words if w and w not in _FILLER]) >= least


# What makes a message ask something: a question mark, a question or request word, or a clause
# that opens as a question ("can I", "is it"). A report with nothing asked ("fell on the stairs
# at home, back and knee hurting since") gets the escalation and its article passage alone.
_ASKING_WORDS = frozenset(
    """
what whats what's wat wht how hw howto why which where who tell explain advise advice suggest
recommend tips ways options need want wonder wondering know any give show
""".split()
)
_ASKING_PHRASES = re.compile(r"\bhelp (?:me|with)\b|\bi'?d like\b|\bis (?:it|that|this) ok\b")
_QUESTION_OPENERS = frozenset("can could should shall would will is are am do does did may must".split())
SYMPTOMS = "symptoms"  # the article section whose passages describe what a visitor reports
_CLAUSE = re.compile(r"[.,;:!\n]+|\b(?:and|but|so|then)\b")
_SENTENCE = re.compile(r"[^.!?\n]*\?")  # a sentence that ends on a question mark


def asks(text: str, rest: str) -> bool:
    """True when the message, besides its red flags (``rest``), asks something the escalation
    doesn't answer: ``rest`` has a question or request word, or ``text`` a question ("...?") or
    ``rest`` a clause that opens as one ("can i still swim", "is it my disc"), unless all such
    questions only ask whether to worry or to see someone ("should i worry?", "must I go now?",
    "is it bad?"): the escalation has just answered that."""
    words = [w.strip("'\"()") for w in re.findall(r"[\w'’]+", rest.lower())]
    if any(w in _ASKING_WORDS for w in words) or _ASKING_PHRASES.search(rest.lower()):
        return True
    # each question as its last clause ("fell on the stairs, must I go now?": "must I go now")
    questions = [_CLAUSE.split(sentence.lower())[-1] for sentence in _SENTENCE.findall(text)]
    whole = _CLAUSE.split(text.lower())
    for clause in _CLAUSE.split(rest.lower()):
        opening = clause.split()[:2]
        if len(opening) == 2 and opening[0] in _QUESTION_OPENERS:
            # judged whole, red-flag words included: "is it normal that the knee is tingling"
            # asks about the tingling, not only whether it is normal
            questions.append(next((c for c in whole if c.split()[:2] == opening), clause))
    # ("should I worry??", "...worry...?": the marks alone ask nothing)
    return any(not _only_whether_to_worry(q) for q in questions if re.search(r"\w", q))


def _only_whether_to_worry(question: str) -> bool:
    """Whether ``question`` asks nothing but whether it is serious or to get help ("should I
    worry", "must I go to the doctor", "is it bad"): no word besides those and function words."""
    words = {w.strip(".,!?;:'\"()") for w in question.split()} - {""}
    return bool(words & _URGENCY) and words <= _URGENCY | _FUNCTION_WORDS


class ActionEscalate(ThreadedAction):
    def name(self) -> str:
        return "action_escalate"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]):
        assessment = assessment_of(tracker.latest_message)
        if assessment.escalate:
            flags = list(assessment.flags)
        else:  # "yes" to the safety question: the category it asked about
            slot = tracker.get_slot("red_flag")
            flags = [slot] if slot else []
        if not flags:
            return []
        notice_if_first_turn(dispatcher, tracker)
        detail_ids = detail_passage_ids(answers.library, flags)
        detail = article_detail(answers.library, flags, detail_ids)
        if detail:
            dispatcher.utter_message(text=detail)
        text = (tracker.latest_message or {}).get("text") or ""
        rest = without_mentions(text, assessment) if assessment.escalate else ""
        shown = detail_ids if detail else []
        # a question besides the red flags ("both legs numb, can i still do yoga?", "... what
        # exercises help"); a report alone ("fell on the stairs, back hurting since") gets the
        # escalation and its article passage, and, below an emergency (where nothing should come
        # between the visitor and the call), the article's words on the symptom it tells of
        # ("pain runs from my lower back to the knee, like a knife"), not unasked advice
        if not asks(text, rest) or not asks_something_else(rest, least=1):
            level = assessment.level if assessment.escalate else CATEGORY_LEVELS.get(flags[0])
            if level == LEVELS[0]:  # an emergency, also after "yes" to the safety question
                return []
            return self._symptom(dispatcher, tracker, text, shown)
        # The question is read whole first ("is it a trapped nerve that makes my knee tingle?"),
        # then without its red flags ("what exercises help? also I can't control my bladder").
        # The escalation's passage is not given twice; and when the whole question's answer is
        # that passage ("I slipped on the stairs last week, must I see a doctor?"), what is left
        # without the red flag is answered only from another section (not a second "when to see
        # a doctor" passage).
        intent = asked_intent(tracker)
        sections: List[str] = []
        for question in (text, rest):
            before = len(dispatcher.messages)
            if intent:
                events, quoted = answer_after_escalation(
                    dispatcher, tracker, intent, escalated=True, question=question, shown=shown, shown_sections=sections
                )
            else:
                answer = answer_anywhere(answers.library, question)
                quoted = answer is not None and quoted_already(answer, shown, sections)
                events = send_answer(dispatcher, tracker, answer, None) if answer and not quoted else []
            if len(dispatcher.messages) > before:
                return events
            if quoted:
                article, _ = answers.library.current()
                sections = sorted({article.passage(passage_id).section for passage_id in shown})
        return []

    @staticmethod
    def _symptom(dispatcher: CollectingDispatcher, tracker: Tracker, text: str, shown: List[str]) -> List[EventType]:
        """The Symptoms passage a report tells of, when that is the article's best answer to it."""
        try:
            answer = answer_anywhere(answers.library, text)
        except Exception:  # the store is down: the escalation has been given, nothing more
            return []
        if answer is None or answer.section.id != SYMPTOMS or quoted_already(answer, shown):
            return []
        return send_answer(dispatcher, tracker, answer, None)


def message_before_safety_question(tracker: Tracker) -> Optional[Dict[str, Any]]:
    """The parse data of the user message that the safety question was asked about."""
    users = [e for e in tracker.events or [] if e.get("event") == "user"]
    return users[-2].get("parse_data") if len(users) >= 2 else None


class ActionAnswerAsked(ThreadedAction):
    """After "no" to the safety question: answer the message that raised it."""

    def name(self) -> str:
        return "action_answer_asked"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]):
        asked = message_before_safety_question(tracker)
        if not asked:
            dispatcher.utter_message(response="utter_anything_else")
            return []
        text = asked.get("text") or ""
        safety_review_log.log(text, assessment_of(asked), outcome="asked_no")
        original = tracker.copy()
        original.latest_message = asked
        intent = asked_intent(original)
        if intent:
            return answer_intent(dispatcher, original, intent)
        try:
            answer = answer_anywhere(answers.library, asked.get("text") or "")
        except Exception:
            return send_unavailable(dispatcher, original, "answer after the safety question")
        if answer:
            return send_answer(dispatcher, original, answer, None)
        dispatcher.utter_message(response="utter_anything_else")
        return []
