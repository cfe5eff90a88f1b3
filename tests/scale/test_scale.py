"""`make test-scale`: Rasa's distributed layout on loopback (docs/scale-out.md).

Two Rasa servers and two action servers behind nginx, PostgreSQL for conversations and our own
tables, Redis for the lock store, RabbitMQ for the event broker, all configured by
endpoints.prod.yml. The scenario runs once (the `scenario` fixture); each test checks one thing
the visitors and the operators rely on. scripts/scale-services.sh starts the services first.
"""

import asyncio
import json
import os
import time
from collections import Counter
from typing import Dict, List

import pytest

from channels.sessions import SessionTokens
from evaluation import scale
from paths import PROJECT_ROOT

SCRIPT = [
    "hello",
    "what causes knee pain from a bad back?",
    "how is it treated?",
    "/tell_me_more",
    "what are the symptoms?",
    "when should I see a doctor?",
]
RED_FLAG = "since this morning I can't control my bladder"
BEFORE_KILL = 3  # turns sent alternately to each server directly; the rest go through nginx
CONVERSATIONS = 50
REPORT = PROJECT_ROOT / "reports" / "scale.json"


def script_for(index: int) -> List[str]:
    """Every fifth conversation reports a red flag before the kill, another fifth after it."""
    messages = list(SCRIPT)
    if index % 5 == 0:
        messages.insert(2, RED_FLAG)
    elif index % 5 == 2:
        messages.insert(BEFORE_KILL + 1, RED_FLAG)
    return messages


class Scenario:
    def __init__(self, layout: scale.Layout) -> None:
        self.layout = layout
        self.urls = [node.url for node in layout.nodes]
        self.plans: Dict[str, List[str]] = {}
        self.turns: Dict[str, List[scale.Turn]] = {}
        self.reference: Dict[tuple, List[list]] = {}
        self.pairs: Dict[str, tuple] = {}
        self.throughput: Dict[str, List[dict]] = {}
        self.socket_replies: List[List[dict]] = []
        self.socket_sender = ""
        self.after_kill: List[scale.Turn] = []
        self.publish_lag = 0.0

    def run(self) -> None:
        # What one calm conversation is shown, for each script, to compare every turn against.
        for index in range(5):
            script = script_for(index)
            if tuple(script) not in self.reference:
                done = asyncio.run(scale.converse({f"reference-{index}": script}, self.urls[:1], 1))
                self.reference[tuple(script)] = [turn.shape() for turn in done[f"reference-{index}"]]

        # Throughput: the same load on one server, then on both behind nginx, twice in turn
        # (a run is about ten seconds: one pair alone swings by a tenth either way).
        load = SCRIPT[:4]
        scale.throughput(self.layout.url, load, 10, 10)  # warm both servers up
        for _ in range(2):
            self.throughput.setdefault("one_server", []).append(scale.throughput(self.urls[0], load, 60, 20))
            self.throughput.setdefault("two_servers", []).append(scale.throughput(self.layout.url, load, 60, 20))

        self._concurrent_pairs()

        # The widget's session starts on server 1 ...
        visitor = scale.SocketVisitor()
        self.socket_replies.append(asyncio.run(visitor.turn(self.urls[0], "how is it treated?")))

        # 50 conversations: the first turns alternate between the servers, then server 1 dies
        # and the rest go through nginx.
        senders = scale.senders("scale", CONVERSATIONS)
        self.plans.update({sender: script_for(i) for i, sender in enumerate(senders)})
        first = {sender: self.plans[sender][:BEFORE_KILL] for sender in senders}
        for sender, turns in asyncio.run(scale.converse(first, self.urls, CONVERSATIONS)).items():
            self.turns[sender] = turns
        # A crash loses what Rasa's pika broker had not yet published (docs/scale-out.md): the
        # test waits for the backlog, so that the broker check counts every stored event.
        self.publish_lag = scale.wait_for_publishing(self.layout.settings)
        self.layout.kill_rasa(0)
        rest = {sender: self.plans[sender][BEFORE_KILL:] for sender in senders}
        for sender, turns in asyncio.run(scale.converse(rest, [self.layout.url], CONVERSATIONS)).items():
            self.turns[sender].extend(turns)
            self.after_kill.extend(turns)

        # ... and carries on through nginx, which now reaches server 2 only.
        self.socket_replies.append(asyncio.run(visitor.turn(self.layout.url, "/tell_me_more")))
        self.socket_sender = SessionTokens(self.layout.settings["SESSION_SECRET"]).sender_id(visitor.token)

    def _concurrent_pairs(self, count: int = 20) -> None:
        """Two messages of one conversation at the same moment, one to each server: the Redis
        lock store makes them take turns, so both are stored, each with its reply."""

        async def pair(session, sender: str) -> None:
            await scale.send(session, self.layout.url, sender, "hello")
            first, second = await asyncio.gather(
                scale.send(session, self.urls[0], sender, "what are the symptoms?"),
                scale.send(session, self.urls[1], sender, "how is it treated?"),
            )
            self.pairs[sender] = (first, second)

        async def all_pairs() -> None:
            import aiohttp

            async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
                await asyncio.gather(*(pair(session, sender) for sender in scale.senders("pair", count)))

        asyncio.run(all_pairs())


