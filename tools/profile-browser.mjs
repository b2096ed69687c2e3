// Where format() spends its time in headless Chromium: a CPU profile through the DevTools
// protocol (Profiler.start/stop), as self and inclusive shares by function.
//
// Function names need a .wasm that keeps its name section; build one beside the page:
//
//   make wasm    # the release build (target/wasm32-unknown-unknown/release/unspool.wasm)
//   rm -rf /tmp/named && cp -r www /tmp/named
//   wasm-bindgen --target web --keep-debug --out-dir /tmp/named/pkg --out-name unspool \
//     target/wasm32-unknown-unknown/release/unspool.wasm
//   node_modules/.bin/wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int \
//     --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
//     /tmp/named/pkg/unspool_bg.wasm -o /tmp/named/pkg/unspool_bg.wasm
//   node tools/inline-wasm.mjs /tmp/named/pkg/unspool_bg.wasm /tmp/named/pkg/unspool_bytes.js
//   UNSPOOL_WWW=/tmp/named node tools/profile-browser.mjs x-1000 format
//
// Inputs are target/bench/<name>.txt (written by `cargo bench --bench pipeline`); calls:
// `format` (the model back as a JS object), `Formatted` (the pipeline only), `html`
// (`convert(…, 'html')`). The call runs for 2 s (30 times at least) after 1.5 s of warm-up (V8
// tiers the module up from baseline code first); sampling slows it, so read shares, not ms.
import { benchPage } from './bench-page.mjs';

const [input = 'x-1000', call = 'format', top = '40'] = process.argv.slice(2);
const { page, context, paste, close } = await benchPage(input);
try {
  await page.evaluate(async ({ paste, call }) => {
    const m = await import('./pkg/unspool.js');
    const calls = {
      format: () => m.format(paste, {}),
      Formatted: () => new m.Formatted(paste, {}).free(),
      html: () => m.convert(paste, 'html', {}),
    };
    window.profiled = calls[call];
    const t0 = performance.now();
    for (let i = 0; i < 5 || performance.now() - t0 < 1500; i++) window.profiled();
  }, { paste, call });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const ms = await page.evaluate(() => {
    const ts = [];
    const start = performance.now();
    while (ts.length < 30 || performance.now() - start < 2000) {
      const t0 = performance.now();
      window.profiled();
      ts.push(performance.now() - t0);
    }
    return ts.sort((a, b) => a - b)[ts.length >> 1];
  });
  const { profile } = await cdp.send('Profiler.stop');
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => (n.callFrame.functionName || `(anonymous in ${n.callFrame.url.split('/').pop() || '?'})`)
    .replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    self.set(name(nodes.get(id)), (self.get(name(nodes.get(id))) ?? 0) + dt);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const f = name(nodes.get(at));
      if (!seen.has(f)) {
        seen.add(f);
        inclusive.set(f, (inclusive.get(f) ?? 0) + dt);
      }
    }
  });
  console.log(`${call}(${input}): median ${ms.toFixed(2)} ms with the profiler on; ${(total / 1000).toFixed(0)} ms sampled`);
  for (const [title, table] of [['self', self], ['inclusive', inclusive]]) {
    console.log(`--- ${title}`);
    for (const [f, t] of [...table].sort((a, b) => b[1] - a[1]).slice(0, +top)) {
      console.log(`${(100 * t / total).toFixed(1).padStart(5)}%  ${f.slice(0, 110)}`);
    }
  }
} finally {
  await close();
}
