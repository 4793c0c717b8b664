#!/usr/bin/env node
// Writes test/expected/<path>.json for the given sample files from what the built CLI finds now.
// Review the diff before committing: these files pin what each sample must produce.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node scripts/update-expected.mjs samples/<file>...');
  process.exit(2);
}
let out;
try {
  out = execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'scan', '--format', 'json', ...files], {
    encoding: 'utf8',
  });
} catch (e) {
  out = e.stdout; // exit code 1 just means error-level findings
}
for (const report of JSON.parse(out).files) {
  const rel = relative(join(root, 'samples'), resolve(report.file));
  const target = join(root, 'test/expected', `${rel}.json`);
  mkdirSync(dirname(target), { recursive: true });
  const pairs = report.findings.map((f) => [f.id, f.line]);
  writeFileSync(target, '[' + pairs.map((p) => JSON.stringify(p)).join(',\n ') + ']\n');
  console.log(`${relative(root, target)}: ${pairs.length} finding(s)`);
}
