"""What the red-flag detector found in one message, and how it travels with the message.

The detector runs once per message, in Rasa's NLU pipeline (nlu_components.red_flag_extractor),
which stores its :class:`Assessment` in the message's parse data under :data:`PARSE_DATA_KEY`.
Rasa keeps the parse data with the message in the tracker and sends it to the action server, so
the actions read the same verdict instead of assessing the message again: the action server needs
neither spaCy nor medspaCy. A message whose parse data has no assessment (a conversation stored
before this key existed, or one injected through Rasa's HTTP API) is assessed here, with the
detector loaded on first need.

This module imports nothing heavier than the standard library.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Dict, Mapping, Optional, Tuple

logger = logging.getLogger(__name__)

PARSE_DATA_KEY = "red_flag_assessment"


@dataclass(frozen=True)
class Mention:
    category: str
    level: str
    text: str
    start: int  # character offsets into the original message
    end: int

    def as_dict(self) -> Dict[str, Any]:
        return {"category": self.category, "level": self.level, "text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Mention:
        return cls(str(data["category"]), str(data["level"]), str(data["text"]), int(data["start"]), int(data["end"]))


@dataclass(frozen=True)
class Assessment:
    level: Optional[str]  # None when nothing escalates
    flags: Tuple[str, ...]  # affirmed categories, most severe first, no duplicates
    mentions: Tuple[Mention, ...]  # affirmed mentions
    ignored: Tuple[Tuple[Mention, str], ...]  # (mention, reason) that did not escalate
    # categories touched but not clearly affirmed: the safety question asks about the first
    suspected: Tuple[str, ...] = ()
    # when nothing above was found: (category, start, end) of emergency-area words in the message
    # (the keyword net), so that a clinician can review it (operations.review_log)
    area_words: Tuple[Tuple[str, int, int], ...] = ()

    @property
    def escalate(self) -> bool:
        return self.level is not None

    @property
    def touches_red_flags(self) -> bool:
        """Red-flag words were found, whatever became of them."""
        return bool(self.mentions or self.ignored or self.suspected or self.area_words)

    def as_dict(self) -> Dict[str, Any]:
        """JSON-ready, for the parse data (:func:`from_dict` reads it back)."""
        return {
            "level": self.level,
            "flags": list(self.flags),
            "mentions": [m.as_dict() for m in self.mentions],
            "ignored": [{"mention": m.as_dict(), "reason": reason} for m, reason in self.ignored],
            "suspected": list(self.suspected),
            "area_words": [list(word) for word in self.area_words],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Assessment:
        return cls(
            level=data.get("level"),
            flags=tuple(data.get("flags") or ()),
            mentions=tuple(Mention.from_dict(m) for m in data.get("mentions") or ()),
            ignored=tuple((Mention.from_dict(i["mention"]), str(i["reason"])) for i in data.get("ignored") or ()),
            suspected=tuple(data.get("suspected") or ()),
            area_words=tuple((str(c), int(s), int(e)) for c, s, e in data.get("area_words") or ()),
        )


NOTHING = Assessment(level=None, flags=(), mentions=(), ignored=())


def assessment_of(parse_data: Optional[Mapping[str, Any]]) -> Assessment:
    """The assessment of a user message, from its parse data (a tracker's ``latest_message`` or a
    user event's ``parse_data``); assessed now if the parse data has none or an unreadable one."""
    parse_data = parse_data or {}
    stored = parse_data.get(PARSE_DATA_KEY)
    if isinstance(stored, Mapping):
        try:
            return Assessment.from_dict(stored)
        except (KeyError, TypeError, ValueError):
            logger.warning("unreadable red-flag assessment in the parse data: assessing the message again")
    from safety.red_flags import get_detector  # spaCy and medspaCy, loaded on first need only

    return get_detector().assess(parse_data.get("text") or "")
