// Smoke test of the WebAssembly build under Node: loads tonggao.wasm with
// Go's wasm_exec.js, asks check, here and ask, and exits non-zero on any
// wrong answer. With --decide, the module is ./wasm/decide's, which
// decides only: its ask must reply so. With --bundle ZIP (a bundle made by
// tonggao bundle build, with a register and place layers), it also loads
// that bundle — read from its snapshot alone, since the module has no
// YAML parser — and decides with it.
// Usage: node smoke.js WASM_EXEC_JS TONGGAO_WASM [--decide] [--bundle ZIP]
"use strict";
const fs = require("fs");
const args = process.argv.slice(2);
let [wasmExec, wasmFile] = args;
let decideOnly = false, bundleFile;
for (let i = 2; i < args.length; i++) {
  if (args[i] === "--decide") decideOnly = true;
  else if (args[i] === "--bundle" && i + 1 < args.length) bundleFile = args[++i];
  else wasmExec = undefined;
}
if (!wasmExec || !wasmFile) {
  console.error("usage: node smoke.js WASM_EXEC_JS TONGGAO_WASM [--decide] [--bundle ZIP]");
  process.exit(2);
}
require(wasmExec); // defines globalThis.Go

let failures = 0;
function expect(what, cond, detail) {
  if (cond) {
    console.log("ok   " + what);
  } else {
    failures++;
    console.log("FAIL " + what + ": " + detail);
  }
}

