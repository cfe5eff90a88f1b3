"""Learning from real conversations: unanswered messages are logged and exported once for review."""

from rasa.shared.nlu.training_data.loading import load_data

from content.review import export_candidates
from database import make_engine
from operations.unanswered import UnansweredLog


def test_export_groups_candidates_by_predicted_intent_and_only_once(tmp_path):
    log = UnansweredLog(make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}"))
    log.log({"text": "can my dog get sciatica"}, "ask_causes", 0.42)
    log.log({"text": "what's the dose of naproxen"}, "ask_treatment", 0.38)
    log.log({"text": "is it the weather making my knee ache"}, "ask_causes", 0.31)
    log.log({"text": "   "}, "nlu_fallback", 0.0)  # nothing typed: not a candidate
    log.log({"text": "/ask_causes"}, "ask_causes", 1.0)  # a button payload: not a candidate

    first = tmp_path / "first.yml"
    assert export_candidates(log, first) == 3
    data = load_data(str(first))
    assert sorted((m.get("intent"), m.get("text")) for m in data.training_examples) == [
        ("ask_causes", "can my dog get sciatica"),
        ("ask_causes", "is it the weather making my knee ache"),
        ("ask_treatment", "what's the dose of naproxen"),
    ]
    assert "move it under" in first.read_text()

    assert export_candidates(log, tmp_path / "second.yml") == 0
    assert not (tmp_path / "second.yml").exists()
    log.log({"text": "does swimming in the sea count"}, "ask_home_remedies", 0.47)
    assert export_candidates(log, tmp_path / "third.yml") == 1
    assert [m.get("text") for m in load_data(str(tmp_path / "third.yml")).training_examples] == [
        "does swimming in the sea count"
    ]


def test_a_broken_database_never_raises(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    from sqlalchemy import create_engine

    UnansweredLog(create_engine(f"sqlite:///{blocked / 'db.sqlite'}")).log({"text": "hello?"}, "greet", 0.2)


def test_red_flag_vocabulary_goes_to_the_safety_review_not_the_nlu_candidates(tmp_path):
    import yaml

    from operations.review_log import SafetyReviewLog, render
    from safety.red_flags import get_detector

    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    unanswered, safety = UnansweredLog(engine), SafetyReviewLog(engine)
    missed = "the loo situation is a nightmare lately"  # the kind of miss a clinician must see
    unanswered.log({"text": missed}, "ask_symptoms", 0.3)
    unanswered.log({"text": "what's the dose of naproxen"}, "ask_treatment", 0.38)
    assert export_candidates(unanswered, tmp_path / "candidates.yml") == 1  # the bladder message is not a candidate
    assert "loo" not in (tmp_path / "candidates.yml").read_text()

    detector = get_detector()
    for text in (missed, "what exercises help my knee", "no trouble controlling my bladder"):
        safety.log(text, detector.assess(text))
    assert not safety.log("I can't control my bladder", detector.assess("I can't control my bladder"))
    rows = safety.export_rows()
    assert [r["text"] for r in rows] == [missed, "no trouble controlling my bladder"]
    assert "negated" in rows[1]["reasons"]
    exported = yaml.safe_load(render(rows))
    assert exported[0]["text"] == missed and exported[0]["reasons"]
    assert "safety/tables/areas.yml" in render(rows)
    assert safety.export_rows() == []  # exported once
