// What the runbook panel accepts (client/src/runbooks/messages.ts) and what it stores (state.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RUNBOOKS } from '../../engine/src/index';
import { lookupChoice, lookupCommand, parseOpenArgs, parseWebviewMessage } from '../../client/src/runbooks/messages';
import { MAX_NOTE_LENGTH, ProgressStore, normalizeProgress, stateKey } from '../../client/src/runbooks/state';

const rb = RUNBOOKS.find((r) => r.id === 'jtapi-partial-service')!;

describe('parseWebviewMessage', () => {
  it('accepts the known messages', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready', steps: 7 }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'copy', step: 'find-port', index: 0 }), {
      type: 'copy',
      step: 'find-port',
      index: 0,
    });
    assert.deepEqual(parseWebviewMessage({ type: 'check', step: 'a', checked: true }), {
      type: 'check',
      step: 'a',
      checked: true,
    });
    assert.deepEqual(parseWebviewMessage({ type: 'note', step: 'a', text: 'x' }), {
      type: 'note',
      step: 'a',
      text: 'x',
    });
  });

  it('drops anything else, and never carries a command text', () => {
    const bad: unknown[] = [
      null,
      'copy',
      [],
      { type: 'run', command: 'utils system restart' },
      { type: 'send', command: 'utils system restart' },
      { type: 'send', step: 'find-port', index: '0' },
      { type: 'send', step: 'find-port', index: -1 },
      { type: 'send', step: 'find-port', index: 1.5 },
      { type: 'send', step: '../x', index: 0 },
      { type: 'check', step: 'a', checked: 'yes' },
      { type: 'note', step: 'a', text: 'x'.repeat(MAX_NOTE_LENGTH + 1) },
      { type: '__proto__' },
    ];
    for (const m of bad) assert.equal(parseWebviewMessage(m), undefined, JSON.stringify(m));
    const sent = parseWebviewMessage({ type: 'send', step: 'find-port', index: 0, command: 'rm -rf /' });
    assert.deepEqual(sent, { type: 'send', step: 'find-port', index: 0 }, 'extra fields are not kept');
  });
});

describe('lookupCommand / lookupChoice', () => {
  it('finds the command by step id and index, from the runbook data only', () => {
    assert.equal(lookupCommand(rb, 'find-port', 0)?.command, 'grep -n "UNABLE_REGISTER_CTIPORT" *MIVR*.log');
    assert.equal(lookupCommand(rb, 'find-port', 1), undefined);
    assert.equal(lookupCommand(rb, 'nope', 0), undefined);
  });
  it('finds a decision whose target exists', () => {
    const db = RUNBOOKS.find((r) => r.id === 'db-replication-check')!;
    assert.equal(lookupChoice(db, 'cli', 0)?.goto, 'read-state');
    assert.equal(lookupChoice(db, 'cli', 9), undefined);
  });
});

describe('parseOpenArgs', () => {
  it('keeps a quick fix argument', () => {
    const args = {
      runbook: 'jtapi-partial-service',
      step: 'check-association',
      uri: 'file:///samples/uccx/Cisco001MIVR001.log',
      line: 26,
      entry: 'JTAPI008',
      captures: { port: '4503' },
    };
    assert.deepEqual(parseOpenArgs(args), args);
    assert.deepEqual(parseOpenArgs('db-replication-check'), { runbook: 'db-replication-check' });
  });
  it('drops what is malformed', () => {
    assert.equal(parseOpenArgs({ runbook: '../etc' }), undefined);
    assert.equal(parseOpenArgs({}), undefined);
    assert.equal(parseOpenArgs(42), undefined);
    assert.deepEqual(parseOpenArgs({ runbook: 'x', step: 'a b', uri: 'file:///a', line: -1, entry: 'nope' }), {
      runbook: 'x',
    });
    const caps = parseOpenArgs({
      runbook: 'x',
      uri: 'file:///a',
      line: 1,
      captures: { a: 'b', n: 5, long: 'z'.repeat(5000) },
    });
    assert.deepEqual(caps?.captures, { a: 'b', long: 'z'.repeat(1000) });
  });
});

describe('ProgressStore', () => {
  function memento() {
    const map = new Map<string, unknown>();
    return {
      map,
      get: <T>(k: string) => map.get(k) as T | undefined,
      update: async (k: string, v: unknown) =>
        void (v === undefined ? map.delete(k) : map.set(JSON.parse(JSON.stringify(k)), JSON.parse(JSON.stringify(v)))),
    };
  }

  it('keeps checked steps and notes per runbook under one key, and resets them', async () => {
    const m = memento();
    const store = new ProgressStore(m);
    await store.setChecked('rb', 'a', true);
    await store.setChecked('rb', 'b', true);
    await store.setChecked('rb', 'a', false);
    await store.setNote('rb', 'b', 'seen');
    await store.setNote('rb', 'c', '   ');
    assert.deepEqual([...m.map.keys()], [stateKey('rb')]);
    assert.deepEqual(store.get('rb').checked, ['b']);
    assert.deepEqual(store.get('rb').notes, { b: 'seen' });
    assert.equal(store.hasProgress('rb'), true);
    assert.equal(store.hasProgress('other'), false);
    await store.reset('rb');
    assert.deepEqual(store.get('rb'), { checked: [], notes: {} });
    assert.equal(m.map.size, 0);
  });

  it('keeps the finding through a reset', async () => {
    const store = new ProgressStore(memento());
    await store.setFinding('rb', { uri: 'file:///x.log', line: 3, captures: { port: '1' } });
    await store.setChecked('rb', 'a', true);
    await store.reset('rb');
    const p = store.get('rb');
    assert.deepEqual(p.checked, []);
    assert.equal(p.finding?.line, 3);
  });

  it('reads a damaged record safely', () => {
    assert.deepEqual(normalizeProgress('x'), { checked: [], notes: {} });
    assert.deepEqual(normalizeProgress({ checked: ['a', 3, 'a'], notes: { a: 1, b: 'ok' }, finding: { uri: 1 } }), {
      checked: ['a'],
      notes: { b: 'ok' },
    });
  });
});
