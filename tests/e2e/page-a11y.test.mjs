// Accessibility (axe-core: no serious or critical violations) and the screenshots people see:
// desktop light, desktop dark, phone. Screenshots go to tests/e2e/screenshots/ (git-ignored).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { servePage, open, corpus, screenshot, setPaste, waitForPosts, ROOT } from './harness.mjs';

const env = servePage();

async function withSeed(page) {
  await page.evaluate(() => localStorage.clear());
  await setPaste(page, await corpus('pastes/seed-google-moat.txt'));
  await waitForPosts(page, 2, true);
}

async function axe(page) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const { violations } = await page.evaluate(() => window.axe.run(document, {
    resultTypes: ['violations'],
  }));
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

test('axe finds no serious or critical violations, light and dark, with review panels open', async () => {
  const { page, errors } = await open(env.context, env.server.url);
  await withSeed(page);
  for (const id of ['review-warnings', 'review-repairs', 'review-removed']) {
    await page.click(`#${id} > summary`);
  }
  assert.deepEqual(await axe(page), [], 'light theme');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await axe(page), [], 'dark theme');
  assert.deepEqual(errors, [], 'no console errors');
  await page.close();
});

test('screenshots: desktop light, desktop dark, phone', async () => {
  const { page, errors } = await open(env.context, env.server.url);
  await withSeed(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, 'desktop-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'desktop-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, 'phone');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `nothing is wider than a 360 px phone (overflow ${overflow} px)`);
  assert.deepEqual(errors, [], 'no console errors');
  await page.close();
});

test('a theme switch never paints the preview without its repair marks and warnings', async () => {
  const { page, errors } = await open(env.context, env.server.url);
  await withSeed(page);
  await page.emulateMedia({ colorScheme: 'light' });
  // Each frame's preview as it is painted (read in requestAnimationFrame, before the paint).
  await page.evaluate(() => {
    window.frames_ = [];
    const tick = () => {
      const article = document.querySelector('#preview article');
      window.frames_.push({
        theme: article?.dataset.theme,
        marks: document.querySelectorAll('#preview mark.repair').length,
        warnings: document.querySelectorAll('#preview .unspool-warning').length,
      });
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => window.frames_.filter((f) => f.theme === 'dark').length >= 10);
  const frames = await page.evaluate(() => window.frames_);
  const dark = frames.filter((f) => f.theme === 'dark');
  assert.ok(dark.length >= 10, 'the preview was rendered again for the dark theme');
  const bare = dark.filter((f) => f.marks === 0 || f.warnings === 0);
  assert.deepEqual(bare, [], 'every dark frame shows the repairs highlighted and the warnings');
  assert.deepEqual(errors, [], 'no console errors');
  await page.close();
});

test('a failed formatter start shows a readable message, not a blank page', async () => {
  const page = await env.context.newPage();
  await page.route('**/pkg/unspool_bytes.js', (route) => route.fulfill({
    status: 200, contentType: 'text/javascript', body: 'export function wasmBytes() { return new Uint8Array([0, 1, 2]); }',
  }));
  await page.goto(env.server.url);
  await page.waitForSelector('body[data-ready="error"]', { timeout: 15000 });
  assert.match(await page.textContent('#status'), /could not start its formatter/);
  await page.close();
});
