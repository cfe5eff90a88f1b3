#!/usr/bin/env bash
# The demo page with the chat widget on WEB_PORT, talking to Rasa on RASA_PORT, as `make run`
# starts it.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python -m web.serve --port "$WEB_PORT" --rasa-url "http://localhost:$RASA_PORT"
