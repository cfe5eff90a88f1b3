"""A writer's own correction of a slip: "half my left food is numb" then "*foot" on the next line.

Chat writers fix a typo or an autocorrect slip by sending the right word after an asterisk, on
its own line or at the end of the message ("*sciatica", "fever*"). :func:`apply_corrections` puts
the word in place of the word it most resembles earlier in the message (Jaro-Winkler
similarity, rapidfuzz) and drops the correction, so "social going down both legs *sciatica" is
read "sciatica going down both legs". A starred word that resembles nothing before it is left as
it was ("*sigh*", "*hugs*").
"""

import re
from typing import List, Optional, Tuple

from rapidfuzz.distance import JaroWinkler

# a correction: one or two words with an asterisk before (or after) them, alone on a line or
# ending the message
_CORRECTION = re.compile(
    r"(?:^|(?<=\s))\*\s?(?P<a>[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*)?)\*?[ \t]*(?=\n|$)"
    r"|^[ \t]*(?P<b>[^\W\d_][\w'’-]*)\*[ \t]*$",
    re.MULTILINE,
)
# a line of corrections only: "*needles *knee"
_CORRECTIONS_LINE = re.compile(r"^[ \t]*(?:\*\s?[^\W\d_][\w'’-]*\*?[ \t,]*){2,}$", re.MULTILINE)
_STARRED = re.compile(r"\*\s?([^\W\d_][\w'’-]*)")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# how much a word must resemble the correction to be the one it replaces
MIN_SIMILARITY = 0.72
# words within this of the most alike count as equally alike
NEAR_TIE = 0.05


def _slip(before: str, correction: str) -> Optional[Tuple[int, int]]:
    """The span of the word (two words, for a two-word correction) in ``before`` that
    ``correction`` most likely fixes, the nearest one among equals; None if no word is like it
    (or it is already there)."""
    wanted = correction.lower()
    scored: List[Tuple[float, int, int]] = []
    words = list(_WORD.finditer(before))
    size = len(wanted.split())  # a two-word correction fixes two words in a row
    for i, (first, last) in enumerate(zip(words, words[size - 1 :])):
        written = " ".join(w.group().lower() for w in words[i : i + size])
        if written == wanted:
            return None  # already written right: the star is emphasis, not a correction
        score = JaroWinkler.similarity(written, wanted)
        if score >= MIN_SIMILARITY:
            scored.append((score, first.start(), last.end()))
    if not scored:
        return None
    best = max(score for score, _, _ in scored)
    # among words about as alike, the nearest: a slip is usually fixed right after it is seen
    _, start, end = [s for s in scored if s[0] >= best - NEAR_TIE][-1]
    return start, end


def apply_corrections(text: str) -> str:
    """``text`` with the writer's starred corrections put in place of the slips they fix."""
    if "*" not in text:
        return text
    for line in reversed(list(_CORRECTIONS_LINE.finditer(text))):
        before, after = text[: line.start()], text[line.end() :]
        for word in _STARRED.findall(line.group()):
            slip = _slip(before, word)
            if slip is not None:
                before = before[: slip[0]] + word + before[slip[1] :]
        text = before + after
    found: List[re.Match] = list(_CORRECTION.finditer(text))
    for match in reversed(found):  # from the end, so earlier offsets stay valid
        correction = match.group("a") or match.group("b")
        words = correction.split()
        slip = _slip(text[: match.start()], words[0] if len(words) == 1 else correction)
        if slip is None and len(words) == 2:
            slip = _slip(text[: match.start()], words[0])
            correction = words[0] if slip else correction
        if slip is None:
            continue
        start, end = slip
        text = text[:start] + correction + text[end : match.start()].rstrip(" \t") + text[match.end() :]
    return text
