"""The NLU component that puts the detector in Rasa's pipeline: the detector decides escalation,
the model's own red_flag guess may only add a safety question, and not over the detector's
reading of context. No model needed: messages carry the intent a model would have given."""

import pytest
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu_components.red_flag_extractor import RedFlagExtractor


@pytest.fixture(scope="module")
def extractor():
    return RedFlagExtractor({})


def processed(extractor, text, intent, confidence):
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": intent, "confidence": confidence})
    message.set(
        INTENT_RANKING_KEY,
        [{"name": intent, "confidence": confidence}, {"name": "ask_treatment", "confidence": 1 - confidence}],
    )
    extractor.process([message])
    return message


def test_an_affirmed_red_flag_escalates_whatever_the_model_guessed(extractor):
    message = processed(
        extractor, "what stretches help? also i've wet myself twice since monday", "ask_treatment", 0.99
    )
    assert message.get(INTENT)["name"] == "red_flag"
    assert [e["value"] for e in message.get(ENTITIES) if e["entity"] == "red_flag"] == ["bladder_bowel"]


def test_a_confident_model_guess_with_nothing_found_asks_the_safety_question(extractor):
    message = processed(extractor, "my waterworks have been odd, what does that mean for my back", "red_flag", 0.95)
    assert message.get(INTENT)["name"] == "safety_check"


@pytest.mark.parametrize(
    "text",
    [
        "my dad couldn't control his bladder after his back operation years ago",  # someone else, long ago
        "i have no numbness down there and no trouble with the toilet",  # negated
    ],
)
def test_the_model_guess_does_not_ask_where_the_detector_set_the_words_aside(extractor, text):
    message = processed(extractor, text, "red_flag", 0.95)
    assert message.get(INTENT)["name"] == "ask_treatment"


def test_an_unsure_model_guess_falls_back_to_its_next_intent(extractor):
    message = processed(extractor, "knee a bit grumbly this week", "red_flag", 0.5)
    assert message.get(INTENT)["name"] == "ask_treatment"


@pytest.mark.parametrize(
    "text",
    [
        "what stretches help? also i've wet myself twice since monday",  # escalates
        "i have no numbness down there and no trouble with the toilet",  # set aside
        "the loo situation is a nightmare lately",  # area words only
        "what exercises help my knee",  # nothing
    ],
)
def test_the_assessment_travels_in_the_parse_data_as_the_detector_gave_it(extractor, text):
    from safety.assessment import PARSE_DATA_KEY, Assessment
    from safety.red_flags import get_detector

    message = processed(extractor, text, "ask_treatment", 0.9)
    output = message.as_dict(only_output_properties=True)
    stored = output[PARSE_DATA_KEY]
    assert Assessment.from_dict(stored) == get_detector().assess(text)
    import json

    assert json.loads(json.dumps(stored)) == stored  # the tracker store keeps it as JSON
