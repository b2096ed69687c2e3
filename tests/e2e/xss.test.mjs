// Hostile pastes in the real page (headless Chromium): more than 100 XSS vectors — script tags,
// event handlers, javascript:/data: URLs, entity and case tricks, SVG and MathML, mutation
// tricks — pasted as plain text and as clipboard HTML. For every one: no dialog fires, no
// script runs (no marker set, no CSP violation reported), no request leaves the page, and the
// preview holds only the renderer's allowed tags and attributes. Then lone UTF-16 surrogates
// through the JS ↔ WASM boundary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servePage, open } from './harness.mjs';

// Each payload tries to run `top.__pwned = 1` (or alert) or to make a request.
const P = 'top.__pwned=1';
const VECTORS = [
  // script tags
  `<script>${P}</script>`,
  `<script>alert(1)</script>`,
  `<SCRIPT>${P}</SCRIPT>`,
  `<ScRiPt>${P}</sCrIpT>`,
  `<script src="http://127.0.0.1:9/x.js"></script>`,
  `<script src=//127.0.0.1:9/x.js></script>`,
  `<script type="module">${P}</script>`,
  `<scr<script>ipt>${P}</scr</script>ipt>`,
  `<script\n>${P}</script\n>`,
  `<script/x>${P}</script>`,
  `"><script>${P}</script>`,
  `'><script>${P}</script>`,
  `</textarea><script>${P}</script>`,
  `</title><script>${P}</script>`,
  `<!--><script>${P}</script>-->`,
  `<![CDATA[<script>${P}</script>]]>`,
  // event handlers
  `<img src=x onerror=${P}>`,
  `<img src="x" onerror="alert(1)">`,
  `<IMG SRC=x OnErRoR=${P}>`,
  `<img src=x onerror=&#116;op.__pwned=1>`,
  `<img/src=x/onerror=${P}>`,
  `<img src=x:alert(1) onerror=eval(src)>`,
  `<svg onload=${P}>`,
  `<svg/onload=${P}>`,
  `<body onload=${P}>`,
  `<div onmouseover="${P}">hover</div>`,
  `<input autofocus onfocus=${P}>`,
  `<select autofocus onfocus=${P}>`,
  `<textarea autofocus onfocus=${P}>`,
  `<details open ontoggle=${P}>`,
  `<video><source onerror=${P}></video>`,
  `<audio src=x onerror=${P}>`,
  `<marquee onstart=${P}>x</marquee>`,
  `<iframe onload=${P}></iframe>`,
  `<object onerror=${P}></object>`,
  `<style onload=${P}></style>`,
  `<link rel=stylesheet href=x onerror=${P}>`,
  `<p onclick=${P}>click</p>`,
  `<a onmouseover=${P}>x</a>`,
  `<form><button formaction=javascript:${P}>x</button></form>`,
  `<keygen autofocus onfocus=${P}>`,
  `<frameset onload=${P}>`,
  `<table background="javascript:${P}">`,
  `<x contenteditable onblur=${P}>lose focus</x>`,
  // javascript: and data: URLs
  `<a href="javascript:${P}">click</a>`,
  `<a href="JaVaScRiPt:${P}">click</a>`,
  `<a href=" javascript:${P}">click</a>`,
  `<a href="java\tscript:${P}">click</a>`,
  `<a href="&#106;avascript:${P}">click</a>`,
  `<a href="&#x6A;avascript:${P}">click</a>`,
  `<a href="javascript&colon;${P}">click</a>`,
  `<a href="data:text/html,<script>${P}</script>">click</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD50b3AuX19wd25lZD0xPC9zY3JpcHQ+">click</a>`,
  `<a href="vbscript:msgbox(1)">click</a>`,
  `javascript:${P}`,
  `javascript://example.com/%0a${P}`,
  `data:text/html,<script>${P}</script>`,
  `[click](javascript:${P})`,
  `[click](JAVASCRIPT:${P})`,
  `[click](data:text/html,<script>${P}</script>)`,
  `![x](http://127.0.0.1:9/pixel.png)`,
  `<javascript:${P}>`,
  `<http://127.0.0.1:9/x>`,
  `<iframe src="javascript:${P}"></iframe>`,
  `<iframe srcdoc="<script>${P}</script>"></iframe>`,
  `<object data="javascript:${P}"></object>`,
  `<embed src="javascript:${P}">`,
  `<form action="javascript:${P}"><input type=submit></form>`,
  `<base href="javascript:/">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${P}">`,
  `<img src="http://127.0.0.1:9/leak.png">`,
  `<img srcset="http://127.0.0.1:9/a.png 1x">`,
  `<video poster="http://127.0.0.1:9/p.png"></video>`,
  `<link rel=prefetch href="http://127.0.0.1:9/p">`,
  `<div style="background:url(http://127.0.0.1:9/bg.png)">x</div>`,
  `<style>@import 'http://127.0.0.1:9/x.css';</style>`,
  `<div style="width:expression(${P})">x</div>`,
  // links that try to break out of the attribute the renderer writes
  `https://example.com/"onmouseover="${P}`,
  `https://example.com/'onmouseover='${P}`,
  `https://example.com/"><script>${P}</script>`,
  `https://example.com/?q="><img src=x onerror=${P}>`,
  `https://example.com/<svg/onload=${P}>`,
  `http://example.com/javascript:${P}`,
  `www.example.com/"><script>${P}</script>`,
  `mailto:a@example.com?body="><script>${P}</script>`,
  `https://exa<script>mple.com/`,
  // entity and encoding tricks (repair decodes entities: the result must still be text)
  `&lt;script&gt;${P}&lt;/script&gt;`,
  `&#60;script&#62;${P}&#60;/script&#62;`,
  `&#x3C;img src=x onerror=${P}&#x3E;`,
  `&amp;lt;script&amp;gt;${P}&amp;lt;/script&amp;gt;`,
  `&lt;img src=x onerror=${P}&gt;`,
  `&#0000060;script&#0000062;${P}&#0000060;/script&#0000062;`,
  `%3Cscript%3E${P}%3C/script%3E`,
  `\\u003cscript\\u003e${P}\\u003c/script\\u003e`,
  `Ã¢â‚¬Å“<script>${P}</script>`,
  `â€œ&lt;script&gt;${P}&lt;/script&gt;â€`,
  `<scr\u200bipt>${P}</scr\u200bipt>`,
  `<\u0000script>${P}</script>`,
  `\uFF1Cscript\uFF1E${P}\uFF1C/script\uFF1E`,
  `\uFE64script\uFE65${P}\uFE64/script\uFE65`,
  `\u202E>tpircs/<${P}>tpircs<`,
  // SVG
  `<svg><script>${P}</script></svg>`,
  `<svg><script href="data:,${P}"></script></svg>`,
  `<svg><animate onbegin=${P} attributeName=x dur=1s>`,
  `<svg><set attributeName=onmouseover to=${P}>`,
  `<svg><a xlink:href="javascript:${P}"><text x=20 y=20>x</text></a></svg>`,
  `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='${P}'/></svg>#x"/></svg>`,
  `<svg><foreignObject><img src=x onerror=${P}></foreignObject></svg>`,
  `<svg><style>@import 'http://127.0.0.1:9/s.css'</style></svg>`,
  // MathML and mutation XSS
  `<math><mtext><table><mglyph><style><img src=x onerror=${P}>`,
  `<math href="javascript:${P}">click</math>`,
  `<math><maction actiontype="statusline" xlink:href="javascript:${P}">x</maction></math>`,
  `<math><mi xlink:href="data:x,<script>${P}</script>">x</mi></math>`,
  `<noscript><p title="</noscript><img src=x onerror=${P}>">`,
  `<style><img src=x onerror=${P}></style>`,
  `<textarea></textarea><img src=x onerror=${P}>`,
  `<!--<img src="--><img src=x onerror=${P}//">`,
  `<template><img src=x onerror=${P}></template>`,
  `<xmp><img src=x onerror=${P}></xmp>`,
  `<select><style></select><img src=x onerror=${P}>`,
  // payloads hiding in what unspool recognises: mentions, hashtags, cashtags, markers
  `@"><script>${P}</script>`,
  `@a<img src=x onerror=${P}>`,
  `#<img/src=x/onerror=${P}>`,
  `$<svg/onload=${P}>`,
  `1/ <img src=x onerror=${P}>`,
  `🧵 <script>${P}</script>`,
  `Show more<script>${P}</script>`,
];

