"""Print the per-intent precision, recall and F1 of an NLU evaluation (`make eval`).

python -m content.eval_report reports/eval
"""

import json
import sys
from pathlib import Path
from typing import List

SUMMARY_ROWS = ("accuracy", "macro avg", "weighted avg", "micro avg")


def table(report: dict) -> str:
    lines = [f"{'intent':<28} {'precision':>9} {'recall':>7} {'f1':>6} {'n':>5}"]
    for intent, scores in sorted(report.items()):
        if isinstance(scores, dict) and intent not in SUMMARY_ROWS:
            lines.append(
                f"{intent:<28} {scores['precision']:>9.3f} {scores['recall']:>7.3f} "
                f"{scores['f1-score']:>6.3f} {scores['support']:>5}"
            )
    weighted = report["weighted avg"]
    lines.append(
        f"{'weighted average':<28} {weighted['precision']:>9.3f} {weighted['recall']:>7.3f} "
        f"{weighted['f1-score']:>6.3f} {weighted['support']:>5}"
    )
    return "\n".join(lines)


def main(argv: List[str]) -> int:
    folder = Path(argv[0] if argv else "reports/eval")
    report_file = folder / "intent_report.json"
    if not report_file.exists():
        print(f"No report at {report_file}: run `make eval` first.")
        return 1
    print(table(json.loads(report_file.read_text())))
    print(f"\nFull report: {report_file}; confusion matrix: {folder / 'intent_confusion_matrix.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
