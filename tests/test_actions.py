"""Every custom action, run with rasa-sdk's Tracker and CollectingDispatcher on a test store."""

import re

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import actions, answers, replies
from actions.actions import ActionAnswerArticle
from actions.answers import WORD_BUDGET, Library
from actions.coverage import not_covered
from actions.language import not_english
from actions.replies import ENGLISH_ONLY_TEXT
from article.ingest import ingest
from article.topics import TOPICS
from operations.unanswered import UnansweredLog


@pytest.fixture(autouse=True)
def library(store, article_copy, monkeypatch):
    ingest(article_copy, store)
    lib = Library(store)
    monkeypatch.setattr(answers, "library", lib)
    monkeypatch.setattr(replies, "unanswered_log", UnansweredLog(store.engine))
    return lib


def make_tracker(text, intent, entities=(), channel="rest", slots=None, first_turn=False):
    message = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.95},
        "entities": list(entities),
    }
    events = [{"event": "session_started"}, {"event": "action", "name": "action_listen"}]
    if not first_turn:
        events += [{"event": "user", "text": "hello", "input_channel": channel}, {"event": "bot", "text": "Hi!"}]
    events += [{"event": "user", "text": text, "parse_data": message, "input_channel": channel}]
    return Tracker("visitor", slots or {}, message, events, False, None, {}, "action_listen")


