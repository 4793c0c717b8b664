// Scenario tests: every file under samples/ is analyzed from disk (bytes → decode → engine) and the findings
// (id and line) are compared with samples/EXPECTED.yaml, where each one is written by hand with its reason.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, CATALOG, decodeBytes } from '../../engine/src/index';
import { compareFindings, readExpectations, sampleFiles } from '../sample-expectations.mjs';

const samplesDir = path.resolve(__dirname, '../../../samples');
const { expectations, problems } = readExpectations(samplesDir);
const files = sampleFiles(samplesDir);

describe('samples/EXPECTED.yaml', () => {
  it('is well formed: every finding has an id, a line and a why; healthy files say what must stay quiet', () => {
    assert.deepEqual(problems, []);
  });

  it('covers every sample file, and every entry names an existing sample', () => {
    assert.ok(files.length > 0, 'has samples');
    assert.deepEqual(
      files.filter((f) => !expectations.has(f)),
      [],
      'samples without expectations',
    );
    assert.deepEqual(
      [...expectations.keys()].filter((f) => !files.includes(f)),
      [],
      'expectations without a sample',
    );
  });

  it('names only catalog ids', () => {
    const known = new Set(CATALOG.map((e) => e.id));
    const unknown = [...expectations].flatMap(([file, e]) =>
      [...e.findings, ...e.quiet].filter((f) => !known.has(f.id)).map((f) => `${file}: ${f.id}`),
    );
    assert.deepEqual(unknown, []);
  });
});

describe('sample files give the expected findings (engine)', () => {
  for (const rel of files) {
    it(rel, () => {
      const expected = expectations.get(rel);
      assert.ok(expected, `no entry for ${rel} in samples/EXPECTED.yaml`);
      const decoded = decodeBytes(fs.readFileSync(path.join(samplesDir, rel)));
      assert.ok(decoded.text !== undefined, 'sample must be text');
      const found = analyze(decoded.text!).findings.map((f) => ({ id: f.id, line: f.range.start.line + 1 }));
      assert.deepEqual(compareFindings(expected, found), []);
    });
  }
});
