"""The action server: `python -m actions --port 5055` is rasa_sdk's own server for this package,
without Rasa and without TensorFlow.

thinc (spaCy's machine-learning layer) imports TensorFlow whenever it is installed, and Rasa
installs it: that alone would cost the action server some 400 MB and seconds of start-up. The
actions use spaCy's rule-based components only, so TensorFlow is marked absent before spaCy loads.
"""

import sys

sys.modules.setdefault("tensorflow", None)  # an import of it raises ImportError: thinc skips it

from rasa_sdk.__main__ import main  # noqa: E402 (after the line above, on purpose)

if __name__ == "__main__":
    if "--actions" not in sys.argv:
        sys.argv[1:1] = ["--actions", "actions"]
    main()
