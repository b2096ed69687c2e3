// Where a paste is formatted: on the main thread when it is small (instant), in a module
// Web Worker when it is large (≥ LARGE characters), so typing stays responsive. Only the
// newest job matters: a job that is overtaken while the worker is busy is never started.
import { run } from './pipeline.js';

export const LARGE = 200_000;

export class Engine {
  /** `core` is the initialised wasm module of the main thread. */
  constructor(core) {
    this.core = core;
    this.worker = null;
    this.workerReady = null;
    this.busy = false;
    this.queued = null;
    this.nextId = 1;
    this.waiting = new Map();
    /** id → called with the worker's second message (the other renderings), or null. */
    this.rests = new Map();
    try {
      // Started at load, so its scripts are fetched before the page is ready, never later.
      this.worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
      this.workerReady = new Promise((resolve) => {
        this.worker.addEventListener('message', ({ data }) => {
          if ('ready' in data) { resolve(data.ready); return; }
          if ('rest' in data) {
            this.rests.get(data.id)?.(data.rest);
            this.rests.delete(data.id);
            return;
          }
          const done = this.waiting.get(data.id);
          this.waiting.delete(data.id);
          done?.(data);
        });
        this.worker.addEventListener('error', () => resolve(false));
        // A worker that never answers must not keep the page from starting.
        setTimeout(() => resolve(false), 15000);
      });
    } catch {
      this.workerReady = Promise.resolve(false);
    }
  }

  /** Resolves once the worker can take jobs (false when the browser gave none). */
  ready() {
    return this.workerReady;
  }

  /**
   * Formats `job`; calls `onResult(result, where)` for the newest job only, and
   * `onBusy(size)` / `onBusy(0)` around work done in the worker.
   */
  async format(job, { onResult, onBusy, onError }) {
    const large = job.input.length >= LARGE;
    if (!large || !(await this.workerReady)) {
      this.queued = null;
      const token = ++this.nextId;
      this.latest = token;
      try {
        onResult(run(this.core, job), 'main');
      } catch (e) {
        onError(e);
      }
      return;
    }
    this.queued = { job, onResult, onBusy, onError, token: ++this.nextId };
    this.latest = this.queued.token;
    if (!this.busy) this.drain();
  }

  /** Forgets every job not yet shown (the paste was cleared). */
  cancel() {
    this.queued = null;
    this.latest = ++this.nextId;
  }

  async drain() {
    while (this.queued) {
      const { job, onResult, onBusy, onError, token } = this.queued;
      this.queued = null;
      this.busy = true;
      onBusy(job.input.length);
      const id = token;
      // A result still waiting for its rest is overtaken: the worker drops that rest if it
      // has not sent it yet, and the page shows this job's result next, so it is not waited
      // for (its renderings are made here only if read before then: a copy, a download).
      this.rests.clear();
      const rest = new Promise((resolve) => this.rests.set(id, resolve));
      const reply = await new Promise((resolve) => {
        this.waiting.set(id, resolve);
        this.worker.postMessage({ id, job });
      });
      this.busy = false;
      if (!this.queued) onBusy(0);
      if (token !== this.latest) continue;
      if (reply.error) {
        this.rests.get(id)?.(null);
        this.rests.delete(id);
        onError(new Error(reply.error));
      } else onResult(this.fromWorker(job, reply.result, rest), 'worker');
    }
  }

  /**
   * The worker's result as the page reads it: the preview's HTML and the model's view at once;
   * the other renderings and the JSON when the worker's second message has come (`complete`
   * resolves then), or else — read before it came, or it never will — made here, once.
   */
  fromWorker(job, result, rest) {
    let strings = null;
    let made = null;
    let arrived = false;
    const complete = rest.then((r) => {
      strings = r;
      arrived = true;
    });
    const read = (k) => {
      if (strings) return strings[k];
      if (!made) {
        const r = run(this.core, job);
        try {
          made = { html: r.html, markdown: r.markdown, text: r.text, json: r.json };
        } finally {
          r.release();
        }
      }
      return made[k];
    };
    return {
      view: result.view,
      thread: JSON.parse(result.view),
      removedAll: JSON.parse(result.removedAll),
      previewHtml: result.previewHtml,
      /** Resolves when `html`, `markdown`, `text` and `json` can be read without work here. */
      complete,
      /** True until then (and until they were made here). */
      get pending() { return !arrived && !made; },
      get html() { return read('html'); },
      get markdown() { return read('markdown'); },
      get text() { return read('text'); },
      get json() { return read('json'); },
    };
  }
}
