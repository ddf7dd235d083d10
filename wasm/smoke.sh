#!/usr/bin/env bash
# Builds the WebAssembly module and runs its smoke test under Node.
# Usage: bash wasm/smoke.sh [OUT.wasm]   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d)/tonggao.wasm}
command -v node >/dev/null || { echo "wasm smoke: node is not installed" >&2; exit 1; }
goroot=$(go env GOROOT)
exec_js="$goroot/lib/wasm/wasm_exec.js"
[ -f "$exec_js" ] || exec_js="$goroot/misc/wasm/wasm_exec.js" # Go before 1.24
GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o "$out" ./wasm
timeout 60 node wasm/smoke.js "$exec_js" "$out"
