// The page: paste → preview, live. The DOM stays here; all text work is the Rust core (./pkg).
import init, { format, renderThread } from './pkg/unspool.js';
import { wasmBytes } from './pkg/unspool_bytes.js';

const $ = (id) => document.getElementById(id);
const paste = $('paste');
const preview = $('preview');
const source = $('source');
const summary = $('summary');
const status = $('status');

let view = 'preview';
let outputs = { html: '', markdown: '', text: '' };

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

function update() {
  const input = paste.value;
  if (!input.trim()) {
    outputs = { html: '', markdown: '', text: '' };
    preview.replaceChildren();
    source.textContent = '';
    summary.textContent = '';
    return;
  }
  const options = {};
  const thread = format(input, options);
  outputs = {
    html: renderThread(thread, 'html', options),
    markdown: renderThread(thread, 'markdown', options),
    text: renderThread(thread, 'text', options),
  };
  summary.textContent = [
    plural(thread.posts.length, 'post', 'posts'),
    plural(thread.removed.length, 'line removed', 'lines removed'),
    plural(thread.repairs.length, 'repair', 'repairs'),
  ].join(' · ');
  show();
}

function show() {
  if (view === 'preview') {
    // The renderer escapes every text node and links only http(s)/mailto; the CSP forbids scripts.
    const scroll = preview.scrollTop;
    preview.innerHTML = outputs.html;
    preview.scrollTop = scroll;
  } else {
    source.textContent = outputs[view];
  }
}

function selectTab(tab) {
  view = tab.dataset.format;
  for (const t of document.querySelectorAll('[role=tab]')) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
  }
  preview.hidden = view !== 'preview';
  source.hidden = view === 'preview';
  source.setAttribute('aria-labelledby', tab.id);
  show();
}

async function copy(kind) {
  try {
    if (kind === 'blog') {
      const item = new ClipboardItem({
        'text/html': new Blob([outputs.html], { type: 'text/html' }),
        'text/plain': new Blob([outputs.text], { type: 'text/plain' }),
      });
      await navigator.clipboard.write([item]);
    } else {
      await navigator.clipboard.writeText(outputs[kind]);
    }
    status.textContent = 'Copied.';
  } catch (e) {
    status.textContent = `Could not copy: ${e.message}`;
  }
}

let timer = 0;
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(update, 120);
}

async function main() {
  try {
    await init({ module_or_path: wasmBytes() });
  } catch (e) {
    status.textContent = `unspool could not start its formatter (${e.message}). Try a current browser.`;
    status.classList.add('error');
    return;
  }
  paste.addEventListener('input', schedule);
  for (const tab of document.querySelectorAll('[role=tab]')) {
    tab.addEventListener('click', () => selectTab(tab));
  }
  $('copy-blog').addEventListener('click', () => copy('blog'));
  $('copy-markdown').addEventListener('click', () => copy('markdown'));
  $('copy-text').addEventListener('click', () => copy('text'));
  document.body.dataset.ready = 'true';
  update();
}

main();
