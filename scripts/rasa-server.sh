#!/usr/bin/env bash
# The Rasa server (REST, socket.io, callback) as `make run` starts it, with MODEL and the ports
# from the environment. Rasa's HTTP API stays off unless RASA_API_TOKEN is set (at least 32
# characters); then every API request needs that token as ?token=... Keep it in the
# environment, never in a committed file.
set -euo pipefail
cd "$(dirname "$0")/.."
api=()
if [ -n "${RASA_API_TOKEN:-}" ]; then
  if [ ${#RASA_API_TOKEN} -lt 32 ]; then
    echo "RASA_API_TOKEN is too short: use at least 32 random characters (openssl rand -hex 32)" >&2
    exit 2
  fi
  api=(--enable-api --auth-token "$RASA_API_TOKEN")
fi
# shellcheck disable=SC2086  # CORS_ORIGINS is a space-separated list
exec .venv/bin/rasa run --model "$MODEL" --port "$RASA_PORT" --credentials credentials.yml \
  --endpoints "${ENDPOINTS:-endpoints.yml}" --cors $CORS_ORIGINS "${api[@]}"
