// The preview's DOM, updated in place: a keystroke changes one post, so only the parts of the
// rendered HTML that changed are parsed and laid out again. The renderer's HTML is an
// `<article>` whose children each start a line — `<header>`, one `<section>` per post,
// `<details>` — and no text it escapes can start with `<`, so cutting it before those tags
// gives one piece per child. Pieces are compared as strings with the last HTML shown, the
// children between the unchanged head and tail replaced. Anything else (another shape, the
// article's own tag changed, the preview emptied by someone else) is a full replacement.
const CUT = /\n(?=<(?:header|section|details)[\s>]|<\/article>)/;

/** A text node of white space only (the line break between the article's children). */
const blank = (node) => node?.nodeType === Node.TEXT_NODE && !node.data.trim();

export class PreviewDom {
  constructor(root) {
    this.root = root;
    /** The pieces of the HTML shown: the article's open tag, one per child, its close. */
    this.parts = null;
    /** The article's element children, one per inner piece. */
    this.kids = null;
    this.article = null;
  }

  /** Shows `html`; returns whether the whole preview was replaced. */
  show(html) {
    const parts = html.split(CUT);
    const old = this.parts;
    if (!old || parts.length < 2 || parts[0] !== old[0] || parts.at(-1) !== old.at(-1)
        || this.article?.parentNode !== this.root || this.root.childElementCount !== 1) {
      this.full(html, parts);
      return true;
    }
    const a = old.length - 2;
    const b = parts.length - 2;
    let head = 0;
    while (head < a && head < b && old[head + 1] === parts[head + 1]) head++;
    let tail = 0;
    while (tail < a - head && tail < b - head && old[old.length - 2 - tail] === parts[parts.length - 2 - tail]) tail++;
    if (head === a && head === b) {
      this.parts = parts;
      return false;
    }
    const fresh = parts.slice(1 + head, parts.length - 1 - tail);
    const template = document.createElement('template');
    template.innerHTML = fresh.map((p) => `\n${p}`).join('');
    if (template.content.children.length !== fresh.length) {
      this.full(html, parts);
      return true;
    }
    const made = [...template.content.children];
    // Each child follows its own line break, as the HTML has it: a child goes with the
    // break before it, and new ones go in before the next child's break (or the last one).
    const gone = this.kids.slice(head, a - tail);
    for (const kid of gone) {
      if (blank(kid.previousSibling)) kid.previousSibling.remove();
      kid.remove();
    }
    const next = this.kids[a - tail];
    const last = this.article.lastChild;
    const at = next ? (blank(next.previousSibling) ? next.previousSibling : next) : (blank(last) ? last : null);
    this.article.insertBefore(template.content, at);
    this.kids.splice(head, a - tail - head, ...made);
    this.parts = parts;
    return false;
  }

  full(html, parts) {
    const scroll = this.root.scrollTop;
    this.root.innerHTML = html;
    this.root.scrollTop = scroll;
    const article = this.root.firstElementChild;
    const kids = article ? [...article.children] : [];
    const shaped = this.root.childElementCount === 1 && kids.length === parts.length - 2;
    this.parts = shaped ? parts : null;
    this.kids = shaped ? kids : null;
    this.article = shaped ? article : null;
  }

  /** Forgets what is shown (the preview's content was replaced elsewhere). */
  reset() {
    this.parts = null;
    this.kids = null;
    this.article = null;
  }
}