def write_report(run: Scenario, seconds: float) -> None:
    """reports/scale.json, quoted in docs/performance.md: speed goals live there, not in asserts."""

    def rate(runs: List[dict]) -> float:
        return sum(r["turns"] for r in runs) / sum(r["seconds"] for r in runs)

    one, two = run.throughput["one_server"], run.throughput["two_servers"]
    report = {
        "one_server": one,
        "two_servers_behind_nginx": two,
        "turns_per_second": {"one_server": round(rate(one), 1), "two_servers": round(rate(two), 1)},
        "speedup": round(rate(two) / rate(one), 2),
        "cores": os.cpu_count(),
        "event_broker_backlog_seconds_before_the_kill": run.publish_lag,
        "layout_start_and_scenario_seconds": round(seconds, 1),
    }
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


@pytest.fixture(scope="module")
def scenario(model, tmp_path_factory) -> Scenario:
    layout = scale.Layout(model, tmp_path_factory.mktemp("scale"), scale.read_settings())
    started = time.monotonic()
    layout.start()
    try:
        run = Scenario(layout)
        run.run()
        write_report(run, time.monotonic() - started)
        yield run
    finally:
        layout.stop()


@pytest.fixture(scope="module")
def stored(scenario) -> Dict[str, List[dict]]:
    senders = [*scenario.plans, *scenario.pairs, scenario.socket_sender]
    return scale.stored_events(scenario.layout.settings["TRACKER_STORE_URL"], senders)


def test_every_turn_is_answered_without_error(scenario):
    turns = [turn for conversation in scenario.turns.values() for turn in conversation]
    assert len(turns) == sum(len(plan) for plan in scenario.plans.values())
    failed = [(t.sender, t.message, t.status, t.error) for t in turns if t.status != 200 or not t.replies]
    assert failed == []
    for name, runs in scenario.throughput.items():
        assert [run["failed"] for run in runs] == [0] * len(runs), name


def test_each_turn_shows_what_a_calm_conversation_shows(scenario):
    """The same script gets the same answers (kind, section, escalation level) turn by turn as
    one conversation alone on one server: no turn answered out of order or from another's state."""
    for sender, turns in scenario.turns.items():
        expected = scenario.reference[tuple(scenario.plans[sender])]
        assert [turn.shape() for turn in turns] == expected, sender


def test_conversations_carry_on_through_the_other_server_after_a_crash(scenario):
    survivor = f"127.0.0.1:{scenario.layout.nodes[1].rasa_port}"
    assert scenario.after_kill
    # nginx tried the dead server first now and then ("dead, survivor"), then only the survivor
    assert {turn.upstream.split(", ")[-1] for turn in scenario.after_kill} == {survivor}
    assert all(turn.status == 200 and turn.replies for turn in scenario.after_kill)


def test_postgresql_holds_each_conversation_exactly_as_sent(scenario, stored):
    for sender, plan in scenario.plans.items():
        assert scale.user_texts(stored[sender]) == plan, sender
        assert scale.answered_in_order(stored[sender]), sender


def test_the_lock_store_serialises_two_servers_on_one_conversation(scenario, stored):
    assert len(scenario.pairs) == 20
    for sender, (first, second) in scenario.pairs.items():
        assert first.status == second.status == 200 and first.replies and second.replies
        texts = scale.user_texts(stored[sender])
        assert texts[0] == "hello"
        assert Counter(texts[1:]) == Counter([first.message, second.message]), sender
        assert scale.answered_in_order(stored[sender]), sender


def test_every_escalation_is_recorded_once(scenario):
    expected = {sender: plan.count(RED_FLAG) for sender, plan in scenario.plans.items()}
    assert sum(expected.values()) == 20
    assert scale.escalation_counts(scenario.layout.settings["DATABASE_URL"], list(expected)) == expected
    for sender, turns in scenario.turns.items():
        for turn in turns:
            if turn.message == RED_FLAG:  # the escalation comes first in the turn
                assert turn.shape()[0][0] == "escalation", sender


def test_the_event_broker_publishes_every_stored_event_once(scenario, stored):
    """Each server publishes in the background, so the queue interleaves the servers' backlogs;
    the events' own timestamps give the conversation's order back (docs/scale-out.md)."""
    published: Dict[str, List[dict]] = {}
    for event in scale.broker_events(scenario.layout.settings):
        published.setdefault(event.get("sender_id"), []).append(event)
    for sender in scenario.plans:
        in_order = sorted(published.get(sender, []), key=lambda event: event["timestamp"])
        assert scale.user_texts(in_order) == scale.user_texts(stored[sender]), sender
        kinds = Counter(event["event"] for event in stored[sender])
        assert Counter(event["event"] for event in in_order) == kinds, sender


def test_the_widget_session_survives_a_reconnect_to_the_other_server(scenario, stored):
    first, after = scenario.socket_replies
    assert any("Treatment Options" in reply.get("text", "") for reply in first)
    # "Tell me more" continues the treatment answer the other server gave: it read the
    # conversation from the shared tracker store.
    continued = [reply for reply in after if reply.get("text")]
    assert continued and continued[0]["text"].startswith('From the article\'s "Treatment Options" section')
    assert scale.user_texts(stored[scenario.socket_sender]) == ["how is it treated?", "/tell_me_more"]
