"""Shorthand for writing spaCy Matcher token patterns with alternatives and gaps.

A pattern is written as nested parts - a str (lemmas), a token dict, a list (sequence) or an
``alt(...)`` - and :func:`build` expands it into the plain token-dict patterns the Matcher takes.
"""

from typing import Callable, Dict, List, Sequence


class _Alt:
    """Alternative token sequences inside a pattern (expanded to several Matcher patterns)."""

    def __init__(self, options: Sequence[object]):
        self.options = options


def lem(words: str) -> Dict[str, object]:
    """One token whose lookup lemma is one of ``words`` (whitespace-separated)."""
    return {"LEMMA": {"IN": words.split()}}


def low(words: str) -> Dict[str, object]:
    """One token whose lower-cased text is one of ``words``."""
    return {"LOWER": {"IN": words.split()}}


def norm(words: str) -> Dict[str, object]:
    """One token whose norm (the spelling normalizer's reading: "nuttin", "nowt" -> "nothing") is
    one of ``words``."""
    return {"NORM": {"IN": words.split()}}


NOT = {"NORM": "not"}  # not, n't, nt (as in "dont", "cant")
LIKE_NUM = {"LIKE_NUM": True}


def opt(token: object) -> object:
    """An optional token (a str means lemmas, as in :func:`lem`)."""
    if isinstance(token, str):
        token = lem(token)
    if isinstance(token, dict):
        return dict(token, OP="?")
    raise TypeError(token)


def seq(*parts: object) -> List[object]:
    return list(parts)


def alt(*options: object) -> _Alt:
    return _Alt(options)


# Tokens a gap (wildcard) may not cross: sentence punctuation, negation and turn-taking words,
# third-person possessives / pronouns (so "numbness in her legs" is not the user's), and words
# that say all is well ("toilet all normal, nothing changed").
_GAP_BLOCK = (
    ". ! ? ; not no never nothing none nor neither without but however although though except "
    "his her hers him he she they their them your if unless between normal normally fine ok okay"
).split()
_GAP_TOKEN = {"NORM": {"NOT_IN": _GAP_BLOCK}, "IS_SENT_START": False, "OP": "?"}


def gap(n: int) -> List[object]:
    """Up to ``n`` arbitrary tokens within the sentence (see _GAP_BLOCK)."""
    return [dict(_GAP_TOKEN) for _ in range(n)]


def _flatten(part: object) -> List[List[dict]]:
    """Expand one pattern part into its alternative token sequences."""
    if isinstance(part, str):
        return [[lem(part)]]
    if isinstance(part, dict):
        return [[part]]
    if isinstance(part, _Alt):
        out: List[List[dict]] = []
        for option in part.options:
            out.extend(_flatten(option))
        return out
    if isinstance(part, list):
        seqs: List[List[dict]] = [[]]
        for sub in part:
            seqs = [a + b for a in seqs for b in _flatten(sub)]
        return seqs
    raise TypeError(part)


def build(*parts: object) -> List[List[dict]]:
    """The Matcher patterns for the sequence ``parts`` (one per combination of alternatives)."""
    return _flatten(list(parts))


def expand_lemmas(pattern: List[dict], lemma_of: Callable[[str], str]) -> List[dict]:
    """Add the lookup lemma of every word listed under LEMMA, so that patterns may list
    inflected forms ("peed", "wetting") whatever the lemma table maps them to."""
    out = []
    for token in pattern:
        spec = token.get("LEMMA")
        if isinstance(spec, dict) and "IN" in spec:
            words = list(dict.fromkeys(spec["IN"] + [lemma_of(w) for w in spec["IN"]]))
            token = dict(token, LEMMA={"IN": words})
        elif isinstance(spec, str):
            token = dict(token, LEMMA={"IN": list(dict.fromkeys([spec, lemma_of(spec)]))})
        out.append(token)
    return out


def lemma_function(nlp) -> Callable[[str], str]:
    """The pipeline's lookup lemmatizer as a function (for the components' pattern expansion)."""
    return nlp.get_pipe("red_flag_lemmatizer").lemma_of
