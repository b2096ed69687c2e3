// The review panel: what unspool changed, each change reversible. Removed lines (restorable),
// repairs (highlighted in the preview, with a picker for the other readings) and warnings
// (also shown next to the post they concern).
import { removedKey, repairKey, visibleRepair } from './pipeline.js';

const REASONS = {
  count: 'a count', ui: 'interface words', timestamp: 'a timestamp', header: 'a post header',
  footer: 'a page footer', signup: 'a sign-up prompt', media: 'a media label',
};
const KINDS = {
  lost_link: 'A link was lost in the copy: add it back by hand or paste with formatting.',
  truncated_link: 'This link was shortened with “…” by the site: its end is missing.',
  lost_mention: 'A mention seems to be missing here.',
  input_too_large: 'The paste is very large: only part of it was formatted.',
};
const MAX_MARKS = 300;
const MAX_ITEMS = 500;

const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};
/** The first MAX_ITEMS of `list` made into elements; `length` is the whole list's. */
const lazy = (list, make) => {
  const made = list.slice(0, MAX_ITEMS).map(make);
  made.total = list.length;
  return made;
};
// Invisible characters are named by code point: a stray control or zero-width space removed
// shows as `U+0007`, not as an empty box. Line breaks show as ⏎.
const show = (s) => (s === '' ? '(nothing)' : s.replace(/\r?\n|\r/g, '⏎')
  .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u200c\u2060\ufeff\u00ad]/g,
    (c) => `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`));