def run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = action.respond(dispatcher, tracker, {})
    return dispatcher.messages, {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def answer(text, intent, entities=(), channel="rest"):
    return run(actions.ActionAnswerArticle(), make_tracker(text, intent, entities, channel))


def words_of_article(text):
    return text.split("\n", 1)[1]  # the answer without its section line


QUESTIONS = {
    "ask_overview": ("can back pain cause knee pain?", "overview"),
    "ask_causes": ("what causes it", "causes"),
    "ask_symptoms": ("symptoms?", "symptoms"),
    "ask_when_to_see_doctor": ("when should i see a doctor", "when_to_see_doctor"),
    "ask_treatment": ("how is it treated", "treatment"),
    "ask_alternative_therapies": ("any alternative therapies", "treatment"),
    "ask_home_remedies": ("what about at home?", "treatment"),
    "ask_recovery_timeline": ("how long does that take?", "recovery"),
    "ask_recovery_phases": ("what are the phases of recovery", "recovery"),
    "ask_recovery_complications": ("what can go wrong", "recovery"),
    "ask_recovery_tips": ("tips for recovery?", "recovery"),
    "ask_summary": ("sum it up", "conclusion"),
}


def test_every_article_intent_has_a_question_here():
    assert set(QUESTIONS) == set(TOPICS)


@pytest.mark.parametrize("intent", sorted(QUESTIONS))
def test_answer_is_the_articles_words_with_section_and_payload(intent, library):
    question, section = QUESTIONS[intent]
    messages, slots = answer(question, intent)
    text_message, payload_message = messages
    article, _ = library.current()
    title = article.section(section).title
    assert text_message["text"].startswith(f'From the article\'s "{title}" section')
    assert payload_message["custom"]["kind"] == "answer"
    assert payload_message["custom"]["section"] == section
    assert payload_message["custom"]["section_title"] == title
    shown = payload_message["custom"]["passages"]
    assert shown and all(article.passage(pid).section == section for pid in shown)
    # Every sentence shown is the article's own (labels and list leads are its own words too).
    body = words_of_article(text_message["text"])
    article_text = " ".join(
        [p.display for p in article.passages] + [f"{p.subsection}:" for p in article.passages if p.subsection]
    )
    for line in body.split("\n"):
        for sentence in re.split(r"(?<=[.!?:])\s+", line):
            fragment = sentence.split(": ")[-1].rstrip(".")
            assert fragment in article_text or all(
                label.strip(" .") in article_text for label in fragment.split(",")
            ), sentence
    assert len(body.split()) <= WORD_BUDGET + 25
    assert 2 <= len(text_message["buttons"]) <= 3
    assert "\n\n" not in text_message["text"]  # REST would split it into two messages
    assert slots["answer_topic"] == intent


@pytest.mark.parametrize(
    "question, intent, entities, passage",
    [
        (
            "does acupuncture help?",
            "ask_alternative_therapies",
            [{"entity": "treatment", "value": "acupuncture"}],
            "treatment.acupuncture",
        ),
        (
            "what's radicular pain",
            "ask_causes",
            [{"entity": "cause", "value": "nerve_compression"}],
            "causes.nerve_compression",
        ),
        ("is stiffness a symptom", "ask_symptoms", [{"entity": "symptom", "value": "stiffness"}], "symptoms.stiffness"),
        (
            "what happens in rehab",
            "ask_recovery_phases",
            [{"entity": "recovery_phase", "value": "rehabilitation"}],
            "recovery.p2",
        ),
        (
            "see a doctor about tingling?",
            "ask_when_to_see_doctor",
            [{"entity": "symptom", "value": "numbness_or_tingling"}],
            "when_to_see_doctor.numbness_or_tingling",
        ),
        (
            "is tingling a symptom",
            "ask_symptoms",
            [{"entity": "symptom", "value": "numbness_or_tingling"}],
            "symptoms.numbness_or_tingling",
        ),
        (
            "should i try ice or heat",
            "ask_home_remedies",
            [{"entity": "treatment", "value": "heat_and_cold_therapy"}],
            "treatment.heat_and_cold_therapy",
        ),
    ],
)
def test_entity_gets_its_own_passage_not_the_whole_section(question, intent, entities, passage):
    messages, slots = answer(question, intent, entities)
    assert messages[1]["custom"]["passages"] == [passage]
    assert slots["more_refs"], "the rest of the section stays available for 'tell me more'"


@pytest.mark.parametrize(
    "question, intent, passage",
    [
        ("does acupuncture help?", "ask_alternative_therapies", "treatment.acupuncture"),
        ("what's radicular pain", "ask_causes", "causes.nerve_compression"),
        ("can it make my knee swell", "ask_symptoms", "symptoms.swelling"),
        ("is surgery an option", "ask_treatment", "treatment.surgery"),
    ],
)
def test_without_an_entity_the_most_similar_passage_comes_first(question, intent, passage):
    messages, _ = answer(question, intent)
    assert messages[1]["custom"]["passages"][0] == passage


def test_tell_me_more_continues_where_the_answer_stopped():
    messages, slots = answer("what causes it", "ask_causes")
    first = messages[1]["custom"]["passages"]
    assert {"title": "Tell me more", "payload": "/tell_me_more"} in messages[0]["buttons"]
    seen = list(first)
    for _ in range(10):
        tracker = make_tracker("tell me more", "tell_me_more", slots=slots)
        more, new_slots = run(actions.ActionTellMore(), tracker)
        if not more[1]["custom"]["passages"]:
            assert "everything the article says" in more[0]["text"]
            break
        assert more[0]["text"].startswith('From the article\'s "Causes" section:')
        seen += [p for p in more[1]["custom"]["passages"] if p not in seen]
        slots = {**slots, **new_slots}
    assert {"causes.nerve_compression", "causes.referred_pain", "causes.p2"} <= set(seen)


def test_tell_me_more_with_nothing_before_is_polite():
    messages, _ = run(actions.ActionTellMore(), make_tracker("more", "tell_me_more"))
    assert "Ask me about something first" in messages[0]["text"]


@pytest.mark.parametrize(
    "question, runner_up, passage",
    [
        # the model's next article intent, given some weight, steers the answer
        ("is it alright to keep exercising when it makes my back hurt more", ("ask_recovery_tips", 0.3), None),
        # with almost no weight it is not trusted: the whole article is searched
        (
            "is it bad to push through the things that make my knee hurt more",
            ("ask_overview", 0.05),
            "recovery.listen_to_your_body",
        ),
    ],
)
def test_a_question_of_its_own_read_as_tell_me_more_is_answered_from_the_article(question, runner_up, passage):
    """With nothing to continue, a real question the model took for "more" gets its answer."""
    tracker = make_tracker(question, "tell_me_more")
    tracker.latest_message["intent_ranking"] = [
        {"name": "tell_me_more", "confidence": 0.7},
        {"name": runner_up[0], "confidence": runner_up[1]},
    ]
    messages, _ = run(actions.ActionTellMore(), tracker)
    assert not any("Ask me about something first" in (m.get("text") or "") for m in messages)
    answers_given = [m["custom"] for m in messages if (m.get("custom") or {}).get("kind") == "answer"]
    assert answers_given and answers_given[0]["passages"], messages
    assert passage is None or answers_given[0]["passages"][0] == passage, answers_given


@pytest.mark.parametrize(
    "question, intent",
    [
        ("how much ibuprofen can my 6 year old take", "ask_treatment"),
        ("what are the side effects of spinal fusion surgery", "ask_treatment"),
        ("whats the dosage of paracetamol for back pain", "ask_treatment"),
        ("can i book an appointment with a physio", "ask_treatment"),
        ("what's the weather tomorrow", "out_of_scope"),
    ],
)
def test_questions_the_article_does_not_answer_get_an_honest_fallback(question, intent):
    messages, _ = answer(question, intent)
    assert "doesn't cover that" in messages[0]["text"]
    assert "doctor" in messages[0]["text"]
    assert messages[1]["custom"] == {"kind": "fallback"}


def test_coverage_check_lets_article_questions_through():
    for question in (
        "does ibuprofen help",
        "is surgery an option",
        "how long does recovery take",
        "heat and ice, is it ok together?",
        "can I combine both heat and cold",
    ):
        assert not not_covered(question)


@pytest.mark.parametrize(
    "question",
    [
        # seventh session (own sentences): a learner's order for a daily count; a blood thinner;
        # booking a time; another country's money; kitchen and garden chores; a diagnosis outright
        "how many advil I can take in a day for the knee",
        "is it ok to take ibuprofen wit my warfarin tablets",
        "does coumadin mix ok with naproxen",
        "where do I book a time with the physio near me",
        "is one massage 200 cedis a fair price",
        "how much salt for the soup",
        "how do I get rid of the moss on my patio without bending",
        "knee clicks and back aches, just tell me what I have",
        # eighth session (own sentences): growing pains; two medicines together; a scan's picture;
        # a meter topped up; a waiting list; pregnancy misspelt
        "my daughter of 7 wakes with sore legs, are those growing pains",
        "taking naproxen and my heart tablets, are they safe together",
        "I use diclofenac gel and paracetamol, should I combine both",
        "can I send a picture of my MRI report for you to look at",
        "can you tell me what I've got, knee hurts on the left",
        "where do I top up my phone credit",
        "how long is the waiting list for a back physio",
        "I'm pregnent and my lower back aches at night",
        "what's my problem, knee and back both sore",
        # sixteenth session (own sentences): other illnesses by name, Malay "darah tinggi"
        "what's the best inhaler for COPD",
        "how long does dengue fever last",
        "is turmeric good for psoriasis",
        "my ubat darah tinggi makes me dizzy, normal?",
    ],
)
def test_coverage_check_declines_what_the_article_does_not_answer(question):
    assert not_covered(question)


def test_not_covered_action_names_what_the_article_covers_and_keeps_the_message(store):
    tracker = make_tracker("can my cat get knee pain", "nlu_fallback")
    tracker.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.5},
        {"name": "ask_causes", "confidence": 0.41},
    ]
    messages, _ = run(actions.ActionNotCovered(), tracker)
    assert "causes and symptoms" in messages[0]["text"]
    assert messages[1]["custom"] == {"kind": "fallback"}
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT text, predicted_intent, confidence FROM unanswered_messages").all()
    assert rows == [("can my cat get knee pain", "ask_causes", 0.41)]


