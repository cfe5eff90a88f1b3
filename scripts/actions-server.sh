#!/usr/bin/env bash
# The action server on ACTIONS_PORT, as `make run` starts it: rasa_sdk alone, without importing
# Rasa and TensorFlow (actions/__main__.py).
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python -m actions --port "$ACTIONS_PORT"
