"""Load on loopback: 200 concurrent conversations x 10 turns, bounded in time. Every turn is
answered (or refused with a clear status), nothing is lost in the tracker store, and the Rasa
server's memory settles near where it started."""

import asyncio
import statistics
import time
import uuid

import aiohttp
from sqlalchemy import create_engine, text

from benchmarks.load import converse, rss_mb
from tests.servers import run_async

CONVERSATIONS = 200
TURNS = [
    "hello",
    "what causes it",
    "tell me more",
    "what are the symptoms",
    "when should I see a doctor",
    "how is it treated",
    "what can I do at home",
    "how long does recovery take",
    "thanks",
    "bye",
]
TIME_LIMIT = 900  # seconds for the whole run


async def run_load(url):
    """Every conversation at once; each turn's latency, and what went wrong (benchmarks.load)."""
    latencies, errors = [], []
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=0)) as session:
        senders = [f"load-{uuid.uuid4().hex[:10]}" for _ in range(CONVERSATIONS)]
        started = time.monotonic()
        await asyncio.wait_for(
            asyncio.gather(*(converse(session, url, s, TURNS, latencies, errors) for s in senders)),
            TIME_LIMIT,
        )
    return latencies, errors, time.monotonic() - started


def test_200_concurrent_conversations_of_10_turns(servers, outcome):
    pid = servers.processes["rasa"].pid
    servers.say("warm-up", "what causes it")
    before = rss_mb(pid)
    latencies, errors, elapsed = run_async(run_load(servers.url))
    time.sleep(5)
    after = rss_mb(pid)
    latencies.sort()
    engine = create_engine(servers.env["TRACKER_STORE_URL"])
    with engine.connect() as connection:
        user_turns = dict(
            connection.execute(
                text(
                    "SELECT sender_id, COUNT(*) FROM events WHERE type_name = 'user' AND sender_id LIKE 'load-%' "
                    "GROUP BY sender_id"
                )
            ).all()
        )
    outcome(
        "load",
        f"{CONVERSATIONS} concurrent conversations x {len(TURNS)} turns",
        f"{len(latencies)} turns in {elapsed:.0f} s ({len(latencies) / elapsed:.1f} turns/s), "
        f"{len(errors)} not answered, p50 {statistics.median(latencies):.1f} s, p95 "
        f"{latencies[int(0.95 * len(latencies))]:.1f} s; Rasa RSS {before:.0f} -> {after:.0f} MB",
    )
    assert len(latencies) == CONVERSATIONS * len(TURNS)
    assert errors == [], "every turn answered: 200 with a reply"
    assert sorted(user_turns.values()) == [len(TURNS)] * CONVERSATIONS, "nothing lost or doubled"
    assert after < before * 1.5 + 200, (before, after)
