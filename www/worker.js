// Formats large pastes off the main thread, so typing never waits for the formatter.
// Messages in: {id, job} (see pipeline.js); out: {ready} once, then {id, result} or {id, error}.
import init, * as core from './pkg/unspool.js';
import { wasmBytes } from './pkg/unspool_bytes.js';
import { run } from './pipeline.js';

const started = init({ module_or_path: wasmBytes() });

started.then(
  () => postMessage({ ready: true }),
  (e) => postMessage({ ready: false, error: String(e?.message ?? e) }),
);

onmessage = async ({ data: { id, job } }) => {
  try {
    await started;
    // Only strings go back: cloning the Thread's object graph would cost the main thread
    // time even for results it drops (see engine.js). The JSON is made here, off the page.
    const r = run(core, job);
    try {
      postMessage({ id, result: { view: r.view, html: r.html, previewHtml: r.previewHtml,
        markdown: r.markdown, text: r.text, json: r.json, removedAll: JSON.stringify(r.removedAll) } });
    } finally {
      r.release();
    }
  } catch (e) {
    postMessage({ id, error: String(e?.message ?? e) });
  }
};
