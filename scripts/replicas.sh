#!/usr/bin/env bash
# Replicas behind a real load balancer (issue 16), bounded to about 2 minutes:
# a bundle server, three `tonggao serve` replicas on loopback pulling signed
# bundles, HAProxy (Debian) in front, PostgreSQL (Debian) for the decision
# records. Load goes through the balancer while a new signed bundle is
# published and one replica is stopped and restarted. It fails unless:
#   - no request failed at the balancer;
#   - every answer names exactly one rule-set digest, the old or the new;
#   - every replica serves the new digest within 2 poll periods of publishing;
#   - every answered decision/question is in PostgreSQL exactly once.
# Then records off vs on, same replicas and balancer, steady load: the
# figures of docs/operations.md "Running in production".
#   scripts/replicas.sh                 # DURATION=20s per phase
#   PORT_BASE=18700 PG_PORT=55473 scripts/replicas.sh   # other ports (default 18300…18390 and 55433)
#   PG_NICE=10 scripts/replicas.sh      # PostgreSQL at a lower priority than the replicas (as on cores of its own)
# Each steady phase prints PostgreSQL's CPU (all its processes, from /proc).
set -euo pipefail
cd "$(dirname "$0")/.."
dur=${DURATION:-20s}
poll=${POLL:-2}
conc=${CONCURRENCY:-8}
pb=${PORT_BASE:-18300}
work=$(mktemp -d); chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  bash scripts/postgres.sh stop "$work/pg" || true
  [ -n "${KEEP:-}" ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT
say() { echo "# $(date -u +%H:%M:%S) $*"; }
fail() { echo "FAIL: $*"; exit 1; }

go build -o "$work/" ./cmd/tonggao ./cmd/tonggao-server
go build -o "$work/tonggao-load" ./cmd/tonggao-load
T=$work/tonggao
S=$work/tonggao-server # the service's binary (tonggao serve runs it)

# The bundle server: a static file server (Go's, with Last-Modified); the
# same little program reads a replica's rule set (X-Rule-Set of /healthz)
# and its /metrics, so that no curl is needed.
mkdir -p "$work/fs" "$work/www"
cat >"$work/fs/main.go" <<'GO'
package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"
)

func main() {
	switch os.Args[1] {
	case "serve":
		_ = http.ListenAndServe(os.Args[2], http.FileServer(http.Dir(os.Args[3])))
	case "ruleset", "get":
		c := http.Client{Timeout: 2 * time.Second}
		resp, err := c.Get(os.Args[2])
		if err != nil {
			os.Exit(1)
		}
		defer resp.Body.Close()
		if os.Args[1] == "ruleset" {
			fmt.Println(strings.Join(resp.Header.Values("X-Rule-Set"), ","))
			return
		}
		_, _ = io.Copy(os.Stdout, resp.Body)
	}
}
GO
(cd "$work/fs" && go mod init fs >/dev/null 2>&1 && go build -o "$work/helper" .)

# Two signed bundles: the rules as they are, and the same with one notice's
# file changed by a comment (a new digest, the same answers).
"$T" bundle keygen --private "$work/sign.pem" --public "$work/key.pub" >/dev/null
mkdir -p "$work/r1" "$work/r2"
cp -r rules/facts.yaml rules/notices rules/vocabulary rules/divisions.csv rules/layers.yaml "$work/r1/" 2>/dev/null || cp -r rules/. "$work/r1/"
cp -r "$work/r1/." "$work/r2/"
f=$(ls "$work/r2/notices/"*.yaml | grep -v "\.cases\.yaml$" | head -1); echo "# republished $(date -u +%FT%TZ)" >>"$f"
for v in 1 2; do
  "$T" bundle build --version "r$v" --embedded=false --rules "$work/r$v" --register register/register.yaml -o "$work/b$v.zip" >/dev/null
  "$T" bundle sign --key "$work/sign.pem" "$work/b$v.zip" >/dev/null
