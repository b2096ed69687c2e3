// Shared by the end-to-end tests: a static server for www/ on a free loopback port, and headless
// Debian Chromium driven by playwright-core, recording every request and console error.
import { createServer } from 'node:http';
import { readFile, mkdir, mkdtemp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const WWW = join(ROOT, 'www');
export const SCREENSHOTS = join(ROOT, 'tests/e2e/screenshots');
// The corpus beside the repo (../shared/corpus), or the machine's copy when run from a worktree.
export const CORPUS = [resolve(ROOT, '../shared/corpus'), '/work/shared/corpus'].find(existsSync)
  ?? resolve(ROOT, '../shared/corpus');

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
export async function launch() {
  const userDataDir = await mkdtemp(join(tmpdir(), 'unspool-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 860 },
  });
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
