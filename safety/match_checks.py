"""Post-filters for target matches (a rule's `check` in safety.patterns): conditions a token
pattern cannot express, such as numeric values or what follows the match."""

from typing import Callable, Optional

from spacy.tokens import Doc

# check(doc, start, end) -> keep the match doc[start:end]?
Check = Callable[[Doc, int, int], bool]

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a": 1,
    "an": 1,
    "couple": 2,
    "few": 3,
    "several": 3,
    "many": 5,
}
_UNIT_LEMMAS = {"week", "weeks", "month", "months", "year", "years"}
# words after "fall"/"fell" that make it not a fall: "fell asleep", "fall behind", "fell for it"
_FALL_NOT_AFTER = {
    "asleep",
    "behind",
    "for",
    "apart",
    "ill",
    "sick",
    "pregnant",
    "short",
    "silent",
    "through",
    "into",
    "back",
    "out",
}
# "fell in ..." is a fall only before these ("fell in the garden", not "fell in love")
_FALL_OK_IN = {"the", "my", "a", "garden", "shower", "bath", "bathroom", "street", "kitchen"}


def _number(text: str) -> Optional[float]:
    if text in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[text])
    try:
        return float(text)
    except ValueError:
        return None


def check_duration(doc: Doc, start: int, end: int) -> bool:
    """Accept "since last summer", months / years, or 3+ weeks ("a few weeks", "week 6")."""
    span = doc[start:end]
    units = [t for t in span if t.lemma_ in _UNIT_LEMMAS or t.lower_ in _UNIT_LEMMAS]
    if not units:
        return any(t.lower_ == "since" for t in span)
    if any(t.lower_.startswith(("month", "year")) for t in units) or len(units) > 1:
        return True
    unit = units[0]
    for i in (unit.i - 1, unit.i - 2, unit.i + 1):  # "3 weeks", "few of weeks", "week 6"
        if start <= i < end and doc[i].lower_ not in ("of", "whole", "full"):
            value = _number(doc[i].lower_)
            if value is not None:
                return value >= 3
    return False


# a part of the body that "falls" without the person falling, and what may stand between them
_FALLING_PARTS = frozenset({"foot", "feet", "toe", "toes", "eyelid", "face"})
_BETWEEN_PART_AND_FALL = frozenset({"just", "then", "simply", "only", "always", "keeps", "still"})


def _a_part_falls(doc: Doc, i: int) -> bool:
    """ "the foot falls", "the foot just falls": the part is the subject of the fall at ``i``;
    not "tripped over my feet and fell" (the person)."""
    one = doc[i - 1].lower_ if i >= 1 else ""
    two = doc[i - 2].lower_ if i >= 2 else ""
    return one in _FALLING_PARTS or (one in _BETWEEN_PART_AND_FALL and two in _FALLING_PARTS)


def check_fall(doc: Doc, start: int, end: int) -> bool:
    """A fall, slip or trip - not "fell asleep", "fell in love", "a trip", "slipped disc",
    "(the weight) fell off me", "the foot just falls down"."""
    fall = next(
        (
            t
            for t in doc[start:end]
            if t.lemma_ in ("fall", "slip", "trip", "tumble") or t.lower_ in ("fell", "fallen", "slipped", "tripped")
        ),
        None,
    )
    if fall is None:
        return True
    if fall.lemma_ == "fall" and _a_part_falls(doc, fall.i):
        return False  # "the foot just falls down" (a dropped foot), not the person
    following = doc[fall.i + 1].lower_ if fall.i + 1 < len(doc) else ""
    following2 = doc[fall.i + 2].lower_ if fall.i + 2 < len(doc) else ""
    if fall.i + 1 < end:  # the pattern itself fixes what follows ("fell off", "slipped on ice")
        return not (following == "off" and following2 in ("me", "of"))
    if fall.lower_ in ("fall", "falls", "fell", "fallen", "falling"):
        if following == "in" and following2 not in _FALL_OK_IN:
            return False  # "fell in love"
        if following in _FALL_NOT_AFTER:
            return False
    if fall.lower_ in ("trip", "trips") and fall.i > 0 and doc[fall.i - 1].lower_ in ("a", "my", "the"):
        return False  # "a trip" (journey)
    if following in ("disc", "disk", "discs", "up"):  # "slipped disc", "slipped up"
        return False
    before = {t.lower_ for t in doc[max(0, fall.i - 3) : fall.i]}
    if before & {"clothes", "trousers", "jeans", "weight", "hair", "price", "prices", "temperature"}:
        return False
    return True


