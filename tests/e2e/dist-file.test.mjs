// The single-file build (make dist → dist/unspool.html) opened from disk, with every network
// request blocked and recorded; and the bundler (tools/build-dist.mjs) on a module graph with
// the forms the page may grow into: several modules, re-exports, a dynamic import, a worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, launch, screenshot, corpus } from './harness.mjs';

const DIST = join(ROOT, 'dist/unspool.html');
let context;
before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

/** Opens a file:// page with the network cut: every request is aborted and recorded. */
async function openOffline(file, ready) {
  const page = await context.newPage();
  const blocked = [];
  const errors = [];
  const own = pathToFileURL(file).href;
  await page.route('**', (route) => {
    // The file itself may load (from disk); anything else is a network request.
    if (route.request().url() === own) return route.continue();
    blocked.push(route.request().url());
    return route.abort();
  });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(own);
  await page.waitForSelector(ready, { timeout: 15000 });
  return { page, blocked, errors };
}

test('dist/unspool.html opened as file:// formats a paste with no network at all', async () => {
  assert.ok(existsSync(DIST), 'dist/unspool.html exists: run `make dist` first');
  const html = readFileSync(DIST, 'utf8');
  assert.ok(!/<script[^>]+src=/.test(html), 'no external script');
  assert.ok(!/<link[^>]+rel="stylesheet"/.test(html), 'no external stylesheet');
  assert.ok(!html.includes('unsafe-inline'), 'the inline script is allowed by hash, not unsafe-inline');

  const { page, blocked, errors } = await openOffline(DIST, 'body[data-ready="true"]');
  await page.fill('#paste', '1/ Itâ€™s a single file\n2.3K\n2/ and it needs no network\nSee All');
  await page.waitForFunction(() => document.querySelectorAll('#preview .post').length === 2);
  const preview = await page.textContent('#preview');
  assert.ok(preview.includes('It’s a single file'), `mojibake is repaired: ${preview}`);
  assert.ok(!preview.includes('2.3K') && !preview.includes('See All'), `cruft is removed: ${preview}`);
  // The real seed thread too: it must come out as several posts.
  await page.fill('#paste', await corpus('pastes/seed-google-moat.txt'));
  await page.waitForFunction(() => document.querySelectorAll('#preview .post').length > 2);
  // A paste large enough for the page's Web Worker: in the single file it is a blob worker.
  const big = Array.from({ length: 2500 }, (_, i) => `${i + 1}/ Itâ€™s post ${i + 1} of a very long thread, padded with words to be large enough.`).join('\n');
  assert.ok(big.length > 200_000, 'the paste is large');
  await page.$eval('#paste', (el, v) => { el.value = v; el.dispatchEvent(new Event('input', { bubbles: true })); }, big);
  await page.waitForFunction(() => document.querySelectorAll('#preview .post').length > 900, null, { timeout: 60000 });
  assert.ok(page.workers().some((w) => w.url().startsWith('blob:')), 'the large paste went to the blob worker');
  await screenshot(page, 'dist-file');
  assert.deepEqual(blocked, [], 'the single file asks the network for nothing');
  assert.deepEqual(errors, [], 'no console errors (CSP violations included)');
  await page.close();
});

test('the bundler follows a module graph with re-exports, a dynamic import and a blob worker', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'unspool-bundle-'));
  mkdirSync(join(dir, 'lib'));
  const files = {
    'index.html': `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'none'">
<link rel="stylesheet" href="a.css">
<script type="module" src="main.js"></script>
<script type="module" src="sw-register.js"></script>
</head><body><p id="out"></p></body></html>`,
    'a.css': 'body { color: rgb(1, 2, 3); }\n',
    'sw-register.js': 'document.body.dataset.sw = "registered";\n',
    'main.js': `import twice, { name as libName, three } from './lib/index.js';
import * as all from './lib/index.js';
const later = await import('./lib/late.js');
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
worker.onmessage = (e) => {
  document.getElementById('out').textContent = [twice(21), libName, three, all.three, later.default, e.data].join(' ');
  document.body.dataset.ready = 'true';
};
worker.postMessage(5);
`,
    'lib/index.js': `export { default, name } from './math.js';
export * from './more.js';
`,
    'lib/math.js': `export default function twice(n) { return n * 2; }
export const name = 'math';
`,
    'lib/more.js': `const t = 3;
export { t as three };
`,
    'lib/late.js': `export default 'late';
`,
    'worker.js': `import twice from './lib/math.js';
self.onmessage = (e) => postMessage('worker:' + twice(e.data));
`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  execFileSync(process.execPath, [join(ROOT, 'tools/build-dist.mjs'), join(dir, 'index.html'), join(dir, 'one.html')]);
  const built = readFileSync(join(dir, 'one.html'), 'utf8');
  assert.ok(built.includes('worker-src blob:'), 'a bundled worker is allowed as a blob: worker');
  assert.ok(!built.includes('sw-register'), 'the service worker registration is dropped');

  const { page, blocked, errors } = await openOffline(join(dir, 'one.html'), 'body[data-ready="true"]');
  assert.equal(await page.textContent('#out'), '42 math 3 3 late worker:10',
    'default, named, namespace, re-exported, dynamically imported and worker values all arrive');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).color), 'rgb(1, 2, 3)', 'CSS inlined');
  assert.equal(await page.evaluate(() => document.body.dataset.sw), undefined, 'sw-register.js did not run');
  assert.deepEqual(blocked, [], 'no network request');
  assert.deepEqual(errors, [], 'no console errors');
  await page.close();
});

test('the bundler refuses what it cannot inline instead of shipping a broken page', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unspool-bundle-'));
  writeFileSync(join(dir, 'index.html'), `<meta http-equiv="Content-Security-Policy" content="default-src 'none'">
<script type="module" src="main.js"></script>`);
  writeFileSync(join(dir, 'main.js'), "import { x } from 'some-package';\n");
  assert.throws(
    () => execFileSync(process.execPath, [join(ROOT, 'tools/build-dist.mjs'), join(dir, 'index.html'), join(dir, 'o.html')], { stdio: 'pipe' }),
    /only relative imports/,
    'a bare specifier is an error',
  );
});
