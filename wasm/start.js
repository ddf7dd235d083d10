// Start-up of the WebAssembly build under Node, as docs/speed.md reports it:
// process CPU (user + system, all of Node's threads) and wall time from
// reading the module to the first answer of check, and the part of it
// before globalThis.tonggao exists (compiling, instantiating, the Go
// runtime and package initialisation, the embedded rule base).
// Usage: node start.js WASM_EXEC_JS TONGGAO_WASM
"use strict";
const fs = require("fs");
const [wasmExec, wasmFile] = process.argv.slice(2);
if (!wasmExec || !wasmFile) {
  console.error("usage: node start.js WASM_EXEC_JS TONGGAO_WASM");
  process.exit(2);
}
require(wasmExec); // defines globalThis.Go

(async () => {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  const go = new Go();
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmFile), go.importObject);
  const ci = process.cpuUsage(c0);
  go.run(instance);
  if (!globalThis.tonggao) throw new Error("the module did not set globalThis.tonggao: " + globalThis.tonggaoError);
  const cs = process.cpuUsage(c0);
  const ws = performance.now();
  const r = JSON.parse(tonggao.check(JSON.stringify({ activity: "烧田埂", date: "2024-10-03", facts: { distance_to_forest_m: 50 } })));
  const c = process.cpuUsage(c0);
  const w1 = performance.now();
  if (!r.ok || r.result.verdict !== "forbidden") throw new Error("wrong answer: " + JSON.stringify(r).slice(0, 200));
  const ms = u => ((u.user + u.system) / 1000).toFixed(0);
  console.log(`cpu_ms ${ms(c)} instantiate_cpu_ms ${ms(ci)} start_cpu_ms ${ms(cs)} wall_ms ${(w1 - w0).toFixed(0)} start_wall_ms ${(ws - w0).toFixed(0)}`);
  process.exit(0);
})().catch(e => { console.error("FAIL", e); process.exit(1); });
