// What the browser tools share: the page served from www/ (or $UNSPOOL_WWW) in headless
// Chromium with a bench input read (target/bench/<input>.txt, written by
// `cargo bench --bench pipeline`), and one key press timed to the painted preview.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, open, ROOT, WWW as PAGE } from '../tests/e2e/harness.mjs';

/** The page open in Chromium and the input's text; `close()` ends both. */
export async function benchPage(input) {
  const www = process.env.UNSPOOL_WWW ?? PAGE;
  const paste = await readFile(join(ROOT, 'target/bench', `${input}.txt`), 'utf8');
  const server = await serve(www);
  const context = await launch();
  const { page } = await open(context, server.url);
  const close = async () => {
    await context.close();
    await server.close();
  };
  return { page, context, paste, www, close };
}

/** Types one key at the end of the paste (a space or an `x`, by `i`); resolves to the ms from
 * the key down to the frame that paints the preview it changed. */
export async function timedKey(page, i) {
  const done = page.evaluate(() => new Promise((resolve) => {
    const preview = document.getElementById('preview');
    let t0 = 0;
    document.getElementById('paste').addEventListener('keydown', () => { t0 = performance.now(); }, { once: true });
    const obs = new MutationObserver(() => {
      obs.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
    });
    obs.observe(preview, { childList: true, subtree: true, characterData: true });
  }));
  await page.keyboard.press('End');
  await page.keyboard.type(i % 2 ? 'x' : ' ');
  return done;
}
