// The blog embed in real headless Chromium: www/demo-blog.html, a page with a strict Content
// Security Policy, holds two <unspool-thread> elements (one inline, one src=) that must come out
// formatted, with no policy violation and no console error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servePage, open, screenshot } from './harness.mjs';

const env = servePage();

const BOTH_DONE = 'unspool-thread[data-state="done"] ~ p ~ unspool-thread[data-state="done"]';

test('the demo blog renders both embedded threads under its strict CSP', async () => {
  // The listener must be on the page that loads the blog: install it on the context.
  const violations = [];
  await env.context.exposeBinding('reportViolation', (_source, v) => violations.push(v));
  await env.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const { page, errors } = await open(env.context, new URL('demo-blog.html', env.server.url).href, BOTH_DONE);

  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/, 'the blog allows no inline script');
  assert.match(csp, /style-src 'self';/, 'the blog allows no inline style');

  const threads = page.locator('unspool-thread');
  assert.equal(await threads.count(), 2, 'the demo has two embedded threads');

  const first = threads.nth(0);
  assert.equal(await first.locator(':scope > article.unspool').count(), 1, 'the text became an article');
  assert.equal(await first.locator('.post').count(), 4, 'four posts in the first thread');
  const firstText = await first.textContent();
  assert.ok(firstText.includes('It’s the flour'), `mojibake repaired: ${firstText}`);
  assert.ok(!firstText.includes('â€'), 'no mojibake left');
  assert.ok(!firstText.includes('1.1K') && !firstText.includes('Show more'), `cruft removed: ${firstText}`);
  assert.equal(await first.locator('.num').first().textContent(), '1/4', 'numbering="1/n" numbers the posts');
  assert.equal(await first.getAttribute('data-posts'), '4', 'the element says how many posts');
  const link = first.locator('a[href="https://example.com/loaf"]');
  assert.equal(await link.getAttribute('rel'), 'nofollow noopener noreferrer ugc', 'links are safe');

  const second = threads.nth(1);
  const secondText = await second.textContent();
  assert.ok(secondText.includes('Rye has little gluten'), `src= loaded the text file: ${secondText}`);
  assert.ok((await second.locator('.post').count()) >= 3, 'the text file has three numbered posts');
  assert.ok((await second.locator('.num').first().textContent()).startsWith('('), 'numbering="(1/n)"');
  assert.equal(await second.locator('article').getAttribute('data-theme'), 'dark', 'theme="dark" reaches the renderer');
  const bg = await second.locator('article').evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r, g, b] = bg.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 3 * 64, `the dark theme draws a dark article (thread.css): ${bg}`);

  const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => s.href?.split('/').pop()));
  assert.ok(sheets.includes('thread.css'), `embed.js linked thread.css: ${sheets}`);

  await screenshot(page, 'embed-demo-blog');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'embed-demo-blog-phone');
  assert.deepEqual(violations, [], 'no Content Security Policy violation');
  assert.deepEqual(errors, [], 'no console errors');
  await page.close();
});

test('changing an attribute formats the thread again from its original text', async () => {
  const { page, errors } = await open(env.context, new URL('demo-blog.html', env.server.url).href, BOTH_DONE);
  const first = page.locator('unspool-thread').first();
  await first.evaluate((el) => el.setAttribute('numbering', 'none'));
  await page.waitForFunction(() => document.querySelector('unspool-thread')?.querySelector('.num') === null);
  assert.equal(await first.locator('.post').count(), 4, 'same four posts, from the kept source');
  await first.evaluate((el) => { el.source = '1/ one\n2/ two\n3/ three'; });
  await page.waitForFunction(() => document.querySelector('unspool-thread')?.dataset.posts === '3');
  assert.equal(await first.locator('.post').count(), 3, 'setting .source formats the new text');
  assert.deepEqual(errors, [], 'no console errors');
  await page.close();
});

test('pasted markup inside the element is text, never markup', async () => {
  const { page, errors } = await open(env.context, new URL('demo-blog.html', env.server.url).href, BOTH_DONE);
  const first = page.locator('unspool-thread').first();
  await first.evaluate((el) => { el.source = '1/ <img src=x onerror=alert(1)> hi\n2/ bye'; });
  await page.waitForFunction(() => document.querySelector('unspool-thread')?.dataset.posts === '2');
  assert.equal(await first.locator('img').count(), 0, 'no element is made from the text');
  assert.ok((await first.textContent()).includes('<img src=x onerror=alert(1)> hi'), 'shown as text');
  assert.deepEqual(errors, [], 'no console errors');
  await page.close();
});
