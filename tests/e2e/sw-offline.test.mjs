// The service worker (www/sw.js) in real headless Chromium: after one visit the page and the
// demo blog work with the network off and the server gone; a new build replaces the old cache
// cleanly once no tab runs the old version.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, appendFileSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, WWW, serve, launch, open } from './harness.mjs';

const contexts = [];
after(async () => { for (const c of contexts) await c.close(); });

/** A private copy of www/, so a test can change it like a new deploy would. */
function copyOfWww() {
  const dir = mkdtempSync(join(tmpdir(), 'unspool-www-'));
  cpSync(WWW, dir, { recursive: true });
  return dir;
}

const version = (dir) => readFileSync(join(dir, 'pkg/precache.js'), 'utf8').match(/"version": "(\w+)"/)[1];

/** The `--deploy` marker of the style.css the page runs with. */
const deployed = () => getComputedStyle(document.documentElement).getPropertyValue('--deploy').trim();

/** Evaluates `fn(arg)` in `page` every 200 ms until it is truthy (15 s at most); its value. */
async function until(page, fn, what, arg) {
  for (let i = 0; i < 75; i++) {
    const v = await page.evaluate(fn, arg);
    if (v) return v;
    await new Promise((ok) => setTimeout(ok, 200));
  }
  throw new Error(`timed out waiting: ${what}`);
}

/** Waits until the service worker controls `page`. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
}

test('after one visit the page works with the network off and the server gone', async () => {
  const server = await serve();
  const context = await launch({ serviceWorkers: 'allow' });
  contexts.push(context);
  const first = await open(context, server.url);
  await controlled(first.page);
  await first.page.close();

  await server.kill();
  await context.setOffline(true);

  const { page, errors } = await open(context, server.url);
  await page.fill('#paste', '1/ Itâ€™s offline\n2.3K\n2/ and still works');
  await page.waitForFunction(() => document.querySelectorAll('#preview .post').length === 2);
  assert.ok((await page.textContent('#preview')).includes('It’s offline'), 'formats with no network');
  assert.deepEqual(errors, [], 'no console errors offline');

  const blog = await open(context, new URL('demo-blog.html', server.url).href,
    'unspool-thread[data-state="done"] ~ p ~ unspool-thread[data-state="done"]');
  assert.ok((await blog.page.textContent('unspool-thread[src]')).includes('Rye has little gluten'),
    'the demo blog, its embed and its src= text file come from the cache too');
  assert.deepEqual(blog.errors, [], 'no console errors on the blog offline');
});

test('a new build installs as a new version and deletes the old cache', async () => {
  const dir = copyOfWww();
  execFileSync(process.execPath, [join(ROOT, 'tools/precache.mjs'), dir, join(dir, 'pkg/precache.js')]);
  const v1 = version(dir);
  const server = await serve(dir);
  const context = await launch({ serviceWorkers: 'allow' });
  contexts.push(context);
  const one = await open(context, server.url);
  await controlled(one.page);
  assert.deepEqual(await one.page.evaluate(() => caches.keys()), [`unspool-${v1}`], 'the first version is cached');

  // A deploy: a file changes, the build writes a new precache list.
  appendFileSync(join(dir, 'style.css'), '\nhtml { --deploy: 2; }\n');
  execFileSync(process.execPath, [join(ROOT, 'tools/precache.mjs'), dir, join(dir, 'pkg/precache.js')]);
  const v2 = version(dir);
  assert.notEqual(v2, v1, 'a changed file makes a new version');

  // The open tab keeps the old version; a visit finds the update, which waits.
  await one.page.reload();
  await controlled(one.page);
  await until(one.page, async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting),
    'the new version is installed and waiting');
  assert.equal(await one.page.evaluate(deployed), '', 'a running tab never mixes in the new build');
  for (const p of context.pages()) await p.close();
  // The last tab is gone; give the browser a moment to let the waiting version take over.
  await new Promise((ok) => setTimeout(ok, 1500));

  // With no tab on the old version, the new one takes over and the old cache is gone.
  const two = await open(context, server.url);
  const keys = await until(two.page, async (want) => {
    const keys = await caches.keys();
    return keys.length === 1 && keys[0] === want && keys;
  }, 'only the new cache is left', `unspool-${v2}`);
  assert.deepEqual(keys, [`unspool-${v2}`], 'the old cache is deleted');
  await two.page.reload();
  assert.equal(await two.page.evaluate(deployed), '2', 'the new build is served');
  await server.close();
});
