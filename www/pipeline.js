// One formatting pass, the same on the main thread and in the worker: the paste (plus the
// links a rich paste kept, the repair alternatives picked and the removed lines restored)
// → the Thread and its renderings. `core` is the wasm module (./pkg/unspool.js), initialised.

/** Repairs that show in the text (not line endings, control characters or NFC). */
export function visibleRepair(r) {
  return r.to.trim() !== '' && !['line_ending', 'control', 'nfc'].includes(r.kind);
}

/** Stable key of a removed line, so a restore survives re-formatting the same paste. */
export const removedKey = (r) => `${r.line}\u0000${r.text}`;

/** Stable key of a repair. */
export const repairKey = (r) => `${r.at}\u0000${r.from}`;

/**
 * Runs the pipeline.
 * job: { input, links, picks: {[repairKey]: chosen}, restored: [removedKey], options, preview }
 * `preview` is the options for the on-page preview (class-based HTML, the page's theme).
 *
 * The model stays inside the wasm module (a `Formatted` handle): it is formatted once, edited
 * there (a restored line goes back into its post) and rendered from there, so no Thread
 * crosses back in. What comes out is strings: the model without its spans (`view`, parsed
 * here into `thread` for the summary and the review panel) and each rendering. The full JSON
 * (`json`, for the JSON tab, copy and download) and each rendering are made only when first
 * read, from the handle: call `release()` when the result is no longer shown, which frees
 * the handle.
 */
export function run(core, job) {
  const { input, links = [], picks = {}, restored = [], options, preview } = job;
  const picked = Object.keys(picks);
  let formatted;
  let repaired = null;
  let repairs = null;
  if (picked.length) {
    // Apply the chosen readings to the repaired text, last first so offsets hold, and
    // format that; the repairs listed stay those of the paste, with the choice marked.
    repaired = core.repair(input);
    let text = repaired.text;
    const chosen = repaired.repairs
      .filter((r) => picks[repairKey(r)] !== undefined)
      .sort((a, b) => b.at - a.at);
    for (const r of chosen) {
      if (text.slice(r.at, r.at + r.to.length) === r.to) {
        text = text.slice(0, r.at) + picks[repairKey(r)] + text.slice(r.at + r.to.length);
      }
    }
    // Not formatted from the paste: its repair stage would undo the reading just picked.
    formatted = core.Formatted.fromRepaired(text, options);
    repairs = repaired.repairs.map((r) =>
      picks[repairKey(r)] === undefined ? r : { ...r, picked: picks[repairKey(r)] });
    repaired = { text, repairs: repaired.repairs };
  } else {
    formatted = new core.Formatted(input, options);
  }
  try {
    if (links.length) formatted.relink(links);
    let view = formatted.view();
    const thread = JSON.parse(view);
    if (repairs) thread.repairs = repairs;
    const removed = thread.removed;
    if (restored.length) {
      const keys = new Set(restored);
      const lines = (repaired ?? core.repair(input)).text.split('\n');
      const back = removed.filter((r) => keys.has(removedKey(r)));
      for (const r of back) restoreLine(formatted, thread, lines, removed, r);
      const keep = [];
      removed.forEach((r, i) => { if (!keys.has(removedKey(r))) keep.push(i); });
      formatted.keepRemoved(Uint32Array.from(keep));
      thread.removed = keep.map((i) => removed[i]);
    }
    if (repairs || restored.length) view = JSON.stringify(thread);
    let held = formatted;
    // Each rendering is made when it is first read, from the handle, and kept: a keystroke
    // on the preview makes only the preview's HTML (Markdown, text and the other HTML wait
    // for their tab, a copy or a download; the worker reads them all before it replies).
    const once = (to, opts) => {
      let out = null;
      return () => (out ??= held.render(to, opts));
    };
    const html = once('html', options);
    const sameLook = options.htmlStyle !== 'inline' && options.theme === preview.theme;
    const previewHtml = sameLook ? html : once('html', preview);
    const markdown = once('markdown', options);
    const text = once('text', options);
    let json = null;
    return {
      thread,
      view,
      removedAll: removed,
      get html() { return html(); },
      get previewHtml() { return previewHtml(); },
      get markdown() { return markdown(); },
      get text() { return text(); },
      /** The model's JSON (pretty), with the repairs as listed here (a picked reading marked). */
      get json() {
        if (json === null) {
          json = held.json();
          if (repairs) json = JSON.stringify({ ...JSON.parse(json), repairs }, null, 2);
        }
        return json;
      },
      /** Frees the model inside the module; what is read after (`json`, the renderings) must
       * have been read before, if needed. */
      release() {
        held?.free();
        held = null;
      },
    };
  } catch (e) {
    formatted.free();
    throw e;
  }
}

const stripMarker = (line) => line.replace(/^(\(?\d{1,3}\/\d*\)?|\d{1,3}[.)])\s+/u, '');

/** Where `line` (a line of the paste) stands in the posts: [post, end offset] or null. */
function locate(posts, line) {
  for (const probe of [line, stripMarker(line), line.slice(-40)]) {
    if (probe.length < 2) continue;
    for (const post of posts) {
      const at = post.text.indexOf(probe);
      if (at >= 0) return [post, at, at + probe.length];
    }
  }
  return null;
}

/**
 * Puts removed line `r` back into the post its neighbours belong to: in `thread` (the parsed
 * view, for the page) and in `formatted` (the model inside the module, whose spans it finds
 * again, for the renderers and the JSON).
 */
export function restoreLine(formatted, thread, lines, removed, r) {
  const fullyRemoved = new Set(removed.filter((x) => (lines[x.line - 1] ?? '').trim() === x.text)
    .map((x) => x.line));
  const whole = (lines[r.line - 1] ?? '').trim();
  let post = null;
  if (whole !== r.text && whole.endsWith(r.text)) {
    // A tail glued to a post's line (`you haveShow more`): back where it was glued.
    const hit = locate(thread.posts, whole.slice(0, whole.length - r.text.length).trimEnd());
    if (hit) {
      [post] = hit;
      post.text = post.text.slice(0, hit[2]) + r.text + post.text.slice(hit[2]);
    }
  }
  // Otherwise after the nearest line before it that a post holds, or else before the
  // nearest such line after it (a few lines each way: headers are not post text).
  let tries = 8;
  for (let k = r.line - 1; !post && k >= 1 && tries > 0; k--) {
    const line = (lines[k - 1] ?? '').trim();
    if (!line || fullyRemoved.has(k)) continue;
    tries -= 1;
    const hit = locate(thread.posts, line);
    if (hit) {
      [post] = hit;
      post.text = `${post.text.slice(0, hit[2])}\n${r.text}${post.text.slice(hit[2])}`;
    }
  }
  tries = 8;
  for (let k = r.line + 1; !post && k <= lines.length && tries > 0; k++) {
    const line = (lines[k - 1] ?? '').trim();
    if (!line || fullyRemoved.has(k)) continue;
    tries -= 1;
    const hit = locate(thread.posts, line);
    if (hit) {
      [post] = hit;
      post.text = `${post.text.slice(0, hit[1])}${r.text}\n${post.text.slice(hit[1])}`;
    }
  }
  if (post) {
    formatted.setPostText(thread.posts.indexOf(post), post.text);
  } else {
    post = { number: thread.posts.length + 1, author: null, time: null, text: r.text,
      quoted: null, media: [], reply: false };
    formatted.addPost(r.text);
    thread.posts.push(post);
  }
}
