// One generic test for every catalog entry: its own positive samples must give exactly the expected
// findings (as written, with CRLF line ends, and buried in a healthy trace), its near-misses none.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, CATALOG } from '../../engine/src/index';

const HEALTHY_BEFORE = [
  '28147301.000 |00:00:00.206 |FileHead |UTC:-05:00,Date: 2024/08/13, AppName: CCM, AppId: 100, AppNodeId: 1',
  '51339: Apr 08 10:14:27.869 IST %MIVR-ENG-7-UNK:Execute step of Task 34000000019 : Accept (--Triggering Contact--)',
  '',
].join('\n');
const HEALTHY_AFTER = [
  '',
  '51675: Apr 08 10:14:51.560 IST %MIVR-STEP_MEDIA_CONTROL-7-UNK:Task:34000000019 GetDigitStringStep: Normal Keys collected: 08062131',
  '28147303.000 |00:00:00.397 |AppInfo  |HttpConnection - checkConnQueue found no connData',
].join('\n');

/** Lines HEALTHY_BEFORE puts above a buried sample. */
const BURIED_OFFSET = HEALTHY_BEFORE.split('\n').length;

/** Each variant of a sample, with the line in the variant where the sample's own first line lands. */
const variants = (text: string): Array<[string, string, number]> => [
  ['as written', text, 0],
  ['CRLF', text.replace(/\r?\n/g, '\r\n'), 0],
  ['inside a healthy trace', `${HEALTHY_BEFORE}\n${text}\n${HEALTHY_AFTER}`, BURIED_OFFSET],
];

for (const entry of CATALOG) {
  describe(`${entry.id} ${entry.alias}`, () => {
    for (const sample of entry.samples.positive) {
      // Where the finding starts and ends in the sample as written; every variant must find it there, moved by
      // the lines put above it, so that a match on the surrounding healthy lines cannot pass for the sample's.
      const lines = (text: string, offset = 0) =>
        analyze(text)
          .findings.filter((f) => f.id === entry.id)
          .map((f) => [f.range.start.line - offset, f.range.end.line - offset]);
      const own = lines(sample.text);
      const sampleLines = sample.text.split(/\r?\n/).length;
      for (const [how, text, offset] of variants(sample.text)) {
        it(`finds: ${sample.name} (${how})`, () => {
          const mine = analyze(text).findings.filter((f) => f.id === entry.id);
          assert.equal(mine.length, sample.count ?? 1, JSON.stringify(mine.map((f) => f.range)));
          for (const [k, v] of Object.entries(sample.captures ?? {}))
            assert.equal(mine[0].captures[k], v, `capture ${k}`);
          for (const f of mine) assert.equal(f.severity, entry.severity);
          for (const [start, end] of own)
            assert.ok(
              start >= 0 && end < sampleLines,
              `finding on lines ${start + 1}-${end + 1} lies inside the sample`,
            );
          assert.deepEqual(lines(text, offset), own, "the finding stays on the sample's own lines");
        });
      }
    }
    for (const sample of entry.samples.negative) {
      for (const [how, text] of variants(sample.text)) {
        it(`stays quiet: ${sample.name} (${how})`, () => {
          const mine = analyze(text).findings.filter((f) => f.id === entry.id);
          assert.deepEqual(mine, []);
        });
      }
    }
  });
}

describe('catalog texts', () => {
  for (const entry of CATALOG) {
    it(`${entry.id} has distinct English and Japanese texts`, () => {
      for (const key of ['title', 'message', 'explanation', 'cause', 'action'] as const) {
        assert.notEqual(entry.en[key], entry.ja[key], key);
        assert.match(entry.ja[key], /[\u3040-\u30ff\u4e00-\u9fff]/, `ja.${key} must be Japanese`);
      }
    });
  }
});
