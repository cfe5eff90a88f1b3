"""Start the real action server and Rasa server on free local ports, for end-to-end tests."""
import os
import socket
import subprocess
import time
import uuid
from pathlib import Path
from typing import Dict, List, Optional

import requests

from tests.conftest import RASA, ROOT


def new_sender() -> str:
    return f"visitor-{uuid.uuid4().hex[:8]}"


def texts(replies: list) -> str:
    return "\n".join(r["text"] for r in replies if r.get("text"))


def payloads(replies: list) -> list:
    """The custom payloads of one turn's replies, in order."""
    return [r["custom"] for r in replies if "custom" in r]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Servers:
    """The two servers of `make run`, with their own databases and logs under `workdir`."""

    def __init__(self, model: str, workdir: Path) -> None:
        self.model = model
        self.workdir = workdir
        self.rasa_port = free_port()
        self.actions_port = free_port()
        self.env = {
            **os.environ,
            "ACTIONS_PORT": str(self.actions_port),
            "DATABASE_URL": f"sqlite:///{workdir / 'assistant.db'}",
            "TRACKER_STORE_URL": f"sqlite:///{workdir / 'tracker.db'}",
            "RASA_TELEMETRY_ENABLED": "false",
            "CALLBACK_URL": os.environ.get("CALLBACK_URL", "http://127.0.0.1:9/unused"),
        }
        self.processes: Dict[str, subprocess.Popen] = {}

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    def _start(self, name: str, args: List[str], health: str, timeout: float = 240) -> None:
        log = open(self.workdir / f"{name}.log", "a")
        self.processes[name] = subprocess.Popen(
            args, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.processes[name].poll() is not None:
                raise RuntimeError(f"{name} exited early:\n{self.log(name)[-3000:]}")
            try:
                if requests.get(health, timeout=2).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(1)
        raise TimeoutError(f"{name} did not start in {timeout}s:\n{self.log(name)[-3000:]}")

    def start_actions(self) -> None:
        self._start(
            "actions",
            [RASA, "run", "actions", "--actions", "actions", "--port", str(self.actions_port)],
            f"http://127.0.0.1:{self.actions_port}/health",
        )

    def start_rasa(self) -> None:
        self._start(
            "rasa",
            [RASA, "run", "--model", self.model, "--port", str(self.rasa_port),
             "--credentials", "credentials.yml", "--endpoints", "endpoints.yml",
             "--cors", "http://localhost:8000"],
            f"{self.url}/",
        )

    def stop(self, name: Optional[str] = None) -> None:
        for key in [name] if name else list(self.processes):
            process = self.processes.pop(key, None)
            if process and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()

    def log(self, name: str) -> str:
        path = self.workdir / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def say(self, sender: str, message, timeout: float = 60) -> list:
        response = requests.post(
            f"{self.url}/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            timeout=timeout,
        )
        assert response.status_code == 200, response.text
        return response.json()


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
