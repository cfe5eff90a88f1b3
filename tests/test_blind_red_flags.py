"""Red-flag gates on the blind sets (tests/blind): recall, false escalations and safety questions,
printed per category (`pytest -s` or `make eval-red-flags` shows them). docs/red-flags.md tells
which sets were tuned on and which were held out.

The goals of the issue are 100% recall, at most 3% false escalations (besides a red flag of
someone else that is happening now, escalated by policy since 2026-11-29) and at most 5% safety
questions on non-escalating messages. The recall gates are set at the measured figures, below
that goal: the misses left are listed in docs/red-flags.md, with why each is missed.
"""

import pytest

from evaluation.red_flags import evaluate, outcome_table, texts_of
from tests.gates import load_gates

pytestmark = pytest.mark.gate  # minutes of work: make test-unit leaves it out

GATES = load_gates("red_flags")


@pytest.fixture(scope="module")
def table():
    """Every gated message read once by the detector, in two processes (evaluation.red_flags)."""
    return outcome_table([text for name in sorted(GATES) for text in texts_of(name)])


@pytest.mark.parametrize("name", sorted(GATES))
def test_blind_set(table, name):
    outcomes, failed = table
    report = evaluate(name, outcomes.__getitem__)
    # an internal error falls back to the keyword net (fail safe): none of these messages may
    # take that path, or the figures would measure the net instead of the detector
    failures = sorted(set(failed) & set(texts_of(name)))
    assert not failures, failures
    print("\n" + report.summary())
    min_recall, max_false, max_questions = GATES[name]
    assert report.recall >= min_recall, "\n".join(report.misses)
    # someone else's red flag, happening now, escalates by policy (docs/red-flags.md): the gate
    # counts the other false escalations
    assert report.false_rate_besides_someone_else <= max_false, "\n".join(report.false)
    assert report.question_rate <= max_questions, "\n".join(report.asked)
