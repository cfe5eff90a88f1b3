"""With the action server down or stuck, every message still gets a reply.

Rasa 3.6 logs a failed custom action and sends nothing: the visitor sees silence. Here a custom
action that can't be run (action server unreachable, an error status, no answer within
ACTION_TIMEOUT seconds) is replaced by the domain's `utter_article_unavailable`, unless the turn
has already replied (an escalation ends its turn). Red flags don't
depend on this: their escalation is a response Rasa sends itself. Every turn tries the action
server again, so answers resume by themselves when it is back.

Rasa 3.6 has no hook for a failed action, so `install()` wraps `RemoteAction.run` once; it is
called when Rasa loads this package (endpoints.yml names its classes).
"""

import asyncio
import logging
import os
from typing import Any, List

from rasa.core.actions.action import ActionExecutionRejection, RemoteAction, create_bot_utterance
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.exceptions import RasaException

logger = logging.getLogger(__name__)

UNAVAILABLE = "utter_article_unavailable"
ACTION_TIMEOUT = float(os.environ.get("ACTION_TIMEOUT", "20"))


async def _run_or_apologise(self: RemoteAction, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> List[Any]:
    try:
        return await asyncio.wait_for(_rasa_run(self, output_channel, nlg, tracker, domain), ACTION_TIMEOUT)
    except ActionExecutionRejection:
        raise  # the action refused on purpose: Rasa predicts another one
    except (RasaException, asyncio.TimeoutError) as error:
        logger.error(
            "The custom action %s could not run (%s): sent %s instead.",
            self.name(),
            type(error).__name__,
            UNAVAILABLE,
        )
        if _replied_this_turn(tracker):
            return []  # e.g. an escalation was sent: the turn ends with it
        message = await nlg.generate(UNAVAILABLE, tracker, output_channel.name())
        return [create_bot_utterance(message)] if message else []


def _replied_this_turn(tracker: Any) -> bool:
    for event in reversed(tracker.events):
        if isinstance(event, BotUttered):
            return True
        if isinstance(event, UserUttered):
            return False
    return False


_rasa_run = RemoteAction.run


def install() -> None:
    """Idempotent: RemoteAction.run apologises instead of failing silently."""
    RemoteAction.run = _run_or_apologise  # type: ignore[method-assign]
