"""Worker threads beside an asyncio event loop: the Rasa server parses messages in them
(rasa_ext/parsing.py) and the action server runs its actions in them (actions/threads.py), so
that one long message does not hold up every other conversation."""

import asyncio
import functools
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, TypeVar

# How long a thread that wants the GIL waits before the holder must let go (Python's default is
# 5 ms). The event loop gives up the GIL at every await; with work running beside it, each await
# would otherwise cost it up to 5 ms to get it back, and a turn has dozens of them.
GIL_SWITCH_SECONDS = float(os.environ.get("GIL_SWITCH_SECONDS", "0.0005"))

T = TypeVar("T")


@functools.cache
def worker_pool(name: str, size: int) -> ThreadPoolExecutor:
    """The process's pool of ``size`` threads named ``name``-N, made on first use."""
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    return ThreadPoolExecutor(max_workers=size, thread_name_prefix=name)


async def off_the_loop(pool: str, size: int, function: Callable[..., T], *args: Any) -> T:
    """``function(*args)`` in a thread of pool ``pool``; with ``size`` 0, on the loop itself."""
    if size <= 0:
        return function(*args)
    return await asyncio.get_running_loop().run_in_executor(worker_pool(pool, size), functools.partial(function, *args))