export class Review {
  constructor({ root, preview, picker, onRestore, onPick }) {
    this.preview = preview;
    this.picker = picker;
    this.onRestore = onRestore;
    this.onPick = onPick;
    this.groups = {
      warnings: root.querySelector('#review-warnings'),
      repairs: root.querySelector('#review-repairs'),
      removed: root.querySelector('#review-removed'),
    };
    this.repairs = [];
    preview.addEventListener('click', (e) => {
      const mark = e.target.closest?.('mark.repair');
      if (mark) this.openPicker(mark);
    });
    preview.addEventListener('keydown', (e) => {
      const mark = e.target.closest?.('mark.repair');
      if (mark && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        this.openPicker(mark);
      }
    });
    picker.querySelector('.picker-close').addEventListener('click', () => this.closePicker());
    picker.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.closePicker();
    });
    document.addEventListener('pointerdown', (e) => {
      if (!picker.hidden && !picker.contains(e.target) && !e.target.closest?.('mark.repair')) {
        this.closePicker(false);
      }
    });
  }

  /** Fills the panel from a pipeline result; `restored` holds the keys of restored lines. */
  update(result, restored) {
    const { thread, removedAll } = result;
    this.repairs = thread.repairs;
    this.refill('warnings', thread.warnings, null, (w) => this.warningItem(w));
    this.refill('repairs', thread.repairs, null, (r, i) => this.repairItem(r, i));
    const back = new Set(restored);
    this.refill('removed', removedAll, restored, (r) => this.removedItem(r, back.has(removedKey(r))));
    if (this.decorated !== thread) this.decoratePreview(thread);
  }

  /** The preview's marks and warnings for `thread`, with the preview it was just shown in:
   * the lists of `update` can wait for the next frame, these cannot (the preview would paint
   * without them, then again with them). */
  decorate(thread) {
    this.repairs = thread.repairs;
    this.decoratePreview(thread);
  }

  /** Fills `group` from `list` unless it shows that list already (typing in a long paste
   * leaves the removed lines as they were: 500 items are not made again per keystroke). */
  refill(group, list, also, make) {
    const key = JSON.stringify([list.length, list.slice(0, MAX_ITEMS), also]);
    if (this.shown?.[group] === key) return;
    (this.shown ??= {})[group] = key;
    this.fill(group, lazy(list, make));
  }

  fill(group, items) {
    const details = this.groups[group];
    const total = items.total ?? items.length;
    details.querySelector('.count').textContent = total.toLocaleString('en');
    const shown = items.slice(0, MAX_ITEMS);
    if (total > MAX_ITEMS) {
      shown.push(el('li', { className: 'more' },
        `… and ${(total - MAX_ITEMS).toLocaleString('en')} more (see the JSON tab for all).`));
    }
    details.querySelector('ul').replaceChildren(...shown);
    details.classList.toggle('empty', total === 0);
  }

  warningItem(w) {
    const where = w.post ? `Post ${w.post}: ` : '';
    return el('li', { className: 'warning' },
      el('strong', {}, `${where}${KINDS[w.kind] ?? w.kind.replace(/_/g, ' ')}`),
      w.text ? el('q', {}, w.text) : '');
  }

  repairItem(r, i) {
    const now = r.picked ?? r.to;
    const li = el('li', { className: 'repair-item' },
      el('span', { className: 'kind' }, r.kind.replace(/_/g, ' ')),
      el('code', {}, show(r.from)), ' → ', el('code', { className: 'to' }, show(now)));
    // The same change made in many places (CRLF line endings, a stray control) is one repair.
    if (r.count > 1) li.append(' ', el('span', { className: 'times' }, `×${r.count.toLocaleString('en')}`));
    if (visibleRepair(r)) {
      const choose = el('button', { type: 'button', className: 'small' }, 'Change…');
      choose.setAttribute('aria-label', `Change the repair of ${show(r.from)}`);
      choose.addEventListener('click', () => this.openPicker(choose, i));
      li.append(' ', choose);
    }
    return li;
  }

  removedItem(r, isBack) {
    const button = el('button', { type: 'button', className: 'small' }, isBack ? 'Remove again' : 'Restore');
    button.setAttribute('aria-label', `${isBack ? 'Remove again' : 'Restore'} line ${r.line}: ${r.text}`);
    button.addEventListener('click', () => this.onRestore(removedKey(r), !isBack));
    return el('li', { className: isBack ? 'removed-item restored' : 'removed-item' },
      el('span', { className: 'line' }, `line ${r.line}`),
      el('code', {}, r.text),
      el('span', { className: 'reason' }, REASONS[r.reason] ?? r.reason),
      button);
  }

  /** Highlights repairs and places warnings next to their posts, in the preview's DOM. */
  decoratePreview(thread) {
    this.decorated = thread;
    // What an earlier call added to posts the preview kept (see preview.js) goes first.
    for (const w of this.preview.querySelectorAll('.unspool-warning')) w.remove();
    const marked = new Set();
    for (const mark of this.preview.querySelectorAll('mark.repair')) {
      marked.add(mark.parentNode);
      mark.replaceWith(...mark.childNodes);
    }
    for (const parent of marked) parent.normalize();
    this.markRepairs();
    if (this.focusRepair !== undefined) {
      this.preview.querySelector(`mark[data-repair="${this.focusRepair}"]`)?.focus();
      this.focusRepair = undefined;
    }
    const sections = this.preview.querySelectorAll('.post');
    const index = new Map(thread.posts.map((p, i) => [p.number, i]));
    for (const w of thread.warnings) {
      const section = sections[index.get(w.post) ?? -1];
      if (!section) continue;
      section.append(el('p', { className: 'unspool-warning', role: 'note' },
        '⚠ ', KINDS[w.kind] ?? w.kind.replace(/_/g, ' ')));
    }
  }

  /** Wraps each visible repair's text in a focusable <mark>, in text order. */
  markRepairs() {
    const nodes = [];
    const walker = document.createTreeWalker(this.preview, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    let nodeIndex = 0;
    let offset = 0;
    let marks = 0;
    this.repairs.forEach((r, i) => {
      if (marks >= MAX_MARKS || !visibleRepair(r)) return;
      const needle = r.picked ?? r.to;
      if (!needle.trim()) return;
      for (let k = nodeIndex; k < nodes.length && k < nodeIndex + 400; k++) {
        const at = nodes[k].data.indexOf(needle, k === nodeIndex ? offset : 0);
        if (at < 0) continue;
        const hit = nodes[k].splitText(at);
        const rest = hit.splitText(needle.length);
        const guess = r.alternatives.length > 0 || r.confidence < 1;
        const mark = el('mark', { className: `repair${guess ? ' guess' : ''}${r.picked === undefined ? '' : ' picked'}`, tabIndex: 0 });
        mark.dataset.repair = String(i);
        mark.title = `Repaired from “${r.from}” — select to change`;
        mark.setAttribute('role', 'button');
        mark.setAttribute('aria-label', `${needle}, repaired from ${r.from}. Change`);
        hit.replaceWith(mark);
        mark.append(hit);
        nodes[k] = rest;
        nodeIndex = k;
        offset = 0;
        marks += 1;
        return;
      }
    });
  }

  /** Opens the picker for a repair, next to `anchor` (a mark or a button). */
  openPicker(anchor, index = Number(anchor.dataset.repair)) {
    const r = this.repairs[index];
    if (!r) return;
    const current = r.picked ?? r.to;
    const seen = new Set();
    const choices = [r.to, ...r.alternatives, r.from].filter((c) => {
      if (seen.has(c)) return false;
      seen.add(c);
      return true;
    });
    this.picker.querySelector('.picker-title').textContent = `Repaired “${show(r.from)}” (${r.kind.replace(/_/g, ' ')}). Choose a reading:`;
    const buttons = choices.map((c) => {
      const label = c === r.from ? `${show(c)} — as pasted` : c === r.to ? `${show(c)} — unspool’s guess` : show(c);
      const b = el('button', { type: 'button', className: c === current ? 'choice current' : 'choice' }, label);
      b.setAttribute('aria-pressed', String(c === current));
      b.dataset.choice = c;
      b.addEventListener('click', () => {
        this.closePicker();
        // The preview is redrawn: focus goes to this repair's new mark (see markRepairs).
        if (anchor.matches('mark')) this.focusRepair = index;
        this.onPick(repairKey(r), c === r.to ? undefined : c);
      });
      return b;
    });
    this.picker.querySelector('.picker-choices').replaceChildren(...buttons);
    this.returnFocus = anchor;
    this.picker.hidden = false;
    const box = anchor.getBoundingClientRect();
    const width = Math.min(320, innerWidth - 16);
    this.picker.style.left = `${Math.max(8, Math.min(box.left, innerWidth - width - 8)) + scrollX}px`;
    this.picker.style.top = `${box.bottom + 6 + scrollY}px`;
    buttons[0]?.focus();
  }

  closePicker(restoreFocus = true) {
    if (this.picker.hidden) return;
    this.picker.hidden = true;
    if (restoreFocus && this.returnFocus?.isConnected) this.returnFocus.focus();
  }
}
