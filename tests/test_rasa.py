"""The trained assistant: data validation, intent F1 on held-out examples, test stories."""

import json

import pytest
import yaml
from rasa.shared.nlu.training_data.loading import load_data

from tests.conftest import ROOT, run_rasa

MIN_INTENT_F1 = 0.90


@pytest.mark.e2e  # loads Rasa's whole validator (about 30 s)
def test_training_data_validates_without_warnings():
    result = run_rasa(
        "data",
        "validate",
        "--domain",
        "domain.yml",
        "--data",
        "data/nlu",
        "data/stories",
        "data/rules.yml",
        "--fail-on-warnings",
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_held_out_examples_are_never_trained_on():
    trained = {m.get("text").lower().strip() for m in load_data(str(ROOT / "data" / "nlu")).training_examples}
    held_out = {
        m.get("text").lower().strip() for m in load_data(str(ROOT / "tests" / "nlu_holdout.yml")).training_examples
    }
    assert len(held_out) >= 200
    assert not trained & held_out


def test_article_intents_have_at_least_25_examples():
    examples = load_data(str(ROOT / "data" / "nlu")).number_of_examples_per_intent
    article_intents = [i for i in examples if i.startswith("ask_")]
    assert len(article_intents) == 12
    assert {i: n for i, n in examples.items() if i in article_intents and n < 25} == {}


def test_intent_f1_on_held_out_examples(model):
    out = ROOT / "reports" / "nlu-holdout"
    result = run_rasa("test", "nlu", "--nlu", "tests/nlu_holdout.yml", "--model", model, "--out", str(out))
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads((out / "intent_report.json").read_text())
    f1 = report["weighted avg"]["f1-score"]
    weakest = sorted(
        (v["f1-score"], k)
        for k, v in report.items()
        if isinstance(v, dict) and "support" in v and k not in ("macro avg", "weighted avg", "micro avg")
    )[:3]
    print(f"\nheld-out intent F1 (weighted): {f1:.3f}; accuracy: {report['accuracy']:.3f}; weakest: {weakest}")
    assert f1 >= MIN_INTENT_F1


def test_multi_turn_test_stories_pass(model):
    out = ROOT / "reports" / "stories"
    result = run_rasa(
        "test",
        "core",
        "--stories",
        "tests/test_stories.yml",
        "--model",
        model,
        "--out",
        str(out),
        "--fail-on-prediction-errors",
    )
    failed = (out / "failed_test_stories.yml").read_text() if (out / "failed_test_stories.yml").exists() else ""
    assert result.returncode == 0, failed or result.stderr[-3000:]
    stories = yaml.safe_load((ROOT / "tests" / "test_stories.yml").read_text())["stories"]
    assert len(stories) >= 5 and all(len(s["steps"]) >= 4 for s in stories)
