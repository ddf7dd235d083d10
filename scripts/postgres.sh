#!/usr/bin/env bash
# Starts a throwaway PostgreSQL (Debian's postgresql package) in a directory
# of its own, on loopback, for the records tests and the replicas script:
#   scripts/postgres.sh start DIR [PORT]   # prints the database URL
#   scripts/postgres.sh stop DIR
# As root it runs the server as the postgres user (initdb refuses root).
# Bounded: pg_ctl waits at most 30 s for the server to start or stop.
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?directory}; port=${3:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "postgres.sh: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
as() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case $cmd in
start)
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  as "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null ||
    { cat "$dir/server.log" >&2; exit 1; }
  as "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres tonggao
  echo "postgres://postgres@127.0.0.1:$port/tonggao?sslmode=disable"
  ;;
stop)
  as "$bin/pg_ctl" -D "$dir/data" -w -t 30 -m fast stop >/dev/null || true
  ;;
*) echo "postgres.sh: start or stop" >&2; exit 2 ;;
esac
