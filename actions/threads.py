"""Actions do their work in worker threads, not on the action server's event loop.

rasa_sdk calls a synchronous `run` on its event loop: while one action reads a long message
(the red-flag check and the article search take about 100 ms at 2,000 characters), every other
conversation's action waits. A :class:`ThreadedAction` does its work in `respond`, which `run`
calls in a worker thread, and the event loop goes on serving the others.
"""

import asyncio
import functools
import os
import sys
from abc import ABC, abstractmethod
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Dict, List, Optional, TypeVar

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

ACTION_THREADS = int(os.environ.get("ACTION_THREADS", "4"))
# How long a thread that wants the GIL waits before the holder must let go (Python's default is
# 5 ms): the event loop gives it up at every await and would otherwise wait that long each time.
GIL_SWITCH_SECONDS = float(os.environ.get("GIL_SWITCH_SECONDS", "0.0005"))

T = TypeVar("T")
_pool: Optional[ThreadPoolExecutor] = None


def _executor() -> ThreadPoolExecutor:
    global _pool
    if _pool is None:
        sys.setswitchinterval(GIL_SWITCH_SECONDS)
        _pool = ThreadPoolExecutor(max_workers=ACTION_THREADS, thread_name_prefix="action")
    return _pool


async def off_the_loop(function: Callable[..., T], *args: Any) -> T:
    """``function(*args)`` in a worker thread; the event loop serves others meanwhile."""
    if ACTION_THREADS <= 0:
        return function(*args)
    return await asyncio.get_running_loop().run_in_executor(_executor(), functools.partial(function, *args))


class ThreadedAction(Action, ABC):
    """An action whose work (`respond`) runs in a worker thread."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        return await off_the_loop(self.respond, dispatcher, tracker, domain)

    @abstractmethod
    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        """The action's work, as rasa_sdk's synchronous `run` would do it."""
