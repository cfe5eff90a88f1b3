"""What a channel accepts from a visitor, in one place: message length, sender ids, body size.

A message longer than MAX_MESSAGE_CHARS is cut to its first MAX_MESSAGE_CHARS characters before
Rasa sees it, so one long message can't hold up the other conversations (the NLU pipeline and the
red-flag check run on the event loop). The red-flag check still reads everything up to the limit,
and the visitor is told what was read. Request bodies over SANIC_REQUEST_MAX_SIZE (set by the
Makefile) are refused by Sanic with 413 before any of this runs.
"""
import os
import re
from typing import Any, Optional, Tuple

MAX_MESSAGE_CHARS = int(os.environ.get("MAX_MESSAGE_CHARS", "2000"))
MAX_SOCKET_BYTES = int(os.environ.get("SANIC_REQUEST_MAX_SIZE", str(64 * 1024)))
MAX_SENDER_CHARS = 128
SENDER = re.compile(r"[^\x00-\x1f\x7f]{1,%d}" % MAX_SENDER_CHARS)  # no control characters

SHORTENED = (
    "Your message was long, so I read only its first {limit:,} characters. If there is more you "
    "want to ask, please send it in a shorter message."
)


class InvalidInput(ValueError):
    """A request the channel refuses with 400 and this message."""


def bounded(text: str) -> Tuple[str, bool]:
    """The part of `text` the assistant reads, and whether anything was cut."""
    if len(text) <= MAX_MESSAGE_CHARS:
        return text, False
    return text[:MAX_MESSAGE_CHARS], True


def shortened_notice() -> str:
    return SHORTENED.format(limit=MAX_MESSAGE_CHARS)


def checked_sender(value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or not SENDER.fullmatch(value):
        raise InvalidInput(
            f'"sender" must be a string of 1 to {MAX_SENDER_CHARS} printable characters'
        )
    return value


def checked_message(value: Any) -> str:
    if not isinstance(value, str):
        raise InvalidInput('"message" must be a string')
    return value


def checked_metadata(value: Any) -> Optional[dict]:
    if value is not None and not isinstance(value, dict):
        raise InvalidInput('"metadata" must be a JSON object')
    return value
