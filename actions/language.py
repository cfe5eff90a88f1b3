"""Is a message written in a language other than English? The article and the red-flag tables are
English only, so such a message gets an honest "English only for now" instead of a guess.

Two signals, both from data rather than phrases: most letters outside the Latin script (Cyrillic,
Arabic, Devanagari, CJK...), or more of spaCy's stop words of another European language than of
English's (spaCy's maintained stop-word lists). Words the assistant translates count as English.
"""

import re
import unicodedata
from functools import cache
from importlib import import_module
from typing import AbstractSet, Dict, FrozenSet

OTHER_LANGUAGES = ("es", "fr", "de", "it", "pt", "nl", "pl", "tr")
WORD = re.compile(r"[^\W\d_]+")
MIN_FOREIGN_WORDS = 2


@cache
def stop_words() -> Dict[str, FrozenSet[str]]:
    words = {"en": frozenset(import_module("spacy.lang.en.stop_words").STOP_WORDS)}
    for code in OTHER_LANGUAGES:
        table = frozenset(import_module(f"spacy.lang.{code}.stop_words").STOP_WORDS)
        words[code] = table - words["en"]  # only words English doesn't also use
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
