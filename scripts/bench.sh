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
go test -run '^$' -bench "$bench" -benchmem -count "$count" \
  ./calendar ./rules/... ./engine ./place