@pytest.mark.parametrize("channel", ["telegram", "twilio", "slack", "facebook", "cmdline"])
def test_plain_text_channels_never_get_a_json_payload(channel):
    messages, _ = answer("what causes it", "ask_causes", channel=channel)
    assert len(messages) == 1 and not messages[0]["custom"]
    messages, _ = answer("weather?", "out_of_scope", channel=channel)
    assert not any(m["custom"] for m in messages)


def test_first_reply_of_a_conversation_starts_with_the_notice():
    for action, intent in [
        (actions.ActionAnswerArticle(), "ask_causes"),
        (actions.ActionChitchat(), "greet"),
        (actions.ActionNotCovered(), "out_of_scope"),
        (actions.ActionTellMore(), "tell_me_more"),
        (actions.ActionNotUnderstood(), "affirm"),
    ]:
        messages, _ = run(action, make_tracker("what causes it", intent, first_turn=True))
        assert messages[0]["response"] == "utter_disclaimer", action.name()
        later, _ = run(action, make_tracker("what causes it", intent))
        assert all(m["response"] != "utter_disclaimer" for m in later), action.name()


@pytest.mark.parametrize(
    "intent, response",
    [
        ("greet", "utter_greet"),
        ("goodbye", "utter_goodbye"),
        ("thanks", "utter_you_are_welcome"),
        ("help", "utter_help"),
        ("bot_challenge", "utter_iamabot"),
    ],
)
def test_chitchat_answers_with_the_domain_response(intent, response):
    messages, _ = run(actions.ActionChitchat(), make_tracker("hi", intent))
    assert [m["response"] for m in messages] == [response]


