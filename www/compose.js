// Compose: long text → a thread that fits a platform, live. The DOM stays here; the splitting
// and counting are the Rust core's (./pkg): split() gives [{text, weightedLength, warning?}].
import init, { split, count } from './pkg/unspool.js';
import { wasmBytes } from './pkg/unspool_bytes.js';

const $ = (id) => document.getElementById(id);
const draft = $('draft');
const platform = $('platform');
const numbering = $('numbering');
const limitControl = $('limit-control');
const limitInput = $('limit');
const list = $('posts');
const empty = $('empty');
const summary = $('summary');
const lengthNote = $('length');
const status = $('status');
const copyAll = $('copy-all');

const STORE = 'unspool.compose';
const NAMES = { x: 'X', bluesky: 'Bluesky', mastodon: 'Mastodon', threads: 'Threads' };
const LIMITS = { x: 280, bluesky: 300, mastodon: 500, threads: 500 };
// Posts joined for "Copy all": a line with only --- is the page's own break, so pasting the
// result back here gives the same posts.
const JOIN = '\n\n---\n\n';

let posts = [];

/** The post limit: the platform's, or the Mastodon instance's when it is a sensible number. */
function limit() {
  if (platform.value !== 'mastodon') return LIMITS[platform.value];
  const n = Math.floor(Number(limitInput.value));
  return Number.isFinite(n) && n >= 1 && n <= 100000 ? n : LIMITS.mastodon;
}

function save() {
  try {
    localStorage.setItem(STORE, JSON.stringify({
      draft: draft.value,
      platform: platform.value,
      numbering: numbering.value,
      limit: limitInput.value,
    }));
  } catch {
    // Storage full or disabled: the page still works, the draft is just not kept.
  }
}

function restore() {
  let saved;
  try {
    saved = JSON.parse(localStorage.getItem(STORE) ?? 'null');
  } catch {
    saved = null;
  }
  if (!saved || typeof saved !== 'object') return;
  if (typeof saved.draft === 'string') draft.value = saved.draft;
  const pick = (select, value) => {
    if ([...select.options].some((o) => o.value === value)) select.value = value;
  };
  pick(platform, saved.platform);
  pick(numbering, saved.numbering);
  if (typeof saved.limit === 'string' && saved.limit) limitInput.value = saved.limit;
}

const plural = (n, one, many) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One post: its number, meter, copy button, text and (when it cannot fit) a warning. */
function renderPost(post, i, total, max) {
  const over = post.weightedLength > max;
  const ratio = post.weightedLength / max;
  const li = el('li', 'post');
  if (over) li.classList.add('over');
  else if (ratio > 0.9) li.classList.add('near');

  const head = el('div', 'post-head');
  head.append(el('span', 'post-number', `${i + 1}/${total}`));

  const meter = el('div', 'meter');
  const label = el('span', 'meter-label', `${post.weightedLength} / ${max}`);
  const bar = el('span', 'meter-bar');
  bar.setAttribute('role', 'meter');
  bar.setAttribute('aria-label', `Length of post ${i + 1}`);
  bar.setAttribute('aria-valuemin', '0');
  bar.setAttribute('aria-valuemax', String(max));
  bar.setAttribute('aria-valuenow', String(post.weightedLength));
  bar.setAttribute('aria-valuetext', `${post.weightedLength} of ${max}${over ? ', over the limit' : ''}`);
  const fill = el('span', 'meter-fill');
  fill.style.width = `${Math.min(100, ratio * 100).toFixed(1)}%`;
  bar.append(fill);
  meter.append(bar, label);
  head.append(meter);

  const button = el('button', 'copy-post', 'Copy');
  button.type = 'button';
  button.dataset.index = String(i);
  button.setAttribute('aria-label', `Copy post ${i + 1} of ${total}`);
  head.append(button);

  li.append(head, el('p', 'post-text', post.text));
  if (over) {
    const why = el('p', 'warning',
      `This post is ${post.weightedLength} of ${max} and cannot be split: a link, mention, ` +
      'hashtag or emoji is longer than a whole post. Shorten it before posting.');
    if (post.warning) why.title = post.warning;
    li.append(why);
  }
  return li;
}