def check_need_to_go(doc: Doc, start: int, end: int) -> bool:
    """ "can't feel when i need to" on its own (not "... when i need to stretch")."""
    if doc[end - 1].lower_ != "to" or end >= len(doc):
        return True
    nxt = doc[end]
    return nxt.is_punct or nxt.lower_ in {"and", "but", "so", "or", "anymore", "any", "now", "lol"}


def check_go(doc: Doc, start: int, end: int) -> bool:
    """ "my bladder feels full but i can't go" (not "... can't go to pilates")."""
    if doc[end - 1].lemma_ != "go" or end >= len(doc):
        return True
    nxt = doc[end]
    return nxt.is_punct or nxt.lower_ in {
        "and",
        "but",
        "so",
        "at",
        "properly",
        "anymore",
        "now",
        "even",
        "though",
        "since",
        "lol",
    }


def check_bottom(doc: Doc, start: int, end: int) -> bool:
    """ "bottom" as the buttocks, not "bottom of my foot" / "bottom half"."""
    for tok in doc[start:end]:
        if tok.lower_ == "bottom":
            nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
            if nxt in ("of", "half"):
                return False
    return True


def check_fever(doc: Doc, start: int, end: int) -> bool:
    """Not "hay fever", "cabin fever", "saturday night fever" ..."""
    prev = doc[start - 1].lower_ if start > 0 else ""
    prev2 = doc[start - 2].lower_ if start > 1 else ""
    if prev == "night" and prev2 == "saturday":
        return False
    return prev not in {"hay", "cabin", "spring", "football", "disco", "gold", "yellow"}


def check_temperature(doc: Doc, start: int, end: int) -> bool:
    """A measured temperature that is a fever (>= 37.8 C or >= 100 F)."""
    value = _number(doc[end - 1].lower_.rstrip("cf°"))
    return value is not None and (37.8 <= value <= 43 or 100 <= value <= 110)


def check_cancer(doc: Doc, start: int, end: int) -> bool:
    """A personal history of cancer: "i had breast cancer", "history of cancer", "cancer survivor"."""
    before = {t.lower_ for t in doc[max(0, start - 4) : start]}
    after = {t.lower_ for t in doc[end : end + 3]}
    return bool(
        before
        & {
            "had",
            "have",
            "has",
            "'ve",
            "ve",
            "diagnosed",
            "history",
            "hx",
            "survivor",
            "treated",
            "treatment",
            "remission",
            "beat",
            "beaten",
            "survived",
        }
        or after & {"survivor", "history", "remission", "treatment", "before", "ago"}
    )


# "ED nurse", "ED doctor": the emergency department
_DEPARTMENT_WORDS = {
    "nurse",
    "nurses",
    "doctor",
    "doctors",
    "doc",
    "consultant",
    "registrar",
    "reg",
    "staff",
    "department",
    "triage",
    "visit",
    "shift",
    "shifts",
    "sister",
    "team",
    "colleague",
    "colleagues",
    "waiting",
    "attendance",
    "physician",
    "resident",
}


def check_ed(doc: Doc, start: int, end: int) -> bool:
    """ "ED" (upper case in the message) as erectile dysfunction, not the emergency department."""
    original = doc.user_data.get("original_text")
    token = doc[start]
    if original is None or original[token.idx : token.idx + 2] != "ED":
        return False
    prev = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end].lower_ if end < len(doc) else ""
    return (
        prev
        not in {
            "to",
            "the",
            "in",
            "at",
            "into",
            "from",
            "local",
            "an",
            "a",
            "nearest",
            "him",
            "her",
            "them",
            "me",
            "you",
        }
        and after not in _DEPARTMENT_WORDS
    )
