"""Where the project's files are: the one source for the paths every package and script reads.

Standard library only, so that the demo page's static server (web/serve.py) reads it without
SQLAlchemy or Rasa."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent
VAR_DIR = PROJECT_ROOT / "var"