def test_a_turn_nothing_covers_gets_a_reply_and_is_then_forgotten():
    dispatcher = CollectingDispatcher()
    events = actions.ActionNotUnderstood().respond(dispatcher, make_tracker("yes", "affirm", first_turn=True), {})
    assert [m["response"] for m in dispatcher.messages] == ["utter_disclaimer", "utter_default"]
    assert events[0]["event"] == "rewind"  # undone before anything the reply set


def test_numbered_channels_get_a_responses_topic_buttons_as_numbered_options():
    domain = {"responses": {"utter_default": [{"text": "Not sure what that answers."}]}}
    dispatcher = CollectingDispatcher()
    actions.ActionNotUnderstood().respond(dispatcher, make_tracker("no", "deny", channel="twilio"), domain)
    text = dispatcher.messages[-1]["text"]
    assert text.startswith("Not sure what that answers.") and "Reply with a number:\n1. " in text
    assert not dispatcher.messages[-1]["buttons"]


@pytest.mark.parametrize(
    "text, passage",
    [
        ("what are the systems to look out for *symptoms", "symptoms.p2"),
        ("is hear good for it\n*heat", "treatment.heat_and_cold_therapy"),
    ],
)
def test_a_starred_correction_is_read_in_place_of_the_slip(text, passage):
    messages, _ = run(actions.ActionNotCovered(), make_tracker(text, "nlu_fallback"))
    assert [m["custom"] for m in messages if m.get("custom")][0]["passages"][0] == passage


def test_missing_article_gets_a_polite_reply_not_a_crash(tmp_path, monkeypatch):
    from article.store import ArticleStore

    empty = Library(ArticleStore.from_url(f"sqlite:///{tmp_path / 'empty.db'}"))
    monkeypatch.setattr(answers, "library", empty)
    messages, _ = answer("what causes it", "ask_causes")
    assert "can't reach the article" in messages[0]["text"]


def test_reingested_wording_is_used_by_the_next_answer(store, article_copy):
    article_copy.write_text(
        article_copy.read_text().replace(
            "This traditional Chinese medicine technique", "This traditional technique from China"
        )
    )
    ingest(article_copy, store)
    messages, _ = answer("does acupuncture help?", "ask_alternative_therapies")
    assert "This traditional technique from China" in messages[0]["text"]


