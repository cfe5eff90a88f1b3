"""Actions do their work in worker threads, not on the action server's event loop.

rasa_sdk calls a synchronous `run` on its event loop: while one action reads a long message
(the red-flag check and the article search take about 100 ms at 2,000 characters), every other
conversation's action waits. A :class:`ThreadedAction` does its work in `respond`, which `run`
calls in a worker thread, and the event loop goes on serving the others.
"""

import os
from abc import ABC, abstractmethod
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from workers import off_the_loop

ACTION_THREADS = int(os.environ.get("ACTION_THREADS", "4"))


class ThreadedAction(Action, ABC):
    """An action whose work (`respond`) runs in a worker thread."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        return await off_the_loop("action", ACTION_THREADS, self.respond, dispatcher, tracker, domain)

    @abstractmethod
    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        """The action's work, as rasa_sdk's synchronous `run` would do it."""