/** The paste contexts a vector is tried in: a numbered thread, and an X-style header. */
const contexts = (v, nonce) => [
  `1/ ${nonce} before ${v} after\n\n2/ ${v}`,
  `${v}\n\n@x${nonce}\n·\n5h\n\n${nonce} ${v}\n\n12\n2.3K`,
];

const TAGS = new Set(['ARTICLE', 'HEADER', 'H1', 'P', 'STRONG', 'SPAN', 'A', 'BR', 'HR', 'SECTION',
  'UL', 'OL', 'LI', 'BLOCKQUOTE', 'FIGURE', 'FIGCAPTION', 'TIME', 'DETAILS', 'SUMMARY', 'MARK',
  'BUTTON']);
const ATTRS = new Set(['class', 'style', 'data-theme', 'href', 'rel', 'start', 'datetime']);

const env = servePage(async (context, server) => {
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
});

const LIVE = ['script', 'iframe', 'object', 'embed', 'img', 'svg', 'math', 'base', 'meta', 'form',
  'template', 'link', 'style', 'video', 'audio', 'frame', 'frameset', 'noscript'];

/** Opens the page with traps set: dialogs, CSP violations and requests are recorded. */
async function trappedPage() {
  const opened = await open(env.context, env.server.url);
  const dialogs = [];
  opened.page.on('dialog', async (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss();
  });
  const baseline = await opened.page.evaluate((live) => Object.fromEntries(
    live.map((t) => [t, document.getElementsByTagName(t).length])), LIVE);
  return { ...opened, dialogs, baseline, loadRequests: opened.requests.length };
}

