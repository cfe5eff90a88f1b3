"""Rasa's distributed layout on loopback, for `make test-scale` (tests/scale, docs/scale-out.md).

Two Rasa servers and two action servers behind nginx (deploy/nginx/rasa.conf.template), sharing
the PostgreSQL tracker store and database, the Redis lock store and the RabbitMQ event broker that
scripts/scale-services.sh started (their settings in var/scale/env). Every server is configured
by endpoints.prod.yml, as in production.
"""

import asyncio
import json
import os
import socket
import subprocess
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from string import Template
from typing import Any, Dict, List, Optional, Sequence

import aiohttp

from evaluation.servers import Servers, free_port, start_process
from evaluation.socketio_client import leave
from paths import PROJECT_ROOT as ROOT
from paths import VAR_DIR

SETTINGS = VAR_DIR / "scale" / "env"
NGINX_TEMPLATE = ROOT / "deploy" / "nginx" / "rasa.conf.template"
NGINX = "/usr/sbin/nginx"
WEBHOOK = "/webhooks/rest/webhook"


def read_settings(path: Path = SETTINGS) -> Dict[str, str]:
    """The services' URLs and passwords as scripts/scale-services.sh wrote them (KEY=value)."""
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: start the services with scripts/scale-services.sh start")
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)
    return {key.strip(): value.strip() for key, value in pairs}


class Nginx:
    """nginx in the foreground with the deploy template filled in for loopback."""

    def __init__(self, workdir: Path, values: Dict[str, str]) -> None:
        self.workdir = workdir
        workdir.mkdir(parents=True, exist_ok=True)
        (workdir / "rasa.conf").write_text(Template(NGINX_TEMPLATE.read_text()).safe_substitute(values))
        temp = {name: workdir / f"{name}_temp" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")}
        (workdir / "nginx.conf").write_text(
            # root's temporary folders are closed to nginx's usual worker user
            ("user root;\n" if os.geteuid() == 0 else "") + "worker_processes 1;\n"
            f"pid {workdir / 'nginx.pid'};\n"
            f"error_log {workdir / 'error.log'} warn;\n"
            "events { worker_connections 1024; }\n"
            "http {\n"
            f"  access_log {workdir / 'access.log'};\n"
            # which server answered each request (not in the deploy template: it would show
            # visitors the internal addresses)
            "  add_header X-Upstream $upstream_addr always;\n"
            + "".join(f"  {name}_temp_path {path};\n" for name, path in temp.items())
            + f"  include {workdir / 'rasa.conf'};\n"
            "}\n"
        )
        self.process: Optional[subprocess.Popen] = None

    def start(self, port: int) -> None:
        def listening() -> bool:  # a request now would mark the upstreams as failed
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return True
            except OSError:
                return False

        self.process = start_process(
            [NGINX, "-p", str(self.workdir), "-c", str(self.workdir / "nginx.conf"), "-g", "daemon off;"],
            self.workdir / "nginx.out",
            listening,
            20,
            "nginx",
        )

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)


