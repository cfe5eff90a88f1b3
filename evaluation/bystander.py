"""A second visitor who keeps asking while something else is going on: how long each answer took."""

import statistics
import threading
import time
import uuid
from typing import List

import requests

ORDINARY_WORDS = "my back has been sore since the weekend and my knee aches when I climb the stairs "


def ordinary_message(length: int) -> str:
    """A message of exactly ``length`` characters of ordinary words (no red flag, no question)."""
    return (ORDINARY_WORDS * (length // len(ORDINARY_WORDS) + 1))[:length]


class Bystander:
    QUESTION = "what causes knee pain from the back?"

    def __init__(self, url: str) -> None:
        self.url = f"{url}/webhooks/rest/webhook"
        self.sender = f"bystander-{uuid.uuid4().hex[:8]}"
        self.latencies: List[float] = []
        self.failures = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def ask(self) -> float:
        started = time.monotonic()
        response = requests.post(self.url, json={"sender": self.sender, "message": self.QUESTION}, timeout=60)
        elapsed = time.monotonic() - started
        if response.status_code != 200 or not response.json():
            self.failures += 1
        return elapsed

    def baseline(self, turns: int = 5) -> float:
        return statistics.median(self.ask() for _ in range(turns))

    def _run(self) -> None:
        while not self._stop.is_set():
            self.latencies.append(self.ask())
            time.sleep(0.05)

    def __enter__(self) -> "Bystander":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=90)

    @property
    def worst(self) -> float:
        return max(self.latencies) if self.latencies else 0.0

    @property
    def worst_but_one(self) -> float:
        """The second-longest wait: one answer that queued behind one message being read is what a
        shared event loop does under a busy machine; a hold-up that comes back shows here too."""
        ordered = sorted(self.latencies)
        return ordered[-2] if len(ordered) > 1 else self.worst