/** What the page's document looks like now, with anything that could run. */
function inspect(page, baseline) {
  return page.evaluate(({ tags, attrs, live, baseline }) => {
    const tagOk = new Set(tags);
    const attrOk = new Set(attrs);
    const bad = [];
    const preview = document.getElementById('preview');
    for (const el of preview.querySelectorAll('*')) {
      const name = el.tagName.toLowerCase();
      if (!tagOk.has(el.tagName)) bad.push(`preview has <${name}>`);
      for (const a of el.attributes) {
        const allowed = attrOk.has(a.name) || a.name.startsWith('aria-') || a.name.startsWith('data-')
          || a.name === 'id' || a.name === 'title' || a.name === 'type' || a.name === 'tabindex'
          // The review panel's own repair highlights are <mark role="button">: inert, and the
          // page's, not the paste's.
          || a.name === 'role';
        if (!allowed) bad.push(`preview <${name}> has ${a.name}`);
      }
      if (el.tagName === 'A' && el.hasAttribute('href') && !/^(https?:|mailto:)/i.test(el.getAttribute('href'))) {
        bad.push(`preview link to ${el.getAttribute('href')}`);
      }
    }
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) bad.push(`<${el.tagName.toLowerCase()}> has ${a.name}`);
        if (/^\s*(javascript|data|vbscript):/i.test(a.value) && /href|src|action|data/i.test(a.name)) {
          bad.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 40)}">`);
        }
      }
    }
    for (const t of live) {
      const n = document.getElementsByTagName(t).length;
      if (n > baseline[t]) bad.push(`the page gained <${t}> elements (${baseline[t]} → ${n})`);
    }
    return { bad, pwned: window.__pwned ?? null, csp: window.__csp ?? [] };
  }, { tags: [...TAGS], attrs: [...ATTRS], live: LIVE, baseline });
}

async function pastePlain(page, text, nonce) {
  await page.fill('#paste', text);
  await page.waitForFunction((n) => document.getElementById('preview').textContent.includes(n),
    nonce, { timeout: 10000 });
}

