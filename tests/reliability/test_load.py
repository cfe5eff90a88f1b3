"""Load on loopback: 200 concurrent conversations x 10 turns, bounded in time. Every turn is
answered (or refused with a clear status), nothing is lost in the tracker store, and the Rasa
server's memory settles near where it started."""
import asyncio
import statistics
import time
import uuid
from pathlib import Path

import aiohttp
from sqlalchemy import create_engine, text

from tests.servers import run_async

CONVERSATIONS = 200
TURNS = [
    "hello", "what causes it", "tell me more", "what are the symptoms", "when should I see a doctor",
    "how is it treated", "what can I do at home", "how long does recovery take", "thanks", "bye",
]
TIME_LIMIT = 900  # seconds for the whole run


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def conversation(session, url, sender, results):
    for message in TURNS:
        started = time.monotonic()
        async with session.post(url, json={"sender": sender, "message": message}) as response:
            body = await response.json(content_type=None)
            results.append((response.status, bool(body), time.monotonic() - started))


async def run_load(url):
    results = []
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=0)) as session:
        senders = [f"load-{uuid.uuid4().hex[:10]}" for _ in range(CONVERSATIONS)]
        started = time.monotonic()
        await asyncio.wait_for(
            asyncio.gather(*(conversation(session, url, s, results) for s in senders)), TIME_LIMIT
        )
    return senders, results, time.monotonic() - started


def test_200_concurrent_conversations_of_10_turns(servers, outcome):
    pid = servers.processes["rasa"].pid
    servers.say("warm-up", "what causes it")
    before = rss_mb(pid)
    senders, results, elapsed = run_async(run_load(f"{servers.url}/webhooks/rest/webhook"))
    time.sleep(5)
    after = rss_mb(pid)
    latencies = sorted(r[2] for r in results)
    statuses = sorted({r[0] for r in results})
    engine = create_engine(servers.env["TRACKER_STORE_URL"])
    with engine.connect() as connection:
        user_turns = dict(connection.execute(text(
            "SELECT sender_id, COUNT(*) FROM events WHERE type_name = 'user' AND sender_id LIKE 'load-%' "
            "GROUP BY sender_id")).all())
    outcome("load", f"{CONVERSATIONS} concurrent conversations x {len(TURNS)} turns",
            f"{len(results)} turns in {elapsed:.0f} s ({len(results) / elapsed:.1f} turns/s), statuses "
            f"{statuses}, p50 {statistics.median(latencies):.1f} s, p95 "
            f"{latencies[int(0.95 * len(latencies))]:.1f} s; Rasa RSS {before:.0f} -> {after:.0f} MB")
    assert len(results) == CONVERSATIONS * len(TURNS)
    assert statuses == [200] and all(r[1] for r in results), "every turn answered"
    assert sorted(user_turns.values()) == [len(TURNS)] * CONVERSATIONS, "nothing lost or doubled"
    assert after < before * 1.5 + 200, (before, after)
