// The Japanese consistency checks of the catalog build (scripts/catalog-terms.mjs): terms of
// catalog/terminology.yaml, the colon style of messages and noun-phrase titles, on made-up entries.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { termProblems } from '../../scripts/catalog-terms.mjs';

const root = path.resolve(__dirname, '../../..'); // out/test/unit → the repository
const entry = (ja: Record<string, string>) => ({
  id: 'TEST001',
  ja: { title: 'テスト項目の検証失敗', message: 'テスト：問題なし', ...ja },
  cli: [],
});
const check = (ja: Record<string, string>) =>
  termProblems(root, { entries: [entry(ja)], glossary: [], runbooks: [], topics: [] }) as string[];

describe('Japanese terms, colons and titles', () => {
  it('accepts the preferred forms', () => {
    assert.deepEqual(check({ action: 'クレデンシャルを確かめ、コール処理の状態をログイン後に確認します。' }), []);
  });
  it('rejects a term the table forbids, naming the one to use', () => {
    const [p] = check({ action: '資格情報を確かめます。' });
    assert.match(p, /資格情報.*クレデンシャル/);
    assert.equal(check({ explanation: 'アレイが縮退しています。' }).length, 1);
  });
  it('keeps the spacing of katakana compounds', () => {
    assert.equal(check({ text: 'スイッチポートの設定' }).length, 1);
    assert.deepEqual(check({ text: 'スイッチ ポートの設定' }), []);
  });
  it('wants 「：」 in messages', () => {
    assert.equal(check({ message: 'Replicate_State = 3: 不良です' }).length, 1);
  });
  it('wants noun-phrase titles', () => {
    assert.equal(check({ title: 'CAPF の操作に失敗した（コード 2）' }).length, 1);
    assert.equal(check({ title: 'サービスが動作していない' }).length, 1);
    assert.deepEqual(check({ title: 'CTL セキュリティ トークンのパスワード誤り' }), []);
    assert.deepEqual(check({ title: '証明書の期限切れ' }), []);
  });
});
