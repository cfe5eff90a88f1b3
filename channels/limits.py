"""What a channel accepts from a visitor, in one place: message length, sender ids, body size.

A message longer than MAX_MESSAGE_CHARS is cut to its first MAX_MESSAGE_CHARS characters before
Rasa sees it, so one long message can't hold up the other conversations (the NLU pipeline and the
red-flag check run on the event loop). The red-flag check still reads everything up to the limit,
and the visitor is told what was read. Request bodies over MAX_REQUEST_BYTES get 413 from Sanic
before any of this runs: the channels set that limit on the Rasa server's app (not on the action
server, which receives whole trackers from Rasa).
"""

import os
import re
from typing import Any, Dict, Optional, Tuple

from sanic import Blueprint

MAX_MESSAGE_CHARS = int(os.environ.get("MAX_MESSAGE_CHARS", "2000"))
MAX_REQUEST_BYTES = int(os.environ.get("MAX_REQUEST_BYTES", str(64 * 1024)))
MAX_SENDER_CHARS = 128
# Messages of one conversation are answered one at a time (Rasa's lock store); more than this many
# waiting at once from one sender are refused (429 on REST) instead of timing out with a 503.
MAX_WAITING_PER_SENDER = int(os.environ.get("MAX_WAITING_PER_SENDER", "10"))
SENDER = re.compile(r"[^\x00-\x1f\x7f]{1,%d}" % MAX_SENDER_CHARS)  # no control characters

SHORTENED = (
    "Your message was long, so I read only its first {limit:,} characters. If there is more you "
    "want to ask, please send it in a shorter message."
)


TOO_MANY = "Please wait for my answer before sending more messages."


class Queues:
    """How many messages of each sender are waiting or being answered, in this process."""

    def __init__(self, limit: Optional[int] = None) -> None:
        self.limit = MAX_WAITING_PER_SENDER if limit is None else limit
        self.waiting: Dict[str, int] = {}

    def enter(self, sender: str) -> bool:
        """Count one more message from `sender`; False (and not counted) if over the limit."""
        if self.waiting.get(sender, 0) >= self.limit:
            return False
        self.waiting[sender] = self.waiting.get(sender, 0) + 1
        return True

    def leave(self, sender: str) -> None:
        left = self.waiting.get(sender, 1) - 1
        if left:
            self.waiting[sender] = left
        else:
            self.waiting.pop(sender, None)


class InvalidInput(ValueError):
    """A request the channel refuses with 400 and this message."""


def limit_request_bodies(blueprint: Blueprint) -> None:
    """Bodies over MAX_REQUEST_BYTES get 413 on the app this blueprint joins. Sanic reads the
    limit for every new connection, so setting it before the server starts is enough."""

    @blueprint.listener("before_server_start")
    async def set_limit(app: Any, _loop: Any) -> None:
        app.config.REQUEST_MAX_SIZE = MAX_REQUEST_BYTES


def bounded(text: str) -> Tuple[str, bool]:
    """The part of `text` the assistant reads, and whether anything was cut."""
    if len(text) <= MAX_MESSAGE_CHARS:
        return text, False
    return text[:MAX_MESSAGE_CHARS], True


def shortened_notice() -> str:
    return SHORTENED.format(limit=MAX_MESSAGE_CHARS)


def checked_sender(value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or not SENDER.fullmatch(value):
        raise InvalidInput(f'"sender" must be a string of 1 to {MAX_SENDER_CHARS} printable characters')
    return value


def checked_message(value: Any) -> str:
    if not isinstance(value, str):
        raise InvalidInput('"message" must be a string')
    return value


def checked_metadata(value: Any) -> Optional[dict]:
    if value is not None and not isinstance(value, dict):
        raise InvalidInput('"metadata" must be a JSON object')
    return value
