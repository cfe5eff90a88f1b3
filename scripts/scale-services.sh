#!/usr/bin/env bash
# PostgreSQL, Redis and RabbitMQ from Debian's packages, on loopback, for the distributed layout
# of `make test-scale` (docs/scale-out.md). Installs the packages (and nginx) when missing.
#   scripts/scale-services.sh start   start the three, write their settings to $SCALE_DIR/env
#   scripts/scale-services.sh stop    stop them (the next start begins with empty stores)
# Passwords are random per start and live only in $SCALE_DIR/env (mode 600).
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE_DIR=${SCALE_DIR:-$PWD/var/scale}
PG_PORT=${SCALE_PG_PORT:-55432}
REDIS_PORT=${SCALE_REDIS_PORT:-56379}
RABBITMQ_PORT=${SCALE_RABBITMQ_PORT:-56720}
RABBITMQ_NODE=backknee-scale@localhost
# PostgreSQL runs as the postgres user, who may not reach $SCALE_DIR (a home folder, say)
PG_DIR=${SCALE_PG_DIR:-/var/tmp/backknee-scale-postgres-$PG_PORT}
PACKAGES=(postgresql redis-server rabbitmq-server nginx)

secret() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n'; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_packages() {
  local missing=()
  for package in "${PACKAGES[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return
  echo "==> Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y --no-install-recommends "${missing[@]}" >"$SCALE_DIR/apt.log" 2>&1 ||
    { as_root apt-get update >>"$SCALE_DIR/apt.log" 2>&1 &&
      as_root apt-get install -y --no-install-recommends "${missing[@]}" >>"$SCALE_DIR/apt.log" 2>&1; } ||
    { tail -20 "$SCALE_DIR/apt.log" >&2; echo "could not install ${missing[*]}" >&2; exit 1; }
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1; }
as_postgres() { as_root runuser -u postgres -- "$@"; }
rabbitmq_env() {
  export HOME=$SCALE_DIR/rabbitmq RABBITMQ_NODENAME=$RABBITMQ_NODE RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_PORT=$RABBITMQ_PORT RABBITMQ_DIST_PORT=$((RABBITMQ_PORT + 1)) \
    RABBITMQ_MNESIA_BASE=$SCALE_DIR/rabbitmq/mnesia RABBITMQ_LOG_BASE=$SCALE_DIR/rabbitmq/log \
    RABBITMQ_PID_FILE=$SCALE_DIR/rabbitmq/pid RABBITMQ_ENABLED_PLUGINS_FILE=$SCALE_DIR/rabbitmq/plugins \
    RABBITMQ_CONFIG_FILE=$SCALE_DIR/rabbitmq/rabbitmq
}
rabbitmqctl() { /usr/lib/rabbitmq/bin/rabbitmqctl "$@"; }

start_postgres() {
  local bin data=$PG_DIR pw
  bin=$(pg_bin)
  pw=$(secret)
  as_root rm -rf "$data" && mkdir -p "$data" && as_root chown postgres "$data" && chmod 700 "$data"
  as_postgres test -w "$data" || { echo "the postgres user cannot write $data: set SCALE_PG_DIR" >&2; exit 1; }
  as_postgres "$bin/initdb" -D "$data/data" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
    >"$SCALE_DIR/postgres.log" 2>&1
  as_postgres "$bin/pg_ctl" -D "$data/data" -l "$data/server.log" -w -o \
    "-p $PG_PORT -k $data -c listen_addresses=127.0.0.1 -c max_connections=200" start >>"$SCALE_DIR/postgres.log"
  as_postgres psql -h "$data" -p "$PG_PORT" -q -v ON_ERROR_STOP=1 <<SQL
CREATE ROLE rasa LOGIN PASSWORD '$pw';
CREATE DATABASE rasa OWNER rasa;
CREATE DATABASE assistant OWNER rasa;
SQL
  PG_URL_BASE="postgresql://rasa:$pw@127.0.0.1:$PG_PORT"
}

start_redis() {
  REDIS_PASSWORD=$(secret)
  mkdir -p "$SCALE_DIR/redis"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --requirepass "$REDIS_PASSWORD" --daemonize yes \
    --dir "$SCALE_DIR/redis" --pidfile "$SCALE_DIR/redis/pid" --logfile "$SCALE_DIR/redis/log" \
    --save "" --appendonly no
  for _ in $(seq 50); do
    REDISCLI_AUTH=$REDIS_PASSWORD redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && return
    sleep 0.2
  done
  echo "Redis did not start: $SCALE_DIR/redis/log" >&2
  exit 1
}

start_rabbitmq() {
  RABBITMQ_PASSWORD=$(secret)
  rm -rf "$SCALE_DIR/rabbitmq" && mkdir -p "$SCALE_DIR/rabbitmq"
  (
    rabbitmq_env
    echo "[]." >"$RABBITMQ_ENABLED_PLUGINS_FILE"
    setsid /usr/lib/rabbitmq/bin/rabbitmq-server >"$SCALE_DIR/rabbitmq/out.log" 2>&1 </dev/null &
    rabbitmqctl wait --timeout 120 "$RABBITMQ_PID_FILE" >/dev/null
    rabbitmqctl add_user rasa "$RABBITMQ_PASSWORD" >/dev/null
    rabbitmqctl set_permissions -p / rasa ".*" ".*" ".*" >/dev/null
    rabbitmqctl delete_user guest >/dev/null
  ) || { tail -20 "$SCALE_DIR/rabbitmq/out.log" >&2; echo "RabbitMQ did not start" >&2; exit 1; }
}

stop() {
  local bin
  if [ -f "$PG_DIR/data/postmaster.pid" ]; then
    bin=$(pg_bin)
    as_postgres "$bin/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null || true
  fi
  if [ -f "$SCALE_DIR/redis/pid" ]; then
    kill "$(cat "$SCALE_DIR/redis/pid")" 2>/dev/null || true
    rm -f "$SCALE_DIR/redis/pid"
  fi
  if [ -f "$SCALE_DIR/rabbitmq/pid" ]; then
    (rabbitmq_env && rabbitmqctl stop "$RABBITMQ_PID_FILE" >/dev/null 2>&1) || true
  fi
}

case "${1:-}" in
  start)
    mkdir -p "$SCALE_DIR"
    install_packages
    stop
    echo "==> Starting PostgreSQL :$PG_PORT, Redis :$REDIS_PORT, RabbitMQ :$RABBITMQ_PORT on 127.0.0.1"
    start_postgres
    start_redis
    start_rabbitmq
    umask 077
    cat >"$SCALE_DIR/env" <<ENV
TRACKER_STORE_URL=$PG_URL_BASE/rasa
DATABASE_URL=$PG_URL_BASE/assistant
REDIS_HOST=127.0.0.1
REDIS_PORT=$REDIS_PORT
REDIS_PASSWORD=$REDIS_PASSWORD
REDIS_DB=1
RABBITMQ_HOST=127.0.0.1
RABBITMQ_PORT=$RABBITMQ_PORT
RABBITMQ_USERNAME=rasa
RABBITMQ_PASSWORD=$RABBITMQ_PASSWORD
RABBITMQ_QUEUE=rasa_events
SESSION_SECRET=$(secret)$(secret)
ENV
    echo "Settings: $SCALE_DIR/env"
    ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
