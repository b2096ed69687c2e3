// Builds dist/unspool.html: the page as ONE self-contained file that works opened from disk
// (file://) with no network at all.
//
//   node tools/build-dist.mjs [www/index.html] [dist/unspool.html]
//
// What it does to the page:
// - <link rel="stylesheet" href="x.css"> → <style>; url(...) to local files in the CSS → data: URLs.
// - <link rel="icon" href="favicon.svg"> and <img src="x.svg"> → data: URLs.
// - every <script type="module" src="…"> → ONE inline <script type="module">: the ES module graph
//   is followed through relative imports (static `import … from './x.js'`, `export … from`,
//   dynamic `import('./x.js')`) and each module becomes a function scope, in dependency order.
//   Exports are snapshots (no live bindings) and import cycles are refused.
// - `new Worker(new URL('./w.js', import.meta.url), …)` → a *blob* worker: the worker's own
//   module graph is bundled the same way into a string, started from a blob: URL (CSP
//   `worker-src blob:`; the WASM's base64 is stored once and shared). Chromium refuses *module* workers from a file:// page, so the bundle is
//   wrapped in an async function and started as a classic worker (`import.meta.url` becomes
//   the worker's `location.href`). A worker should set its message handler before its first
//   real await (wasm start-up included), as it must anyway for a classic worker.
// - a classic <script src> is inlined as it is (a `defer`red one at the end of <body>).
// - sw-register.js is dropped: a file opened from disk has no service worker.
// - The Content-Security-Policy meta keeps its rules but allows exactly the inlined script and
//   styles by their sha256- hashes (no 'unsafe-inline').
// The import/export forms understood are the ones written at the start of a line (the style of
// this repo and of wasm-bindgen's output); anything else that looks like a static import or
// export is an error, so the build fails rather than ship a broken page. The result is checked
// by `node --check`.
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, resolve, relative, extname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';

const [input = 'www/index.html', output = 'dist/unspool.html'] = process.argv.slice(2);
const root = dirname(resolve(input));
const SKIP_SCRIPTS = new Set(['sw-register.js']);
const MIME = { '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.jpg': 'image/jpeg',
  '.webp': 'image/webp', '.woff2': 'font/woff2', '.gif': 'image/gif' };

