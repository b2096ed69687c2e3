// In-browser timing of the real page in headless Chromium (run by `make bench`, after
// `cargo bench --bench pipeline` has written target/bench/x-20.txt and x-1000.txt).
//
// For the 20-post and the 1,000-post synthetic X copies:
//   - `format(paste)` (the core through the WASM boundary, the model back as a JS object),
//     `convert(paste, 'html')`, and the page's update: one pass of www/pipeline.js's `run`
//     as the page makes it on each keystroke (the pipeline, the model's view parsed for the
//     summary and the review panel, the preview's HTML; the other renderings are made later,
//     after the preview is shown): median of 20 runs after warm-up, with
//     performance.now(). Warm-up is at least 5 runs and 1.5 s of them: V8 runs a new
//     module's functions as baseline (Liftoff) code until each has run enough to be
//     recompiled optimised (TurboFan) in the background, and on two busy cores that takes
//     dozens of small calls (x-20: ~12 ms a call before, ~1.2 ms after, measured with
//     --js-flags=--no-liftoff). The first call, before any warm-up, is printed too;
//   - keystroke-to-preview: a real key press in the textarea (page.keyboard) until the
//     preview's DOM has changed and the next frame is painted, median of 10; this includes
//     the page's input debounce, reported separately.
// Budgets (reported, not asserted): 1,000 posts ≤ 16 ms, 20 posts ≤ 1 ms.
// Prints a table and writes target/bench/browser.json.
//
//   node tools/bench-browser.mjs             the page in www/
//   UNSPOOL_WWW=/path/to/www node tools/bench-browser.mjs   another build
//   UNSPOOL_BASE=/path/to/old/www node tools/bench-browser.mjs
//       before/after in one page: the old build's core and pipeline.js beside this one's,
//       each case run alternately (old, new, old, new, …), so a loaded machine slows both
//       alike; prints the medians side by side (no keystroke timing in this mode).
import { readFile, writeFile, cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, open, setPaste, ROOT, WWW as PAGE } from '../tests/e2e/harness.mjs';
import { timedKey } from './bench-page.mjs';

const BENCH = join(ROOT, 'target/bench');
const WWW = process.env.UNSPOOL_WWW ?? PAGE;
const RUNS = 20;
const WARMUP = 5;
const WARMUP_MS = 1500;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function timeCalls(page, paste) {
  return page.evaluate(async ({ paste, RUNS, WARMUP, WARMUP_MS }) => {
    const m = await import('./pkg/unspool.js');
    const { run } = await import('./pipeline.js');
    const { DEFAULTS, toCore } = await import('./options.js');
    const options = toCore(DEFAULTS);
    const job = { input: paste, options, preview: { ...options, theme: 'light' } };
    const runs = { format: [], convert: [], update: [] };
    const cases = {
      format: () => m.format(paste, {}),
      convert: () => m.convert(paste, 'html', {}),
      update: () => { const r = run(m, job); void r.previewHtml; r.release?.(); },
    };
    for (const [name, fn] of Object.entries(cases)) {
      const t0 = performance.now();
      fn();
      runs[`${name}First`] = performance.now() - t0;
      for (let i = 1; i < WARMUP || performance.now() - t0 < WARMUP_MS; i++) fn();
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        fn();
        runs[name].push(performance.now() - t0);
      }
    }
    return runs;
  }, { paste, RUNS, WARMUP, WARMUP_MS });
}

async function keystrokeLatency(page, paste, n = 10) {
  await setPaste(page, paste);
  await page.waitForTimeout(500);
  await page.focus('#paste');
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push(await timedKey(page, i));
  }
  return out;
}

