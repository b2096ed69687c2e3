// The page: paste → preview, live. The DOM stays here and in the small modules beside it; all
// text work is the Rust core (./pkg), on this thread for small pastes and in worker.js for
// large ones. Nothing here reaches the network: the CSP says connect-src 'none'.
import { load, save, forget, debounce } from './storage.js';
import { bindOptions, toCore } from './options.js';
import { bindTheme, effectiveTheme } from './theme.js';
import { bindPaste } from './paste.js';
import { copyRich, copyText, download, htmlDocument } from './clipboard.js';
import { Review } from './review.js';
import { Engine } from './engine.js';
import { PreviewDom } from './preview.js';

const $ = (id) => document.getElementById(id);
const paste = $('paste');
const preview = $('preview');
const source = $('source');
const summary = $('summary');
const status = $('status');
const progress = $('progress');
const pasteInfo = $('paste-info');
const previewDom = new PreviewDom(preview);

const EMPTY = { html: '', previewHtml: '', markdown: '', text: '', json: '', thread: null };
const state = {
  links: load('links', []),
  picks: load('picks', {}),
  restored: load('restored', []),
  choices: null,
  view: 'preview',
  result: EMPTY,
};
let engine;
let review;

function plural(n, one, many) {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

function say(message, isError = false) {
  status.textContent = message;
  status.classList.toggle('error', isError);
}

function job() {
  const options = toCore(state.choices);
  const pageTheme = effectiveTheme();
  return {
    input: paste.value,
    links: state.links,
    picks: state.picks,
    restored: state.restored,
    options,
    preview: {
      ...options,
      htmlStyle: 'classes',
      theme: options.theme === 'auto' ? pageTheme : options.theme,
    },
  };
}

/** Makes `result` the one shown, and frees the one it replaces (its model in the wasm). */
function show(result) {
  const old = state.result;
  state.result = result;
  if (old !== result) old.release?.();
}

function update() {
  if (!paste.value.trim()) {
    engine.cancel();
    show(EMPTY);
    summary.textContent = '';
    showEmpty();
    review.update({ thread: { repairs: [], warnings: [], removed: [], posts: [] }, removedAll: [] }, []);
    return;
  }
  const started = performance.now();
  engine.format(job(), {
    onResult: (result, where) => {
      const shownAt = performance.now();
      show(result);
      document.body.dataset.engine = where;
      const t = result.thread;
      summary.textContent = [
        plural(t.posts.length, 'post', 'posts'),
        plural(t.removed.length, 'line removed', 'lines removed'),
        plural(t.repairs.length, 'repair', 'repairs'),
      ].join(' · ') + (t.warnings.length ? ` · ${plural(t.warnings.length, 'warning', 'warnings')}` : '');
      render();
      if (state.view === 'preview') review.decorate(t);
      // What this update cost this thread: all of it here, only the showing after the worker.
      updateCost = performance.now() - (where === 'main' ? started : shownAt);
      // The review panel after the next frame, so the preview paints first on a large paste.
      const shown = result;
      requestAnimationFrame(() => setTimeout(() => {
        if (state.result === shown) review.update(shown, state.restored);
      }, 0));
      say('');
    },
    onBusy: (size) => {
      document.body.dataset.busy = size ? 'true' : 'false';
      progress.hidden = !size;
      if (size) $('progress-label').textContent = `Formatting ${(size / 1e6).toFixed(1)} MB in the background — keep typing…`;
    },
    onError: (e) => say(`Could not format this paste: ${e.message}`, true),
  });
}

function showEmpty() {
  preview.replaceChildren();
  previewDom.reset();
  const hint = document.createElement('div');
  hint.className = 'empty-state';
  const p = document.createElement('p');
  p.textContent = 'Your article appears here as you paste. Copy a whole thread — the names, counts and “Show more” can come along: unspool takes them out and lists them under Review.';
  const p2 = document.createElement('p');
  p2.textContent = 'Broken characters such as “Itâ€™s” or “šŸ§µ” are repaired; select a highlighted word to choose another reading.';
  hint.append(p, p2);
  preview.append(hint);
  source.textContent = '';
}

function render() {
  if (state.view === 'preview') {
    // The renderer escapes every text node and links only http(s)/mailto; the CSP forbids
    // scripts. Only the posts that changed are replaced (preview.js), so typing neither
    // jumps nor lays out a long thread again.
    previewDom.show(state.result.previewHtml);
  } else {
    // A large paste's other renderings come from the worker a moment after its preview.
    const shown = state.result;
    if (shown.pending) {
      shown.complete.then(() => { if (state.result === shown) render(); });
      return;
    }
    source.textContent = shown[state.view];
  }
}

function selectTab(tab, focus = false) {
  state.view = tab.dataset.format;
  for (const t of document.querySelectorAll('[role=tab]')) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
  }
  preview.hidden = state.view !== 'preview';
  source.hidden = state.view === 'preview';
  source.setAttribute('aria-labelledby', tab.id);
  if (focus) tab.focus();
  if (state.view === 'preview') {
    render();
    review.decoratePreview(state.result.thread ?? { posts: [], warnings: [] });
  } else {
    render();
  }
}

