#!/usr/bin/env bash
# PostgreSQL and Redis on 127.0.0.1 for the PostgreSQL and distributed tests (CI runs this
# before `make test`; a developer may too). Installs the Debian packages when missing (needs
# root), starts both servers if they are not answering, and creates a `maturity` role that may
# create databases. Idempotent and quick when everything is already up.
#
# stdout: `export` lines only, for `eval "$(bash scripts/services.sh)"`; progress goes to stderr.
#   MATURITY_TEST_PG     a SQLAlchemy URL of the server's `postgres` database (tests make their own)
#   MATURITY_TEST_REDIS  a Redis URL
set -euo pipefail

PG_PORT=${MATURITY_PG_PORT:-5432}
REDIS_PORT=${MATURITY_REDIS_PORT:-6379}
ROLE=maturity
PASSWORD=maturity

log() { echo "services: $*" >&2; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

install_missing() {
  local need=()
  command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
  [ -n "$(pg_bin)" ] || need+=(postgresql)
  [ ${#need[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    log "missing ${need[*]}; run as root (apt-get) or install them yourself"
    exit 1
  fi
  log "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
}

start_postgres() {
  if pg_isready -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; then
    log "PostgreSQL already answering on 127.0.0.1:$PG_PORT"
  else
    local version
    version=$(basename "$(dirname "$(pg_bin)")")
    if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$version main"; then
      log "creating cluster $version/main"
      pg_createcluster "$version" main -p "$PG_PORT" >&2
    fi
    log "starting PostgreSQL $version on 127.0.0.1:$PG_PORT"
    pg_ctlcluster "$version" main start >&2 || true
    for _ in $(seq 1 60); do
      pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break
      sleep 0.5
    done
    pg_isready -h 127.0.0.1 -p "$PG_PORT" >&2
  fi
  if [ "$(id -u)" = 0 ]; then
    local sql="DO \$\$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$ROLE') THEN
        CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
      END IF; END \$\$;"
    runuser -u postgres -- psql -q -X -p "$PG_PORT" -d postgres -v ON_ERROR_STOP=1 -c "$sql" >&2
  fi
}

start_redis() {
  if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; then
    log "Redis already answering on 127.0.0.1:$REDIS_PORT"
    return 0
  fi
  log "starting Redis on 127.0.0.1:$REDIS_PORT"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --save "" --appendonly no \
    --dir /tmp --logfile /tmp/maturity-redis.log >&2
  for _ in $(seq 1 40); do
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && return 0
    sleep 0.25
  done
  log "Redis did not start; see /tmp/maturity-redis.log"
  exit 1
}

install_missing
start_postgres
start_redis
echo "export MATURITY_TEST_PG=postgresql+psycopg://$ROLE:$PASSWORD@127.0.0.1:$PG_PORT/postgres"
echo "export MATURITY_TEST_REDIS=redis://127.0.0.1:$REDIS_PORT/0"
