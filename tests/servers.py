"""End-to-end test helpers: reply parsing and a webhook receiver; the servers themselves start
from evaluation/servers.py (shared with `make eval-answers`)."""

import asyncio
import time
import uuid
from typing import List, Optional

from evaluation.servers import Servers, free_port  # noqa: F401  (re-exported for the tests)


def run_async(coroutine):
    """Run a coroutine to its end on a thread of its own: Playwright's sync API (the browser tests)
    leaves an event loop running on the main thread, where asyncio.run() refuses to start."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def new_sender() -> str:
    return f"visitor-{uuid.uuid4().hex[:8]}"


def texts(replies: list) -> str:
    return "\n".join(r["text"] for r in replies if r.get("text"))


def payloads(replies: list) -> list:
    """The custom payloads of one turn's replies, in order."""
    return [r["custom"] for r in replies if "custom" in r]


class WebhookReceiver:
    """A local HTTP endpoint that records JSON POSTs; it can be told to fail slowly."""

    def __init__(self) -> None:
        import json
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        receiver = self
        self.received: List[dict] = []
        self.attempts = 0
        self.fail_with: Optional[int] = None  # answer this status instead of 200
        self.delay = 0.0  # seconds to wait before answering

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's naming)
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                receiver.attempts += 1
                time.sleep(receiver.delay)
                if receiver.fail_with:
                    self.send_response(receiver.fail_with)
                    self.end_headers()
                    return
                receiver.received.append(json.loads(body or b"{}"))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def reset(self) -> None:
        self.received.clear()
        self.attempts, self.fail_with, self.delay = 0, None, 0.0

    def close(self) -> None:
        self.server.shutdown()
