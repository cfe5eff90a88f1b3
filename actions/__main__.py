"""The action server: `python -m actions --port 5055` is rasa_sdk's own server for this package,
without Rasa and without TensorFlow.

thinc (spaCy's machine-learning layer) imports TensorFlow whenever it is installed, and Rasa
installs it: that alone would cost the action server some 400 MB and seconds of start-up. The
actions use spaCy's rule-based components only, so TensorFlow is marked absent before spaCy loads.
"""

import sys
import threading

sys.modules.setdefault("tensorflow", None)  # an import of it raises ImportError: thinc skips it

from rasa_sdk.__main__ import main  # noqa: E402 (after the line above, on purpose)

import heap  # noqa: E402
from actions.answers import library  # noqa: E402 (the action server imports it anyway)


def warm_up() -> None:
    """Build the article's retriever (its passage classifier takes about a second) before the
    first visitor asks, not while they wait; if no article is stored yet, the first answer
    builds it."""
    try:
        library.current()
    except Exception:  # no article stored yet: nothing to warm
        pass


if __name__ == "__main__":
    if "--actions" not in sys.argv:
        sys.argv[1:1] = ["--actions", "actions"]
    threading.Thread(target=warm_up, name="warm-up", daemon=True).start()
    heap.start()  # the memory freed while warming up, given back
    main()
