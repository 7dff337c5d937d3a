// Runs the built engine in Node as a page does: wasm_exec.js, then the global
// hwfplanEditor, called with JSON texts. Prints each call's result, one per line.
// usage: node smoke.js <dist folder> <files.json>
"use strict";
globalThis.require = require;
globalThis.fs = require("fs");
globalThis.path = require("path");
globalThis.crypto ??= require("crypto");
const dist = process.argv[2];
require(path.resolve(dist, "wasm_exec.js"));
const files = fs.readFileSync(process.argv[3], "utf8");
const go = new Go();
WebAssembly.instantiate(fs.readFileSync(path.join(dist, "hwfplan.wasm")), go.importObject).then((res) => {
  go.run(res.instance);
  const e = globalThis.hwfplanEditor;
  const t0 = performance.now();
  const out = [];
  out.push(e.load(files));
  const t1 = performance.now();
  out.push(e.apply("countries/HU/as-is.yaml", JSON.stringify([{ op: "set", path: ["tasks", "data", "items", "linkage", "score"], value: 7 }])));
  const t2 = performance.now();
  out.push(e.validate());
  const t3 = performance.now();
  out.push(e.diff());
  out.push(e.newID("countries/HU/action-plan.yaml", JSON.stringify(["actions"])));
  out.push(e.load(42));
  out.push(e.nothing === undefined ? "no such method" : "nothing exists");
  for (const o of out) { console.log(o); }
  console.error(`load ${(t1 - t0).toFixed(0)} ms, apply and validate ${(t3 - t1).toFixed(0)} ms (validate ${(t3 - t2).toFixed(0)} ms)`);
  process.exit(0);
}).catch((err) => { console.error(err); process.exit(1); });
