"""Where a turn's time goes: each NLU component, each policy, the action call, the tracker store.

Run from the project root:  .venv/bin/python -m benchmarks.breakdown --model models/<model>.tar.gz

Starts the action server (as `make run` does, on a free port with its own database) and loads
the model in this process with the project's endpoints.yml (the SQLite tracker store of `make
run`), then sends the six-message conversation of `benchmarks/load.py` a number of times, one
turn after another. Every graph node is timed through Rasa's own node hooks (GraphNodeHook);
the custom action call (`RemoteAction.run`, the round trip to the action server included) and
the tracker store's reads and writes are timed by wrapping them. Prints milliseconds per turn
for each part and its share of the whole turn, and writes `reports/breakdown.json`, so that each
optimisation of the performance issue is chosen by measurement (docs/performance.md).
"""

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Dict, List

from article.ingest import ingest
from article.store import ArticleStore
from benchmarks.load import CONVERSATION
from evaluation.servers import Servers
from paths import PROJECT_ROOT

REPORT = PROJECT_ROOT / "reports" / "breakdown.json"

Timings = Dict[str, List[float]]


def _node_hook(timings: Timings):
    from rasa.engine.graph import GraphNodeHook

    class TimingHook(GraphNodeHook):
        def on_before_node(self, node_name, execution_context, config, received_inputs):
            return {"started": time.perf_counter()}

        def on_after_node(self, node_name, execution_context, config, output, input_hook_data):
            timings[_part_name(node_name)].append(time.perf_counter() - input_hook_data["started"])

    return TimingHook()


def _part_name(node_name: str) -> str:
    """ "run_DIETClassifier5" -> "NLU: DIETClassifier"; policies and the rest by kind."""
    name = node_name
    for prefix in ("run_", "provide_"):
        if name.startswith(prefix):
            name = name[len(prefix) :]
    name = name.rstrip("0123456789")
    if "Policy" in name:
        return f"policy: {name}"
    if name in ("select_prediction", "domain_provider", "domain_for_core_training_provider"):
        return f"core: {name}"
    if name.startswith(("nlu_message_converter", "regex_message_handler")):
        return f"NLU: {name}"
    return f"NLU: {name.split('.')[-1]}"


def _timed(function, timings: Timings, part: str):
    async def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return await function(*args, **kwargs)
        finally:
            timings[part].append(time.perf_counter() - started)

    return wrapper


def _innermost_store(store: Any) -> Any:
    while hasattr(store, "_tracker_store") or hasattr(store, "tracker_store"):
        store = getattr(store, "_tracker_store", None) or store.tracker_store
    return store


async def measure(model: str, rounds: int) -> Dict[str, Any]:
    from rasa.core.actions.action import RemoteAction
    from rasa.core.agent import load_agent
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
    from rasa.core.utils import AvailableEndpoints

    endpoints = AvailableEndpoints.read_endpoints(str(PROJECT_ROOT / "endpoints.yml"))
    agent = await load_agent(model_path=model, endpoints=endpoints)
    timings: Timings = defaultdict(list)
    hook = _node_hook(timings)
    for node in agent.processor.graph_runner._instantiated_nodes.values():
        node._hooks.append(hook)
    RemoteAction.run = _timed(RemoteAction.run, timings, "action call (round trip to the action server)")
    store = _innermost_store(agent.tracker_store)
    for method in ("retrieve", "retrieve_full_tracker", "save"):
        setattr(store, method, _timed(getattr(store, method), timings, f"tracker store: {method}"))

    async def conversation(sender: str) -> List[float]:
        turns = []
        for text in CONVERSATION:
            started = time.perf_counter()
            await agent.handle_message(UserMessage(text, CollectingOutputChannel(), sender_id=sender))
            turns.append(time.perf_counter() - started)
        return turns

    await conversation("warm-up")  # first calls build caches and TensorFlow functions
    timings.clear()
    turn_times: List[float] = []
    for i in range(rounds):
        turn_times += await conversation(f"breakdown-{i}")
    turns = len(turn_times)
    total = sum(turn_times)
    parts = {
        part: {"ms_per_turn": 1000 * sum(values) / turns, "calls_per_turn": len(values) / turns}
        for part, values in timings.items()
    }
    timed = sum(p["ms_per_turn"] for p in parts.values())
    return {
        "turns": turns,
        "turn_ms": {
            "mean": 1000 * total / turns,
            "p50": 1000 * statistics.median(turn_times),
        },
        "parts": dict(sorted(parts.items(), key=lambda kv: -kv[1]["ms_per_turn"])),
        "untimed_ms_per_turn": 1000 * total / turns - timed,
    }


def table(report: Dict[str, Any]) -> str:
    mean = report["turn_ms"]["mean"]
    lines = [
        f"{report['turns']} turns, mean {mean:.1f} ms, p50 {report['turn_ms']['p50']:.1f} ms per turn",
        "",
        "| part | ms per turn | share | calls per turn |",
        "| --- | --- | --- | --- |",
    ]
    for part, figures in report["parts"].items():
        lines.append(
            f"| {part} | {figures['ms_per_turn']:.2f} | {figures['ms_per_turn'] / mean:.0%} | "
            f"{figures['calls_per_turn']:.1f} |"
        )
    rest = report["untimed_ms_per_turn"]
    lines.append(f"| the rest (Rasa's turn handling, events, NLG, lock store) | {rest:.2f} | {rest / mean:.0%} | |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True)
    parser.add_argument("--rounds", type=int, default=20, help="conversations of six turns")
    args = parser.parse_args(argv)
    model = str(Path(args.model).resolve())
    servers = Servers(model, Path(tempfile.mkdtemp(prefix="breakdown-")))
    ingest(store=ArticleStore.from_url(servers.env["DATABASE_URL"]))
    servers.start_actions()
    os.environ.update({k: servers.env[k] for k in ("ACTIONS_PORT", "TRACKER_STORE_URL", "DATABASE_URL")})
    try:
        report = asyncio.run(measure(model, args.rounds))
    finally:
        servers.stop()
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(table(report))
    print(f"\nwritten to {REPORT.relative_to(PROJECT_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
