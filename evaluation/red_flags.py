"""Red-flag recall, false escalations and safety-question rate on a blind set.

    python -m evaluation.red_flags A [B ...] [--misses]      (`make eval-red-flags`)

Each set is tests/blind/red_flags_<name>_affirming.yml and ..._non_escalating.yml. Every
message gets one of three outcomes from the detector, as the assistant acts on it:
`escalate` (level and flags), `ask` (the safety question) or `none`. An affirming message
counts as caught when it is escalated at its category's level or higher; a safety question on
an affirming message is reported apart (the visitor is asked, not yet escalated).
"""

import argparse
import functools
import logging
import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import yaml

from paths import PROJECT_ROOT
from safety.categories import CATEGORY_LEVELS, LEVEL_RANK

BLIND = PROJECT_ROOT / "tests" / "blind"


@functools.cache
def load_set(name: str):
    """The set's affirming and non-escalating items, read once per process (the gates read each
    set for the outcome table, for its report and for its failures)."""
    affirming = yaml.safe_load((BLIND / f"red_flags_{name}_affirming.yml").read_text(encoding="utf-8"))
    non_escalating = yaml.safe_load((BLIND / f"red_flags_{name}_non_escalating.yml").read_text(encoding="utf-8"))
    return affirming, non_escalating


def expected_level(flags: Sequence[str]) -> str:
    return min((CATEGORY_LEVELS[f] for f in flags), key=LEVEL_RANK.__getitem__)


@dataclass
class Outcome:
    kind: str  # "escalate" | "ask" | "none"
    level: Optional[str] = None
    flags: Sequence[str] = ()


