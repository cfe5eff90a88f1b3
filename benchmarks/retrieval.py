"""Benchmark for choosing the passage that answers a question (actions/answers.py `choose`).

Run from the project root:  .venv/bin/python -m benchmarks.retrieval [--seconds 5]

Builds the retriever over the article (timed), then chooses an answer for every example
question of data/article/questions.yml for a bounded number of rounds. Prints the mean and p95
milliseconds per question and exits non-zero when the mean is over the budget (5 ms). The
article store's revision check, which every answer made before retrieval existed (live
re-ingestion), is timed apart.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

BUDGET_MS = 5.0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--max-rounds", type=int, default=50)
    args = parser.parse_args(argv)

    from actions.answers import Library, choose
    from article.ingest import ingest
    from article.retrieval import load_questions
    from article.store import ArticleStore
    from paths import PROJECT_ROOT

    store = ArticleStore.from_url(f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}")
    ingest(store=store)
    library = Library(store)
    start = time.perf_counter()
    current = library.current()
    build_s = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(50):
        library.current()
    check_ms = (time.perf_counter() - start) * 1000 / 50
    library.current = lambda: current  # time the retrieval alone
    questions = [q for qs in load_questions(PROJECT_ROOT / "data" / "article" / "questions.yml").values() for q in qs]
    timings = []
    deadline = time.monotonic() + args.seconds
    rounds = 0
    while rounds < args.max_rounds and time.monotonic() < deadline:
        for question in questions:
            t = time.perf_counter()
            choose(library, question)
            timings.append((time.perf_counter() - t) * 1000)
        rounds += 1
    mean = statistics.mean(timings)
    p95 = statistics.quantiles(timings, n=20)[18]
    print("retrieval benchmark")
    print(f"  retriever build:        {build_s * 1000:.0f} ms ({len(questions)} example questions)")
    print(f"  questions x rounds:     {len(questions)} x {rounds} = {len(timings)} calls")
    print(f"  mean per question:      {mean:.2f} ms   (budget {BUDGET_MS} ms)")
    print(f"  p95 / max:              {p95:.2f} / {max(timings):.2f} ms")
    print(f"  store revision check:   {check_ms:.2f} ms per answer (as before retrieval)")
    ok = mean <= BUDGET_MS
    print("OK" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