function update() {
  const started = performance.now();
  refresh();
  lastCost = performance.now() - started;
  document.body.dataset.pending = 'false';
}

function refresh() {
  save();
  limitControl.hidden = platform.value !== 'mastodon';
  const text = draft.value;
  const max = limit();
  status.textContent = '';
  status.classList.remove('error');
  if (!text.trim()) {
    posts = [];
    list.replaceChildren();
    empty.hidden = false;
    summary.textContent = '';
    lengthNote.textContent = '';
    copyAll.disabled = true;
    return;
  }
  try {
    const options = { numbering: numbering.value };
    if (platform.value === 'mastodon') options.limit = max;
    posts = split(text, platform.value, options);
  } catch (e) {
    posts = [];
    status.textContent = `Could not split this text: ${e.message ?? e}`;
    status.classList.add('error');
  }
  const total = posts.length;
  list.replaceChildren(...posts.map((p, i) => renderPost(p, i, total, max)));
  empty.hidden = total > 0;
  copyAll.disabled = total === 0;

  const overCount = posts.filter((p) => p.weightedLength > max).length;
  let length = 0;
  try {
    length = count(text, platform.value).weightedLength;
  } catch {
    length = 0;
  }
  lengthNote.textContent =
    `${plural(length, 'character', 'characters')} as ${NAMES[platform.value]} counts them`;
  // The live region says only what changes the thread, not every keystroke's length.
  const parts = [`${plural(total, 'post', 'posts')} for ${NAMES[platform.value]}`];
  if (overCount) parts.push(plural(overCount, 'post cannot fit', 'posts cannot fit'));
  const said = parts.join(' · ');
  if (summary.textContent !== said) summary.textContent = said;
  summary.classList.toggle('warn', overCount > 0);
}

/** Copies through a selected textarea where the Clipboard API is missing (plain http). */
function copyByCommand(text) {
  const before = document.activeElement;
  const area = el('textarea', 'visually-hidden');
  area.value = text;
  area.setAttribute('aria-hidden', 'true');
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  before?.focus?.({ preventScroll: true });
  if (!ok) throw new Error('the browser refused');
}

async function copy(text, what) {
  try {
    if (navigator.clipboard?.writeText) await navigator.clipboard.writeText(text);
    else copyByCommand(text);
    status.classList.remove('error');
    status.textContent = `Copied ${what}.`;
  } catch (e) {
    status.classList.add('error');
    status.textContent = `Could not copy: ${e.message ?? e}`;
  }
}

// Splitting runs on this thread: wait for a pause in typing that grows with how long the last
// split took, so a long draft does not stall every keystroke.
let timer = 0;
let lastCost = 0;
function schedule() {
  document.body.dataset.pending = 'true';
  clearTimeout(timer);
  timer = setTimeout(update, Math.min(1000, Math.max(80, 2 * lastCost)));
}

async function main() {
  try {
    await init({ module_or_path: wasmBytes() });
  } catch (e) {
    status.textContent = `unspool could not start its splitter (${e.message}). Try a current browser.`;
    status.classList.add('error');
    return;
  }
  restore();
  draft.addEventListener('input', schedule);
  limitInput.addEventListener('input', schedule);
  platform.addEventListener('change', update);
  numbering.addEventListener('change', update);
  list.addEventListener('click', (event) => {
    const button = event.target.closest('button.copy-post');
    if (!button) return;
    const i = Number(button.dataset.index);
    if (posts[i]) copy(posts[i].text, `post ${i + 1} of ${posts.length}`);
  });
  copyAll.addEventListener('click', () => {
    copy(posts.map((p) => p.text).join(JOIN), `all ${plural(posts.length, 'post', 'posts')}`);
  });
  update();
  document.body.dataset.ready = 'true';
}

main();