@pytest.mark.parametrize(
    "text, passage_words",
    [
        ("Me duele mucho la espalda y ahora también la rodilla, ¿qué ejercicios puedo hacer?", "exercise"),
        ("J'ai mal au dos et au genou depuis trois jours, est-ce que la physiothérapie aide ?", "Physical"),
        ("mo ledo fer mal ek mo zenou osi, eski bann exercices kapav ed?", "exercise"),
        # Dominican Spanish (a word the table reads: "necesita", "operación")
        ("toy pasao de libra, si rebajo se me quita lo de la rodilla?", "weight"),
        # Moroccan Darija with French
        ("ch7al dyal lwe9t bach rkbti w dhri ybraw?", "recover"),
        # Russian, in Cyrillic (the gloss read for its red flags, eighth session)
        ("У меня болит спина и колено", "both back and knee pain"),
    ],
)
def test_a_question_in_a_gloss_language_is_answered_from_the_article(text, passage_words):
    """French, Spanish and French-based Creoles are read in English (data/article/gloss.yml)
    and answered from the article instead of "English only for now"."""
    dispatcher = CollectingDispatcher()
    ActionAnswerArticle().respond(dispatcher, make_tracker(text, "nlu_fallback"), {})
    texts = [m["text"] for m in dispatcher.messages if m.get("text")]
    assert ENGLISH_ONLY_TEXT not in texts, texts
    answer = next(t for t in texts if "From the article" in t)
    assert passage_words.lower() in answer.lower(), answer


@pytest.mark.parametrize(
    "text",
    [
        "Ich habe Rückenschmerzen und mein Knie tut weh, was kann ich tun?",
        "Mi fa male la schiena e anche il ginocchio, cosa posso fare?",
        "Boli mnie kręgosłup i kolano, co robić?",
        "腰と膝が痛いです",
    ],
)
def test_another_language_gets_english_only_for_now(text):
    dispatcher = CollectingDispatcher()
    ActionAnswerArticle().respond(dispatcher, make_tracker(text, "ask_causes"), {})
    texts = [m["text"] for m in dispatcher.messages if m.get("text")]
    assert texts[-1] == ENGLISH_ONLY_TEXT and not any("From the article" in t for t in texts)


@pytest.mark.parametrize(
    "text",
    [
        "la la la my knee hurts when I walk",
        "what about yoga, pilates or tai chi?",
        "see u later",
        "the doc said its sciatica, que sera sera",
    ],
)
def test_english_with_foreign_words_is_still_english(text):
    assert not not_english(text)


def test_a_question_in_mixed_punjabi_and_english_is_answered_not_refused():
    """Punjabi's little words ("ki", "da", "ya") are also Turkish or Spanish stop words; the
    article's own words in the message ("physiotherapy", "operation") count as read, so the
    question is answered (translations.yml reads "goday", "kamar")."""
    text = "operation di lod paindi ya physiotherapy naal goday te kamar theek ho jaande ne?"
    dispatcher = CollectingDispatcher()
    ActionAnswerArticle().respond(dispatcher, make_tracker(text, "nlu_fallback"), {})
    texts = [m["text"] for m in dispatcher.messages if m.get("text")]
    assert ENGLISH_ONLY_TEXT not in texts and any("From the article" in t for t in texts), texts


def test_the_action_server_runs_without_tensorflow():
    """actions/__main__.py keeps TensorFlow (hundreds of MB) out of the action server."""
    import subprocess
    import sys

    code = (
        "import actions.__main__, actions.actions, sys; "
        "print(sys.modules.get('tensorflow') is None, 'rasa' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.split() == ["True", "False"], result.stderr[-2000:]


def test_actions_do_their_work_in_a_worker_thread():
    """rasa_sdk awaits `run`; ThreadedAction does the work (`respond`) off the event loop."""
    import threading

    from actions.threads import ThreadedAction
    from tests.servers import run_async

    class Probe(ThreadedAction):
        thread = None

        def name(self):
            return "action_probe"

        def respond(self, dispatcher, tracker, domain):
            Probe.thread = threading.current_thread()
            dispatcher.utter_message(text="done")
            return []

    dispatcher = CollectingDispatcher()
    events = run_async(Probe().run(dispatcher, make_tracker("hi", "greet"), {}))
    assert events == [] and dispatcher.messages[0]["text"] == "done"
    assert Probe.thread is not threading.main_thread() and Probe.thread.name.startswith("action")
