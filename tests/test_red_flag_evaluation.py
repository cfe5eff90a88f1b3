"""The red-flag evaluation's own machinery (evaluation/red_flags.py): the gates read the detector's
outcomes in worker processes, and a message whose assessment failed must be reported, not
counted as the detector's reading."""

import safety.red_flags
from evaluation.red_flags import _read_share


def test_a_failed_assessment_is_reported_with_the_keyword_nets_outcome(monkeypatch):
    def broken(self, text):
        raise RuntimeError("a broken table")

    monkeypatch.setattr(safety.red_flags.RedFlagDetector, "_assess", broken)
    read = _read_share(["I can't control my bladder since this morning", "what causes knee pain?"])
    (bladder, bladder_failed), (question, question_failed) = read
    assert bladder_failed and question_failed
    assert bladder.kind == "escalate"  # the keyword net errs towards escalating
    assert question.kind == "none"


def test_a_working_assessment_is_not_reported_as_failed():
    ((outcome, failed),) = _read_share(["since this morning I can't control my bladder"])
    assert not failed and outcome.kind == "escalate" and outcome.level == "emergency"
