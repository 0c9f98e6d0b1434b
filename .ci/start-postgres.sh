#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on loopback (port 55432) for the integration tests and prints its URL.
# Needs Debian's postgresql package; run as root (the server itself runs as the postgres user).
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "PostgreSQL non è installato (manca initdb in /usr/lib/postgresql/*/bin)" >&2
  exit 1
fi
DIR=${PGTEST_DIR:-/tmp/cantiere-pg}
PORT=${PGTEST_PORT:-55432}
if [ -f "$DIR/data/postmaster.pid" ]; then
  su postgres -c "$PGBIN/pg_ctl -D $DIR/data -m fast stop" >/dev/null 2>&1 || true
fi
rm -rf "$DIR"
mkdir -p "$DIR"
chown postgres "$DIR"
su postgres -c "$PGBIN/initdb -D $DIR/data -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
su postgres -c "$PGBIN/pg_ctl -D $DIR/data -l $DIR/server.log -w -o '-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200' start" >/dev/null
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
