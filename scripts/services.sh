#!/usr/bin/env bash
# Local MongoDB-compatible and Redis servers for development, tests and benchmarks,
# without Docker. Usage: scripts/services.sh up|down|status|env
#   up      make sure both are running (harmless when they already are); prints their URLs
#   down    stop the servers this script started
#   status  say what is running
#   env     print MONGODB_URI= and REDIS_URL= lines (after `up`)
# Respects MONGODB_URI and REDIS_URL when set: then it only checks them.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# MB_DATA_DIR keeps a second set of services (another port pair) apart from the default one.
DATA=${MB_DATA_DIR:-"$ROOT/data"}
REDIS_PORT=${MB_REDIS_PORT:-6379}
MONGO_PORT=${MB_MONGO_PORT:-27017}
FERRET_SRC="$ROOT/scripts/ferretdb"
FERRET_BIN_DIR="$FERRET_SRC/bin"

log() { printf '%s\n' "$*" >&2; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() {
  local port=$1 name=$2
  for _ in $(seq 1 100); do
    port_open "$port" && return 0
    sleep 0.1
  done
  log "error: $name did not start listening on 127.0.0.1:$port; see $DATA/$name.log"
  exit 1
}

# --- Redis --------------------------------------------------------------------------------
ensure_redis_binary() {
  command -v redis-server >/dev/null && return 0
  if [ "$(id -u)" -ne 0 ]; then
    log "error: redis-server is not installed; run as root or install Debian's redis-server"
    exit 1
  fi
  log "installing Debian's redis-server..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) >&2
}

redis_up() {
  if [ -n "${REDIS_URL:-}" ]; then log "Redis: using REDIS_URL"; return 0; fi
  REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
  if port_open "$REDIS_PORT"; then return 0; fi
  ensure_redis_binary
  mkdir -p "$DATA/redis"
  # noeviction: BullMQ must never lose keys; appendonly so jobs survive a restart.
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$DATA/redis" \
    --appendonly yes --maxmemory-policy noeviction --daemonize yes \
    --pidfile "$DATA/redis/redis.pid" --logfile "$DATA/redis.log"
  wait_port "$REDIS_PORT" redis
}

# --- MongoDB-compatible server ------------------------------------------------------------
# FerretDB 1.x with SQLite, embedded in a tiny Go program. The binary is cached under a name
# derived from its sources (build.sh applies one fix to FerretDB, see there) so an unchanged
# second start is instant.
ferret_binary() {
  local hash
  hash=$(cat "$FERRET_SRC/go.mod" "$FERRET_SRC/go.sum" "$FERRET_SRC/main.go" "$FERRET_SRC/build.sh" | sha256sum | cut -c1-12)
  local bin="$FERRET_BIN_DIR/ferretdb-local-$hash"
  if [ ! -x "$bin" ]; then
    command -v go >/dev/null || { log "error: Go is needed to build FerretDB (or set MONGODB_URI)"; exit 1; }
    log "building FerretDB (first time only, about two minutes)..."
    mkdir -p "$FERRET_BIN_DIR"
    bash "$FERRET_SRC/build.sh" "$bin.tmp" >&2 && mv "$bin.tmp" "$bin"
  fi
  printf '%s\n' "$bin"
}

mongo_up() {
  if [ -n "${MONGODB_URI:-}" ]; then log "MongoDB: using MONGODB_URI"; return 0; fi
  MONGODB_URI="mongodb://127.0.0.1:$MONGO_PORT/matchbridge"
  if port_open "$MONGO_PORT"; then return 0; fi
  mkdir -p "$DATA"
  if command -v mongod >/dev/null; then
    mkdir -p "$DATA/mongod"
    mongod --bind_ip 127.0.0.1 --port "$MONGO_PORT" --dbpath "$DATA/mongod" --fork \
      --logpath "$DATA/mongod.log" --pidfilepath "$DATA/mongod.pid" >&2
  else
    local bin
    bin=$(ferret_binary)
    mkdir -p "$DATA/ferretdb"
    # setsid: its own session, so a Ctrl-C meant for `npm start` (same terminal) never reaches it.
    setsid "$bin" -listen "127.0.0.1:$MONGO_PORT" -data "$DATA/ferretdb" >"$DATA/ferretdb.log" 2>&1 </dev/null &
    echo $! >"$DATA/ferretdb.pid"
  fi
  wait_port "$MONGO_PORT" ferretdb
}

stop_pidfile() {
  local file=$1
  [ -f "$file" ] || return 0
  local pid
  pid=$(cat "$file")
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$file"
}

case "${1:-up}" in
  up)
    redis_up
    mongo_up
    log "Redis:   $REDIS_URL"
    log "MongoDB: $MONGODB_URI"
    ;;
  env)
    printf 'MONGODB_URI=%s\nREDIS_URL=%s\n' "${MONGODB_URI:-mongodb://127.0.0.1:$MONGO_PORT/matchbridge}" \
      "${REDIS_URL:-redis://127.0.0.1:$REDIS_PORT}"
    ;;
  ferretdb-binary)
    ferret_binary
    ;;
  down)
    stop_pidfile "$DATA/redis/redis.pid"
    stop_pidfile "$DATA/ferretdb.pid"
    stop_pidfile "$DATA/mongod.pid"
    log "stopped local services"
    ;;
  status)
    port_open "$REDIS_PORT" && log "Redis:   up on 127.0.0.1:$REDIS_PORT" || log "Redis:   down"
    port_open "$MONGO_PORT" && log "MongoDB: up on 127.0.0.1:$MONGO_PORT" || log "MongoDB: down"
    ;;
  *)
    log "usage: scripts/services.sh up|down|status|env|ferretdb-binary"
    exit 2
    ;;
esac
