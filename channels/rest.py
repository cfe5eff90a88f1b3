"""Rasa 3.6's REST channel, strict about what it accepts.

Rasa's own channel answers a JSON list, a numeric sender or a missing message with a 500 or an
empty reply. Here a request that is not `{"sender": str, "message": str[, "metadata": {...}]}`
gets 400 with the reason, more than MAX_WAITING_PER_SENDER messages waiting from one sender get
429, a message over the length limit is cut (channels/limits.py) and the
visitor is told so after the answer, and every other reply is exactly Rasa's.

`name()` stays "rest". credentials.yml: `channels.rest.RestInput:` instead of `rest:`.
"""

import json
import logging
from typing import Any, Awaitable, Callable

from rasa.core.channels import rest as rasa_rest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels import limits

logger = logging.getLogger(__name__)


def parsed(request: Request) -> dict:
    """The request's JSON object, or InvalidInput saying what is wrong with it. Like Rasa's own
    channel, the body is read as JSON whatever its Content-Type (`curl -d` sends a form type)."""
    try:
        body = json.loads((request.body or b"").decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise limits.InvalidInput('the body must be JSON in UTF-8: {"sender": "...", "message": "..."}') from None
    if not isinstance(body, dict):
        raise limits.InvalidInput('the body must be a JSON object {"sender": ..., "message": ...}')
    return body


class RestInput(rasa_rest.RestInput):
    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("custom_webhook_strict_rest", __name__)
        self.queues = limits.Queues()
        limits.limit_request_bodies(webhook)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                body = parsed(request)
                sender = limits.checked_sender(body.get("sender"))
                text = limits.checked_message(body.get("message"))
                metadata = limits.checked_metadata(body.get("metadata"))
            except limits.InvalidInput as error:
                return response.json({"error": str(error)}, status=400)
            if not self.queues.enter(sender):
                return response.json({"error": limits.TOO_MANY}, status=429)
            text, cut = limits.bounded(text)
            collector = CollectingOutputChannel()
            try:
                await on_new_message(UserMessage(text, collector, sender, input_channel=self.name(), metadata=metadata))
            except Exception:  # noqa: BLE001 (logged; the visitor still gets what was sent)
                logger.exception("The REST message could not be handled.")
            finally:
                self.queues.leave(sender)
            if cut:
                await collector.send_text_message(sender, limits.shortened_notice())
            return response.json(collector.messages)

        return webhook
