// Finishes the npm package that wasm-pack wrote (pkg/ by default): an `exports` map that works
// from bundlers, browsers and Node (the .wasm is exported too, so Node can read its bytes for
// initSync), and the files list including the model's types.
//
//   node tools/npm-package.mjs pkg
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'pkg';
const path = join(dir, 'package.json');
const pkg = JSON.parse(readFileSync(path, 'utf8'));
for (const f of ['unspool.js', 'unspool.d.ts', 'unspool_bg.wasm', 'unspool_bg.wasm.d.ts']) {
  if (!existsSync(join(dir, f))) throw new Error(`${dir}/${f} is missing: run wasm-pack first`);
}
pkg.type = 'module';
pkg.main = 'unspool.js';
pkg.module = 'unspool.js';
pkg.types = 'unspool.d.ts';
pkg.exports = {
  '.': { types: './unspool.d.ts', default: './unspool.js' },
  './unspool_bg.wasm': './unspool_bg.wasm',
  './package.json': './package.json',
};
pkg.files = ['unspool.js', 'unspool.d.ts', 'unspool_bg.wasm', 'unspool_bg.wasm.d.ts', 'README.md'];
pkg.sideEffects = false;
pkg.engines = { node: '>=18' };
writeFileSync(path, `${JSON.stringify(pkg, null, 2)}\n`);
console.log(`${path}: ${pkg.name}@${pkg.version}, exports ${Object.keys(pkg.exports).join(' ')}`);
