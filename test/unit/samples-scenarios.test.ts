// Scenario tests: every file under samples/ is analyzed from disk (bytes → decode → engine) and the exact
// set of (id, line) found is compared with test/expected/<same path>.json. Healthy samples expect [].
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, decodeBytes } from '../../engine/src/index';

const root = path.resolve(__dirname, '../../..');
const samplesDir = path.join(root, 'samples');
const expectedDir = path.join(root, 'test', 'expected');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.name.startsWith('.')) return [];
    return d.isDirectory() ? walk(p) : [p];
  });
}

describe('sample files', () => {
  const files = walk(samplesDir).filter((f) => !f.endsWith('.md'));
  it('has samples', () => assert.ok(files.length > 0));
  for (const file of files) {
    const rel = path.relative(samplesDir, file);
    it(rel, () => {
      const expectedFile = path.join(expectedDir, `${rel}.json`);
      assert.ok(fs.existsSync(expectedFile), `missing ${path.relative(root, expectedFile)}`);
      const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as Array<[string, number]>;
      const decoded = decodeBytes(fs.readFileSync(file));
      assert.ok(decoded.text !== undefined, 'sample must be text');
      const actual = analyze(decoded.text!).findings.map((f) => [f.id, f.range.start.line + 1]);
      assert.deepEqual(actual, expected);
    });
  }
  it('every expectation has its sample', () => {
    for (const e of walk(expectedDir)) {
      const rel = path.relative(expectedDir, e).replace(/\.json$/, '');
      assert.ok(fs.existsSync(path.join(samplesDir, rel)), `orphan expectation ${rel}`);
    }
  });
});
