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

import functools
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

    def markers_in(self, words: frozenset) -> int:
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


def _norm(word) -> str:
    return str(word).lower().translate(_APOSTROPHES)


# libyaml's loader where PyYAML was built with it: the table is some 3,000 lines, read at the
# start of the Rasa server and the action server (0.3 s with the pure-Python loader, 0.03 s)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(path: Path = GLOSS_FILE) -> List[Language]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    languages = []
    for name, spec in (data.get("languages") or {}).items():
        gloss = {_norm(k): str(v) for k, v in (spec.get("gloss") or {}).items()}
        markers, not_with = (frozenset(map(_norm, spec.get(key) or ())) for key in ("markers", "not_with"))
        min_markers = int(spec.get("min_markers", 2))
        languages.append(Language(name, markers, min_markers, _pattern(gloss), gloss, not_with))
    return languages


class Glosser:
    """Glosses a lower-cased message in the table languages it reads as, if any.

    A message may mix two of them with English (Lebanese French and Arabic, Seychellois Kreol
    and French): every language with enough markers is glossed at once; where two give the same
    word different meanings ("ma": French "my", Arabic "not"), the language with more markers
    in the message decides."""

    def __init__(self, languages: Optional[List[Language]] = None) -> None:
        self.languages = load() if languages is None else languages

    def gloss(self, lowered: str) -> Optional[Tuple[str, List[int]]]:
        """(glossed text, original offset of each of its characters), or None when the message
        shows no table language. ``lowered`` must be lower case."""
        glossed = self.gloss_with_phrases(lowered)
        return None if glossed is None else glossed[:2]

    def gloss_with_phrases(self, lowered: str) -> Optional[Tuple[str, List[int], List[Tuple[int, int, str]]]]:
        """As :meth:`gloss`, with every phrase of ``lowered`` it glossed: (start, end, English)."""
        text = lowered.translate(_APOSTROPHES)  # one character for one: offsets unchanged
        words = frozenset(_WORD.findall(text))
        counts = [(language.markers_in(words), i) for i, language in enumerate(self.languages)]
        chosen = sorted(((n, i) for n, i in counts if n >= self.languages[i].min_markers), key=lambda c: (-c[0], c[1]))
        if not chosen:
            return None
        return _apply(*self._combine(tuple(i for _, i in chosen)), text)

    @functools.lru_cache(maxsize=64)  # noqa: B019 (one Glosser per process, kept for its life)
    def _combine(self, chosen: Tuple[int, ...]) -> Tuple[Pattern, Dict[str, str]]:
        """The pattern and glosses of the chosen languages (indices, most markers first)."""
        if len(chosen) == 1:
            return self.languages[chosen[0]].pattern, self.languages[chosen[0]].gloss
        gloss: Dict[str, str] = {}
        for i in reversed(chosen):  # the first (most markers) overrides
            gloss.update(self.languages[i].gloss)
        return _pattern(gloss), gloss


def _apply(pattern: Pattern, gloss: Dict[str, str], text: str) -> Tuple[str, List[int], List[Tuple[int, int, str]]]:
    out: List[str] = []
    index: List[int] = []
    phrases: List[Tuple[int, int, str]] = []
    last = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        out.append(text[last:start])
        index.extend(range(last, start))
        english = gloss[match.group(0)]
        phrases.append((start, end, english))
        out.append(english)
        # each English character stands for a character of the phrase it glosses, spread evenly
        width = end - start
        index.extend(start + (k * width) // max(1, len(english)) for k in range(len(english)))
        last = end
    out.append(text[last:])
    index.extend(range(last, len(text)))
    return "".join(out), index, phrases
