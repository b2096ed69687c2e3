// The page's main flows in real headless Chromium: paste → preview, a rich (text/html) paste
// keeps its link, copy writes both flavours, restore a removed line, pick a repair reading,
// options and draft survive a reload. Every test ends with zero requests after load and no
// console errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servePage, open, corpus, allowClipboard, setPaste, waitForPosts } from './harness.mjs';

const env = servePage(async (context, server) => {
  await allowClipboard(context, server.url);
});

/** Opens the page fresh (no stored draft) and returns a checker for the end of the test. */
async function fresh() {
  const opened = await open(env.context, env.server.url);
  await opened.page.evaluate(() => localStorage.clear());
  await opened.page.reload();
  await opened.page.waitForSelector('body[data-ready="true"]');
  let loaded = opened.requests.length;
  /** Reloads the page: its own requests are a load, not requests after load. */
  opened.reload = async () => {
    await opened.page.reload();
    await opened.page.waitForSelector('body[data-ready="true"]');
    loaded = opened.requests.length;
  };
  opened.done = async () => {
    assert.deepEqual(opened.requests.slice(loaded), [], 'no network request after load');
    assert.deepEqual(opened.errors, [], 'no console errors');
    await opened.page.close();
  };
  return opened;
}

test('typing updates the preview live, with counts at a glance', async () => {
  const { page, done } = await fresh();
  await page.click('#paste');
  await page.keyboard.type('1/ It’s a thread\n2.3K\n2/ and its end');
  await waitForPosts(page, 2);
  assert.match(await page.textContent('#summary'), /^2 posts · 1 line removed · \d+ repairs?/);
  assert.ok(!(await page.textContent('#preview')).includes('2.3K'), 'the count line is not in the article');
  await done();
});

test('a text/html paste keeps its link and its emoji images', async () => {
  const { page, done } = await fresh();
  const html = '<meta charset="utf-8"><div data-testid="tweetText"><span>Google’s leaked doc </span>'
    + '<img alt="🔥" src="1f525.svg"><span>\n\nFull article </span>'
    + '<a href="https://example.com/moat">here</a><span>: worth a read</span></div>';
  await page.evaluate(async (h) => {
    await navigator.clipboard.write([new ClipboardItem({
      'text/html': new Blob([h], { type: 'text/html' }),
      'text/plain': new Blob(['Google’s leaked doc\n\nFull article here: worth a read'], { type: 'text/plain' }),
    })]);
  }, html);
  await page.focus('#paste');
  await page.keyboard.press('Control+V');
  await page.waitForFunction(() => document.querySelector('#preview a[href="https://example.com/moat"]'));
  assert.equal(await page.textContent('#preview a[href="https://example.com/moat"]'), 'here',
    'the words of the pasted link still link to its address');
  assert.ok((await page.inputValue('#paste')).includes('doc 🔥'), 'the emoji image came back as an emoji');
  assert.match(await page.textContent('#paste-info'), /1 link/);
  await done();
});

test('"Copy for blog" writes text/html and text/plain together', async () => {
  const { page, done } = await fresh();
  await setPaste(page, '1/ Read https://example.com/a now\n2/ Bye *all*');
  await waitForPosts(page, 2);
  await page.click('#copy-blog');
  await page.waitForFunction(() => /Copied/.test(document.getElementById('status').textContent));
  const flavours = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const out = {};
    for (const type of item.types) out[type] = await (await item.getType(type)).text();
    return out;
  });
  assert.ok(flavours['text/html']?.includes('<a href="https://example.com/a"'), `rich flavour has the link: ${flavours['text/html']}`);
  assert.ok(flavours['text/html'].includes('<article'), 'rich flavour is the article');
  assert.ok(flavours['text/plain']?.includes('Bye *all*'), `plain flavour is the text: ${flavours['text/plain']}`);
  assert.ok(!flavours['text/plain'].includes('<'), 'plain flavour has no markup');
  await page.click('#copy-markdown');
  await page.waitForFunction(() => /Copied Markdown/.test(document.getElementById('status').textContent));
  assert.ok((await page.evaluate(() => navigator.clipboard.readText())).includes('\\*all\\*'), 'Markdown is escaped');
  await done();
});

