// The client's one string table (client/src/strings.ts) and the pure parts of "Send to terminal"
// (client/src/node-target.ts): every prompt in both languages, the language setting honoured, sizes and
// node decisions as an engineer would expect them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { packedSizeText, resolveLanguage, sizeText, textKeys, ui } from '../../client/src/strings';
import {
  connectFor,
  connectProblem,
  nodeFor,
  nodeId,
  suggestedConnect,
  terminalName,
} from '../../client/src/node-target';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const slots = (s: string) => [...s.matchAll(/\{(\d)\}/g)].map((m) => m[1]).sort();

describe('client string table', () => {
  it('has every text in English and Japanese with the same {n} arguments', () => {
    for (const key of textKeys()) {
      const en = ui('en', key);
      const ja = ui('ja', key);
      assert.ok(en.trim() && ja.trim(), key);
      assert.deepEqual(slots(ja), slots(en), key);
    }
  });

  it('follows cucmTraceLens.language, not only the display language', () => {
    // The review's case: language=ja in an English VS Code gave English prompts.
    const lang = resolveLanguage('ja', 'en');
    assert.equal(ui(lang, 'searchRunbooks'), 'タイトルまたは症状でランブックを検索');
    assert.match(ui(lang, 'goToTimePrompt'), JAPANESE);
    assert.match(ui(lang, 'goToTimeTitle'), /時刻へ移動/);
    assert.equal(ui(resolveLanguage('en', 'ja'), 'searchRunbooks'), 'Search runbooks by title or symptom');
    assert.equal(resolveLanguage('auto', 'ja'), 'ja');
    assert.equal(resolveLanguage('auto', 'ja-JP'), 'ja');
    assert.equal(resolveLanguage('auto', 'ja_JP'), 'ja');
    assert.equal(resolveLanguage('auto', 'jam'), 'en');
  });

  it('says a small file is KB and leaves out "unpacked" when it reads the same', () => {
    // The review: "0.0 MB (0.0 MB unpacked)" for a 3 KB gzip of 12 KB.
    assert.equal(packedSizeText(3 * 1024 + 100, 12 * 1024, 'en'), '3.1 KB (12 KB unpacked)');
    assert.equal(packedSizeText(3 * 1024 + 100, 12 * 1024, 'ja'), '3.1 KB（展開後 12 KB）');
    assert.equal(packedSizeText(2048, 2048, 'en'), '2.0 KB');
    assert.equal(packedSizeText(57 * 1048576, undefined, 'en'), '57.0 MB');
    assert.equal(sizeText(512, 'en'), '512 bytes');
    assert.equal(sizeText(512, 'ja'), '512 バイト');
  });
});

describe('which node a command goes to', () => {
  it('sends publisher and UCCX commands by role, node commands to the node the finding names', () => {
    assert.deepEqual(nodeFor('publisher', 'osk-cucm-sub3'), { kind: 'role', role: 'publisher' });
    assert.deepEqual(nodeFor('uccx', undefined), { kind: 'role', role: 'uccx' });
    assert.deepEqual(nodeFor('workstation', 'x'), { kind: 'workstation' });
    assert.deepEqual(nodeFor('node', 'osk-cucm-sub3'), { kind: 'node', host: 'osk-cucm-sub3' });
    assert.deepEqual(nodeFor('any', '10.20.30.41'), { kind: 'node', host: '10.20.30.41' });
    assert.equal(nodeFor('node', 'x; rm -rf /'), undefined, 'a hostile node name is not used: the engineer is asked');
    assert.equal(nodeFor('every-node', undefined), undefined);
  });

  it('names one terminal per node and suggests ssh to the node', () => {
    const sub3 = nodeFor('node', 'OSK-CUCM-SUB3')!;
    assert.equal(nodeId(sub3), 'osk-cucm-sub3');
    assert.equal(terminalName(sub3), 'CUCM: osk-cucm-sub3');
    assert.equal(suggestedConnect(sub3), 'ssh admin@OSK-CUCM-SUB3');
    assert.equal(terminalName({ kind: 'role', role: 'publisher' }), 'CUCM: publisher');
  });

  it('takes the connect command from the setting, else from what was remembered', () => {
    const pub = { kind: 'role', role: 'publisher' } as const;
    assert.equal(connectFor(pub, { publisher: 'ssh admin@cucm-pub' }, { publisher: 'ssh old' }), 'ssh admin@cucm-pub');
    assert.equal(connectFor(pub, {}, { publisher: 'ssh -J jump admin@cucm-pub' }), 'ssh -J jump admin@cucm-pub');
    assert.equal(connectFor(pub, 'ssh admin@x', undefined), undefined, 'a malformed setting is ignored');
    assert.equal(
      connectFor(nodeFor('node', 'osk-cucm-sub3')!, { 'OSK-CUCM-SUB3': 'ssh admin@10.1.1.3' }, {}),
      'ssh admin@10.1.1.3',
    );
  });

  it('refuses a connect command with a password or on several lines', () => {
    assert.equal(connectProblem('ssh admin@cucm-pub'), undefined);
    assert.equal(connectProblem('ssh -p 2222 admin@cucm-pub'), undefined);
    assert.equal(connectProblem(''), 'empty');
    assert.equal(connectProblem('sshpass -p secret ssh admin@cucm-pub'), 'invalid');
    assert.equal(connectProblem('ssh admin@cucm-pub\nreboot'), 'invalid');
    assert.equal(connectProblem('telnet://admin:secret@cucm-pub'), 'invalid');
    assert.equal(connectFor({ kind: 'role', role: 'uccx' }, { uccx: 'sshpass -p x ssh admin@uccx' }, {}), undefined);
  });
});