class Layout:
    """Two nodes (a Rasa server and an action server each) behind one nginx."""

    def __init__(self, model: str, workdir: Path, settings: Dict[str, str]) -> None:
        self.settings = settings
        self.port = free_port()
        self.actions_port = free_port()
        shared = {
            **settings,
            "ENDPOINTS": "endpoints.prod.yml",
            "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{self.actions_port}/webhook",
        }
        self.nodes: List[Servers] = []
        for index in (1, 2):
            (workdir / f"node-{index}").mkdir(parents=True, exist_ok=True)
            node = Servers(model, workdir / f"node-{index}")
            node.env.update(shared)
            self.nodes.append(node)
        self.nginx = Nginx(
            workdir / "nginx",
            {
                "RASA_SERVER_1": f"127.0.0.1:{self.nodes[0].rasa_port}",
                "RASA_SERVER_2": f"127.0.0.1:{self.nodes[1].rasa_port}",
                "ACTION_SERVER_1": f"127.0.0.1:{self.nodes[0].actions_port}",
                "ACTION_SERVER_2": f"127.0.0.1:{self.nodes[1].actions_port}",
                "RASA_LISTEN": f"127.0.0.1:{self.port}",
                "ACTIONS_LISTEN": f"127.0.0.1:{self.actions_port}",
            },
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        from article.ingest import ingest
        from article.store import ArticleStore

        ingest(store=ArticleStore.from_url(self.settings["DATABASE_URL"]))
        for node in self.nodes:
            node.start_actions()
        errors: List[BaseException] = []

        def start_rasa(node: Servers) -> None:
            try:
                node.start_rasa()
            except BaseException as error:  # reported below, on the calling thread
                errors.append(error)

        threads = [threading.Thread(target=start_rasa, args=(node,)) for node in self.nodes]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if errors:
            raise errors[0]
        self.nginx.start(self.port)

    def kill_rasa(self, index: int) -> None:
        """SIGKILL one Rasa server, as a crash would."""
        process = self.nodes[index].processes.pop("rasa")
        process.kill()
        process.wait(timeout=30)

    def stop(self) -> None:
        self.nginx.stop()
        for node in self.nodes:
            node.stop()


@dataclass
class Turn:
    sender: str
    message: str
    status: int = 0
    replies: list = field(default_factory=list)
    upstream: str = ""  # the server nginx chose (its X-Upstream header), or the one asked directly
    error: str = ""

    def shape(self) -> List[tuple]:
        """What the visitor was shown, without the wording that varies: each custom payload's
        kind, section (answers) and level (escalations)."""
        return [
            (r["custom"].get("kind"), r["custom"].get("section"), r["custom"].get("level"))
            for r in self.replies
            if isinstance(r.get("custom"), dict)
        ]


async def send(session: aiohttp.ClientSession, url: str, sender: str, message: str) -> Turn:
    turn = Turn(sender, message)
    try:
        async with session.post(f"{url}{WEBHOOK}", json={"sender": sender, "message": message}) as response:
            turn.status = response.status
            turn.upstream = response.headers.get("X-Upstream", url)
            body = await response.json(content_type=None)
            turn.replies = body if isinstance(body, list) else []
    except (aiohttp.ClientError, asyncio.TimeoutError, json.JSONDecodeError) as error:
        turn.error = type(error).__name__
    return turn


async def converse(
    conversations: Dict[str, Sequence[str]], urls: Sequence[str], concurrency: int
) -> Dict[str, List[Turn]]:
    """Every conversation's messages in order, one turn after the other; conversations run side
    by side, `concurrency` at a time. Turn k goes to urls[k % len(urls)]: with two servers
    given directly, every turn lands on the other server than the one before."""
    gate = asyncio.Semaphore(concurrency)
    done: Dict[str, List[Turn]] = {sender: [] for sender in conversations}

    async def one(session: aiohttp.ClientSession, sender: str) -> None:
        async with gate:
            for index, message in enumerate(conversations[sender]):
                done[sender].append(await send(session, urls[index % len(urls)], sender, message))

    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=0)) as session:
        await asyncio.gather(*(one(session, sender) for sender in conversations))
    return done


def senders(prefix: str, count: int) -> List[str]:
    return [f"{prefix}-{uuid.uuid4().hex[:10]}" for _ in range(count)]


def throughput(url: str, script: Sequence[str], conversations: int, concurrency: int) -> Dict[str, float]:
    """Turns answered per second with `concurrency` conversations at a time."""
    plan = {sender: script for sender in senders("throughput", conversations)}
    started = time.monotonic()
    done = asyncio.run(converse(plan, [url], concurrency))
    elapsed = time.monotonic() - started
    turns = [turn for conversation in done.values() for turn in conversation]
    failed = [turn for turn in turns if turn.status != 200 or not turn.replies]
    return {
        "turns": len(turns),
        "failed": len(failed),
        "seconds": round(elapsed, 2),
        "turns_per_second": round(len(turns) / elapsed, 2),
    }


def stored_events(database_url: str, sender_ids: Sequence[str]) -> Dict[str, List[dict]]:
    """Each conversation's events as the SQL tracker store holds them, in stored order."""
    from sqlalchemy import bindparam, create_engine, text

    engine = create_engine(database_url)
    query = text("SELECT sender_id, type_name, data FROM events WHERE sender_id IN :ids ORDER BY id").bindparams(
        bindparam("ids", expanding=True)
    )
    found: Dict[str, List[dict]] = {sender: [] for sender in sender_ids}
    with engine.connect() as connection:
        for sender, type_name, data in connection.execute(query, {"ids": list(sender_ids)}):
            found[sender].append({"event": type_name, **json.loads(data)})
    engine.dispose()
    return found


