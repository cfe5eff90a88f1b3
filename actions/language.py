"""Is a message written in a language other than English? The article and the red-flag tables are
English only, so such a message gets an honest "English only for now" instead of a guess.

Two signals, both from data rather than phrases: most letters outside the Latin script (Cyrillic,
Arabic, Devanagari, CJK...), or more of spaCy's stop words of another European language than of
English's (spaCy's maintained stop-word lists). Words the assistant translates count as English.
"""

import re
import unicodedata
from functools import cache
from importlib.util import find_spec, module_from_spec, spec_from_file_location
from pathlib import Path
from typing import AbstractSet, Dict, FrozenSet

OTHER_LANGUAGES = ("es", "fr", "de", "it", "pt", "nl", "pl", "tr")
WORD = re.compile(r"[^\W\d_]+")
MIN_FOREIGN_WORDS = 2


def _spacy_stop_words(code: str) -> FrozenSet[str]:
    """spaCy's stop-word list of language ``code``, read from its file (``spacy/lang/<code>/
    stop_words.py`` needs nothing else) without importing spaCy, which the action server does
    not otherwise load."""
    package = find_spec("spacy")
    if package is None or not package.submodule_search_locations:
        raise ImportError("spaCy is not installed")
    path = Path(package.submodule_search_locations[0]) / "lang" / code / "stop_words.py"
    spec = spec_from_file_location(f"_spacy_stop_words_{code}", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"no stop words for {code!r} at {path}")
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)


@cache
def stop_words() -> Dict[str, FrozenSet[str]]:
    words = {"en": _spacy_stop_words("en")}
    for code in OTHER_LANGUAGES:
        words[code] = _spacy_stop_words(code) - words["en"]  # only words English doesn't also use
    return words


def _latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 1.0
    latin = sum(1 for c in letters if unicodedata.name(c, "").startswith("LATIN"))
    return latin / len(letters)


def not_english(text: str, understood: AbstractSet[str] = frozenset()) -> bool:
    """`understood`: words of other languages the assistant reads as English words (the article's
    translations table), counted as English: a question that mixes them in is answered."""
    if _latin_share(text) < 0.5:
        return True
    words = {w.lower() for w in WORD.findall(text) if len(w) > 1}  # distinct: "la la la" is one
    tables = stop_words()
    english = len(words & tables["en"]) + len(words & understood)
    foreign = max(len(words & tables[code]) for code in OTHER_LANGUAGES)
    return foreign >= MIN_FOREIGN_WORDS and foreign > english
