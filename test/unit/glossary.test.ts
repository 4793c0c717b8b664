// Every glossary term is found on its own sample lines, under the cursor, in both languages.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { builtinGlossary, describeTerm, GLOSSARY } from '../../engine/src/index';
import { GLOSSARY_SAMPLES } from '../../engine/src/generated/glossary-samples';

// Samples are kept out of the shipped bundle (GLOSSARY carries none); the tests read them from their own file.
const samplesOf = (id: string): string[] => GLOSSARY_SAMPLES[id] ?? [];

describe('hover glossary', () => {
  const glossary = builtinGlossary();
  it('has terms', () => assert.ok(GLOSSARY.length > 0));
  it('ships no samples and tests every term on at least one', () => {
    for (const term of GLOSSARY) {
      assert.deepEqual(term.samples, [], term.id);
      assert.ok(samplesOf(term.id).length > 0, term.id);
    }
  });
  for (const term of GLOSSARY) {
    for (const sample of samplesOf(term.id)) {
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
  it('each sample line resolves to its own term (not swallowed by a shorter one)', () => {
    for (const term of GLOSSARY) {
      for (const sample of samplesOf(term.id)) {
        const m = new RegExp(term.pattern, 'i').exec(sample)!;
        const hit = glossary.lookup(0, sample, m.index + Math.floor(m[0].length / 2));
        assert.equal(hit?.term.id, term.id, `${term.id}: "${sample.trim()}"`);
      }
    }
  });
  it('keeps specific commands apart from generic ones', () => {
    const at = (line: string, word: string) => glossary.lookup(0, line, line.indexOf(word) + 1)?.term.id;
    const perf =
      'admin: show perf query class "Number of Replicates Created and State of Replication" ==>query class :';
    assert.equal(at(perf, 'show'), 'cmd-show-perf-replication');
    assert.equal(at(perf, 'Number'), 'cmd-show-perf-replication');
    assert.equal(at('admin:show perf query class "Cisco CallManager"', 'perf'), 'cmd-show-perf-query-class');
    assert.equal(at('admin:utils dbreplication runtimestate', 'utils'), 'cmd-dbreplication-runtimestate');
    assert.equal(at('admin:utils  dbreplication   status all', 'all'), 'cmd-dbreplication-status');
    const ccm = glossary.lookup(0, 'admin:utils dbreplication clusterreset', 10)!;
    assert.match(describeTerm(ccm.term, ccm.value, 'en'), /Privilege level: 0/);
    assert.match(describeTerm(ccm.term, ccm.value, 'ja'), /アップグレード中の使用: 可能/);
  });
  it('matches counter names on word boundaries', () => {
    const line = 'Cisco CallManager -> SIPTrunkApplicationAuthorizationFailures = 1';
    assert.equal(glossary.lookup(0, line, 30)?.term.id, 'counter-sip-trunk-application-authorization-failures');
    assert.equal(glossary.lookup(0, 'EncryptedCallsActive = 2', 5)?.term.id, 'counter-encrypted-calls-active');
  });
  it('explains severity digits, SIP codes and runtimestate states', () => {
    const mivr = glossary.lookup(0, '51339: Apr 08 10:14:27.869 IST %MIVR-ENG-7-UNK:Execute step', 35)!;
    assert.equal(mivr.value, '7');
    assert.match(describeTerm(mivr.term, mivr.value, 'en'), /UNK/);
    const sip = glossary.lookup(0, 'SIP/2.0 407 Proxy Authentication Required', 9)!;
    assert.equal(sip.value, '407');
    assert.equal(glossary.lookup(0, 'INVITE sip:2001@10.207.166.103 SIP/2.0', 34), undefined);
    assert.equal(glossary.lookup(0, 'Via: SIP/2.0/TCP 10.24.241.238:53536', 8), undefined);
    const row = 'iptlab-ccmpub 172.30.100.21 0.016 Y/Y/Y 0 (g_2) (3) Out Of Sync';
    const num = glossary.lookup(0, row, row.indexOf('(3)') + 1)!;
    assert.equal(num.term.id, 'runtimestate-health');
    assert.equal(num.value, '3');
    assert.equal(glossary.lookup(0, row, row.indexOf('Sync'))?.term.id, 'replication-out-of-sync');
    const capf = glossary.lookup(0, '6 CAPF_OP_FAIL_INVALID_CRENDENTIALS, /* Invalid credential */', 10)!;
    assert.equal(capf.term.id, 'capf-op-fail-invalid-credentials');
    assert.equal(glossary.lookup(0, '2 CAPF_OP_FAIL /* Fail */', 5)?.term.id, 'capf-op-fail');
  });
  it('says nothing away from any term', () => {
    assert.equal(glossary.lookup(0, 'nothing to explain here', 3), undefined);
  });
});
