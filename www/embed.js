// <unspool-thread>: a pasted thread on a blog, formatted at load by the unspool core.
//
//   <script type="module" src="/unspool/embed.js"></script>
//   <unspool-thread numbering="1/n" theme="auto" author-only>
//     …the thread as copied…
//   </unspool-thread>
//   <unspool-thread src="thread.txt"></unspool-thread>
//
// The Rust core does the work (renderElement: attributes → options, text → HTML in the
// element); this file only defines the element, loads thread.css and, for src=, fetches the
// text. The WASM comes inlined (pkg/unspool_bytes.js), so the page's CSP needs
// script-src 'self' 'wasm-unsafe-eval' and no connect-src — except for src=, which fetches the
// blog's own file and so needs connect-src 'self'. No inline script or style is used.
import init, { renderElement } from './pkg/unspool.js';
import { wasmBytes } from './pkg/unspool_bytes.js';

const ready = init({ module_or_path: wasmBytes() });

// The class-based stylesheet, once per page, unless the blog links it itself.
if (!document.querySelector('link[data-unspool-css]')) {
  for (const name of ['thread.css', 'embed.css']) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL(name, import.meta.url).href;
    link.dataset.unspoolCss = name;
    document.head.append(link);
  }
}

const OPTIONS = ['platform', 'numbering', 'theme', 'heading', 'author-only', 'keep-markers',
  'merge', 'show-times', 'include-removed', 'link-entities'];

class UnspoolThread extends HTMLElement {
  static observedAttributes = [...OPTIONS, 'src'];
  #source = null; // the thread's text, kept: the element's content becomes the article
  #pending = null;

  connectedCallback() {
    if (this.#source === null && !this.hasAttribute('src')) this.#source = this.textContent;
    this.#schedule();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.isConnected) return;
    if (name === 'src') this.#source = null;
    this.#schedule();
  }

  /** The thread's text; setting it formats it again. */
  get source() { return this.#source ?? ''; }
  set source(text) { this.#source = String(text); this.removeAttribute('src'); this.#schedule(); }

  #schedule() {
    // One render per task, however many attributes change together.
    this.#pending ??= Promise.resolve().then(() => { this.#pending = null; return this.#render(); });
    return this.#pending;
  }

  async #render() {
    this.setAttribute('aria-busy', 'true');
    try {
      if (this.#source === null && this.hasAttribute('src')) {
        const res = await fetch(new URL(this.getAttribute('src'), document.baseURI));
        if (!res.ok) throw new Error(`${this.getAttribute('src')}: HTTP ${res.status}`);
        this.#source = await res.text();
      }
      await ready;
      const thread = renderElement(this, this.#source ?? '');
      this.dataset.state = 'done';
      this.dispatchEvent(new CustomEvent('unspool-rendered', { detail: thread, bubbles: true }));
    } catch (e) {
      this.dataset.state = 'error';
      console.error('<unspool-thread>:', e);
    } finally {
      this.removeAttribute('aria-busy');
    }
  }
}

if (!customElements.get('unspool-thread')) customElements.define('unspool-thread', UnspoolThread);
