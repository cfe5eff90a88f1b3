"""The gates `make test` holds the blind sets to, read from tests/gates.yml (one table for both
the red-flag and the answer tests)."""

from pathlib import Path
from typing import Dict, Tuple

import yaml

GATES_FILE = Path(__file__).with_name("gates.yml")


def load_gates(kind: str) -> Dict[str, Tuple[float, float, float]]:
    """{set name: its three thresholds} for "red_flags" or "answers"."""
    table = yaml.safe_load(GATES_FILE.read_text(encoding="utf-8"))[kind]
    return {name: tuple(float(v) for v in values) for name, values in table.items()}
