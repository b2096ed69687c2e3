// Where the page's time goes: a CPU profile of `format` (or `convert` to a format, or the
// page's update) on target/bench/x-1000.txt in headless Chromium, by function, with Rust's
// names when the .wasm keeps its name section. Prints the self time of the top functions
// and, with CALLERS, who calls the ones named.
//
// A build with names (binaryen's -g keeps them through the Makefile's passes):
//   d=/tmp/prof; rm -rf $d && mkdir -p $d && cp -r www $d/www
//   CARGO_TARGET_DIR=target/prof CARGO_PROFILE_RELEASE_OPT_LEVEL=z RUSTFLAGS=-Clink-arg=--emit-relocs \
//     wasm-pack build --release --target web --out-dir $d/pkg --out-name unspool
//   python3 tools/wasm-trap-panics.py $d/pkg/unspool_bg.wasm $d/pkg/unspool_bg.wasm \
//     --relocs target/prof/wasm32-unknown-unknown/release/unspool.wasm
//   node_modules/.bin/wasm-opt -g <the Makefile's WASM_OPT_FLAGS> $d/pkg/unspool_bg.wasm -o $d/www/pkg/unspool_bg.wasm
//   cp $d/pkg/unspool.js $d/www/pkg/ && node tools/inline-wasm.mjs $d/www/pkg/unspool_bg.wasm $d/www/pkg/unspool_bytes.js
// Then:
//   UNSPOOL_WWW=/tmp/prof/www [WHAT=format|update|html|markdown|text|json] [TOP=45] \
//     [CALLERS=name,name] node tools/prof-browser.mjs
import { readFile } from 'node:fs/promises';
import { serve, launch, open, ROOT } from '../tests/e2e/harness.mjs';
const www = process.env.UNSPOOL_WWW;
const what = process.env.WHAT ?? 'format';
const paste = await readFile(`${ROOT}/target/bench/x-1000.txt`, 'utf8');
const server = await serve(www);
const browser = await launch();
const { page } = await open(browser, server.url);
await page.evaluate(async ({ paste, what }) => {
  const m = await import('./pkg/unspool.js');
  const { run } = await import('./pipeline.js');
  const { DEFAULTS, toCore } = await import('./options.js');
  const options = toCore(DEFAULTS);
  const job = { input: paste, options, preview: { ...options, theme: 'light' } };
  window.__f = what === 'format' ? () => m.format(paste, {}) : what === 'update' ? () => { const r = run(m, job); void r.previewHtml; r.release?.(); } : () => m.convert(paste, what, {});
  for (let i = 0; i < 40; i++) window.__f();
}, { paste, what });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
const ms = await page.evaluate(() => { const t = performance.now(); for (let i = 0; i < 60; i++) window.__f(); return (performance.now() - t) / 60; });
const { profile } = await cdp.send('Profiler.stop');
const self = new Map(); const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; let total = 0;
profile.samples.forEach((id, i) => { const n = byId.get(id); const k = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()})`; self.set(k, (self.get(k) ?? 0) + dt[i]); total += dt[i]; });
console.log(`per call ${ms.toFixed(2)} ms`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 45))) console.log((100 * v / total).toFixed(1).padStart(5), k.slice(0, 110));
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
for (const want of (process.env.CALLERS ?? '').split(',').filter(Boolean)) {
  const by = new Map();
  profile.samples.forEach((id, i) => { const n = byId.get(id); if (!n.callFrame.functionName.includes(want)) return; const p = byId.get(parent.get(id)); const k = p ? p.callFrame.functionName : '?'; by.set(k, (by.get(k) ?? 0) + dt[i]); });
  console.log('callers of', want); for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log('   ', (100 * v / total).toFixed(2), k.slice(0, 100));
}
await browser.close(); await server.close();
