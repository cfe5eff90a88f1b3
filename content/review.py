"""Messages the assistant could not answer, kept for the content team to learn from.

Every fallback or out-of-scope message is logged (text, the model's best guess and its confidence,
time). `make review` exports the ones not exported before as a YAML file of candidate NLU examples,
grouped by the intent the model guessed, for an editor to sort into data/nlu/, and marks them
exported so that the next export shows only new ones.

Messages that touch red-flag vocabulary never become NLU candidates: they are kept apart
(operations.review_log) and exported to a separate safety-review file for a clinician, whose outcome
is a change to the vocabulary tables.

    python -m content.review [--out FILE]
"""

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Dict, List

from operations.unanswered import UnansweredLog
from paths import PROJECT_ROOT


def export_candidates(log: UnansweredLog, out: Path) -> int:
    """Write the not-yet-exported messages to `out` as candidate NLU examples; return how many
    texts were written (none: no file)."""
    groups = log.export_groups()
    if not groups:
        return 0
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(groups), encoding="utf-8")
    return sum(len(texts) for texts in groups.values())


def render(groups: Dict[str, List[str]]) -> str:
    lines = [
        "# Candidate NLU examples: messages the assistant could not answer, grouped by the intent",
        "# the model guessed (often wrong: that is why they are here). For each example, move it under",
        "# the right intent in data/nlu/*.yml (out_of_scope if the article does not cover it), or",
        "# delete it. Then `make validate` and `make train`. See docs/content-guide.md.",
        'version: "3.1"',
        "nlu:",
    ]
    for intent in sorted(groups):
        lines += [f"  - intent: {intent}", "    examples: |"]
        lines += [f"      - {text}" for text in groups[intent]]
    return "\n".join(lines) + "\n"


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description="Export unanswered messages for review.")
    default = PROJECT_ROOT / "reports" / "review" / f"candidates-{datetime.now():%Y%m%d-%H%M%S}.yml"
    parser.add_argument("--out", type=Path, default=default)
    args = parser.parse_args(argv)
    count = export_candidates(UnansweredLog(), args.out)
    if count:
        print(f"Exported {count} message(s) to {args.out}")
    else:
        print("No new unanswered messages since the last export.")
    from operations.review_log import SafetyReviewLog
    from operations.review_log import render as render_safety

    rows = SafetyReviewLog().export_rows()
    safety_out = args.out.with_name(args.out.name.replace("candidates", "safety-review"))
    if safety_out == args.out:
        safety_out = args.out.with_name("safety-review-" + args.out.name)
    if rows:
        safety_out.parent.mkdir(parents=True, exist_ok=True)
        safety_out.write_text(render_safety(rows), encoding="utf-8")
        print(f"Exported {len(rows)} message(s) for safety review (a clinician) to {safety_out}")
    else:
        print("No new messages for safety review.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
