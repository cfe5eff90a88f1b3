#!/usr/bin/env bash
# Start the action server, the Rasa server (REST + socket.io) and the widget's demo page.
# Usage: scripts/run.sh MODEL [shell]   Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
model=$1
mode=${2:-server}
pids=()
stop() {
  trap - INT TERM EXIT
  [ ${#pids[@]} -gt 0 ] && kill -TERM "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  echo "Stopped."
}
trap stop INT TERM EXIT

.venv/bin/rasa run actions --actions actions --port "$ACTIONS_PORT" &
pids+=($!)
if [ "$mode" = shell ]; then
  .venv/bin/rasa shell --model "$model" --endpoints endpoints.yml
  exit 0
fi
# shellcheck disable=SC2086  # CORS_ORIGINS is a space-separated list
.venv/bin/rasa run --model "$model" --port "$RASA_PORT" --credentials credentials.yml \
  --endpoints endpoints.yml --cors $CORS_ORIGINS &
pids+=($!)
.venv/bin/python web/serve.py --port "$WEB_PORT" --rasa-url "http://localhost:$RASA_PORT" &
pids+=($!)
echo "Starting: Rasa on http://localhost:$RASA_PORT (REST: /webhooks/rest/webhook, socket.io),"
echo "          actions on http://localhost:$ACTIONS_PORT,"
echo "          demo page with the chat widget on http://localhost:$WEB_PORT/. Ctrl-C stops all."
wait -n "${pids[@]}"