@dataclass
class Report:
    name: str
    affirming: int = 0
    caught: int = 0
    asked_affirming: int = 0
    too_low: int = 0
    non_escalating: int = 0
    false_escalations: int = 0
    questions: int = 0
    per_flag: Dict[str, List[int]] = field(default_factory=dict)  # flag -> [caught, total]
    per_why: Dict[str, List[int]] = field(default_factory=dict)  # why -> [escalated, asked, total]
    per_voice: Dict[str, List[int]] = field(default_factory=dict)  # voice -> [caught, total]
    misses: List[str] = field(default_factory=list)
    false: List[str] = field(default_factory=list)
    asked: List[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.caught / self.affirming if self.affirming else 0.0

    @property
    def false_rate(self) -> float:
        return self.false_escalations / self.non_escalating if self.non_escalating else 0.0

    @property
    def someone_else(self) -> int:
        """Of the false escalations, the messages labelled "other_person"."""
        return self.per_why.get("other_person", [0, 0, 0])[0]

    @property
    def false_rate_besides_someone_else(self) -> float:
        """False escalations other than someone else's red flag, over all non-escalating messages.
        Since 2026-11-29 a red flag of someone the writer speaks for, happening now, escalates
        (docs/red-flags.md); the sets written before labelled all of them non-escalating."""
        others = self.false_escalations - self.someone_else
        return others / self.non_escalating if self.non_escalating else 0.0

    @property
    def question_rate(self) -> float:
        return self.questions / self.non_escalating if self.non_escalating else 0.0

    def summary(self) -> str:
        lines = [
            f"=== red flags, blind set {self.name} ===",
            f"recall (escalated at its level or higher): {self.caught}/{self.affirming} = {self.recall:.1%}"
            f"  (+{self.asked_affirming} asked the safety question, {self.too_low} escalated too low)",
            "  per category: " + ", ".join(f"{f} {c}/{t}" for f, (c, t) in self.per_flag.items()),
            "  per voice: " + ", ".join(f"{v} {c}/{t}" for v, (c, t) in sorted(self.per_voice.items())),
            f"false escalations: {self.false_escalations}/{self.non_escalating} = {self.false_rate:.1%}"
            f"  ({self.someone_else} of them someone else's red flag; the rest"
            f" {self.false_escalations - self.someone_else}/{self.non_escalating}"
            f" = {self.false_rate_besides_someone_else:.1%})",
            f"safety questions on non-escalating: {self.questions}/{self.non_escalating} = {self.question_rate:.1%}",
            "  per why (escalated/asked/total): "
            + ", ".join(f"{w} {e}/{a}/{t}" for w, (e, a, t) in sorted(self.per_why.items())),
        ]
        return "\n".join(lines)


def detector_outcome() -> Callable[[str], Outcome]:
    from safety.red_flags import get_detector

    detector = get_detector()

    def outcome(text: str) -> Outcome:
        result = detector.assess(text)
        if result.escalate:
            return Outcome("escalate", result.level, result.flags)
        return Outcome("ask" if getattr(result, "suspected", ()) else "none")

    return outcome


class _Failures(logging.Handler):
    """Counts the detector's internal errors (it logs them and lets the keyword net decide)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += "assessment failed" in record.getMessage()


def _read_share(texts: Sequence[str]) -> List[Tuple[Outcome, bool]]:
    """In a worker process: each text's outcome, and whether its assessment failed."""
    outcome = detector_outcome()
    failures = _Failures()
    logging.getLogger("safety").addHandler(failures)
    read = []
    for text in texts:
        before = failures.count
        read.append((outcome(text), failures.count > before))
    return read


def outcome_table(texts: Sequence[str], workers: int = 2) -> Tuple[Dict[str, Outcome], List[str]]:
    """The detector's outcome of every text, read in ``workers`` processes of their own (each loads
    a detector; the gates read some 18,000 messages, one core at a time otherwise), and the texts
    whose assessment failed (the keyword net decided them)."""
    unique = list(dict.fromkeys(texts))
    shares = [unique[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        results = list(pool.map(_read_share, shares))
    table: Dict[str, Outcome] = {}
    failed: List[str] = []
    for share, read in zip(shares, results):
        for text, (outcome, failure) in zip(share, read):
            table[text] = outcome
            if failure:
                failed.append(text)
    return table, failed


def texts_of(name: str) -> List[str]:
    affirming, non_escalating = load_set(name)
    return [item["text"] for item in affirming + non_escalating]


def evaluate(name: str, outcome: Callable[[str], Outcome]) -> Report:
    affirming, non_escalating = load_set(name)
    report = Report(name)
    for flag in CATEGORY_LEVELS:
        report.per_flag[flag] = [0, 0]
    for item in affirming:
        flags = item["flags"]
        want = expected_level(flags)
        got = outcome(item["text"])
        ok = got.kind == "escalate" and LEVEL_RANK[got.level] <= LEVEL_RANK[want]
        report.affirming += 1
        report.caught += ok
        report.asked_affirming += got.kind == "ask"
        report.too_low += got.kind == "escalate" and not ok
        voice = report.per_voice.setdefault(item.get("voice", "?"), [0, 0])
        voice[0] += ok
        voice[1] += 1
        for flag in flags:
            report.per_flag[flag][0] += ok
            report.per_flag[flag][1] += 1
        if not ok:
            report.misses.append(f"  [{','.join(flags)}] got {got.kind} {got.level or ''}: {item['text']!r}")
    for item in non_escalating:
        got = outcome(item["text"])
        report.non_escalating += 1
        why = report.per_why.setdefault(item["why"], [0, 0, 0])
        why[2] += 1
        if got.kind == "escalate":
            report.false_escalations += 1
            why[0] += 1
            report.false.append(f"  [{item['why']}] {got.level} {list(got.flags)}: {item['text']!r}")
        elif got.kind == "ask":
            report.questions += 1
            why[1] += 1
            report.asked.append(f"  [{item['why']}]: {item['text']!r}")
    report.per_flag = {f: v for f, v in report.per_flag.items() if v[1]}
    return report


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sets", nargs="*", default=["A"])
    parser.add_argument("--misses", action="store_true", help="list misses, false escalations and questions")
    args = parser.parse_args(argv)
    outcomes, failed = outcome_table([text for name in args.sets for text in texts_of(name)])
    if failed:
        print(f"{len(failed)} assessments failed (the keyword net decided them): {failed[:5]}")
    for name in args.sets:
        report = evaluate(name, outcomes.__getitem__)
        print(report.summary())
        if args.misses:
            for title, rows in (
                ("missed", report.misses),
                ("false escalations", report.false),
                ("asked on non-escalating", report.asked),
            ):
                print(f"{title}:\n" + "\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
