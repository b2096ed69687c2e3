// The Compose page in real headless Chromium: write long text, get posts that fit, copy them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { servePage, open, screenshot, ROOT } from './harness.mjs';

const env = servePage(async (context, server) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: server.url.replace(/\/$/, ''),
  });
});

// About 2 000 characters of plain English in five paragraphs: far more than one post anywhere.
const WORDS = 'thread posts fit their platform without breaking words links or emoji'.split(' ');
function essay() {
  const paragraphs = [];
  let w = 0;
  for (let p = 0; p < 5; p += 1) {
    const sentences = [];
    for (let s = 0; s < 4; s += 1) {
      const words = [];
      for (let k = 0; k < 12; k += 1) words.push(WORDS[(w += 7) % WORDS.length] + (k === 0 ? p + s : ''));
      const sentence = words.join(' ');
      sentences.push(sentence[0].toUpperCase() + sentence.slice(1) + '.');
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs.join('\n\n');
}

async function openCompose() {
  const opened = await open(env.context, `${env.server.url}compose.html`);
  // Each test starts from an empty draft with the default settings.
  await opened.page.evaluate(() => localStorage.clear());
  await opened.page.reload();
  await opened.page.waitForSelector('body[data-ready="true"]');
  opened.loadRequests = opened.requests.length;
  return opened;
}

/** The posts as shown: text, length and limit from the meter, whether it warns. */
function shownPosts(page) {
  return page.$$eval('#posts .post', (items) => items.map((li) => {
    const bar = li.querySelector('[role=meter]');
    return {
      text: li.querySelector('.post-text').textContent,
      length: Number(bar.getAttribute('aria-valuenow')),
      limit: Number(bar.getAttribute('aria-valuemax')),
      label: li.querySelector('.meter-label').textContent,
      over: li.classList.contains('over'),
      warning: li.querySelector('.warning')?.textContent ?? null,
    };
  }));
}

async function write(page, text) {
  await page.fill('#draft', text);
  // Typing marks the preview pending; the debounced update clears the mark.
  await page.waitForSelector('body[data-pending="false"]');
  assert.ok(await page.locator('#posts .post').count() > 0, 'the text gives at least one post');
}

function assertQuiet({ requests, errors, loadRequests }) {
  assert.deepEqual(requests.slice(loadRequests), [], 'the page makes no request after load');
  assert.deepEqual(errors, [], 'no console errors');
}

test('long text splits into several posts, each within the limit, words kept in order', async () => {
  const opened = await openCompose();
  const { page } = opened;
  const text = essay();
  await write(page, text);
  const posts = await shownPosts(page);
  assert.ok(posts.length >= 5, `2 000 characters need several X posts, got ${posts.length}`);
  for (const [i, p] of posts.entries()) {
    assert.equal(p.limit, 280, 'X posts are measured against 280');
    assert.ok(p.length > 0 && p.length <= 280, `post ${i + 1} fits X: ${p.length}`);
    assert.equal(p.label, `${p.length} / 280`, 'the meter says length / limit');
    assert.ok(!p.over && p.warning === null, `post ${i + 1} has no warning`);
  }
  assert.deepEqual(
    posts.map((p) => p.text).join(' ').split(/\s+/),
    text.split(/\s+/),
    'joining the posts gives back every word in order',
  );
  assert.match(await page.textContent('#summary'), new RegExp(`^${posts.length} posts for X$`),
    'the live summary counts the posts');
  assert.match(await page.textContent('#length'), /^[\d,]+ characters as X counts them$/,
    'the draft length is shown under the text');

  // Bluesky allows 300: fewer or as many posts, each within 300.
  await page.selectOption('#platform', 'bluesky');
  await page.waitForFunction(() => document.querySelector('#summary').textContent.includes('Bluesky'));
  const bluesky = await shownPosts(page);
  assert.ok(bluesky.every((p) => p.limit === 300 && p.length <= 300), 'Bluesky posts fit 300');
  assert.ok(bluesky.length <= posts.length, 'a larger limit never needs more posts');

  // Mastodon's limit is the instance's.
  await page.selectOption('#platform', 'mastodon');
  assert.ok(await page.isVisible('#limit'), 'the instance limit field appears for Mastodon');
  await page.fill('#limit', '1000');
  await page.waitForFunction(() => document.querySelector('#posts [role=meter]')?.getAttribute('aria-valuemax') === '1000');
  const mastodon = await shownPosts(page);
  assert.ok(mastodon.every((p) => p.length <= 1000), 'posts fit the instance limit');
  assert.ok(mastodon.length < bluesky.length, `1000 characters need fewer posts than 300 (${mastodon.length})`);
  await page.selectOption('#platform', 'x');
  assert.ok(!(await page.isVisible('#limit')), 'the limit field hides for other platforms');

  await screenshot(page, 'compose-desktop');
  assertQuiet(opened);
  await page.close();
});

test('numbering appears on every post and is counted in its length', async () => {
  const opened = await openCompose();
  const { page } = opened;
  await write(page, essay());
  await page.selectOption('#numbering', '1/n');
  await page.waitForFunction(() => / 1\/\d+$/.test(document.querySelector('#posts .post-text')?.textContent ?? ''));
  const posts = await shownPosts(page);
  const n = posts.length;
  for (const [i, p] of posts.entries()) {
    assert.ok(p.text.endsWith(` ${i + 1}/${n}`), `post ${i + 1} ends with ${i + 1}/${n}: ${p.text.slice(-12)}`);
    assert.ok(p.length <= 280, `post ${i + 1} with its number fits: ${p.length}`);
  }
  await page.selectOption('#numbering', '1.');
  await page.waitForFunction(() => document.querySelector('#posts .post-text')?.textContent.startsWith('1. '));
  const dotted = await shownPosts(page);
  assert.ok(dotted.every((p, i) => p.text.startsWith(`${i + 1}. `)), 'the 1. style numbers the start of each post');

  await page.selectOption('#numbering', 'thread');
  await page.waitForFunction(() => document.querySelector('#posts .post-text')?.textContent.endsWith('🧵'));
  const threaded = await shownPosts(page);
  assert.ok(threaded[0].text.endsWith(' 🧵'), 'the first post carries the 🧵');
  assert.ok(threaded.slice(1).every((p) => !p.text.includes('🧵')), 'only the first post carries it');
  assertQuiet(opened);
  await page.close();
});

test('a line with only --- forces a new post', async () => {
  const opened = await openCompose();
  const { page } = opened;
  await write(page, 'A short first thought.\n---\nA short second one.');
  const posts = await shownPosts(page);
  assert.deepEqual(posts.map((p) => p.text), ['A short first thought.', 'A short second one.'],
    'two posts although both would fit in one, and the marker is not in either');
  assertQuiet(opened);
  await page.close();
});

test('a 400-character link on Bluesky shows the cannot-fit warning', async () => {
  const opened = await openCompose();
  const { page } = opened;
  await page.selectOption('#platform', 'bluesky');
  const url = `https://example.com/${'a'.repeat(380)}`;
  assert.equal(url.length, 400);
  await write(page, `Read this first:\n${url}\nand then tell me what you think.`);
  const posts = await shownPosts(page);
  const holder = posts.find((p) => p.text.includes('example.com'));
  assert.ok(holder, 'the link is in a post');
  assert.ok(holder.text.includes(url), 'the link is never cut');
  assert.ok(holder.over && holder.length > 300, `the post is over the limit: ${holder.length}`);
  assert.match(holder.warning ?? '', /cannot be split/, 'the post says why it cannot fit');
  assert.ok(posts.filter((p) => p !== holder).every((p) => !p.over && p.warning === null),
    'the other posts fit and carry no warning');
  assert.match(await page.textContent('#summary'), /1 post cannot fit/, 'the summary says one post cannot fit');
  await screenshot(page, 'compose-warning');
  assertQuiet(opened);
  await page.close();
});

test('Copy writes one post, Copy all writes every post, to the clipboard', async () => {
  const opened = await openCompose();
  const { page } = opened;
  await write(page, essay());
  const posts = await shownPosts(page);
  // From the keyboard: focus the second post's button and press Enter.
  await page.focus('#posts .post:nth-child(2) .copy-post');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Copied'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), posts[1].text,
    'Copy on post 2 puts exactly its text on the clipboard');
  assert.equal(await page.textContent('#status'), `Copied post 2 of ${posts.length}.`, 'the status says what was copied');

  await page.click('#copy-all');
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Copied all'));
  const all = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(all, posts.map((p) => p.text).join('\n\n---\n\n'),
    'Copy all puts every post in order, separated by --- lines');

  // Pasting that back gives the same posts: --- is the page's own break.
  await write(page, all);
  assert.deepEqual((await shownPosts(page)).map((p) => p.text), posts.map((p) => p.text),
    'Copy all pasted back splits into the same posts');
  assertQuiet(opened);
  await page.close();
});

test('reload keeps the draft and the settings', async () => {
  const opened = await openCompose();
  const { page } = opened;
  await page.selectOption('#platform', 'mastodon');
  await page.fill('#limit', '700');
  await page.selectOption('#numbering', '(1/n)');
  await write(page, essay());
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.inputValue('#draft'), essay(), 'the draft is back after a reload');
  assert.equal(await page.inputValue('#platform'), 'mastodon', 'the platform is back');
  assert.equal(await page.inputValue('#limit'), '700', 'the instance limit is back');
  assert.equal(await page.inputValue('#numbering'), '(1/n)', 'the numbering is back');
  const posts = await shownPosts(page);
  assert.ok(posts.length > 1 && posts.every((p) => p.limit === 700 && p.length <= 700),
    'the preview is rebuilt from the kept draft');
  assert.ok(posts[0].text.endsWith(`(1/${posts.length})`), 'with its numbering');
  assert.deepEqual(opened.errors, [], 'no console errors');
  await page.close();
});

test('accessible (axe-core), dark and phone layouts', async () => {
  const opened = await openCompose();
  const { page } = opened;
  await page.selectOption('#numbering', '1/n');
  await write(page, `${essay()}\n\nAnd a link that cannot fit on X: https://example.com/${'b'.repeat(300)}`);
  // axe runs through the DevTools protocol, which the page's CSP does not govern.
  const axeSource = await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const violations = await page.evaluate(`${axeSource}; axe.run(document, { resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`);
  assert.deepEqual(violations, [], 'axe-core finds no accessibility violation');

  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'compose-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `nothing is wider than a 360 px phone (overflow ${overflow}px)`);
  await screenshot(page, 'compose-phone');
  await page.evaluate(() => document.querySelector('#posts').scrollIntoView());
  await screenshot(page, 'compose-phone-posts');
  assertQuiet(opened);
  await page.close();
});
