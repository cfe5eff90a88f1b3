#!/usr/bin/env bash
# The action server on ACTIONS_PORT, as `make run` starts it.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/rasa run actions --actions actions --port "$ACTIONS_PORT"