async function debounceMs() {
  const app = await readFile(join(WWW, 'app.js'), 'utf8');
  const fixed = app.match(/debounce\(update,\s*(\d+)\)/);
  if (fixed) return fixed[1];
  // Adaptive: `Math.min(max, Math.max(min, …))` in the schedule's delay.
  const adaptive = app.match(/debounce\(update,[^\n]*Math\.min\((\d+),\s*Math\.max\((\d+)/);
  return adaptive ? `${adaptive[2]}–${adaptive[1]}` : null;
}


/** Before/after, interleaved in one page: `base` is the old build's www/ (with its pkg/). */
async function compare(base) {
  const dir = await mkdtemp(join(tmpdir(), 'unspool-ab-'));
  await cp(WWW, dir, { recursive: true });
  await cp(join(base, 'pkg'), join(dir, 'pkg-base'), { recursive: true });
  await cp(join(base, 'pipeline.js'), join(dir, 'pipeline-base.js'));
  const server = await serve(dir);
  const context = await launch();
  try {
    const { page } = await open(context, server.url);
    console.log(`before: ${base}; after: ${WWW}; medians of ${RUNS} alternating runs after ${WARMUP} warm-up runs`);
    for (const name of ['x-20', 'x-1000']) {
      const paste = await readFile(join(BENCH, `${name}.txt`), 'utf8');
      const medians = await page.evaluate(async ({ paste, RUNS, WARMUP }) => {
        const load = async (pkg, pipeline) => {
          const m = await import(`./${pkg}/unspool.js`);
          await m.default({ module_or_path: (await import(`./${pkg}/unspool_bytes.js`)).wasmBytes() });
          return { m, run: (await import(`./${pipeline}`)).run };
        };
        const sides = { before: await load('pkg-base', 'pipeline-base.js'), after: await load('pkg', 'pipeline.js') };
        const { DEFAULTS, toCore } = await import('./options.js');
        const options = toCore(DEFAULTS);
        const job = { input: paste, options, preview: { ...options, theme: 'light' } };
        const cases = {};
        for (const [side, { m, run }] of Object.entries(sides)) {
          cases[`format ${side}`] = () => m.format(paste, {});
          cases[`convert ${side}`] = () => m.convert(paste, 'html', {});
          cases[`update ${side}`] = () => { const r = run(m, job); void r.previewHtml; r.release?.(); };
        }
        const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
        for (let i = 0; i < WARMUP + RUNS; i++) {
          for (const [k, fn] of Object.entries(cases)) {
            const t0 = performance.now();
            fn();
            if (i >= WARMUP) times[k].push(performance.now() - t0);
          }
        }
        return times;
      }, { paste, RUNS, WARMUP });
      const row = ['format', 'convert', 'update'].map((c) =>
        `${c} ${median(medians[`${c} before`]).toFixed(2)} → ${median(medians[`${c} after`]).toFixed(2)} ms`);
      console.log(`${name.padEnd(8)} ${row.join('   ')}`);
    }
  } finally {
    await context.close();
    await server.close();
  }
}

if (process.env.UNSPOOL_BASE) {
  await compare(process.env.UNSPOOL_BASE);
  process.exit(0);
}

const server = await serve(WWW);
const context = await launch();
const result = { date: new Date().toISOString(), chromium: context.browser()?.version() ?? null, inputs: [] };
try {
  const { page } = await open(context, server.url);
  result.chromium = await page.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0]);
  const debounce = await debounceMs();
  console.log(`browser: ${result.chromium}; page debounce ${debounce ?? '?'} ms (included in keystroke latency)`);
  console.log(`${'input'.padEnd(8)} ${'bytes'.padStart(8)}  ${'1st format'.padStart(10)} ${'format'.padStart(9)} ${'convert'.padStart(9)} ${'update'.padStart(9)} ${'keystroke'.padStart(10)}  budget`);
  for (const [name, budget] of [['x-20', 1], ['x-1000', 16]]) {
    const paste = await readFile(join(BENCH, `${name}.txt`), 'utf8');
    const runs = await timeCalls(page, paste);
    const keys = await keystrokeLatency(page, paste);
    const row = {
      input: name, bytes: Buffer.byteLength(paste), budgetMs: budget,
      formatFirstMs: runs.formatFirst, formatMs: median(runs.format), convertMs: median(runs.convert), updateMs: median(runs.update),
      keystrokeMs: median(keys), debounceMs: debounce, runs,
    };
    result.inputs.push(row);
    const ms = (x) => `${x.toFixed(2)} ms`.padStart(9);
    console.log(`${name.padEnd(8)} ${String(row.bytes).padStart(8)}  ${ms(row.formatFirstMs).padStart(10)} ${ms(row.formatMs)} ${ms(row.convertMs)} ${ms(row.updateMs)} ${ms(row.keystrokeMs).padStart(10)}  format ≤ ${budget} ms: ${row.formatMs <= budget ? 'ok' : 'OVER BUDGET'}`);
  }
  console.log(`1st format: the first call with that input (x-20's on a fresh module: baseline code); the others: medians of ${RUNS} runs after ${WARMUP} warm-up runs and ${WARMUP_MS} ms; keystroke: median of 10 key presses to the next painted frame`);
} finally {
  await context.close();
  await server.close();
}
await writeFile(join(BENCH, 'browser.json'), JSON.stringify(result, null, 1));
