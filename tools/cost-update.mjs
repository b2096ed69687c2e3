// What one page update costs, piece by piece, on the main thread in headless Chromium: the
// pipeline (`new Formatted`), the view's JSON made and parsed, each rendering, the full JSON;
// median of 15 runs after warm-up. `node tools/cost-update.mjs [x-1000]`
import { benchPage } from './bench-page.mjs';

const [input = 'x-1000'] = process.argv.slice(2);
const { page, paste, close } = await benchPage(input);
try {
  const rows = await page.evaluate(async (paste) => {
    const m = await import('./pkg/unspool.js');
    const { DEFAULTS, toCore } = await import('./options.js');
    const options = toCore(DEFAULTS);
    const preview = { ...options, htmlStyle: 'classes', theme: 'light' };
    const times = {};
    const time = (k, fn) => { const t = performance.now(); const r = fn(); (times[k] ??= []).push(performance.now() - t); return r; };
    const once = () => {
      const f = time('new Formatted', () => new m.Formatted(paste, options));
      const v = time('view()', () => f.view());
      time('JSON.parse(view)', () => JSON.parse(v));
      time('render html', () => f.render('html', options));
      time('render html (preview)', () => f.render('html', preview));
      time('render markdown', () => f.render('markdown', options));
      time('render text', () => f.render('text', options));
      time('json()', () => f.json());
      time('free', () => f.free());
      time('format()', () => m.format(paste, {}));
    };
    const t0 = performance.now();
    while (performance.now() - t0 < 2000) once();
    for (const k in times) times[k] = [];
    for (let i = 0; i < 15; i++) once();
    const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
    return Object.entries(times).map(([k, xs]) => [k, med(xs)]);
  }, paste);
  for (const [k, ms] of rows) console.log(`${ms.toFixed(2).padStart(8)} ms  ${k}`);
} finally {
  await close();
}
