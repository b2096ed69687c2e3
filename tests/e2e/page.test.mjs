// The page in real headless Chromium: paste the seed thread, see a clean article.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servePage, open, screenshot, corpus } from './harness.mjs';

const env = servePage();

test('pasting the seed thread shows posts, repaired, without interface words', async () => {
  const seed = await corpus('pastes/seed-google-moat.txt');
  const { page, requests, errors } = await open(env.context, env.server.url);
  const loadRequests = requests.length;
  await page.fill('#paste', seed);
  await page.waitForFunction(() => document.querySelectorAll('#preview .post').length > 1);
  const preview = await page.textContent('#preview');
  assert.ok(!preview.includes('See All'), 'See All is removed from the preview');
  assert.ok(preview.includes('Google’s leaked doc'), 'mojibake is repaired in the preview');
  assert.ok(!/ā€|šŸ|Ÿ/.test(preview), 'no mojibake left in the preview');
  const summary = await page.textContent('#summary');
  assert.match(summary, /\d+ posts · \d+ lines? removed · \d+ repairs?/, 'counts at a glance');
  await screenshot(page, 'seed-desktop');
  assert.equal(requests.length, loadRequests, `no request after load, saw ${requests.slice(loadRequests)}`);
  assert.deepEqual(errors, [], 'no console errors');
  await page.close();
});

test('format tabs show HTML, Markdown and text sources', async () => {
  const { page, errors } = await open(env.context, env.server.url);
  await page.fill('#paste', '1/ Hello <script>alert(1)</script> *world*\n2/ Bye');
  await page.waitForFunction(() => document.querySelectorAll('#preview .post').length === 2);
  assert.equal(await page.locator('#preview script').count(), 0, 'pasted markup is never markup');
  await page.click('#tab-markdown');
  const md = await page.textContent('#source');
  assert.ok(md.includes('\\*world\\*'), `Markdown escapes emphasis characters: ${md}`);
  await page.click('#tab-html');
  const html = await page.textContent('#source');
  assert.ok(html.includes('&lt;script&gt;'), `HTML source escapes the pasted tag: ${html}`);
  assert.deepEqual(errors, [], 'no console errors');
  await page.close();
});
