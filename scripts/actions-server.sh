#!/usr/bin/env bash
# The action server on ACTIONS_PORT, as `make run` starts it: rasa_sdk alone, without importing
# Rasa and TensorFlow (actions/__main__.py).
set -euo pipefail
cd "$(dirname "$0")/.."
unset SANIC_REQUEST_MAX_SIZE  # Rasa sends whole trackers here: Sanic's own limit (100 MB) applies
exec .venv/bin/python -m actions --port "$ACTIONS_PORT"
