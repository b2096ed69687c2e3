// The preview is updated in place (www/preview.js): an edit replaces only the posts it
// changes, and what is left is exactly what a fresh render shows, decorations included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servePage, open, setPaste, waitForPosts, corpus } from './harness.mjs';

const env = servePage();

/** The preview's HTML once the page has settled (the review decorates it in a later task). */
async function settled(page, word) {
  await page.waitForFunction((w) => document.getElementById('preview').textContent.includes(w),
    word, { timeout: 20000 });
  await page.waitForTimeout(300);
  return page.evaluate(() => document.getElementById('preview').innerHTML);
}

test('an edit replaces only the post it changes; the preview is what a fresh render shows', async () => {
  const seed = await corpus('pastes/seed-google-moat.txt');
  const edited = seed.replace('Highly specialized individuals', 'Highly specialized zanzibar people');
  assert.notEqual(edited, seed, 'the seed holds the sentence edited');
  const { page, errors } = await open(env.context, env.server.url);
  await page.evaluate(() => localStorage.clear());
  await setPaste(page, seed);
  await settled(page, 'Highly specialized individuals');
  const before = await page.evaluate(() => {
    const posts = [...document.querySelectorAll('#preview .post')];
    posts.forEach((p, i) => { p.dataset.probe = String(i); });
    return posts.length;
  });
  assert.ok(before > 5, `the seed shows several posts (${before})`);
  await setPaste(page, edited);
  const inPlace = await settled(page, 'zanzibar');
  const kept = await page.evaluate(() => document.querySelectorAll('#preview .post[data-probe]').length);
  assert.equal(kept, before - 1, 'every post but the edited one is the same element as before');
  const { page: fresh } = await open(env.context, env.server.url);
  await fresh.evaluate(() => localStorage.clear());
  await setPaste(fresh, edited);
  const whole = await settled(fresh, 'zanzibar');
  assert.equal(inPlace.replace(/ data-probe="\d+"/g, ''), whole,
    'the preview updated in place equals a fresh render of the edited paste, repair marks and warnings included');
  assert.match(inPlace, /<mark class="repair/, 'the kept posts still carry their repair marks');
  assert.deepEqual(errors, [], 'no console errors');
  await fresh.close();
  await page.close();
});

test('a large paste typed into with a source tab open shows the newest text there', async () => {
  const posts = [];
  for (let n = 1; posts.join('').length < 260_000; n++) {
    posts.push(`${n}/ Post ${n}: words about https://example.com/${n} and more words to fill a line.\n`);
  }
  const { page, errors } = await open(env.context, env.server.url);
  await page.evaluate(() => localStorage.clear());
  await setPaste(page, posts.join(''));
  await waitForPosts(page, 100, true);
  await page.click('#tab-markdown');
  await page.focus('#paste');
  await page.keyboard.press('End');
  await page.keyboard.type(' quokka', { delay: 20 });
  await page.waitForFunction(() => document.getElementById('source').textContent.includes('quokka'),
    null, { timeout: 20000 });
  assert.equal(await page.getAttribute('body', 'data-engine'), 'worker', 'the worker did the formatting');
  await page.click('#tab-preview');
  await settled(page, 'quokka');
  assert.deepEqual(errors, [], 'no console errors');
  await page.close();
});
