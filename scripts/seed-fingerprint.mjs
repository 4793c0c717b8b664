#!/usr/bin/env node
// Writes catalog/seed-fingerprint.json from the guide text in shared/seed beside the clone (or the files
// given as arguments): hashed windows only, so the own-words check of the catalog build runs everywhere without
// the guide's text in the repository.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprint, seedFiles } from './catalog-overlap.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = process.argv.slice(2).length ? process.argv.slice(2) : seedFiles(root);
if (!files.length) {
  console.error('seed-fingerprint: no seed text (../shared/seed/*.txt); nothing written');
  process.exit(1);
}
const fp = fingerprint(files.map((f) => readFileSync(f, 'utf8')).join('\n'));
writeFileSync(join(root, 'catalog/seed-fingerprint.json'), JSON.stringify(fp, null, 2) + '\n');
console.log(
  `seed-fingerprint: ${fp.ja.hashes.length / fp.hashHex} Japanese and ${fp.en.hashes.length / fp.hashHex} English windows`,
);
