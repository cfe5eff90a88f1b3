"""`make bench-load`: our assistant against Rasa's stock `rasa init` bot, side by side, in one run.

Run from the project root:  .venv/bin/python -m benchmarks.load --model MODEL

Builds the stock bot once (`rasa init --no-prompt` in var/bench/stock-bot, same virtualenv; its
training time is recorded), starts it (in-memory tracker, no action server) and ours (action
server + Rasa with the SQLite tracker store, as `make run`), each on loopback ports, and measures
the same six-message conversation over REST: p50/p95/p99 latency and turns/s at 1, 10 and 50
concurrent conversations, errors, RSS of every process, cold start to first answer, and turns
1-10 against turns 41-50 of one long conversation. Bounded: every phase has a time limit. Writes
reports/bench.json and prints a Markdown table (docs/performance.md keeps one with its machine).
"""

import argparse
import asyncio
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Dict, List

import aiohttp

from article.ingest import ingest
from article.store import ArticleStore
from evaluation.servers import RASA, Servers, free_port
from paths import PROJECT_ROOT, VAR_DIR

CONVERSATION = [
    "hello",
    "what causes knee pain from a bad back?",
    "tell me more",
    "what are the symptoms?",
    "thanks",
    "bye",
]
LEVELS = {1: 10, 10: 40, 50: 100}  # concurrency: conversations run at that concurrency
PHASE_LIMIT = 600  # seconds per phase
STOCK_DIR = VAR_DIR / "bench" / "stock-bot"


def rss_mb(pid: int) -> float:
    total = 0
    for proc in [pid, *children(pid)]:
        try:
            for line in Path(f"/proc/{proc}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def children(pid: int) -> List[int]:
    try:
        found = [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []
    return found + [grand for child in found for grand in children(child)]


def build_stock_bot() -> Dict[str, float]:
    """`rasa init --no-prompt` (it trains its model), once per checkout."""
    marker = STOCK_DIR / "training-seconds"
    if marker.exists() and list((STOCK_DIR / "models").glob("*.tar.gz")):
        return {"training_s": float(marker.read_text()), "cached": True}
    shutil.rmtree(STOCK_DIR, ignore_errors=True)
    STOCK_DIR.mkdir(parents=True)
    started = time.monotonic()
    subprocess.run(
        [RASA, "init", "--no-prompt", "--init-dir", str(STOCK_DIR)],
        cwd=STOCK_DIR,
        check=True,
        capture_output=True,
        timeout=1800,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"},
    )
    seconds = time.monotonic() - started
    marker.write_text(f"{seconds:.1f}")
    return {"training_s": seconds, "cached": False}


class StockBot:
    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(workdir / "stock.log", "w")
        model = sorted((STOCK_DIR / "models").glob("*.tar.gz"))[-1]
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [RASA, "run", "--model", str(model), "--port", str(self.port)],
            cwd=STOCK_DIR,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"},
        )

    def pids(self) -> Dict[str, int]:
        return {"rasa": self.process.pid}

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)
        self.log.close()


async def first_answer(url: str, limit: float = 300) -> None:
    deadline = time.monotonic() + limit
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            try:
                async with session.post(
                    f"{url}/webhooks/rest/webhook", json={"sender": "cold", "message": "hello"}
                ) as response:
                    if response.status == 200 and await response.json():
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.2)
    raise TimeoutError(f"no answer from {url} in {limit}s")


async def converse(session, url, sender, messages, latencies, errors):
    for message in messages:
        started = time.monotonic()
        try:
            async with session.post(
                f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": message}
            ) as response:
                body = await response.json(content_type=None)
                if response.status != 200 or not body:
                    errors.append(response.status)
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            errors.append(type(error).__name__)
        latencies.append(time.monotonic() - started)


async def level(url: str, concurrency: int, conversations: int) -> Dict[str, float]:
    latencies: List[float] = []
    errors: list = []
    gate = asyncio.Semaphore(concurrency)
    timeout = aiohttp.ClientTimeout(total=120)

    async def one(session):
        async with gate:
            await converse(session, url, f"bench-{uuid.uuid4().hex[:10]}", CONVERSATION, latencies, errors)

    async with aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=0)) as s:
        started = time.monotonic()
        await asyncio.wait_for(asyncio.gather(*(one(s) for _ in range(conversations))), PHASE_LIMIT)
        elapsed = time.monotonic() - started
    ordered = sorted(latencies)

    def pct(p):
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000

    return {
        "concurrency": concurrency,
        "turns": len(latencies),
        "errors": len(errors),
        "p50_ms": pct(0.50),
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
        "turns_per_s": len(latencies) / elapsed,
    }


