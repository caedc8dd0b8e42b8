#!/bin/sh
# Runs one test program against a throwaway PostGIS server, and always stops the server.
#
#   pg-run.sh PROGRAM [ARGS…]   start a server, run PROGRAM with LSMAP_TEST_PG set, stop it
#   pg-run.sh --stop | --start  (for PROGRAM) stop or start that same server again
#
# The server lives in a temporary folder and listens only on a Unix socket there, never on
# TCP. As root (CI) it runs as an unprivileged user, since postgres refuses to run as root.
# PROGRAM gets:
#   LSMAP_TEST_PG       "PG:…" connection string of the database "lsmap" (PostGIS enabled)
#   LSMAP_TEST_PG_HOST  the socket folder
#   LSMAP_TEST_PG_CTL   this script, for --stop and --start
# The role "lsm_reader" (password "right") must give its password: pg_hba.conf asks for it.
set -eu

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
SUPERUSER=lsm_admin

as_owner () {
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
  else
    "$@"
  fi
}

server () {
  as_owner "$PG_BIN/pg_ctl" -D "$LSMAP_TEST_PG_HOST/db" -l "$LSMAP_TEST_PG_HOST/server.log" \
    -s -w -t 60 -m "${2:-fast}" "$1"
}

case "${1:-}" in
  --stop) server stop immediate; exit 0 ;;
  --start) server start; exit 0 ;;
  '') echo "usage: $0 PROGRAM [ARGS…]" >&2; exit 2 ;;
esac

for tool in initdb pg_ctl postgres; do
  if [ ! -x "$PG_BIN/$tool" ]; then
    echo "$0: $PG_BIN/$tool is missing: install postgresql-15 and postgresql-15-postgis-3 (make deps)" >&2
    exit 1
  fi
done

host=$(mktemp -d "${TMPDIR:-/tmp}/lsmap-pg.XXXXXX")
export LSMAP_TEST_PG_HOST="$host"
child=

cleanup () {
  status=$?
  trap - EXIT INT TERM HUP
  [ -n "$child" ] && kill "$child" 2>/dev/null || true
  if [ -f "$host/db/postmaster.pid" ]; then
    server stop immediate >/dev/null 2>&1 || true
  fi
  rm -rf "$host"
  exit $status
}
trap cleanup EXIT
trap 'exit 143' INT TERM HUP

chmod 700 "$host"
[ "$(id -u)" = 0 ] && chown nobody:nogroup "$host"

as_owner "$PG_BIN/initdb" -D "$host/db" -U "$SUPERUSER" -A trust -E UTF8 --locale=C.UTF-8 \
  --no-sync >"$host/initdb.log" 2>&1 || { cat "$host/initdb.log" >&2; exit 1; }

cat >>"$host/db/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$host'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
# The password role first: the first matching line decides.
cat >"$host/db/pg_hba.conf" <<EOF
local all lsm_reader scram-sha-256
local all all trust
EOF

server start || { cat "$host/server.log" >&2; exit 1; }

psql () {
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$host" -U "$SUPERUSER" "$@"
}
psql -d postgres -c 'CREATE DATABASE lsmap'
psql -d lsmap -c 'CREATE EXTENSION postgis' \
  -c "CREATE ROLE lsm_reader LOGIN PASSWORD 'right'" \
  -c 'GRANT ALL ON SCHEMA public TO lsm_reader'

export LSMAP_TEST_PG="PG:host=$host dbname=lsmap user=$SUPERUSER"
export LSMAP_TEST_PG_CTL="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"

"$@" &
child=$!
wait "$child" || exit $?
child=
