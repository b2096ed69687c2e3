// Shared by the end-to-end tests: a static server for www/ on a free loopback port, and headless
// Debian Chromium driven by playwright-core, recording every request and console error.
import { createServer } from 'node:http';
import { readFile, mkdir, mkdtemp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const WWW = join(ROOT, 'www');
export const SCREENSHOTS = join(ROOT, 'tests/e2e/screenshots');
// Beside the crate (../shared/corpus), or where this machine keeps it when run from a worktree.
export const CORPUS = [resolve(ROOT, '../shared/corpus'), '/work/shared/corpus']
  .find((dir) => existsSync(dir)) ?? resolve(ROOT, '../shared/corpus');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json', '.ico': 'image/x-icon',
};

/** Serves `dir` on 127.0.0.1; resolves to { url, close }. */
export async function serve(dir = WWW) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = join(dir, path.endsWith('/') ? path + 'index.html' : path);
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((ok) => server.close(ok)),
    /** Stops serving at once, dropping open connections: the network is gone. */
    kill: () => new Promise((ok) => { server.close(ok); server.closeAllConnections(); }),
  };
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic',
];

/** Launches Debian's Chromium with a fresh profile. */
// Service workers are blocked unless asked for: a test that routes or stubs a request must
// see it, and a service worker would answer from its cache first (tests/e2e/sw-*.test.mjs
// launch with { serviceWorkers: 'allow' }).
export async function launch({ serviceWorkers = 'block' } = {}) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'unspool-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 860 },
    serviceWorkers,
  });
}

/**
 * One static server for www/ and one browser context for a whole test file: registers
 * node:test's `before` (serve, launch, then `setup(context, server)` if given) and `after`
 * (close both). Returns an object whose `server` and `context` are set once `before` has run.
 */
export function servePage(setup) {
  const env = { server: undefined, context: undefined };
  before(async () => {
    env.server = await serve();
    env.context = await launch();
    await setup?.(env.context, env.server);
  });
  after(async () => {
    await env.context?.close();
    await env.server?.close();
  });
  return env;
}

/** Opens `url` in a new page, recording requests and console errors on it; waits for `ready`. */
export async function open(context, url, ready = 'body[data-ready="true"]') {
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector(ready, { timeout: 15000 });
  return { page, requests, errors };
}

export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

export const corpus = (rel) => readFile(join(CORPUS, rel), 'utf8');

/** Lets the page at `url` read and write the clipboard (for the copy tests). */
export async function allowClipboard(context, url) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
}

/** Sets the paste box to `text` as one input event (faster than typing a megabyte). */
export async function setPaste(page, text) {
  await page.evaluate((t) => {
    const box = document.getElementById('paste');
    box.value = t;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

/** Waits until the preview shows `n` posts (or more with `atLeast`). */
export async function waitForPosts(page, n, atLeast = false) {
  await page.waitForFunction(([want, min]) => {
    const got = document.querySelectorAll('#preview .post').length;
    return min ? got >= want : got === want;
  }, [n, atLeast], { timeout: 20000 });
}
