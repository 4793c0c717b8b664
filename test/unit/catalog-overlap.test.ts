// The own-words check of the catalog build (scripts/catalog-overlap.mjs): a text may not share 20
// Japanese characters or 12 English words in a row with the guide, except allow-listed strings and
// back-quoted code. Checked here against a made-up "guide" so the thresholds are pinned exactly.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fingerprint, overlapProblems, seedFiles } from '../../scripts/catalog-overlap.mjs';

const root = path.resolve(__dirname, '../../..'); // out/test/unit → the repository
const GUIDE = [
  '障害が起きたときは、まず落ち着いて現在の状態を記録し、それから担当者に連絡してください。',
  'When the lamp on the front panel turns amber, write down the time and call the person on duty before you touch anything.',
  'Number of Replicates Created and State of Replication is the name of a counter class printed by the CLI of every node.',
].join('\n');
const fp = fingerprint(GUIDE);
const check = (text: string): string[] =>
  overlapProblems(
    root,
    { entries: [], glossary: [], topics: [], runbooks: [{ id: 't', text }] },
    { fingerprintData: fp, log: () => {} },
  );

describe('own-words check', () => {
  it('flags 20 Japanese characters in a row taken from the guide', () => {
    // 「まず落ち着いて現在の状態を記録し、それから担当」: 20 Japanese characters plus a comma
    assert.equal(check('手順: まず落ち着いて現在の状態を記録し、それから担当を決めます。').length, 1);
  });
  it('lets 19 pass, and the same facts said in other words', () => {
    assert.deepEqual(check('まず落ち着いて現在の状態を記録し、次に'), []);
    assert.deepEqual(check('何か起きたら、状況を書き留めてから当番に知らせます。'), []);
  });
  it('ignores the spacing and line breaks of the guide', () => {
    assert.equal(check('まず 落ち着いて\n現在の 状態を 記録し、それから 担当').length, 1);
  });
  it('flags 12 English words in a row and lets 11 pass', () => {
    assert.equal(check('Note: the lamp on the front panel turns amber, write down the time.').length, 1);
    assert.deepEqual(check('Note: the lamp on the front panel turns amber, write it down.'), []);
  });
  it('skips allow-listed strings and back-quoted code', () => {
    // 14 words shared with the guide, 8 of them the allow-listed counter class name
    const line = 'Number of Replicates Created and State of Replication is the name of a counter class';
    assert.deepEqual(check(line), []);
    assert.equal(
      check(line.replace('Number of Replicates', 'Count of Replicates')).length,
      1,
      'not allowed once changed',
    );
    assert.equal(check('the name of a counter class printed by the CLI of every node, they said').length, 1);
    assert.deepEqual(check('Type `When the lamp on the front panel turns amber, write down the time and call`.'), []);
  });
  it('says where and what', () => {
    const [p] = check('まず落ち着いて現在の状態を記録し、それから担当を決めます。');
    assert.match(p, /^runbook t\.text: 2\d characters taken from the guide: 「まず落ち着いて/);
  });
  it('the committed fingerprint is the one of the guide, when the guide is at hand', (t) => {
    const files: string[] = seedFiles(root);
    if (!files.length) return t.skip('no ../shared/seed here');
    const committed = JSON.parse(fs.readFileSync(path.join(root, 'catalog/seed-fingerprint.json'), 'utf8'));
    const fresh = fingerprint(files.map((f) => fs.readFileSync(f, 'utf8')).join('\n'));
    assert.equal(committed.seedSha256, fresh.seedSha256, 'run npm run seed-fingerprint');
    assert.equal(committed.ja.hashes, fresh.ja.hashes);
  });
});
