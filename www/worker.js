// Formats large pastes off the main thread, so typing never waits for the formatter.
// Messages in: {id, job} (see pipeline.js); out: {ready} once, then for each job {id, result}
// (what the preview needs: the view, the preview's HTML, the removed lines) or {id, error},
// and after it {id, rest} (the other renderings and the JSON), made in a later task, so a
// job that arrives meanwhile is started first and the overtaken result's rest is dropped.
import init, * as core from './pkg/unspool.js';
import { wasmBytes } from './pkg/unspool_bytes.js';
import { run } from './pipeline.js';

const started = init({ module_or_path: wasmBytes() });

started.then(
  () => postMessage({ ready: true }),
  (e) => postMessage({ ready: false, error: String(e?.message ?? e) }),
);

/** The last result whose rest is still to be sent: { id, r, timer }. */
let pending = null;

function drop() {
  if (!pending) return;
  clearTimeout(pending.timer);
  pending.r.release();
  pending = null;
}

onmessage = async ({ data: { id, job } }) => {
  drop();
  try {
    await started;
    // Only strings go back: cloning the Thread's object graph would cost the main thread
    // time even for results it drops (see engine.js). The JSON is made here, off the page.
    const r = run(core, job);
    try {
      postMessage({ id, result: { view: r.view, previewHtml: r.previewHtml,
        removedAll: JSON.stringify(r.removedAll) } });
    } catch (e) {
      r.release();
      throw e;
    }
    pending = { id, r, timer: 0 };
    pending.timer = setTimeout(() => {
      const { r: done } = pending;
      pending = null;
      try {
        postMessage({ id, rest: { html: done.html, markdown: done.markdown, text: done.text, json: done.json } });
      } catch (e) {
        postMessage({ id, rest: null, error: String(e?.message ?? e) });
      } finally {
        done.release();
      }
    }, 0);
  } catch (e) {
    postMessage({ id, error: String(e?.message ?? e) });
  }
};
