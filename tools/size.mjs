// `make size`: the shipped .wasm and the whole first page load, gzipped (level 9), against the
// budgets of issue 9 (wasm ≤ 150 kB, first load ≤ 250 kB; 1 kB = 1,000 bytes). The first load is index.html and
// what it pulls in: href/src attributes, then the static and dynamic `import`s of each script.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, normalize, relative } from 'node:path';

const WWW = new URL('../www/', import.meta.url).pathname;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;

const seen = new Set();
const queue = ['index.html'];
while (queue.length) {
  const rel = queue.shift();
  if (seen.has(rel) || !existsSync(join(WWW, rel))) continue;
  seen.add(rel);
  const text = readFileSync(join(WWW, rel), 'utf8');
  const refs = [];
  if (rel.endsWith('.html')) {
    for (const m of text.matchAll(/\s(?:href|src)="([^"#?]+)"/g)) refs.push(m[1]);
  } else if (rel.endsWith('.js') || rel.endsWith('.mjs')) {
    for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)) {
      refs.push(m[1] ?? m[2] ?? m[3]);
    }
  }
  for (const r of refs) {
    if (/^[a-z]+:/i.test(r) || r.startsWith('//')) continue;
    queue.push(normalize(relative(WWW, join(WWW, dirname(rel), r))));
  }
}

const wasm = join(WWW, 'pkg/unspool_bg.wasm');
if (existsSync(wasm)) {
  const w = readFileSync(wasm);
  const g = gz(w);
  console.log(`unspool_bg.wasm: ${w.length} bytes, ${g} bytes gzipped (${kb(g)}; budget 150 kB: ${g <= 150_000 ? 'ok' : 'OVER BUDGET'})`);
}
let total = 0;
let raw = 0;
for (const rel of [...seen].sort()) {
  const buf = readFileSync(join(WWW, rel));
  const g = gz(buf);
  total += g;
  raw += buf.length;
  console.log(`  ${rel.padEnd(28)} ${String(buf.length).padStart(9)} B  ${String(g).padStart(8)} B gzipped`);
}
console.log(`first page load: ${seen.size} files, ${raw} bytes, ${total} bytes gzipped (${kb(total)}; budget 250 kB: ${total <= 250_000 ? 'ok' : 'OVER BUDGET'})`);
