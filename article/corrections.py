"""A writer's own correction of a slip: "half my left food is numb" then "*foot" on the next line.

Chat writers fix a typo or an autocorrect slip by sending the right word after an asterisk, on
its own line or at the end of the message ("*sciatica", "fever*"). :func:`correct` puts the word
in place of the word it most resembles in the words before it (Jaro-Winkler similarity,
rapidfuzz) and drops the correction, so "social going down both legs *sciatica" is read
"sciatica going down both legs". It also returns, for each character of the corrected text, its
offset in the text as written, so that what is found in the corrected text can be shown in the
writer's own words. Left as written: a starred word that resembles nothing before it ("*sigh*"),
a word starred on both sides ("*numb*": emphasis), a star followed by a space ("* never": a
bullet), and lists of starred lines.
"""

import re
from typing import List, Optional, Tuple

from rapidfuzz.distance import JaroWinkler

_WORD_CHARS = r"[^\W\d_][\w'’-]*"
# a correction: one or two words right after an asterisk (not starred on both sides), ending its
# line or the message; or a word with the asterisk after it, alone on its line
_CORRECTION = re.compile(
    rf"(?:^|(?<=\s))\*(?P<a>{_WORD_CHARS}(?: {_WORD_CHARS})?)(?!\*)[ \t]*(?=\n|$)"
    rf"|^[ \t]*(?P<b>{_WORD_CHARS})\*[ \t]*$",
    re.MULTILINE,
)
# a line of corrections only: "*needles *knee"
_CORRECTIONS_LINE = re.compile(rf"^[ \t]*(?:\*{_WORD_CHARS}(?!\*)[ \t,]*){{2,}}$", re.MULTILINE)
_STARRED = re.compile(rf"\*({_WORD_CHARS})")
_STARRED_LINE = re.compile(r"^[ \t]*\*", re.MULTILINE)
_WORD = re.compile(_WORD_CHARS)
# how much a word must resemble the correction to be the one it replaces (short words: more)
MIN_SIMILARITY = 0.75
MIN_SIMILARITY_SHORT = 0.85
SHORT = 4
# words within this of the most alike count as equally alike
NEAR_TIE = 0.05
# at most this many corrections in a message, each looking back over at most this many words
MAX_CORRECTIONS = 5
LOOK_BACK_WORDS = 40

Edit = Tuple[int, int, str]  # start, end (in the text as written) and what replaces them


def _slip(text: str, before_end: int, correction: str) -> Optional[Tuple[int, int]]:
    """The span of the word (two words, for a two-word correction) before ``before_end`` that
    ``correction`` most likely fixes, the nearest one among equals; None if no word is like it
    (or it is already there)."""
    wanted = correction.lower()
    size = len(wanted.split())
    words = list(_WORD.finditer(text, 0, before_end))[-LOOK_BACK_WORDS:]
    scored: List[Tuple[float, int, int]] = []
    for i in range(len(words) - size + 1):
        first, last = words[i], words[i + size - 1]
        written = " ".join(w.group().lower() for w in words[i : i + size])
        if written == wanted:
            return None  # already written right: the star is emphasis, not a correction
        score = JaroWinkler.similarity(written, wanted)
        bar = MIN_SIMILARITY_SHORT if min(len(written), len(wanted)) <= SHORT else MIN_SIMILARITY
        if score >= bar:
            scored.append((score, first.start(), last.end()))
    if not scored:
        return None
    best = max(score for score, _, _ in scored)
    # among words about as alike, the nearest: a slip is usually fixed right after it is seen
    _, start, end = [s for s in scored if s[0] >= best - NEAR_TIE][-1]
    return start, end


def _edits(text: str) -> List[Edit]:
    """The replacements the message's corrections ask for, and the corrections removed."""
    edits: List[Edit] = []
    for line in _CORRECTIONS_LINE.finditer(text):
        words = _STARRED.findall(line.group())[:MAX_CORRECTIONS]
        slips = [(word, _slip(text, line.start(), word)) for word in words]
        found = [(slip[0], slip[1], word) for word, slip in slips if slip is not None]
        if found:
            edits += found + [(line.start(), line.end(), "")]
    lines = [(e[0], e[1]) for e in edits if not e[2]]
    for match in _CORRECTION.finditer(text):
        if len(edits) >= 2 * MAX_CORRECTIONS or any(s <= match.start() < e for s, e in lines):
            continue
        correction = match.group("a") or match.group("b")
        words = correction.split()
        slip = _slip(text, match.start(), correction)
        if slip is None and len(words) == 2:
            correction = words[0]
            slip = _slip(text, match.start(), correction)
        if slip is not None:
            start = match.start()
            while start > 0 and text[start - 1] in " \t":  # the space before the star goes too
                start -= 1
            edits += [(slip[0], slip[1], correction), (start, match.end(), "")]
    return edits


def correct(text: str) -> Tuple[str, Optional[List[int]]]:
    """``text`` with its starred corrections in place of the slips they fix, and for each of its
    characters the offset in ``text`` it stands for (None when nothing was corrected)."""
    if "*" not in text:
        return text, None
    if len(_STARRED_LINE.findall(text)) > 1 and not _CORRECTIONS_LINE.search(text):
        return text, None  # a list of starred lines, not corrections
    edits = sorted(set(_edits(text)))
    if not edits:
        return text, None
    out: List[str] = []
    index: List[int] = []
    last = 0
    for start, end, replacement in edits:
        if start < last:
            continue  # overlaps an edit already made
        out.append(text[last:start])
        index.extend(range(last, start))
        out.append(replacement)
        width = end - start  # each new character stands for a character of what it replaces
        index.extend(start + (k * width) // max(1, len(replacement)) for k in range(len(replacement)))
        last = end
    out.append(text[last:])
    index.extend(range(last, len(text)))
    return "".join(out), index


def apply_corrections(text: str) -> str:
    """``text`` with the writer's starred corrections put in place of the slips they fix."""
    return correct(text)[0]