test('a removed line can be restored into the post it came from', async () => {
  const { page, done } = await fresh();
  await setPaste(page, '1/ first post\nShow more\n2/ second post\nSee All');
  await waitForPosts(page, 2);
  await page.click('#review-removed > summary');
  const restore = page.getByRole('button', { name: /^Restore line 2: Show more/ });
  await restore.click();
  await page.waitForFunction(() => document.querySelector('#preview .post')?.textContent.includes('Show more'));
  const posts = await page.$$eval('#preview .post', (s) => s.map((p) => p.textContent));
  assert.ok(posts[0].includes('first post') && posts[0].includes('Show more'), `restored into post 1: ${posts}`);
  assert.ok(!posts[1].includes('Show more'), 'not into post 2');
  assert.match(await page.textContent('#summary'), /1 line removed/, 'the count follows');
  await page.getByRole('button', { name: /^Remove again line 2/ }).click();
  await page.waitForFunction(() => !document.querySelector('#preview').textContent.includes('Show more'));
  await done();
});

test('a repair highlighted in the preview offers its other readings', async () => {
  const { page, done } = await fresh();
  await setPaste(page, 'Itâ€™s here and it works');
  await page.waitForSelector('#preview mark.repair');
  assert.equal(await page.textContent('#preview mark.repair'), '’');
  await page.focus('#preview mark.repair');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#picker:not([hidden])');
  const choices = await page.$$eval('#picker .choice', (b) => b.map((x) => x.dataset.choice));
  assert.ok(choices.length >= 2, `the guess and at least one other reading: ${choices}`);
  assert.equal(choices[0], '’', 'the guess comes first');
  const other = choices[1];
  await page.click(`#picker .choice >> nth=1`);
  await page.waitForFunction((o) => document.querySelector('#preview mark.repair.picked')?.textContent === o, other);
  assert.ok((await page.textContent('#preview')).includes(`It${other}s here`), 'the picked reading is in the article');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'MARK', 'focus returns to the repair');
  await done();
});

test('the draft and the options survive a reload; "New paste" clears them', async () => {
  const { page, done, reload } = await fresh();
  const seed = await corpus('pastes/seed-google-moat.txt');
  await setPaste(page, seed);
  await waitForPosts(page, 2, true);
  await page.check('input[name="showTimes"]');
  await page.selectOption('select[name="numbering"]', '1/n');
  await page.waitForFunction(() => document.querySelector('#preview .num'));
  await page.waitForTimeout(600); // the draft is saved 400 ms after typing stops
  await reload();
  assert.equal(await page.inputValue('#paste'), seed.replace(/\r\n?/g, '\n'), 'the draft is back');
  assert.equal(await page.inputValue('select[name="numbering"]'), '1/n', 'options are back');
  assert.ok(await page.isChecked('input[name="showTimes"]'));
  await waitForPosts(page, 2, true);
  await page.click('#new-paste');
  assert.equal(await page.inputValue('#paste'), '');
  await reload();
  assert.equal(await page.inputValue('#paste'), '', 'a new paste stays new after reload');
  await done();
});

test('every tab is reachable by keyboard and shows its format', async () => {
  const { page, done } = await fresh();
  await setPaste(page, '1/ Hello <b>there</b>\n2/ Bye');
  await waitForPosts(page, 2);
  await page.focus('#tab-preview');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-html');
  assert.ok((await page.textContent('#source')).includes('&lt;b&gt;'));
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-json');
  const json = JSON.parse(await page.textContent('#source'));
  assert.equal(json.posts.length, 2, 'the JSON tab is the model');
  await done();
});

test('an opened .html file is read as rich text; downloads carry each format', async () => {
  const { page, done } = await fresh();
  const html = '<p>1/ See <a href="https://example.com/docs">the docs</a> <img alt="🎉"></p><p>2/ Bye</p>';
  await page.setInputFiles('#file', { name: 'thread.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await page.waitForSelector('#preview a[href="https://example.com/docs"]');
  assert.equal(await page.inputValue('#paste'), '1/ See the docs 🎉\n\n2/ Bye', 'the file became text');
  assert.match(await page.textContent('#paste-info'), /Opened thread\.html/);
  for (const [button, ext, want] of [['.md', 'md', 'the docs'], ['.json', 'json', '"posts"'], ['.html', 'html', '<!doctype html>']]) {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.click(`[data-download] >> text="${button}"`),
    ]);
    assert.match(file.suggestedFilename(), new RegExp(`\\.${ext}$`));
    const body = await new Promise((ok, fail) => {
      file.createReadStream().then((stream) => {
        const chunks = [];
        stream.on('data', (c) => chunks.push(c));
        stream.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
        stream.on('error', fail);
      }, fail);
    });
    assert.ok(body.includes(want), `${button} holds ${want}: ${body.slice(0, 200)}`);
  }
  await done();
});

