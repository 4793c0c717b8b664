// Every glossary term is found on its own sample lines, under the cursor, in both languages.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { builtinGlossary, describeTerm, GLOSSARY } from '../../engine/src/index';

describe('hover glossary', () => {
  const glossary = builtinGlossary();
  it('has terms', () => assert.ok(GLOSSARY.length > 0));
  for (const term of GLOSSARY) {
    for (const sample of term.samples) {
      it(`${term.id}: "${sample.trim()}"`, () => {
        const m = new RegExp(term.pattern, 'i').exec(sample)!;
        const middle = m.index + Math.floor(m[0].length / 2);
        const hit = glossary.lookup(7, sample, middle);
        assert.ok(hit, 'found under the cursor');
        assert.equal(hit.range.start.line, 7);
        const en = describeTerm(hit.term, hit.value, 'en');
        const ja = describeTerm(hit.term, hit.value, 'ja');
        assert.ok(en.length > 20 && ja.length > 20);
        assert.match(ja, /[\u3040-\u30ff\u4e00-\u9fff]/);
        if (term.values) assert.ok(hit.value !== undefined && term.values[hit.value], 'value explained');
      });
    }
  }
  it('explains Replicate_State 4 as a failed setup and 2 as good', () => {
    const four = glossary.lookup(0, 'ReplicateCount  -> Replicate_State                = 4', 40)!;
    assert.match(describeTerm(four.term, four.value, 'en'), /setup failed/);
    const two = glossary.lookup(0, 'ReplicateCount  -> Replicate_State                = 2', 40)!;
    assert.match(describeTerm(two.term, two.value, 'ja'), /正常/);
  });
  it('says nothing away from any term', () => {
    assert.equal(glossary.lookup(0, 'nothing to explain here', 3), undefined);
  });
});
