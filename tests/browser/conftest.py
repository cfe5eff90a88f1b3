"""Fixtures for the widget's browser tests: Debian's Chromium driven by Playwright, the demo page
served by web/serve.py, and a check that the socket.io channel speaks the message contract.

Needs: /usr/bin/chromium (`apt-get install -y chromium`), playwright in .venv (never `playwright
install`: the system Chromium is used), the built bundle and axe-core
(`cd widget && npm ci && npm run build`).
"""

import asyncio
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Iterator, List

import pytest

from evaluation.servers import free_port, http_ok, start_process
from tests.conftest import ROOT
from tests.reliability.socket_client import Visitor

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BUNDLE = ROOT / "widget" / "dist" / "widget.js"
AXE = ROOT / "widget" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "reports" / "browser"
BUILD_HINT = "build it: cd widget && npm ci && npm run build"


# ---- the socket.io channel ---------------------------------------------------------------------

ENTER_ROOM_BUG = (
    "No bot message reached the socket.io client, and the Rasa log says `coroutine "
    "'AsyncServer.enter_room' was never awaited`: Rasa 3.6's socket.io channel calls "
    "`sio.enter_room(...)` without `await` (a coroutine in python-socketio 5.18), so with "
    "`session_persistence: true` the visitor never joins the session's room. Use the fixed "
    "channel described in docs/widget.md (channels/socketio.py + credentials.yml)."
)
CUSTOM_BUG = (
    'The socket.io channel did not deliver the answer\'s custom payload as {{"custom": {{...}}}}. '
    "Rasa 3.6 emits a custom payload as `sio.emit(event, **payload)`, which raises `TypeError: "
    "emit() got an unexpected keyword argument 'kind'`; see docs/widget.md for the fixed channel.\n"
    "Received: {received}"
)


async def _socketio_turn(url: str, message: str, timeout: float = 60) -> List[dict]:
    """One visitor turn over socket.io, as the widget does it; returns the bot_uttered payloads."""
    visitor = await Visitor(url).connect(session_id=f"contract-{uuid.uuid4().hex[:8]}")
    received = visitor.received
    try:
        await visitor.say(message)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not received and time.monotonic() > deadline - timeout / 2:
                break  # nothing at all in half the time: the channel delivers nothing
            if any(isinstance(m, dict) and "custom" in m for m in received):
                await asyncio.sleep(1)  # the rest of the turn
                break
            await asyncio.sleep(0.2)
    finally:
        await visitor.close()
    return received


def diagnose_silence(servers) -> str:
    """Why nothing came back over socket.io: the channel, or the servers themselves?"""
    if "enter_room' was never awaited" in servers.log("rasa"):
        return ENTER_ROOM_BUG
    try:
        rest = servers.say(f"diagnose-{uuid.uuid4().hex[:8]}", "what causes it")
    except Exception as error:  # noqa: BLE001 (any failure is the diagnosis)
        rest = f"{type(error).__name__}: {error}"
    return (
        "No bot message reached the socket.io client. Over REST the same question got: "
        f"{str(rest)[:600]}\n{log_errors(servers)}"
    )


def log_errors(servers) -> str:
    errors = [
        line[:300]
        for name in ("rasa", "actions")
        for line in servers.log(name).splitlines()
        if "ERROR" in line or "Error:" in line
    ][-8:]
    return "Errors in the server logs:\n" + "\n".join(errors)


@pytest.fixture(scope="session")
def socketio_turn(servers) -> List[dict]:
    """A question asked over socket.io; fails with the cause when the channel breaks the contract."""
    received = asyncio.run(_socketio_turn(servers.url, "what causes it"))
    if not received:
        pytest.fail(diagnose_silence(servers), pytrace=False)
    if not any(isinstance(m, dict) and isinstance(m.get("custom"), dict) for m in received):
        if "unexpected keyword argument 'kind'" in servers.log("rasa"):
            pytest.fail(CUSTOM_BUG.format(received=received), pytrace=False)
        pytest.fail(f"No custom payload in the turn over socket.io: {received}\n{log_errors(servers)}", pytrace=False)
    return received


# ---- the demo page -----------------------------------------------------------------------------


class WebServer:
    """web/serve.py on a free port, its widget pointed at `rasa_url`."""

    def __init__(self, rasa_url: str, workdir: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log_path = workdir / f"web-{self.port}.log"
        self.process = start_process(
            [sys.executable, "-m", "web.serve", "--port", str(self.port), "--rasa-url", rasa_url],
            self.log_path,
            http_ok(self.url),
            20,
            "web/serve.py",
            cwd=ROOT,
        )

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture(scope="session")
def built_widget() -> Path:
    if not BUNDLE.is_file():
        pytest.fail(f"{BUNDLE.relative_to(ROOT)} is missing: {BUILD_HINT}", pytrace=False)
    return BUNDLE


@pytest.fixture(scope="session")
def start_web(built_widget, tmp_path_factory):
    """Start more demo servers (e.g. pointed at a proxy); all are stopped at the end."""
    workdir = tmp_path_factory.mktemp("web")
    started: List[WebServer] = []

    def start(rasa_url: str) -> WebServer:
        server = WebServer(rasa_url, workdir)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture(scope="session")
def web(servers, socketio_turn, start_web) -> WebServer:
    """The demo page, its widget talking to the test Rasa server."""
    return start_web(servers.url)


# ---- the browser -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.is_file():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}: install it with "
            "`apt-get install -y chromium` (Debian's package; never `playwright install`).",
            pytrace=False,
        )
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        pytest.fail(
            "Playwright is not installed: .venv/bin/pip install -c constraints.txt playwright==1.65.2",
            pytrace=False,
        )
    expect.set_options(timeout=30_000)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"axe-core is missing ({AXE.relative_to(ROOT)}): {BUILD_HINT}", pytrace=False)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


class PageProbe:
    """What a page did that a visitor would not see: dialogs, script errors."""

    def __init__(self, page) -> None:
        self.dialogs: List[str] = []
        self.errors: List[str] = []
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()


@pytest.fixture
def new_page(browser):
    """new_page(width=1280, height=900, bypass_csp=False) -> (page, probe); closed after the test."""
    contexts = []

    def make(width: int = 1280, height: int = 900, bypass_csp: bool = False):
        context = browser.new_context(
            viewport={"width": width, "height": height}, bypass_csp=bypass_csp, locale="en-GB"
        )
        contexts.append(context)
        page = context.new_page()
        return page, PageProbe(page)

    yield make
    for context in contexts:
        context.close()


# ---- a proxy that can cut the widget off from Rasa -----------------------------------------------


class TcpProxy:
    """127.0.0.1:port -> 127.0.0.1:target; stop() drops every connection, start() resumes."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.port = free_port()
        self.listener = None
        self.sockets: List[socket.socket] = []
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        listener.settimeout(0.2)
        while self.listener is listener:
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(None)
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def stop(self) -> None:
        listener, self.listener = self.listener, None
        if listener:
            try:
                listener.shutdown(socket.SHUT_RDWR)  # wakes a blocked accept() on Linux
            except OSError:
                pass
            listener.close()
            time.sleep(0.3)  # let the accept thread notice
        with self.lock:
            for s in self.sockets:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()
            self.sockets.clear()


@pytest.fixture
def proxy(servers, socketio_turn) -> Iterator[TcpProxy]:
    running = TcpProxy(servers.rasa_port)
    running.start()
    yield running
    running.stop()
