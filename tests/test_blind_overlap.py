"""The blind sets stay blind: no sentence of theirs is copied into training data, example
questions, detector rules or vocabulary tables, or the project's own test sets."""

import re
from typing import Iterable, Set

import pytest
import yaml

from paths import PROJECT_ROOT as ROOT

pytestmark = pytest.mark.gate  # minutes of work: make test-unit leaves it out

BLIND = ROOT / "tests" / "blind"
N = 5
# Common phrases ("what can i do at home") meet by chance; a sentence copied, or edited a little,
# shares most of its five-word runs with its source.
MAX_SHARED = 0.8
MIN_RUNS = 6  # shorter questions ("should I rest or keep moving") are checked whole
# Short everyday questions that the blind writers happened to phrase exactly as examples already
# in data/ before the blind sets were written (git log shows the order): not copies.
COINCIDENCES = {
    "should i rest or keep moving",
    "how much turmeric should i take a day",
    "how long is the rehabilitation phase",  # in data/article/questions.yml since 936485f, before set G
    # a stock question several blind writers wrote alike; in tests/red_flags/ since the first session
    "what are the red flags for back pain",
    "can back pain cause knee pain",  # the article's own title, asked
    # set AE (ninth session): each of its five-word runs is in data/article/questions.yml's
    # earlier questions ("how do i know if ...", "... my knee pain is coming from my back")
    "how do i know if my knee pain is coming from my back",
    # set AU (fourteenth session): tests/red_flags/non_escalating.yml has asked it since a2a264f
    "difference between sciatica and cauda equina",
}

SOURCES = [
    *sorted((ROOT / "data").rglob("*.yml")),
    *sorted((ROOT / "data").rglob("*.md")),
    ROOT / "domain.yml",
    *sorted((ROOT / "safety").rglob("*.py")),
    *sorted((ROOT / "safety").rglob("*.yml")),
    *sorted((ROOT / "actions").rglob("*.py")),
    *sorted((ROOT / "tests" / "red_flags").glob("*.yml")),
    ROOT / "tests" / "nlu_holdout.yml",
]


def words(text: str) -> list:
    return re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))


def shingles(text: str) -> Set[tuple]:
    w = words(text)
    return {tuple(w[i : i + N]) for i in range(len(w) - N + 1)}


def blind_texts() -> Iterable[tuple]:
    for path in sorted(BLIND.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        items = data if isinstance(data, list) else [i for part in data.values() for i in part]
        for item in items:
            yield path.name, item["text"]


def test_blind_sets_are_there_and_large_enough():
    names = {p.name for p in BLIND.glob("*.yml")}
    for kind in ("A", "B"):
        aff = yaml.safe_load((BLIND / f"red_flags_{kind}_affirming.yml").read_text())
        non = yaml.safe_load((BLIND / f"red_flags_{kind}_non_escalating.yml").read_text())
        assert len(aff) >= 300 and len(non) >= 200
        assert f"answers_{kind}.yml" in names


def test_no_blind_sentence_is_copied_into_data_rules_or_tests():
    article = shingles((ROOT / "data" / "article" / "back-pain-knee-pain.md").read_text(encoding="utf-8"))
    sources = {}
    for path in SOURCES:
        if path.is_file():
            for gram in shingles(path.read_text(encoding="utf-8")) - article:
                sources.setdefault(gram, path.relative_to(ROOT))
    whole = " ".join(" ".join(words(p.read_text(encoding="utf-8"))) for p in SOURCES if p.is_file())
    copies = []
    for name, text in blind_texts():
        grams = shingles(text)
        if " ".join(words(text)) in COINCIDENCES:
            continue
        shared = [g for g in grams if g in sources]
        if len(grams) < MIN_RUNS:
            joined = " ".join(words(text))
            if len(words(text)) >= 6 and joined not in COINCIDENCES and f" {joined} " in f" {whole} ":
                copies.append(f"{name}: whole message found in the sources: {text!r}")
        elif len(shared) / len(grams) > MAX_SHARED:
            copies.append(f"{name}: {len(shared)}/{len(grams)} runs also in {sources[shared[0]]}: {text!r}")
    assert not copies, "blind sentences copied:\n" + "\n".join(copies)