test('the seed: its lost-byte guesses offer other readings, its warnings sit by their posts', async () => {
  const { page, done } = await fresh();
  await setPaste(page, await corpus('pastes/seed-google-moat.txt'));
  await waitForPosts(page, 2, true);
  // The seed's first character is mojibake for 🔥, a guess with other readings.
  const fire = page.locator('#preview mark.repair', { hasText: '🔥' }).first();
  await fire.click();
  await page.waitForSelector('#picker:not([hidden])');
  const choices = await page.$$eval('#picker .choice', (b) => b.map((x) => x.dataset.choice));
  assert.equal(choices[0], '🔥', 'unspool’s guess first');
  assert.ok(choices.length >= 3, `the guess, its alternatives and the paste: ${choices}`);
  const alternative = choices[1];
  await page.click('#picker .choice >> nth=1');
  await page.waitForFunction((a) => [...document.querySelectorAll('#preview mark.repair.picked')]
    .some((m) => m.textContent === a), alternative);
  const first = await page.textContent('#preview .post');
  assert.ok(first.includes(alternative) && !first.includes('🔥'), `post 1 reads ${alternative} now: ${first}`);
  // Warnings: listed in the review panel and shown inside the post they concern.
  const warned = await page.$$eval('#preview .post', (posts) => posts
    .map((p, i) => (p.querySelector('.unspool-warning') ? i + 1 : 0)).filter(Boolean));
  assert.ok(warned.length > 0, 'some post carries its warning');
  const listed = Number(await page.textContent('#review-warnings .count'));
  assert.equal(listed > 0, true, 'warnings are counted in the review panel');
  assert.match(await page.textContent('#summary'), /warnings?/, 'and in the counts at a glance');
  await done();
});

test('the JSON tab is the edited model: a restored line is in its post, a picked reading is marked', async () => {
  const { page, done } = await fresh();
  await setPaste(page, '1/ Itâ€™s the first post #one\nShow more\n2/ second post\nSee All');
  await waitForPosts(page, 2);
  await page.click('#review-removed > summary');
  await page.getByRole('button', { name: /^Restore line 2: Show more/ }).click();
  await page.waitForFunction(() => document.querySelector('#preview .post')?.textContent.includes('Show more'));
  await page.focus('#preview mark.repair');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#picker:not([hidden])');
  const other = (await page.$$eval('#picker .choice', (b) => b.map((x) => x.dataset.choice)))[1];
  await page.click('#picker .choice >> nth=1');
  await page.waitForFunction((o) => document.querySelector('#preview mark.repair.picked')?.textContent === o, other);
  await page.click('#tab-json');
  const json = JSON.parse(await page.textContent('#source'));
  const first = json.posts[0];
  assert.ok(first.text.includes(`It${other}s the first post #one`), `the picked reading is in the JSON: ${first.text}`);
  assert.ok(first.text.includes('Show more'), `the restored line is in post 1 of the JSON: ${first.text}`);
  assert.equal(first.spans.map((s) => s.text).join(''), first.text, 'the post’s spans are its new text');
  assert.ok(first.spans.some((s) => s.type === 'hashtag' && s.text === '#one'), 'with its hashtag span');
  assert.deepEqual(json.removed.map((r) => r.text), ['See All'], 'the restored line is no longer removed');
  assert.ok(json.repairs.some((r) => r.picked === other), `the picked reading is marked: ${JSON.stringify(json.repairs)}`);
  await done();
});

test('a change made in many places is one repair with its count', async () => {
  const { page, done } = await fresh();
  // A stray BEL in each post (a textarea turns CRLF into LF itself, so line endings can't show it).
  await setPaste(page, '1/ fir\u0007st\n2/ sec\u0007ond\n3/ thi\u0007rd\n');
  await waitForPosts(page, 3);
  await page.click('#review-repairs > summary');
  const items = await page.$$eval('#review-repairs li', (lis) => lis.map((li) => li.textContent));
  assert.equal(items.length, 1, `one repair for three stray controls: ${items}`);
  assert.match(items[0], /^control\s*U\+0007 → \(nothing\)\s*×3$/, `the invisible character by name, and how many places: ${items[0]}`);
  await done();
});