done
cp "$work/b1.zip" "$work/www/bundle.zip"
"$work/helper" serve 127.0.0.1:$pb "$work/www" & pids+=($!)

say "PostgreSQL"
dsn=$(timeout 120 bash scripts/postgres.sh start "$work/pg" "${PG_PORT:-55433}")
pgpid=$(head -1 "$work/pg/data/postmaster.pid")
# Backends are forked later from the postmaster and inherit its niceness.
[ -n "${PG_NICE:-}" ] && renice -n "$PG_NICE" -p "$pgpid" $(ps --ppid "$pgpid" -o pid=) >/dev/null
# PostgreSQL's CPU so far, in 1/100 s: the postmaster with its ended
# children, and its live ones.
pgcpu() {
  local t c
  t=$(awk '{print $14+$15+$16+$17}' "/proc/$pgpid/stat")
  for c in $(ps --ppid "$pgpid" -o pid=); do t=$((t + $(awk '{print $14+$15}' "/proc/$c/stat" 2>/dev/null || echo 0))); done
  echo "$t"
}

# A replica: serve on port $1, records to $2 (empty: none); its pid in rp.
declare -A rp
start_replica() {
  local port=$1 rec=$2
  "$S" serve --addr "127.0.0.1:$port" --bundle-url http://127.0.0.1:$pb/bundle.zip --bundle-key "$work/key.pub" \
    --bundle-poll ${poll}s ${rec:+--records "$rec"} --drain-delay 1s --grace 5s >>"$work/serve-$port.out" 2>>"$work/serve-$port.log" &
  rp[$port]=$!; pids+=($!)
}
stop_replica() {
  kill -TERM "${rp[$1]}" 2>/dev/null || true
  wait "${rp[$1]}" 2>/dev/null || true
}
wait_ready() {
  for _ in $(seq 1 100); do
    "$S" serve --healthcheck --addr "127.0.0.1:$1" >/dev/null 2>&1 && return 0; sleep 0.1
  done
  cat "$work/serve-$1.log"; fail "replica $1 did not start"
}
digest_of() { "$work/helper" ruleset "http://127.0.0.1:$1/healthz" || true; }
ports=($((pb+11)) $((pb+12)) $((pb+13)))
start_all() {
  for p in "${ports[@]}"; do start_replica "$p" "$1"; done
  for p in "${ports[@]}"; do wait_ready "$p"; done
}
stop_all() { for p in "${ports[@]}"; do stop_replica "$p"; done; }

cat >"$work/haproxy.cfg" <<CFG
global
  maxconn 4096
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  retries 3
  option redispatch
  option http-buffer-request
  retry-on conn-failure empty-response response-timeout 503
frontend fe
  bind 127.0.0.1:$((pb+90))
  unique-id-format lb-%Ts-%rt-%pid
  http-request set-header X-Request-Id %[unique-id]
  default_backend replicas
backend replicas
  balance roundrobin
  option httpchk GET /readyz
  default-server inter 200ms fall 1 rise 2
  server r1 127.0.0.1:${ports[0]} check
  server r2 127.0.0.1:${ports[1]} check
  server r3 127.0.0.1:${ports[2]} check
CFG
haproxy -c -f "$work/haproxy.cfg" >/dev/null || fail "haproxy config"
haproxy -f "$work/haproxy.cfg" -db >"$work/haproxy.log" 2>&1 & pids+=($!)
lb=http://127.0.0.1:$((pb+90))

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(uname -srm), $(nproc) cores, $(haproxy -v | head -1 | cut -d' ' -f1-3), $(ls /usr/lib/postgresql), load average $(cut -d' ' -f1-3 /proc/loadavg)"

