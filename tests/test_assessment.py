"""The red-flag assessment is made once per message, in Rasa's NLU pipeline, and read back by the
actions from the parse data: the action server needs neither spaCy nor medspaCy."""

import subprocess
import sys

import pytest

from paths import PROJECT_ROOT
from safety import assessment as assessment_module
from safety.assessment import PARSE_DATA_KEY, Assessment, Mention, assessment_of
from safety.red_flags import get_detector

TEXTS = [
    "my legs are both numb and i wet myself this morning, what stretches help?",
    "no numbness down there, my dad had cauda equina years ago",
    "the loo situation is a nightmare lately",
    "what exercises help my knee",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_an_assessment_survives_the_round_trip_through_json_unchanged(text):
    import json

    assessment = get_detector().assess(text)
    assert Assessment.from_dict(json.loads(json.dumps(assessment.as_dict()))) == assessment


def test_the_actions_read_the_stored_assessment_without_the_detector(monkeypatch):
    stored = Assessment(
        level="emergency",
        flags=("bladder_bowel",),
        mentions=(Mention("bladder_bowel", "emergency", "wet myself", 10, 20),),
        ignored=(),
    )

    def no_detector():
        raise AssertionError("the detector must not run when the parse data has the assessment")

    monkeypatch.setattr("safety.red_flags.get_detector", no_detector)
    parse_data = {"text": "anything at all", PARSE_DATA_KEY: stored.as_dict()}
    assert assessment_of(parse_data) == stored


@pytest.mark.parametrize("stored", [None, "garbage", {"mentions": [{"category": "x"}]}])
def test_without_a_readable_stored_assessment_the_message_is_assessed_again(stored):
    text = "i can't feel myself wiping and i've been leaking since tuesday"
    parse_data = {"text": text} if stored is None else {"text": text, PARSE_DATA_KEY: stored}
    found = assessment_of(parse_data)
    assert found == get_detector().assess(text) and found.escalate


def test_the_area_words_are_kept_only_when_nothing_else_was_found():
    detector = get_detector()
    assert detector.assess("does the bladder sit near the spine").area_words
    assert not detector.assess("i wet myself this morning").area_words  # escalated
    assert not detector.assess("what exercises help my knee").touches_red_flags


def _run_fresh(*lines: str, not_loaded: tuple) -> None:
    """Run ``lines`` in a fresh interpreter, then check that none of ``not_loaded`` was imported."""
    check = [f"loaded = sorted(m for m in {not_loaded!r} if m in sys.modules)", "assert not loaded, loaded"]
    code = "\n".join(["import sys", *lines, *check])
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]


def test_the_action_server_loads_no_spacy():
    """The action server's own imports and an answer's code paths, in a fresh interpreter set up as
    `python -m actions` sets itself up."""
    _run_fresh(
        "sys.modules.setdefault('tensorflow', None)",
        "import actions.actions, actions.escalation, actions.replies",
        "from actions.language import not_english",
        "from article.retrieval import _english",
        "assert not_english('me duele mucho la espalda y la rodilla')",
        "assert 'knee' in _english()",
        not_loaded=("spacy", "medspacy", "thinc"),
    )


def test_the_module_stays_light():
    source = (PROJECT_ROOT / "safety" / "assessment.py").read_text()
    imports = [line for line in source.splitlines() if line.startswith(("import ", "from "))]
    assert all("spacy" not in line and "medspacy" not in line for line in imports), imports
    assert assessment_module.PARSE_DATA_KEY == "red_flag_assessment"


def test_the_detector_loads_context_without_the_rest_of_medspacy():
    """safety.context_algorithm enters medspaCy without its package __init__: ConText reads a
    negation, and QuickUMLS, PyRuSH and nltk (medspaCy's other components) are not imported."""
    _run_fresh(
        "from safety.red_flags import get_detector",
        "detector = get_detector()",
        "assert detector.assess('I have lost control of my bladder and my back hurts').escalate",
        "assert not detector.assess('no trouble with my bladder, only my knee hurts').escalate",
        not_loaded=("quickumls", "PyRuSH", "nltk"),
    )
