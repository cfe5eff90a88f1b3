"""An old keypad phone's word slips read as the word meant (``safety/tables/keypad.yml``).

Predictive text (T9) offers the first word of a key sequence, and the writer often sends it:
"back rain" for back pain, "my dont" for my foot, "me and the wide" for my wife. The word and the
word meant are typed with the same keys, so they have the same length: reading one for the other
keeps every character offset of the message.
"""

import re
from pathlib import Path
from typing import List, Tuple

import yaml

KEYPAD_FILE = Path(__file__).resolve().parent / "tables" / "keypad.yml"


def load_keypad(path: Path = KEYPAD_FILE) -> List[Tuple[re.Pattern, str]]:
    entries = []
    for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
        pattern = re.compile(entry["pattern"])
        if "w" not in pattern.groupindex:
            raise ValueError(f"{path}: {entry['pattern']!r} has no group (?P<w>...)")
        entries.append((pattern, str(entry["read"])))
    return entries


_KEYPAD = load_keypad()


def read_keypad(lowered: str) -> str:
    """``lowered`` with each keypad slip the table finds read as the word meant (same length)."""
    for pattern, word in _KEYPAD:
        # a slip and its word share their keys, so their length: the offsets stay as they were
        spans = [m.span("w") for m in pattern.finditer(lowered) if m.end("w") - m.start("w") == len(word)]
        for start, end in spans:
            lowered = lowered[:start] + word + lowered[end:]
    return lowered
