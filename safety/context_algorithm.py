"""medspaCy's ConText, loaded without the rest of medspaCy.

``import medspacy.context`` first runs medspaCy's package ``__init__``, which imports every
medspaCy component (QuickUMLS, PyRuSH, the sectionizer, nltk...) and sets their extensions: about
50 MB of memory in each process that reads red flags, for components the detector never uses.
ConText itself needs only its own subpackage, ``medspacy.common`` and one helper of
``medspacy.util`` (a module that imports QuickUMLS at its top). So the ``medspacy`` package is
entered here without running its ``__init__``: its subpackages load from its own directory as
usual, and ``medspacy.util`` is a module holding that one helper. Where medspaCy was already
imported whole (another library in the process), that import is used as it is.

medspaCy's version is pinned (constraints.txt); tests/test_assessment.py checks that ConText
works and that QuickUMLS is not loaded.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from typing import Tuple


def _tuple_overlaps(a: Tuple[int, int], b: Tuple[int, int]) -> bool:
    """medspacy.util.tuple_overlaps (medspaCy 1.x): whether two (start, end) spans overlap."""
    return a[0] <= b[0] < a[1] or a[0] < b[1] <= a[1]


def _enter_medspacy_lightly() -> None:
    if "medspacy" in sys.modules:
        return
    spec = importlib.util.find_spec("medspacy")
    if spec is None or not spec.submodule_search_locations:
        return  # not installed as a package: the import below says so
    package = types.ModuleType("medspacy")
    package.__spec__ = spec
    package.__file__ = spec.origin
    package.__path__ = list(spec.submodule_search_locations)
    package.__package__ = "medspacy"
    util = types.ModuleType("medspacy.util")
    util.tuple_overlaps = _tuple_overlaps
    package.util = util
    sys.modules["medspacy"] = package
    sys.modules["medspacy.util"] = util


_enter_medspacy_lightly()

from medspacy.context import ConText, ConTextRule  # noqa: E402  (registers "medspacy_context")

__all__ = ["ConText", "ConTextRule"]