const fail = (msg) => { console.error(`build-dist: ${msg}`); process.exit(1); };
const sha256 = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const dataUrl = (file) => {
  const type = MIME[extname(file)] ?? fail(`no type known for ${file}`);
  return `data:${type};base64,${readFileSync(file).toString('base64')}`;
};
const attrs = (tag) => Object.fromEntries([...tag.matchAll(/([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)]
  .slice(1).map((m) => [m[1].toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '']));

// ---- The module graph ----

/** Bundles the module graph of `entries` (absolute paths) into one module's source. */
function bundle(entries, workers) {
  const ids = new Map(); // path → index, in post-order (dependencies first)
  const out = [];
  const visiting = new Set();
  const visit = (file, from) => {
    if (ids.has(file)) return ids.get(file);
    if (visiting.has(file)) fail(`import cycle through ${relative(root, file)} (from ${from})`);
    visiting.add(file);
    let src;
    try { src = readFileSync(file, 'utf8'); } catch { fail(`${relative(root, from)} imports ${relative(root, file)}, which does not exist`); }
    const code = rewrite(src, file, (spec) => visit(resolveSpec(spec, file), file), workers);
    visiting.delete(file);
    const id = out.length;
    ids.set(file, id);
    out.push(`// ${relative(root, file)}\nconst __m${id} = await (async () => {\n${code}\n})();\n`);
    return id;
  };
  for (const e of entries) visit(e, input);
  return out.join('\n');
}

function resolveSpec(spec, from) {
  if (!spec.startsWith('./') && !spec.startsWith('../')) fail(`${relative(root, from)}: only relative imports can be inlined, not ${spec}`);
  return resolve(dirname(from), spec.split(/[?#]/)[0]);
}

const ID = '[A-Za-z_$][\\w$]*';

// Big base64 literals (the inlined WASM) are kept once, in `__unspoolData`, and shared by the
// page's bundle and each worker's: a worker's source is put together from them at run time.
const DATA = new Map(); // literal → index
const dataRef = (src) => src.replace(/(['"])([A-Za-z0-9+/=]{8192,})\1/g, (_, _q, b64) => {
  if (!DATA.has(b64)) DATA.set(b64, DATA.size);
  return `__unspoolData[${DATA.get(b64)}]`;
});

/** A module's source → the body of its function: imports bound from earlier modules, exports returned. */
function rewrite(src, file, dep, workers) {
  const exports = []; // `name: expr` entries of the returned object
  const spreads = [];
  const where = relative(root, file);
  const names = (list) => list.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const m = s.match(new RegExp(`^(${ID}|default)(?:\\s+as\\s+(${ID}|default))?$`)) ?? fail(`${where}: cannot read "${s}"`);
    return [m[1], m[2] ?? m[1]];
  });
  const bindImports = (clause, id) => {
    const parts = [];
    let c = clause.trim();
    const def = c.match(new RegExp(`^(${ID})\\s*(,|$)`));
    if (def) { parts.push(`const ${def[1]} = __m${id}.default;`); c = c.slice(def[0].length).trim(); }
    const ns = c.match(new RegExp(`^\\*\\s*as\\s+(${ID})$`));
    if (ns) parts.push(`const ${ns[1]} = __m${id};`);
    else if (c.startsWith('{') && c.endsWith('}')) {
      parts.push(`const { ${names(c.slice(1, -1)).map(([a, b]) => (a === b ? a : `${a}: ${b}`)).join(', ')} } = __m${id};`);
    } else if (c) fail(`${where}: cannot read import clause "${clause}"`);
    return parts.join(' ');
  };
  let s = dataRef(src);
  // Static imports.
  s = s.replace(/^import\s+([^'";]*?)\s*from\s*(['"])([^'"]+)\2\s*;?/gm, (_, clause, _q, spec) => bindImports(clause, dep(spec)));
  s = s.replace(/^import\s*(['"])([^'"]+)\1\s*;?/gm, (_, _q, spec) => `/* ${spec} */ void __m${dep(spec)};`);
  // Re-exports.
  s = s.replace(/^export\s*\*\s*as\s+([\w$]+)\s*from\s*(['"])([^'"]+)\2\s*;?/gm, (_, n, _q, spec) => { exports.push(`${n}: __m${dep(spec)}`); return ''; });
  s = s.replace(/^export\s*\*\s*from\s*(['"])([^'"]+)\1\s*;?/gm, (_, _q, spec) => { spreads.push(`__m${dep(spec)}`); return ''; });
  s = s.replace(/^export\s*\{([^}]*)\}\s*from\s*(['"])([^'"]+)\2\s*;?/gm, (_, list, _q, spec) => {
    const id = dep(spec);
    for (const [a, b] of names(list)) exports.push(`${JSON.stringify(b)}: __m${id}[${JSON.stringify(a)}]`);
    return '';
  });
  // Local exports.
  s = s.replace(/^export\s*\{([^}]*)\}\s*;?/gm, (_, list) => {
    for (const [a, b] of names(list)) exports.push(`${JSON.stringify(b)}: ${a}`);
    return '';
  });
  s = s.replace(new RegExp(`^export\\s+default\\s+((?:async\\s+)?function\\b\\s*\\*?\\s*|class\\b\\s*)(${ID})?`, 'gm'), (_, kw, name) => {
    if (name && name !== 'extends') { exports.push(`default: ${name}`); return `${kw}${name}`; }
    exports.push('default: __default');
    return `const __default = ${kw}${name ?? ''}`;
  });
  s = s.replace(/^export\s+default\s+/gm, () => { exports.push('default: __default'); return 'const __default = '; });
  s = s.replace(new RegExp(`^export\\s+((?:async\\s+)?function\\b\\s*\\*?\\s*|class\\s+|(?:const|let|var)\\s+)(${ID})`, 'gm'), (_, kw, name) => {
    exports.push(name);
    return `${kw}${name}`;
  });
  // Dynamic imports of relative modules: already evaluated, so a resolved promise.
  s = s.replace(/\bimport\s*\(\s*(['"])(\.{1,2}\/[^'"]+)\1\s*\)/g, (_, _q, spec) => `Promise.resolve(__m${dep(spec)})`);
  // Workers → blob workers.
  s = s.replace(/new\s+Worker\s*\(\s*new\s+URL\s*\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)/g, (_, _q, spec) => {
    const path = resolveSpec(spec, file);
    if (!workers.has(path)) workers.set(path, workers.size);
    return `new __UnspoolBlobWorker(__unspoolWorkerUrl(${workers.get(path)})`;
  });
  const left = s.match(/^\s*(import\s*[\w{*'"]|export\b)/m);
  if (left) fail(`${where}: an import/export the bundler does not understand: ${s.slice(left.index, left.index + 80).trim()}`);
  if (/\bimport\s*\(/.test(s)) fail(`${where}: a dynamic import of a non-literal or non-relative specifier cannot be inlined`);
  const all = [...spreads.map((m) => `...${m}`), ...exports].join(', ');
  return `${s}\nreturn Object.freeze({ __proto__: null${all ? `, ${all}` : ''} });`;
}

/** The whole inline script: worker bundles (as strings), then the page's modules. */
function script(entries) {
  const workers = new Map();
  const main = bundle(entries, workers);
  const workerSrc = [];
  for (const [path, n] of workers) {
    const inner = new Map();
    const code = bundle([path], inner);
    if (inner.size) fail(`${relative(root, path)}: a worker that starts workers is not supported`);
    // A classic script: no top-level await, no import.meta.
    workerSrc[n] = `"use strict";\n(async () => {\n${code.replace(/\bimport\.meta\.url\b/g, 'self.location.href')
      .replace(/\bimport\.meta\b/g, '({ url: self.location.href })')}\n})().catch((e) => { setTimeout(() => { throw e; }); });\n`;
  }
  let head = `const __unspoolData = ${JSON.stringify([...DATA.keys()])};\n`;
  if (workerSrc.length) {
    head += `const __unspoolWorkerSrc = ${JSON.stringify(workerSrc)};
const __unspoolWorkerUrls = [];
class __UnspoolBlobWorker extends Worker {
  constructor(url, options) { super(url, { ...options, type: 'classic' }); }
}
function __unspoolWorkerUrl(n) {
  const data = ['const __unspoolData = [', ...__unspoolData.flatMap((d, i) => [i ? ',"' : '"', d, '"']), '];\\n'];
  return (__unspoolWorkerUrls[n] ??= URL.createObjectURL(new Blob([...data, __unspoolWorkerSrc[n]], { type: 'text/javascript' })));
}
`;
  }
  // `</script` may only appear inside strings here; escape it so the HTML parser does not end the script.
  return { code: `\n${head}${main}`.replace(/<\/(script)/gi, '<\\/$1'), workerSrc };
}

// ---- The page ----

let html = readFileSync(input, 'utf8');
const styles = [];
const moduleEntries = [];
const deferred = [];
let scriptSlot = false;

html = html.replace(/<link\b[^>]*>/gi, (tag) => {
  const a = attrs(tag);
  const rel = (a.rel ?? '').toLowerCase().split(/\s+/);
  if (!a.href || /^(data:|https?:)/.test(a.href)) return tag;
  const file = resolve(root, a.href);
  if (rel.includes('stylesheet')) {
    const css = readFileSync(file, 'utf8').replace(/url\(\s*(['"]?)(?!data:|https?:|#)([^'")]+)\1\s*\)/g,
      (_, _q, ref) => `url("${dataUrl(resolve(dirname(file), ref))}")`);
    if (/@import/.test(css)) fail(`${a.href}: @import is not inlined`);
    const body = `\n${css.replace(/<\/(style)/gi, '<\\/$1')}`;
    styles.push(body);
    return `<style>${body}</style>`;
  }
  if (rel.includes('icon') || rel.includes('apple-touch-icon')) {
    return tag.replace(/href\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i, `href="${dataUrl(file)}"`);
  }
  if (rel.includes('manifest') || rel.includes('modulepreload') || rel.includes('preload')) return '';
  return tag;
});

// Local images in the markup → data: URLs (img-src data:).
html = html.replace(/<img\b[^>]*>/gi, (tag) => {
  const a = attrs(tag);
  if (!a.src || /^(data:|https?:)/.test(a.src)) return tag;
  return tag.replace(/src\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i, `src="${dataUrl(resolve(root, a.src))}"`);
});

const classic = []; // inlined classic scripts: [code, deferred]
html = html.replace(/<script\b([^>]*)>\s*<\/script>\s*\n?/gi, (tag, attrText) => {
  const a = attrs(`<script ${attrText}>`);
  if (!a.src) return tag;
  if (SKIP_SCRIPTS.has(a.src.split('/').pop())) return '';
  if (a.type !== 'module') {
    // A classic script is inlined as it is; `defer` becomes "at the end of <body>".
    const code = `\n${readFileSync(resolve(root, a.src), 'utf8').replace(/<\/(script)/gi, '<\\/$1')}`;
    classic.push(code);
    if ('defer' in a || 'async' in a) { deferred.push(code); return ''; }
    return `<script>${code}</script>\n`;
  }
  moduleEntries.push(resolve(root, a.src));
  if (scriptSlot) return '';
  scriptSlot = true;
  return '<!--unspool:script-->\n';
});
if (!moduleEntries.length) fail(`${input} has no <script type="module" src>`);

const { code, workerSrc } = script(moduleEntries);
const check = mkdtempSync(join(tmpdir(), 'unspool-dist-'));
try {
  writeFileSync(join(check, 'bundle.mjs'), code);
  execFileSync(process.execPath, ['--check', join(check, 'bundle.mjs')], { stdio: 'inherit' });
  workerSrc.forEach((src, n) => {
    writeFileSync(join(check, `worker${n}.cjs`), `const __unspoolData = [];\n${src}`);
    execFileSync(process.execPath, ['--check', join(check, `worker${n}.cjs`)], { stdio: 'inherit' });
  });
} catch {
  fail('the bundled script does not parse (node --check above)');
} finally {
  rmSync(check, { recursive: true, force: true });
}
html = html.replace('<!--unspool:script-->', () => `<script type="module">${code}</script>`);
if (deferred.length) {
  const at = html.lastIndexOf('</body>');
  const tags = deferred.map((c) => `<script>${c}</script>\n`).join('');
  html = at < 0 ? html + tags : html.slice(0, at) + tags + html.slice(at);
}

// The policy: the same rules, with the inlined script and styles allowed by hash.
const cspRe = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i;
if (!cspRe.test(html)) fail(`${input} has no Content-Security-Policy meta to carry over`);
html = html.replace(cspRe, (_, pre, policy, post) => {
  const rules = new Map(policy.split(';').map((r) => r.trim()).filter(Boolean).map((r) => {
    const [name, ...values] = r.split(/\s+/);
    return [name, values];
  }));
  const keep = (name, extra) => [...(rules.get(name) ?? []).filter((v) => v !== "'self'" && v !== "'none'"), ...extra];
  rules.set('script-src', keep('script-src', [sha256(code), ...classic.map(sha256)]));
  rules.set('style-src', styles.length ? keep('style-src', styles.map(sha256)) : ["'none'"]);
  if (/__unspoolWorkerUrl/.test(code)) rules.set('worker-src', ['blob:']);
  return pre + [...rules].map(([n, v]) => `${n} ${v.join(' ')}`).join('; ') + post;
});

mkdirSync(dirname(resolve(output)), { recursive: true });
writeFileSync(output, html);
console.log(`${output}: ${Buffer.byteLength(html)} bytes, ${moduleEntries.length} entry module(s) inlined`);
