#!/usr/bin/env node
// Prints the size of every file in a built folder, raw and gzip -9, and the first-load total
// (the page and its worker, which has its own wasm module) against the 250 KB gzip budget
// (issue 2). Files under a samples/ folder are fetched only when an example is chosen, so they
// are listed but not counted as first load.
//
// usage: node scripts/sizes.mjs [DIR]   (default dist)

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP = 250 * 1000;
const root = process.argv[2] ?? 'dist';

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? walk(file) : [file];
  });
}

const kb = (n) => `${(n / 1000).toFixed(1)} KB`.padStart(10);
const rows = walk(root)
  .map((file) => {
    const bytes = readFileSync(file);
    const name = path.relative(root, file).split(path.sep).join('/');
    return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  })
  .sort((a, b) => b.gzip - a.gzip);

const firstLoad = rows.filter((r) => !r.name.split('/').includes('samples'));
const worker = firstLoad.filter((r) => r.name.startsWith('mailtls-worker'));
const page = firstLoad.filter((r) => !r.name.startsWith('mailtls-worker'));
const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
const line = (label, list) => `${label.padEnd(48)}${kb(sum(list, 'raw'))}${kb(sum(list, 'gzip'))}`;
console.log(`${'file'.padEnd(48)}${'raw'.padStart(10)}${'gzip'.padStart(10)}`);
for (const r of rows) console.log(`${r.name.padEnd(48)}${kb(r.raw)}${kb(r.gzip)}`);
console.log(line('  page (everything but the worker and samples/)', page));
console.log(line('  worker (mailtls-worker*)', worker));
// DOMAIN_NOTES.md: the worker has its own wasm instance; both count in the budget.
const total = sum(firstLoad, 'gzip');
console.log(
  `${line('first load (page + worker)', firstLoad)}   budget ${kb(BUDGET_GZIP).trim()} gzip: ` +
    (total <= BUDGET_GZIP ? 'within' : `OVER by ${kb(total - BUDGET_GZIP).trim()}`),
);
