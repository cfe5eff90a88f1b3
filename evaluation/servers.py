"""The action server and the Rasa server on free local ports, with their own databases: for the
end-to-end tests and the evaluations that measure what a visitor sees (`make eval-answers`)."""

import os
import socket
import subprocess
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence

import requests

from paths import PROJECT_ROOT as ROOT

RASA = str(ROOT / ".venv" / "bin" / "rasa")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_ok(url: str) -> Callable[[], bool]:
    """A readiness check: `url` answers 2xx."""

    def check() -> bool:
        try:
            return requests.get(url, timeout=2).ok
        except requests.RequestException:
            return False

    return check


def start_process(
    args: Sequence[str],
    log_path: Path,
    ready: Callable[[], bool],
    timeout: float,
    name: str,
    **popen: object,
) -> subprocess.Popen:
    """Start `args` with its output appended to `log_path`, and wait until `ready()`; a process
    that exits or is not ready in `timeout` seconds raises with the end of its log."""
    with open(log_path, "a") as log:
        process = subprocess.Popen(list(args), stdout=log, stderr=subprocess.STDOUT, **popen)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited early:\n{log_path.read_text(errors='replace')[-3000:]}")
        if ready():
            return process
        time.sleep(0.2)
    process.kill()
    raise TimeoutError(f"{name} did not start in {timeout}s:\n{log_path.read_text(errors='replace')[-3000:]}")


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
        self.processes[name] = start_process(
            args, self.workdir / f"{name}.log", http_ok(health), timeout, name, cwd=ROOT, env=self.env
        )

    def start_actions(self) -> None:
        self._start(
            "actions",
            [str(ROOT / "scripts" / "actions-server.sh")],
            f"http://127.0.0.1:{self.actions_port}/health",
        )

    def start_rasa(self) -> None:
        self.env.update(MODEL=self.model, RASA_PORT=str(self.rasa_port), CORS_ORIGINS="http://localhost:8000")
        self._start("rasa", [str(ROOT / "scripts" / "rasa-server.sh")], f"{self.url}/")

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
