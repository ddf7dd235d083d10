#!/usr/bin/env bash
# Load test on loopback: builds tonggao-server and tonggao-load, starts
# `tonggao-server serve --rules rules --embedded=false` on a free port, and runs the bounded load
# generator against it (default 60 s, 8 workers), sampling the server's
# memory every second. Prints the machine, the load average before and
# after, and markdown tables (the README's figures come from it).
# Exits non-zero if any request (or reload) failed.
#   scripts/loadtest.sh                       # 60 s
#   DURATION=3s scripts/loadtest.sh           # short
#   RELOAD_EVERY=2s scripts/loadtest.sh       # hot reload (SIGHUP path's twin, POST /admin/reload on the admin listener) during the run
#   CONCURRENCY=16 scripts/loadtest.sh
#   RECORDS=/tmp/r.db scripts/loadtest.sh     # decision records on (a SQLite path or a postgres:// URL); prints the records metrics
#   MIX=loadtest/decisions.txt scripts/loadtest.sh   # another request mix (default the built-in loadtest/mix.txt)
#   HOSTILE=1 DURATION=60s scripts/loadtest.sh        # instead: the hostile reload runs (go test ./internal/servecmd -run TestHostile):
#                                                     # a reload every second of a FIFO, merge-key bomb, 1 GiB file or symlink to
#                                                     # /dev/zero, and a pulled bundle every second (signed bomb, 1 GiB declared,
#                                                     # unsigned, truncated, good), each DURATION under load; then a real SIGTERM
# It prints the server's CPU time per request (from /proc) and requests per
# CPU-second, i.e. per core.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-60s}
conc=${CONCURRENCY:-8}
reload=${RELOAD_EVERY:-0}
port=${PORT:-0}
if [ "${HOSTILE:-}" = 1 ]; then
  exec env TONGGAO_HOSTILE_DURATION="$duration" go test ./internal/servecmd -run 'TestHostile' -count=1 -v -timeout 30m
fi
bin=$(mktemp -d)
go build -o "$bin/tonggao-server" ./cmd/tonggao-server
go build -o "$bin/tonggao-load" ./cmd/tonggao-load

# The admin listener (reloads) needs a token; a throwaway one per run.
head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$bin/admin-token"
"$bin/tonggao-server" serve --addr "127.0.0.1:$port" --rules rules --embedded=false --admin-addr 127.0.0.1:0 --admin-token-file "$bin/admin-token" \
  ${RECORDS:+--records "$RECORDS"} ${RECORDS_QUEUE:+--records-queue "$RECORDS_QUEUE"} >"$bin/serve.out" 2>"$bin/serve.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$bin"' EXIT
# PORT=0 (the default) lets the kernel pick a free port; serve prints it.
for _ in $(seq 1 100); do grep -q 'admin on' "$bin/serve.out" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$bin/serve.out" | head -1)
admin=$(grep 'admin on' "$bin/serve.out" | grep -o 'http://[0-9.:]*' | head -1)
[ -n "$url" ] || { echo "server did not start:"; cat "$bin/serve.log"; exit 1; }
# tonggao-load itself waits for /healthz (no curl needed on a CI machine).
"$bin/tonggao-load" --url "$url" --wait 10s --duration 10ms >/dev/null ||
  { echo "server did not answer:"; cat "$bin/serve.log"; exit 1; }

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(uname -srm), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(go version | cut -d' ' -f3)"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg); server $url (pid $server), $conc workers, $duration, reload every $reload"
echo
status=0
"$bin/tonggao-load" --url "$url" --duration "$duration" --concurrency "$conc" \
  --pid "$server" --reload-every "$reload" --admin-url "$admin" --admin-token-file "$bin/admin-token" \
  ${MIX:+--mix "$MIX"} || status=$?
echo
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${RECORDS:-}" ]; then
  # bash's /dev/tcp: no curl needed.
  hp=${url#http://}
  { exec 3<>"/dev/tcp/${hp%:*}/${hp##*:}" && printf 'GET /metrics HTTP/1.0\r\nHost: x\r\n\r\n' >&3 && cat <&3; exec 3<&-; } 2>/dev/null | grep -E '^tonggao_records_(written_total|dropped_total|write_seconds_(sum|count))' | sed 's/^/# /' || true
fi
# The server must still answer, and must have logged no panic.
echo "200 GET /healthz" >"$bin/health.mix"
"$bin/tonggao-load" --url "$url" --mix "$bin/health.mix" --duration 100ms >/dev/null ||
  { echo "FAIL: server stopped answering"; status=1; }
if grep -q '"msg":"panic"' "$bin/serve.log"; then echo "FAIL: the server logged a panic"; status=1; fi
exit $status
