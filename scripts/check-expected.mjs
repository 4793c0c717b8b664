#!/usr/bin/env node
// @ts-check
// Compares what the built CLI finds in the samples with samples/EXPECTED.yaml and prints the difference.
//   node scripts/check-expected.mjs [samples/<file>...]     (all samples when no file is given; run `npm run build` first)
// It never writes: every expected finding needs a human reason (`why`), so a new or moved finding is added by hand
// after reading the sample. For each unexpected finding it prints an entry to paste, whose `why: TODO` the tests
// refuse until it is replaced by the reason. Exit code 0 when everything agrees, 1 otherwise.
import { execFileSync } from 'node:child_process';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareFindings, readExpectations, sampleFiles } from '../test/sample-expectations.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const samplesDir = join(root, 'samples');
const toRel = (/** @type {string} */ f) => relative(samplesDir, resolve(f)).split('\\').join('/');
// Messages quote log text: drop control characters so a hostile file cannot drive the terminal.
const printable = (/** @type {string} */ s) => s.replace(/\p{Cc}/gu, '?');
const files = process.argv.length > 2 ? process.argv.slice(2).map(toRel) : sampleFiles(samplesDir);

/** @returns {Array<{ file: string, findings: Array<{ id: string, line: number, message: string }> }>} */
function scan() {
  const args = [join(root, 'dist/cli.js'), 'scan', '--format', 'json', ...files.map((f) => join(samplesDir, f))];
  try {
    return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).files;
  } catch (e) {
    const out = /** @type {{ stdout?: string }} */ (e).stdout;
    if (!out) throw e;
    return JSON.parse(out).files; // exit code 1 only means error-level findings
  }
}

const { expectations, problems } = readExpectations(samplesDir);
for (const p of problems) console.log(`EXPECTED.yaml: ${p}`);
let differences = problems.length;
for (const report of scan()) {
  const rel = toRel(report.file);
  const expected = expectations.get(rel);
  if (!expected) {
    console.log(`\n${rel}: no entry in samples/EXPECTED.yaml`);
    differences++;
    continue;
  }
  const diff = compareFindings(expected, report.findings);
  for (const f of expected.findings.filter((x) => x.defect))
    console.log(`${rel}: known defect ${f.id}@${f.line}: ${f.defect}`);
  if (diff.length === 0) continue;
  differences += diff.length;
  console.log(`\n${rel}:\n${diff.map((d) => `  ${d}`).join('\n')}`);
  const known = new Set(expected.findings.map((f) => `${f.id}@${f.line}`));
  const fresh = report.findings.filter((f) => !known.has(`${f.id}@${f.line}`));
  if (fresh.length) {
    console.log('  to add after reading the sample (the tests refuse `why: TODO`):');
    for (const f of fresh)
      console.log(
        `    - id: ${f.id}\n      line: ${f.line}\n      why: 'TODO (engine says: ${printable(f.message).replace(/'/g, "''")})'`,
      );
  }
}
console.log(
  differences === 0 ? `\n${files.length} sample(s) agree with samples/EXPECTED.yaml` : `\n${differences} difference(s)`,
);
process.exit(differences === 0 ? 0 : 1);