/** A paste event with clipboard HTML, as a rich copy from a browser gives. */
async function pasteRich(page, html, nonce) {
  await page.fill('#paste', '');
  await page.evaluate((h) => {
    const ta = document.getElementById('paste');
    ta.focus();
    const dt = new DataTransfer();
    dt.setData('text/html', h);
    dt.setData('text/plain', h);
    ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, html);
  // A page without a rich-paste handler ignores a synthetic paste: then there is nothing to wait for.
  if (!(await page.inputValue('#paste'))) return;
  await page.waitForFunction((n) => document.getElementById('preview').textContent.includes(n),
    nonce, { timeout: 3000 }).catch(() => {});
}

function assertClean(where, state, dialogs, requests, loadRequests) {
  assert.deepEqual(dialogs, [], `${where}: no dialog may fire`);
  assert.equal(state.pwned, null, `${where}: no pasted script may run`);
  assert.deepEqual(state.csp, [], `${where}: nothing may even try to run or load (CSP violations)`);
  assert.deepEqual(state.bad, [], `${where}: the page holds only allowed markup`);
  assert.deepEqual(requests.slice(loadRequests), [], `${where}: no request may leave the page`);
}

test(`there are at least 100 distinct vectors (${VECTORS.length})`, () => {
  assert.ok(new Set(VECTORS).size >= 100, `only ${new Set(VECTORS).size} distinct vectors`);
});

test('every vector pasted as plain text stays text', async () => {
  const { page, requests, errors, dialogs, baseline, loadRequests } = await trappedPage();
  for (const [i, v] of VECTORS.entries()) {
    for (const c of [0, 1]) {
      const nonce = `nonce${i}c${c}q`;
      const text = contexts(v, nonce)[c];
      await pastePlain(page, text, nonce);
      // Give anything that would run (onerror, onload, autofocus) a moment to do so.
      await page.waitForTimeout(20);
      assertClean(`vector ${i} in env.context ${c} (${JSON.stringify(v).slice(0, 60)})`,
        await inspect(page, baseline), dialogs, requests, loadRequests);
    }
  }
  await page.waitForTimeout(300);
  assertClean('after all plain pastes', await inspect(page, baseline), dialogs, requests, loadRequests);
  assert.deepEqual(errors.filter((e) => !/Content Security Policy/.test(e)), [], 'no console errors');
  await page.close();
});

test('every vector pasted as clipboard HTML stays text', async () => {
  const { page, requests, dialogs, baseline, loadRequests } = await trappedPage();
  for (const [i, v] of VECTORS.entries()) {
    const nonce = `rich${i}z`;
    await pasteRich(page, `<p>1/ ${nonce} ${v}</p><p>2/ <a href="javascript:${P}">${nonce}</a> ${v}</p>`, nonce);
    await page.waitForTimeout(20);
    assertClean(`rich vector ${i} (${JSON.stringify(v).slice(0, 60)})`, await inspect(page, baseline), dialogs,
      requests, loadRequests);
  }
  await page.close();
});

test('all vectors in one paste, every output tab', async () => {
  const { page, requests, dialogs, baseline, loadRequests } = await trappedPage();
  const all = VECTORS.map((v, i) => `${i + 1}/ ${v}`).join('\n\n') + '\n\nbignonce';
  await pastePlain(page, all, 'bignonce');
  for (const tab of ['#tab-html', '#tab-markdown', '#tab-text', '#tab-preview']) {
    if (await page.locator(tab).count()) await page.click(tab);
    await page.waitForTimeout(50);
  }
  assertClean('all vectors at once', await inspect(page, baseline), dialogs, requests, loadRequests);
  await page.close();
});

test('lone UTF-16 surrogates cross the JS boundary as U+FFFD, never a crash', async () => {
  const { page, dialogs, requests, baseline, loadRequests } = await trappedPage();
  const result = await page.evaluate(async () => {
    const m = await import('./pkg/unspool.js');
    const out = {};
    const lone = '1/ high \uD800 low \uDFFF swapped \uDC00\uD800 end\n\n2/ fine 🧵';
    const t = m.format(lone, {});
    out.posts = t.posts.map((p) => p.text);
    out.wellFormed = out.posts.every((s) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s));
    out.html = m.convert(lone, 'html', {});
    // An edited thread handed back with lone surrogates in its strings.
    t.posts[0].text = 'edited \uDBFF';
    if (t.posts[0].spans?.[0]) t.posts[0].spans[0].text = 'span \uDC01';
    try {
      out.rendered = m.renderThread(t, 'html', {});
    } catch (e) {
      out.renderError = String(e.message ?? e);
    }
    // The module still works afterwards.
    out.after = m.convert('1/ still alive', 'text', {});
    return out;
  });
  assert.equal(result.posts.length, 2, `two posts from the surrogate paste: ${JSON.stringify(result.posts)}`);
  assert.ok(result.wellFormed, `post texts hold no lone surrogate: ${JSON.stringify(result.posts)}`);
  assert.ok(result.posts[0].includes('\uFFFD') || !/[\uD800-\uDFFF]/.test(result.posts[0]),
    'a lone surrogate becomes U+FFFD (or is dropped)');
  assert.ok(result.html.includes('<article'), 'the HTML still renders');
  assert.ok(result.rendered?.includes('<article') || result.renderError,
    'renderThread with lone surrogates gives HTML or a clear error');
  assert.match(result.after, /still alive/, 'the WASM module keeps working');
  await page.fill('#paste', '1/ typed \uD83D surrogate nonceS\n\n2/ two');
  await page.waitForFunction(() => document.getElementById('preview').textContent.includes('nonceS'),
    null, { timeout: 10000 });
  assertClean('lone surrogates', await inspect(page, baseline), dialogs, requests, loadRequests);
  await page.close();
});

test('the traps catch markup that would run (so a pass means something)', async () => {
  const { page, baseline } = await trappedPage();
  await page.evaluate(() => {
    document.getElementById('preview').innerHTML =
      '<img src="x" onerror="top.__pwned=1"><a href="javascript:top.__pwned=1">x</a>';
  });
  await page.waitForTimeout(200);
  const state = await inspect(page, baseline);
  assert.ok(state.bad.some((b) => b.includes('<img>')), `an <img> in the preview is caught: ${state.bad}`);
  assert.ok(state.bad.some((b) => b.includes('onerror')), `an event handler is caught: ${state.bad}`);
  assert.ok(state.bad.some((b) => b.includes('javascript:')), `a javascript: link is caught: ${state.bad}`);
  assert.ok(state.csp.length > 0, 'the CSP reports the blocked handler, and the trap records it');
  await page.close();
});