# --- Phase 1: records on, a new bundle published and a replica restarted.
say "phase 1: records on (PostgreSQL), publish a bundle at 5 s, restart a replica at 10 s"
start_all "$dsn"
sleep 1
d1=$(digest_of "${ports[0]}")
"$work/tonggao-load" --url "$lb" --wait 10s --duration "$dur" --concurrency "$conc" --answers "$work/answers1" >"$work/load1.out" 2>&1 &
load=$!
sleep 5
cp "$work/b2.zip" "$work/www/bundle.zip.tmp" && mv "$work/www/bundle.zip.tmp" "$work/www/bundle.zip"
published=$(date +%s%N)
for _ in $(seq 1 300); do
  n=0; for p in "${ports[@]}"; do [ "$(digest_of "$p")" != "$d1" ] && n=$((n+1)); done
  [ $n = 3 ] && break
  sleep 0.1
done
[ $n = 3 ] || fail "the replicas did not all switch to the new bundle within 30 s"
d2=$(digest_of "${ports[0]}")
# The switch time: from publishing to the last replica's activation, read
# from their logs (the polling above is itself slowed by a loaded machine).
last=$(grep -h '"msg":"bundle activated","bundle":"r2"' "$work"/serve-*.log | sed 's/.*"time":"\([^"]*\)".*/\1/' | sort | tail -1)
switched=$(( ($(date -d "$last" +%s%N) - published) / 1000000 ))
say "all replicas on the new digest ${switched} ms after publishing (poll period ${poll} s)"
sleep 2
say "stop replica ${ports[1]} (SIGTERM), restart it"
stop_replica "${ports[1]}"
start_replica "${ports[1]}" "$dsn"
wait_ready "${ports[1]}"
status=0; wait $load || status=$?
cat "$work/load1.out" | sed -n '1,4p'
stop_all
[ $status = 0 ] || { cat "$work/load1.out"; fail "failed requests at the balancer"; }
# Every answer named one digest, the old or the new.
bad=$(awk -v a="$d1" -v b="$d2" '$5 != a && $5 != b' "$work/answers1" | wc -l)
[ "$bad" = 0 ] || fail "$bad answers named another digest or none"
awk '{print $5}' "$work/answers1" | sort | uniq -c | sed 's/^/#   answers under /'
[ "$switched" -le $((2 * poll * 1000)) ] || fail "switch took ${switched} ms, more than 2 poll periods"
# Every answered decision and question is in PostgreSQL once.
awk '$1 == 200 && ($3 == "/v1/decisions" || $3 == "/v1/ask") {print $4}' "$work/answers1" | sort >"$work/ids.want"
# Records are kept in compressed batches: read them back as a person would.
"$S" records list --from 2000-01-01 --to 2100-01-01 --limit 100000000 --records "$dsn" | awk '{print $2}' | sort >"$work/ids.got"
want=$(wc -l <"$work/ids.want"); got=$(wc -l <"$work/ids.got")
dups=$(uniq -d "$work/ids.got" | wc -l)
missing=$(comm -23 "$work/ids.want" "$work/ids.got" | wc -l)
extra=$(comm -13 "$work/ids.want" "$work/ids.got" | wc -l)
say "answered decisions and questions $want; records $got; missing $missing; duplicated $dups; not answered $extra"
[ "$missing" = 0 ] && [ "$dups" = 0 ] || fail "records do not match the answers"

# --- Phases 2 and 3: steady load, records off then on.
for mode in off on; do
  rec=""; [ $mode = on ] && rec=$dsn
  start_all "$rec"
  c0=$(pgcpu)
  "$work/tonggao-load" --url "$lb" --wait 10s --duration "$dur" --concurrency "$conc" >"$work/load-$mode.out" 2>&1 || { cat "$work/load-$mode.out"; fail "records $mode: failed requests"; }
  c1=$(pgcpu)
  say "records $mode (PostgreSQL's CPU $(( (c1 - c0) * 10 )) ms in the phase${PG_NICE:+, niced $PG_NICE}):"; sed -n '1,3p' "$work/load-$mode.out"
  if [ $mode = on ]; then
    for p in "${ports[@]}"; do
      "$work/helper" get "http://127.0.0.1:$p/metrics" | grep -E '^tonggao_records_(written_total|dropped_total|write_seconds_(sum|count))' | sed "s/^/#   $p /"
    done
  fi
  stop_all
done
echo "REPLICAS OK"