function bindTabs() {
  const tabs = [...document.querySelectorAll('[role=tab]')];
  for (const tab of tabs) {
    tab.addEventListener('click', () => selectTab(tab));
    tab.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(tab);
      const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      selectTab(tabs[(next + tabs.length) % tabs.length], true);
    });
  }
}

const title = () => state.result.thread?.title || 'thread';
const fileName = () => (title().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'thread').toLowerCase();

async function copy(kind) {
  if (!state.result.thread) { say('Nothing to copy yet: paste a thread first.'); return; }
  try {
    if (kind === 'blog') {
      await copyRich(state.result.html, state.result.text);
      say('Copied for your blog: rich HTML and plain text together.');
    } else {
      await copyText(state.result[kind]);
      say(`Copied ${kind === 'markdown' ? 'Markdown' : 'text'}.`);
    }
  } catch (e) {
    say(`Could not copy (${e.message}). Select the text in the ${kind === 'blog' ? 'HTML' : kind} tab and copy it by hand.`, true);
  }
}

function saveFile(kind) {
  if (!state.result.thread) { say('Nothing to download yet: paste a thread first.'); return; }
  let content = state.result[kind];
  if (kind === 'html') {
    const classes = state.choices.htmlStyle !== 'inline';
    const css = classes ? [...document.styleSheets]
      .filter((s) => s.href?.endsWith('/thread.css'))
      .flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n') : '';
    content = htmlDocument(content, title(), css);
  }
  download(kind, content, fileName());
  say(`Downloaded ${fileName()}.${{ html: 'html', markdown: 'md', text: 'txt', json: 'json' }[kind]}.`);
}

// The draft is saved a moment after typing stops; a reload brings it back.
const saveDraft = debounce(() => {
  if (!save('draft', paste.value)) say('This browser would not keep the draft (storage full or off): it will be lost on reload.');
}, 400);
// The preview follows typing after a pause that grows with what the last update cost on this
// thread (twice it, 16–150 ms): a small paste updates almost at once, a costly one waits
// for typing to pause. A large paste is formatted in the worker: this thread only shows the
// result (the posts that changed), so it too follows typing closely.
let updateCost = 150;
const schedule = debounce(update, () => Math.min(150, Math.max(16, 2 * updateCost)));

function persistReview() {
  save('links', state.links);
  save('picks', state.picks);
  save('restored', state.restored);
}

function newPaste() {
  saveDraft.cancel();
  schedule.cancel();
  paste.value = '';
  state.links = [];
  state.picks = {};
  state.restored = [];
  for (const k of ['draft', 'links', 'picks', 'restored']) forget(k);
  pasteInfo.textContent = '';
  update();
  paste.focus();
  say('Cleared. Paste a new thread.');
}

async function main() {
  if (typeof WebAssembly !== 'object') {
    say('This browser cannot run WebAssembly, which unspool needs. Try a current Firefox, Chrome, Safari or Edge.', true);
    return;
  }
  let core;
  try {
    core = await import('./pkg/unspool.js');
    const { wasmBytes } = await import('./pkg/unspool_bytes.js');
    await core.default({ module_or_path: wasmBytes() });
  } catch (e) {
    say(`unspool could not start its formatter (${e.message}). Reload the page; if it keeps failing, try a current browser.`, true);
    document.body.dataset.ready = 'error';
    return;
  }
  engine = new Engine(core);
  review = new Review({
    root: $('review'),
    preview,
    picker: $('picker'),
    onRestore: (key, on) => {
      state.restored = on ? [...new Set([...state.restored, key])] : state.restored.filter((k) => k !== key);
      persistReview();
      update();
    },
    onPick: (key, choice) => {
      state.picks = { ...state.picks };
      if (choice === undefined) delete state.picks[key];
      else state.picks[key] = choice;
      persistReview();
      update();
    },
  });
  state.choices = bindOptions($('options-form'), (choices) => {
    state.choices = choices;
    update();
  });
  bindTheme($('theme'), update);
  bindTabs();
  bindPaste({
    textarea: paste,
    file: $('file'),
    zone: document.querySelector('.pane.input'),
    core,
    onInsert: (links, how) => {
      state.links = [...state.links, ...links];
      persistReview();
      pasteInfo.textContent = how === 'rich'
        ? `Pasted with formatting: ${plural(links.length, 'link', 'links')} and emoji images kept.`
        : '';
    },
    onReplace: (text, links, name) => {
      paste.value = text;
      state.links = links;
      state.picks = {};
      state.restored = [];
      persistReview();
      save('draft', text);
      pasteInfo.textContent = `Opened ${name}.`;
      update();
    },
  });
  paste.addEventListener('input', () => {
    saveDraft();
    schedule();
  });
  $('copy-blog').addEventListener('click', () => copy('blog'));
  $('copy-markdown').addEventListener('click', () => copy('markdown'));
  $('copy-text').addEventListener('click', () => copy('text'));
  for (const b of document.querySelectorAll('[data-download]')) {
    b.addEventListener('click', () => saveFile(b.dataset.download));
  }
  $('new-paste').addEventListener('click', newPaste);
  addEventListener('pagehide', () => saveDraft.flush());

  paste.value = load('draft', '');
  await engine.ready();
  say('');
  document.body.dataset.ready = 'true';
  update();
}

main();
