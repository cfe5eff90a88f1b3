"""Reading a message written in another language in English.

The red-flag tables (safety/tables/areas.yml), ConText's rules and the article are English. A
message written mostly or partly in French ("j'peux pus pisser depuis hier pis mon dos me fait
mal") is glossed phrase by phrase from ``data/article/gloss.yml`` ("I can't pee since yesterday
and my back hurts") when it shows enough words of that language; the red-flag detector reads the
gloss beside the message as written (safety.red_flags), and the answers search the article with
it (actions.answers). English words in the message are left as they are.

:meth:`Glosser.gloss` returns the glossed text with, for each of its characters, the offset of
the character of the original it stands for, so that what the detector found can be shown in
the visitor's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Pattern, Tuple

import yaml

from article.word_tables import GLOSS_FILE

_APOSTROPHES = str.maketrans({"’": "'", "`": "'", "ʼ": "'"})
_WORD = re.compile(r"[^\W_]+(?:'(?=[^\W_]))?|[^\W_]+'")  # Arabic in Latin letters writes digits: "3am"


@dataclass(frozen=True)
class Language:
    name: str
    markers: frozenset
    min_markers: int
    pattern: Pattern
    gloss: Dict[str, str]
    # words of a sister language the gloss would misread (Papiamentu beside Spanish)
    not_with: frozenset = frozenset()

    def markers_in(self, words: List[str]) -> int:
        """How many different markers of the language ``words`` show."""
        if len(self.not_with.intersection(words)) >= 2:
            return 0
        return len(self.markers.intersection(words))


def _pattern(keys) -> Pattern:
    """Whole-word alternation, longest first; an elided key ("j'") ends against the next word."""
    parts = []
    for key in sorted(keys, key=len, reverse=True):
        body = re.escape(key)
        parts.append(body if key.endswith("'") else body + r"(?![\w'])")
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")")


def _words(entries) -> frozenset:
    return frozenset(str(word).lower().translate(_APOSTROPHES) for word in entries or ())


def load(path: Path = GLOSS_FILE) -> List[Language]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    languages = []
    for name, spec in (data.get("languages") or {}).items():
        gloss = {str(k).lower().translate(_APOSTROPHES): str(v) for k, v in (spec.get("gloss") or {}).items()}
        markers, not_with = (_words(spec.get(key)) for key in ("markers", "not_with"))
        min_markers = int(spec.get("min_markers", 2))
        languages.append(Language(name, markers, min_markers, _pattern(gloss), gloss, not_with))
    return languages


class Glosser:
    """Glosses a lower-cased message in the table languages it reads as, if any.

    A message may mix two of them with English (Lebanese French and Arabic, Seychellois Kreol
    and French): every language with enough markers is glossed at once; where two give the same
    word different meanings ("ma": French "my", Arabic "not"), the language with more markers
    in the message decides."""

    _CACHE_LIMIT = 64

    def __init__(self, languages: Optional[List[Language]] = None) -> None:
        self.languages = load() if languages is None else languages
        self._combined: Dict[Tuple[str, ...], Tuple[Pattern, Dict[str, str]]] = {}

    def gloss(self, lowered: str) -> Optional[Tuple[str, List[int]]]:
        """(glossed text, original offset of each of its characters), or None when the message
        shows no table language. ``lowered`` must be lower case."""
        text = lowered.translate(_APOSTROPHES)  # one character for one: offsets unchanged
        words = _WORD.findall(text)
        counts = [(language.markers_in(words), i) for i, language in enumerate(self.languages)]
        chosen = sorted(((n, i) for n, i in counts if n >= self.languages[i].min_markers), key=lambda c: (-c[0], c[1]))
        if not chosen:
            return None
        return _apply(*self._combine(tuple(self.languages[i] for _, i in chosen)), text)

    def _combine(self, languages: Tuple[Language, ...]) -> Tuple[Pattern, Dict[str, str]]:
        if len(languages) == 1:
            return languages[0].pattern, languages[0].gloss
        key = tuple(language.name for language in languages)
        if key not in self._combined:
            gloss: Dict[str, str] = {}
            for language in reversed(languages):  # the first (most markers) overrides
                gloss.update(language.gloss)
            if len(self._combined) < self._CACHE_LIMIT:
                self._combined[key] = (_pattern(gloss), gloss)
            else:
                return _pattern(gloss), gloss
        return self._combined[key]


def _apply(pattern: Pattern, gloss: Dict[str, str], text: str) -> Tuple[str, List[int]]:
    out: List[str] = []
    index: List[int] = []
    last = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        out.append(text[last:start])
        index.extend(range(last, start))
        english = gloss[match.group(0)]
        out.append(english)
        # each English character stands for a character of the phrase it glosses, spread evenly
        width = end - start
        index.extend(start + (k * width) // max(1, len(english)) for k in range(len(english)))
        last = end
    out.append(text[last:])
    index.extend(range(last, len(text)))
    return "".join(out), index