async def long_conversation(url: str, turns: int = 50) -> Dict[str, float]:
    latencies: List[float] = []
    messages = [CONVERSATION[i % len(CONVERSATION)] for i in range(turns)]
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
        await asyncio.wait_for(
            converse(session, url, f"long-{uuid.uuid4().hex[:8]}", messages, latencies, []), PHASE_LIMIT
        )
    first, last = statistics.mean(latencies[:10]), statistics.mean(latencies[-10:])
    return {"turns_1_10_ms": first * 1000, "turns_41_50_ms": last * 1000, "ratio": last / first}


def measure(url: str, pids: Dict[str, int]) -> Dict[str, object]:
    result: Dict[str, object] = {"levels": [asyncio.run(level(url, c, n)) for c, n in LEVELS.items()]}
    result["long_conversation"] = asyncio.run(long_conversation(url))
    result["rss_mb"] = {name: round(rss_mb(pid)) for name, pid in pids.items()}
    return result


def table(report: Dict[str, dict]) -> str:
    stock, ours = report["stock"], report["ours"]
    rows = ["| | stock bot | ours | ratio (ours / stock) |", "| --- | --- | --- | --- |"]
    for s, o in zip(stock["levels"], ours["levels"]):
        c = s["concurrency"]
        rows.append(
            f"| p50 latency, {c} concurrent | {s['p50_ms']:.0f} ms | {o['p50_ms']:.0f} ms | "
            f"{o['p50_ms'] / s['p50_ms']:.2f}x |"
        )
        rows.append(
            f"| p95 / p99, {c} concurrent | {s['p95_ms']:.0f} / {s['p99_ms']:.0f} ms | "
            f"{o['p95_ms']:.0f} / {o['p99_ms']:.0f} ms | |"
        )
        rows.append(
            f"| throughput, {c} concurrent | {s['turns_per_s']:.1f} turns/s | "
            f"{o['turns_per_s']:.1f} turns/s | {o['turns_per_s'] / s['turns_per_s']:.2f}x |"
        )
        rows.append(f"| errors, {c} concurrent | {s['errors']} | {o['errors']} | |")
    s_mem, o_mem = sum(stock["rss_mb"].values()), sum(ours["rss_mb"].values())
    rows.append(f"| memory (RSS, all processes) | {stock['rss_mb']} | {ours['rss_mb']} | {o_mem / s_mem:.2f}x |")
    rows.append(f"| cold start to first answer | {stock['cold_start_s']:.0f} s | {ours['cold_start_s']:.0f} s | |")
    sl, ol = stock["long_conversation"], ours["long_conversation"]
    rows.append(f"| turns 41-50 vs 1-10 of one conversation | {sl['ratio']:.2f}x | {ol['ratio']:.2f}x | |")
    rows.append(f"| training | {stock['training_s']:.0f} s | (make train) | |")
    return "\n".join(rows)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True)
    args = parser.parse_args(argv)
    report: Dict[str, object] = {
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": sys.version.split()[0]},
        "conversation": CONVERSATION,
    }
    print("==> stock bot: rasa init (trains once, then cached in var/bench/stock-bot)")
    built = build_stock_bot()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        stock = StockBot(workdir)
        try:
            asyncio.run(first_answer(stock.url))
            cold = time.monotonic() - stock.started
            print("==> stock bot: measuring")
            report["stock"] = {
                **measure(stock.url, stock.pids()),
                "cold_start_s": cold,
                "training_s": built["training_s"],
            }
        finally:
            stock.stop()
        ours = Servers(str(PROJECT_ROOT / args.model), workdir)
        ingest(store=ArticleStore.from_url(ours.env["DATABASE_URL"]))
        started = time.monotonic()
        try:
            ours.start_actions()
            ours.start_rasa()
            asyncio.run(first_answer(ours.url))
            cold = time.monotonic() - started
            print("==> ours: measuring")
            pids = {name: p.pid for name, p in ours.processes.items()}
            report["ours"] = {**measure(ours.url, pids), "cold_start_s": cold}
        finally:
            ours.stop()
    out = PROJECT_ROOT / "reports" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2))
    print(table(report))
    print(f"(written to {out.relative_to(PROJECT_ROOT)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
