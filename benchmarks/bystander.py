"""How much one visitor's long messages delay another visitor's answers.

Run from the project root:  .venv/bin/python -m benchmarks.bystander --model models/<model>.tar.gz

Starts the action server and Rasa (as `make run` does, on free ports and their own databases),
measures a second visitor's one-line question on its own, then again while ten messages of
MAX_MESSAGE_CHARS characters are sent one after another; two rounds. Prints the second
visitor's median, 90th percentile and worst answer time in each state. Set PARSE_THREADS=0
ACTION_THREADS=0 to measure stock Rasa's behaviour (the parse and the actions on the event
loops). The goal (docs/reliability.md): no message delays another conversation by more than
100 ms.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from article.ingest import ingest
from article.store import ArticleStore
from channels.limits import MAX_MESSAGE_CHARS
from evaluation.bystander import Bystander, ordinary_message
from evaluation.servers import Servers


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--messages", type=int, default=10)
    args = parser.parse_args(argv)
    long_message = ordinary_message(MAX_MESSAGE_CHARS)
    servers = Servers(str(Path(args.model).resolve()), Path(tempfile.mkdtemp(prefix="bystander-")))
    ingest(store=ArticleStore.from_url(servers.env["DATABASE_URL"]))
    servers.start_actions()
    servers.start_rasa()
    try:
        for round_ in range(1, args.rounds + 1):
            bystander = Bystander(servers.url)
            alone = bystander.baseline(10)
            long_turns = []
            with bystander:
                for i in range(args.messages):
                    started = time.monotonic()
                    servers.say(f"long-{round_}-{i}", long_message, timeout=120)
                    long_turns.append(time.monotonic() - started)
            during = sorted(bystander.latencies)
            print(
                f"round {round_}: second visitor alone median {_ms(alone)}; during {args.messages} "
                f"{MAX_MESSAGE_CHARS:,}-character messages median {_ms(statistics.median(during))}, "
                f"p90 {_ms(during[int(0.9 * (len(during) - 1))])}, worst {_ms(during[-1])} "
                f"({len(during)} answers, {bystander.failures} failed); a long message's turn median "
                f"{_ms(statistics.median(long_turns))}"
            )
    finally:
        servers.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
