"""Red-flag categories and their escalation levels (re-exported by safety.red_flags)."""

from typing import Dict, Tuple

LEVELS: Tuple[str, ...] = ("emergency", "urgent", "routine")  # most severe first

# In order of severity: flags are reported in this order.
CATEGORY_LEVELS: Dict[str, str] = {
    "bladder_bowel": "emergency",
    "saddle_numbness": "emergency",
    "sexual_dysfunction": "emergency",
    "bilateral_leg": "emergency",
    "progressive_weakness": "emergency",
    "leg_numbness_weakness": "urgent",
    "severe_radiating_pain": "urgent",
    "injury": "urgent",
    "systemic": "urgent",
    "persistent": "routine",
}

LEVEL_RANK: Dict[str, int] = {level: i for i, level in enumerate(LEVELS)}
CATEGORY_RANK: Dict[str, int] = {category: i for i, category in enumerate(CATEGORY_LEVELS)}
