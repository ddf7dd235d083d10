#!/usr/bin/env bash
# Runs the library's benchmarks in a form benchstat reads:
#   scripts/bench.sh > new.txt; benchstat old.txt new.txt
# COUNT (default 6) repeats each benchmark; BENCH narrows them (a -bench regexp).
# Run it on an otherwise idle machine: the figures in the README came from it.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${COUNT:-6}
bench=${BENCH:-.}
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(go version) $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
out=$(mktemp); trap 'rm -f "$out"' EXIT
go test -run '^$' -bench "$bench" -benchmem -count "$count" \
  ./calendar ./rules/... ./engine ./place | tee "$out"
# Guards: allocation counts, which do not depend on the machine's load.
# calendar.New + the first Prepare was 793 allocs, regressed to 3,810 when the
# embedded holidays were parsed on every New (issue 18), 185 with generated tables.
awk -v limit=300 '$1 ~ /^BenchmarkPrepareCold/ { n++; if ($(NF-1) > worst) worst = $(NF-1) }
  END { if (n) { status = (worst <= limit) ? "ok" : "FAIL"
          printf "# guard calendar New+first Prepare: %d allocs/op (limit %d) %s\n", worst, limit, status
          if (status == "FAIL") exit 1 } }' "$out"