def escalation_counts(database_url: str, sender_ids: Sequence[str]) -> Dict[str, int]:
    from sqlalchemy import bindparam, create_engine, text

    engine = create_engine(database_url)
    query = text(
        "SELECT conversation_id, count(*) FROM escalations WHERE conversation_id IN :ids GROUP BY conversation_id"
    ).bindparams(bindparam("ids", expanding=True))
    with engine.connect() as connection:
        counts = dict(connection.execute(query, {"ids": list(sender_ids)}).all())
    engine.dispose()
    return {sender: counts.get(sender, 0) for sender in sender_ids}


async def _connect(settings: Dict[str, str]) -> Any:
    import aio_pika

    return await aio_pika.connect_robust(
        host=settings["RABBITMQ_HOST"],
        port=int(settings["RABBITMQ_PORT"]),
        login=settings["RABBITMQ_USERNAME"],
        password=settings["RABBITMQ_PASSWORD"],
    )


async def _depth(settings: Dict[str, str]) -> int:
    connection = await _connect(settings)
    async with connection:
        channel = await connection.channel()
        queue = await channel.declare_queue(settings["RABBITMQ_QUEUE"], durable=True, passive=True)
        return queue.declaration_result.message_count


def wait_for_publishing(settings: Dict[str, str], quiet: float = 2.0, limit: float = 120) -> float:
    """Wait until the servers have published their backlog (the queue stops growing for `quiet`
    seconds): Rasa's pika broker publishes each event in the background after storing it.
    Returns the seconds waited."""
    started = time.monotonic()
    depth, since = -1, started
    while time.monotonic() - started < limit:
        now_depth = asyncio.run(_depth(settings))
        if now_depth != depth:
            depth, since = now_depth, time.monotonic()
        elif time.monotonic() - since >= quiet:
            break
        time.sleep(0.25)
    return round(since - started, 2)


async def _drain(settings: Dict[str, str], idle: float) -> List[dict]:
    connection = await _connect(settings)
    events: List[dict] = []
    async with connection:
        channel = await connection.channel()
        queue = await channel.declare_queue(settings["RABBITMQ_QUEUE"], durable=True)
        while True:
            message = await queue.get(no_ack=True, fail=False, timeout=idle)
            if message is None:
                await asyncio.sleep(idle)  # the brokers publish a moment after storing
                message = await queue.get(no_ack=True, fail=False, timeout=idle)
                if message is None:
                    return events
            events.append(json.loads(message.body))


def broker_events(settings: Dict[str, str], idle: float = 2.0) -> List[dict]:
    """Every event the Rasa servers published to the RabbitMQ queue (consumed: read it once)."""
    return asyncio.run(_drain(settings, idle))


def user_texts(events: Sequence[dict]) -> List[str]:
    return [event.get("text") for event in events if event["event"] == "user"]


def answered_in_order(events: Sequence[dict]) -> bool:
    """Every user message is followed by at least one bot message before the next one."""
    replied = True
    for event in events:
        if event["event"] == "user":
            if not replied:
                return False
            replied = False
        elif event["event"] == "bot":
            replied = True
    return replied


class SocketVisitor:
    """The chat widget's side of Rasa's socket.io channel (python-socketio, as rasa-webchat
    speaks it): the session token the server issued is kept across connections, as the widget
    keeps it across page loads."""

    def __init__(self) -> None:
        self.token: Optional[str] = None

    async def turn(self, url: str, message: str, quiet: float = 2.0, limit: float = 60) -> List[dict]:
        import socketio

        client = socketio.AsyncClient(reconnection=False)
        replies: List[dict] = []
        confirmed = asyncio.Event()

        def confirm(token: str) -> None:
            self.token = token
            confirmed.set()

        client.on("bot_uttered", replies.append)
        client.on("session_confirm", confirm)
        # Long polling only: this python-socketio's websocket transport needs a newer aiohttp than Rasa
        # pins. Polling is the harder case for a load balancer: every request must reach the same
        # server (nginx's ip_hash for /socket.io/).
        await client.connect(url, socketio_path="/socket.io", transports=["polling"])
        try:
            await client.emit("session_request", {"session_id": self.token})
            await asyncio.wait_for(confirmed.wait(), 20)
            await client.emit("user_uttered", {"message": message, "session_id": self.token})
            deadline = time.monotonic() + limit
            seen = -1
            while time.monotonic() < deadline and (not replies or len(replies) != seen):
                seen = len(replies)
                await asyncio.sleep(quiet)
        finally:
            await leave(client)
        return replies