(async () => {
  const t0 = performance.now();
  const go = new Go();
  const bytes = fs.readFileSync(wasmFile);
  const { instance } = await WebAssembly.instantiate(bytes, go.importObject);
  const t1 = performance.now();
  const done = go.run(instance);
  if (!globalThis.tonggao) throw new Error("the module did not set globalThis.tonggao: " + globalThis.tonggaoError);
  const t2 = performance.now();
  const check = JSON.parse(tonggao.check(JSON.stringify({
    activity: "烧田埂", date: "2024-10-03", facts: { distance_to_forest_m: 50, fire_zone: "general" },
  })));
  const t3 = performance.now();
  expect("check: 烧田埂 50 m from forest on 2024-10-03 is forbidden", check.ok && check.result.verdict === "forbidden", JSON.stringify(check).slice(0, 300));
  expect("check: cites 祁政通〔2024〕7号 第三条", check.ok && check.result.reasons.some(r => r.notice === "祁政通〔2024〕7号" && r.article === "三"), JSON.stringify(check.result && check.result.reasons).slice(0, 300));
  expect("check: receipt and bundle version", check.ok && check.result.receipt.rule_set.startsWith("sha256:") && check.bundle.startsWith("embedded-"), JSON.stringify(check.result && check.result.receipt));

  const t4 = performance.now();
  const second = JSON.parse(tonggao.check(JSON.stringify({ activity: "野炊", date: "2024-11-11" })));
  const t5 = performance.now();
  expect("check: a missing fact makes it conditional, never allowed", second.ok && second.result.verdict === "conditional" && second.result.unknown_facts.includes("distance_to_forest_m"), JSON.stringify(second).slice(0, 300));

  const nr = JSON.parse(tonggao.check(JSON.stringify({ activity: "烧田埂", date: "2024-10-03", facts: { distance_to_forest_m: 500 } })));
  expect("check: no_rule is not allowed", nr.ok && nr.result.verdict === "no_rule", JSON.stringify(nr).slice(0, 200));

  const here = JSON.parse(tonggao.here(JSON.stringify({ date: "2025-07-10", facts: { in_forest_land: true, fire_zone: "key" } })));
  const fire = here.ok && here.result.notices.find(n => n.notice === "祁政通〔2024〕7号");
  expect("here: key-zone forest in July is under the fire ban", fire && fire.restricted.some(r => r.activity.name === "野外用火" && r.verdict === "forbidden"), JSON.stringify(here).slice(0, 300));
  expect("here: patrol duties and the fire hotline", fire && fire.duties.length > 0 && fire.contacts.some(c => c.phones.includes("119")), JSON.stringify(fire).slice(0, 300));

  const ask = JSON.parse(tonggao.ask(JSON.stringify({ question: "国庆节在林地边50米烧田埂可以吗？", today: "2024-09-20" })));
  if (decideOnly) {
    expect("ask: the decide module says it decides only", !ask.ok && ask.error.includes("decides only"), JSON.stringify(ask).slice(0, 300));
  } else {
    expect("ask: a Chinese question gets the forbidden answer", ask.ok && ask.result.verdict === "forbidden" && ask.result.answer.length > 0, JSON.stringify(ask).slice(0, 300));
  }

  const bad = JSON.parse(tonggao.check("{not json"));
  expect("bad input is an error reply, not a crash", bad.ok === false && bad.error.length > 0, JSON.stringify(bad));
  const badAct = JSON.parse(tonggao.check(JSON.stringify({ activity: "烧田梗", date: "2024-10-03" })));
  expect("unknown activity suggests the right one", !badAct.ok && badAct.error.includes("烧田埂"), JSON.stringify(badAct));
  const badBundle = JSON.parse(tonggao.loadBundle("bm90IGEgemlw", ""));
  expect("a bad bundle is refused", !badBundle.ok, JSON.stringify(badBundle));
  const after = JSON.parse(tonggao.check(JSON.stringify({ activity: "烧田埂", date: "2024-10-03", facts: { distance_to_forest_m: 50 } })));
  expect("…and the old one keeps answering", after.ok && after.result.verdict === "forbidden", JSON.stringify(after).slice(0, 200));

  if (bundleFile) {
    const zip = fs.readFileSync(bundleFile);
    const loaded = JSON.parse(tonggao.loadBundle(zip.toString("base64"), require("crypto").createHash("sha256").update(zip).digest("hex")));
    expect("a built bundle loads from its snapshot (rules, register, layer manifests)", loaded.ok && loaded.result.version === "smoke", JSON.stringify(loaded).slice(0, 300));
    const v = JSON.parse(tonggao.version());
    expect("…with its layers", v.ok && v.result.bundle === "smoke" && v.result.layers === true, JSON.stringify(v));
    const atPoint = JSON.parse(tonggao.check(JSON.stringify({ activity: "野炊", date: "2025-07-10", point: { lat: 26.3534128, lon: 111.7616375, crs: "wgs84" } })));
    expect("…decides at a point from its layers", atPoint.ok && atPoint.result.verdict === "forbidden" && atPoint.bundle === "smoke", JSON.stringify(atPoint).slice(0, 300));
    const reg = JSON.parse(tonggao.check(JSON.stringify({ activity: "烧田埂", date: "2024-10-03", facts: { distance_to_forest_m: 50 } })));
    expect("…and cites its notices as the embedded module does", reg.ok && reg.result.verdict === "forbidden" && JSON.stringify(reg.result.reasons) === JSON.stringify(check.result.reasons), JSON.stringify(reg).slice(0, 300));
  }

  const size = fs.statSync(wasmFile).size;
  console.log(`wasm size: ${(size / 1048576).toFixed(1)} MiB (${size} bytes)`);
  console.log(`instantiate: ${(t1 - t0).toFixed(0)} ms; start-up (embedded rules, calendar, engine): ${(t2 - t1).toFixed(0)} ms`);
  console.log(`first decision: ${(t3 - t2).toFixed(1)} ms; second: ${(t5 - t4).toFixed(1)} ms; load to first answer: ${(t3 - t0).toFixed(0)} ms`);
  if (failures > 0) {
    console.log(`${failures} smoke check(s) failed`);
    process.exit(1);
  }
  console.log("wasm smoke test OK");
  process.exit(0);
})().catch(e => { console.error("FAIL", e); process.exit(1); });
