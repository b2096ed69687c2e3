// Where keystroke → painted preview goes: a Chromium timeline trace (DevTools protocol) of
// key presses in the page's textarea with a paste loaded, summed by event name on the main
// thread and the worker (top-level tasks and their children), per key press.
//
//   node tools/trace-keystroke.mjs [x-1000] [keys=5]
import { writeFile } from 'node:fs/promises';
import { benchPage, timedKey } from './bench-page.mjs';
import { setPaste } from '../tests/e2e/harness.mjs';

const [input = 'x-1000', keys = '5'] = process.argv.slice(2);
const { page, context, paste, close } = await benchPage(input);
try {
  await setPaste(page, paste);
  await page.waitForTimeout(3000);
  await page.focus('#paste');
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing',
    transferMode: 'ReportEvents',
  });
  const times = [];
  for (let i = 0; i < +keys; i++) {
    times.push(await timedKey(page, i));
    await page.waitForTimeout(300);
  }
  await cdp.send('Tracing.end');
  await done;
  await writeFile('/tmp/keystroke-trace.json', JSON.stringify(events));
  // Complete events (ph X) by thread name and event name: total duration (children included).
  const threads = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const sums = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const th = threads.get(`${e.pid}:${e.tid}`) ?? '?';
    if (!/CrRendererMain|DedicatedWorker|Compositor/.test(th)) continue;
    const k = `${th.padEnd(16).slice(0, 16)} ${e.name}`;
    sums.set(k, (sums.get(k) ?? 0) + e.dur / 1000);
  }
  console.log(`${input}: keystroke → paint ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  for (const [k, ms] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`${(ms / +keys).toFixed(1).padStart(9)} ms/key  ${k}`);
  }
} finally {
  await close();
}
