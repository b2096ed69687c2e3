// The npm package (make pkg → pkg/): packed, installed offline into a scratch project, and
// imported under Node as an ES module with initSync and the .wasm bytes, to format a thread.
// Its TypeScript declarations cover every export and the JSON model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

const PKG = join(ROOT, 'pkg');
const npm = (args, cwd) => execFileSync('npm', [...args, '--offline', '--no-audit', '--no-fund', '--loglevel=error'],
  { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

test('the built package installs into a scratch project and formats a thread under Node', () => {
  assert.ok(existsSync(join(PKG, 'package.json')), 'pkg/ is built: run `make pkg` first');
  const project = mkdtempSync(join(tmpdir(), 'unspool-npm-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  // Packed first, so only the files the package lists are installed, as from a registry.
  const tarball = npm(['pack', PKG, '--pack-destination', project], project).trim().split('\n').pop();
  npm(['install', join(project, tarball)], project);
  assert.ok(existsSync(join(project, 'node_modules/unspool/unspool_bg.wasm')), 'the .wasm is in the package');

  writeFileSync(join(project, 'use.mjs'), `
import { readFileSync } from 'node:fs';
import { initSync, format, convert, renderThread, repair } from 'unspool';
initSync({ module: readFileSync(new URL(import.meta.resolve('unspool/unspool_bg.wasm'))) });
const thread = format('1/ Itâ€™s installed\\n2.3K\\n2/ and it works @ada', { numbering: '1/n' });
console.log(JSON.stringify({
  posts: thread.posts.map((p) => p.text),
  removed: thread.removed.map((r) => r.text),
  spans: thread.posts[1].spans.map((s) => s.type),
  markdown: convert('1/ a\\n2/ b', 'markdown', { numbering: '(1/n)' }),
  html: renderThread(thread, 'html'),
  repaired: repair('cafÃ©').text,
}));
`);
  const out = JSON.parse(execFileSync(process.execPath, ['use.mjs'], { cwd: project, encoding: 'utf8' }));
  assert.deepEqual(out.posts, ['It’s installed', 'and it works @ada'], 'two posts, mojibake repaired');
  assert.deepEqual(out.removed, ['2.3K'], 'the count line is removed');
  assert.ok(out.spans.includes('mention'), `@ada is a mention span: ${out.spans}`);
  assert.ok(out.markdown.includes('(1/2)'), `options reach the renderer: ${out.markdown}`);
  assert.ok(out.html.startsWith('<article'), `renderThread takes the model back: ${out.html}`);
  assert.equal(out.repaired, 'café', 'repair alone');
});

test('the TypeScript declarations type every export and the JSON model', () => {
  const dts = readFileSync(join(PKG, 'unspool.d.ts'), 'utf8');
  const js = readFileSync(join(PKG, 'unspool.js'), 'utf8');
  const exported = [...js.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
  assert.ok(exported.length >= 5, `found the exports: ${exported}`);
  for (const name of exported) {
    assert.match(dts, new RegExp(`export function ${name}\\(`), `${name} is declared`);
  }
  for (const type of ['Thread', 'Post', 'Span', 'Author', 'Media', 'Removed', 'Repair', 'Warning', 'Options', 'Platform']) {
    assert.match(dts, new RegExp(`export (interface|type) ${type}\\b`), `the model type ${type} is declared`);
  }
  assert.match(dts, /export function format\(input: string, options\?: Options\): Thread;/, 'format is typed');
  assert.match(dts, /export function renderThread\(thread: Thread, to: OutputFormat, options\?: Options\): string;/,
    'renderThread is typed');
  assert.match(dts, /export function initSync\(/, 'initSync is declared');
  const pkg = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
  assert.equal(pkg.exports['.'].types, './unspool.d.ts', 'bundlers find the types through exports');
  assert.equal(pkg.type, 'module', 'an ES module package');
});
