// Screenshots of the HTML output, for a person to look at: three inputs, both flavours
// (class-based with www/thread.css, and inline-styled with no stylesheet at all), light and
// dark, in headless Chromium. PNGs go to tests/e2e/screenshots/ (git-ignored).
//
//   cargo build && node tests/e2e/render-screenshots.mjs
//   UNSPOOL_BIN=target/release/unspool node tests/e2e/render-screenshots.mjs
//
// Fails (exit 1) if the output makes any request, overflows the page sideways (on a desktop
// width or a phone's) or breaks an axe-core accessibility rule (contrast included). Inputs are the hand-written models of the golden tests, rendered by `target/debug/unspool
// --from json`, plus one real paste from the corpus through the whole pipeline.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.env.UNSPOOL_BIN
  ? join(root, process.env.UNSPOOL_BIN)
  : [join(root, 'target', 'debug', 'unspool'), join(root, 'target', 'release', 'unspool')].find(existsSync)
    ?? join(root, 'target', 'debug', 'unspool');
const out = join(root, 'tests', 'e2e', 'screenshots');
const css = readFileSync(join(root, 'www', 'thread.css'), 'utf8');
const axe = join(root, 'node_modules', 'axe-core', 'axe.min.js');
const corpus = [join(root, '..', 'shared', 'corpus'), '/work/shared/corpus'].find(existsSync);

if (!existsSync(bin)) {
  console.error(`render-screenshots: ${bin} is missing; run cargo build first`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });

const inputs = [
  { name: 'x-thread', args: [join(root, 'tests/golden/inputs/x-thread.json'), '--from', 'json',
    '--title', 'first-sentence', '--numbering', '1/n', '--show-times', '--include-removed'] },
  { name: 'bluesky-thread', args: [join(root, 'tests/golden/inputs/bluesky-thread.json'), '--from', 'json',
    '--keep-markers'] },
  { name: 'seed-google-moat', args: [join(corpus, 'pastes/seed-google-moat.txt'),
    '--title', 'first-sentence', '--numbering', '(1/n)'] },
];

function page(fragment, flavour, theme) {
  const style = flavour === 'classes' ? `<style>${css}</style>` : '';
  // The page around the article is a plain blog of the same colour scheme.
  const bg = theme === 'dark' ? '#0d1117' : '#ffffff';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">${style}
<style>body{margin:0;padding:24px 0;background:${bg}}</style></head><body>${fragment}</body></html>`;
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let failures = 0;
try {
  const context = await browser.newContext({ viewport: { width: 820, height: 600 } });
  const tab = await context.newPage();
  // Nothing in the output may fetch anything.
  await tab.route('**/*', (route) => {
    failures++;
    console.error(`render-screenshots: unexpected request ${route.request().url()}`);
    return route.abort();
  });
  for (const [width, suffix] of [[820, ''], [375, '-phone']]) {
    await tab.setViewportSize({ width, height: 600 });
    for (const input of suffix ? inputs.slice(0, 1) : inputs) {
      for (const flavour of ['classes', 'inline']) {
        for (const theme of ['light', 'dark']) {
          const html = execFileSync(bin, [...input.args, '--to', 'html', '--html-style', flavour,
            '--theme', theme], { encoding: 'utf8' });
          await tab.emulateMedia({ colorScheme: theme });
          await tab.setContent(page(html, flavour, theme), { waitUntil: 'load' });
          const overflow = await tab.evaluate(() =>
            document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (overflow > 0) {
            failures++;
            console.error(`render-screenshots: ${input.name} ${flavour} ${theme} is ${overflow}px too wide at ${width}px`);
          }
          await tab.addScriptTag({ path: axe });
          const violations = await tab.evaluate(async () => {
            // The page around the fragment is ours; only the article is checked.
            const r = await window.axe.run('article', { resultTypes: ['violations'] });
            return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
          });
          for (const v of violations) {
            failures++;
            console.error(`render-screenshots: ${input.name} ${flavour} ${theme}: ${v}`);
          }
          const file = join(out, `${input.name}-${flavour}-${theme}${suffix}.png`);
          await tab.screenshot({ path: file, fullPage: true });
          console.log(file);
        }
      }
    }
  }
} finally {
  await browser.close();
}
process.exit(failures ? 1 : 0);
