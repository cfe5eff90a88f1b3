"""Benchmark for the red-flag detector.

Run from the project root:  .venv/bin/python -m benchmarks.red_flags [--seconds 6]

Builds the pipeline (timed), warms up, then runs ``assess()`` over every message of the
evaluation sets (tests/red_flags/affirming.yml + non_escalating.yml) for a bounded number of
rounds. Prints the mean and p95 milliseconds per message and exits non-zero when the mean is
over the budget (2 ms). A 20,000-character message is timed separately (information only).
"""

import argparse
import statistics
import sys
import time

import yaml

from paths import PROJECT_ROOT as ROOT

DATA = ROOT / "tests" / "red_flags"
BUDGET_MS = 2.0


def _messages():
    texts = [item["text"] for item in yaml.safe_load((DATA / "affirming.yml").read_text(encoding="utf-8"))]
    texts += [item["text"] for item in yaml.safe_load((DATA / "non_escalating.yml").read_text(encoding="utf-8"))]
    return texts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=6.0, help="time budget for the timed rounds")
    parser.add_argument("--max-rounds", type=int, default=300)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    from safety.red_flags import RedFlagDetector

    import_s = time.perf_counter() - start
    start = time.perf_counter()
    detector = RedFlagDetector()
    build_s = time.perf_counter() - start

    messages = _messages()
    for _ in range(3):  # warm-up: caches, lazy initialisation
        for text in messages:
            detector.assess(text)

    timings_ns = []
    rounds = 0
    deadline = time.perf_counter() + args.seconds
    clock = time.perf_counter_ns
    while rounds < args.max_rounds and (rounds == 0 or time.perf_counter() < deadline):
        for text in messages:
            t0 = clock()
            detector.assess(text)
            timings_ns.append(clock() - t0)
        rounds += 1

    ms = sorted(t / 1e6 for t in timings_ns)
    mean = statistics.fmean(ms)
    p50 = ms[len(ms) // 2]
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]

    filler = "I have been reading about exercises for my knee and wondering what helps most. "
    flag = "Also I can't feel my bum when I sit on the toilet. "
    long_text = (filler * 130)[:9975] + flag + (filler * 130)[: 20000 - 9975 - len(flag)]
    t0 = time.perf_counter()
    long_result = detector.assess(long_text)
    long_ms = (time.perf_counter() - t0) * 1000

    print("red-flag detector benchmark")
    print(f"  import safety.red_flags:    {import_s:.2f} s (spaCy, medspaCy)")
    print(f"  pipeline build:             {build_s:.2f} s")
    print(f"  messages x rounds:          {len(messages)} x {rounds} = {len(ms)} calls")
    print(f"  mean per message:           {mean:.3f} ms   (budget {BUDGET_MS:.1f} ms)")
    print(f"  p50 / p95 / max:            {p50:.3f} / {p95:.3f} / {ms[-1]:.3f} ms")
    print(f"  20,000-char message:        {long_ms:.1f} ms -> {long_result.level} {list(long_result.flags)}")
    if mean > BUDGET_MS:
        print(f"FAIL: mean {mean:.3f} ms is over the {BUDGET_MS:.1f} ms budget")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
