#!/usr/bin/env bash
# Start the action server, the Rasa server (REST + socket.io) and the widget's demo page under
# supervisord (scripts/supervisord.conf): a crashed process is restarted while the others keep
# serving. Usage: scripts/run.sh MODEL [shell]   Ctrl-C stops all.
set -euo pipefail
cd "$(dirname "$0")/.."
export MODEL=$1
mode=${2:-server}
export RUN_DIR=${RUN_DIR:?the Makefile sets it: run make run}
mkdir -p "$RUN_DIR"

if [ "$mode" = shell ]; then
  scripts/actions-server.sh &
  actions=$!
  trap 'kill -TERM $actions 2>/dev/null || true' EXIT
  .venv/bin/rasa shell --model "$MODEL" --endpoints "${ENDPOINTS:-endpoints.yml}"
  exit 0
fi
echo "Starting: Rasa on http://localhost:$RASA_PORT (REST: /webhooks/rest/webhook, socket.io),"
echo "          actions on http://localhost:$ACTIONS_PORT,"
echo "          demo page with the chat widget on http://localhost:$WEB_PORT/. Ctrl-C stops all."
echo "          Status: make status (in another terminal)"
exec .venv/bin/supervisord -c scripts/supervisord.conf
