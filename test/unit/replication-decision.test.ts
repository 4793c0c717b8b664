// The replication repair-versus-reset rule of the guide (out-of-sync section, step 2; step 6 for the reset):
// `utils dbreplication repair` only for a node at state 2 whose tables a status report lists as out of sync;
// a node in any other state is stopped on the subscribers, then on the publisher, and reset from the
// publisher. Each case below is a capture at one state, written by hand, with the decision the finding's
// CLI list must lead to. A publisher without subscribers reads 0 for good and must not be sent to a reset.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, CATALOG, GLOSSARY, RUNBOOKS, type CatalogEntry } from '../../engine/src/index';

type Decision = 'repair' | 'reset' | 'wait-then-reset' | 'none';

const PERF_HEAD = [
  'admin:show perf query class "Number of Replicates Created and State of Replication"',
  '==>query class :',
  '',
  '- Perf class (Number of Replicates Created and State of Replication)',
  'has instances and values:',
];
const perf = (count: number, state: number): string =>
  [
    ...PERF_HEAD,
    `ReplicateCount  -> Number of Replicates Created   = ${count}`,
    `ReplicateCount  -> Replicate_State                = ${state}`,
  ].join('\n');

const RUNTIME_HEAD = [
  'Cluster Detailed View from ccm-pub-a (2 Servers):',
  '',
  '                                           PING      DB/RPC/   REPL.    Replication    REPLICATION SETUP',
  'SERVER-NAME              IP ADDRESS        (msec)    DbMon?    QUEUE    Group ID       (RTMT) & Details',
  '-----------              ----------        ------    -------   -----    -----------    ------------------',
  'ccm-pub-a                192.0.2.10        0.031     Y/Y/Y     0        (g_2)          (2) Setup Completed',
];
const runtime = (state: number, text: string): string =>
  [
    ...RUNTIME_HEAD,
    `ccm-sub-b                192.0.2.11        0.204     Y/Y/Y     12       (g_3)          (${state}) ${text}`,
  ].join('\n');

interface Case {
  name: string;
  text: string;
  /** The entry that must report it (undefined: no replication entry may fire). */
  id?: string;
  decision: Decision;
}

const CASES: Case[] = [
  { name: 'Replicate_State 0', text: perf(0, 0), id: 'DBREP001', decision: 'wait-then-reset' },
  { name: 'Replicate_State 1', text: perf(118, 1), id: 'DBREP002', decision: 'wait-then-reset' },
  { name: 'Replicate_State 2 (near miss)', text: perf(681, 2), decision: 'none' },
  { name: 'Replicate_State 3', text: perf(681, 3), id: 'DBREP003', decision: 'reset' },
  { name: 'Replicate_State 4', text: perf(12, 4), id: 'DBREP004', decision: 'reset' },
  { name: 'runtimestate (0) Initializing', text: runtime(0, 'Initializing'), id: 'DBREP007', decision: 'none' },
  { name: 'runtimestate (1) Setup Completed', text: runtime(1, 'Setup Completed'), id: 'DBREP007', decision: 'none' },
  { name: 'runtimestate (2) (near miss)', text: runtime(2, 'Setup Completed'), decision: 'none' },
  { name: 'runtimestate (3) Out Of Sync', text: runtime(3, 'Out Of Sync'), id: 'DBREP005', decision: 'reset' },
  {
    name: 'runtimestate (3) DB Active-Failed',
    text: runtime(3, 'DB Active-Failed'),
    id: 'DBREP005',
    decision: 'reset',
  },
  { name: 'runtimestate (4) Setup Failed', text: runtime(4, 'Setup Failed'), id: 'DBREP006', decision: 'reset' },
  {
    name: 'state 2 everywhere, status check found mismatches',
    text: [
      'Replication status command started at: 2026-11-30-02-14',
      '     Replication status command COMPLETED 612 tables checked out of 612',
      '     Errors or Mismatches Were Found!!!',
    ].join('\n'),
    id: 'DBREP010',
    decision: 'repair',
  },
];

const REPL = /^DBREP00[1-7]$|^DBREP010$/;
const cmd = (e: CatalogEntry, re: RegExp) => e.cli.findIndex((c) => re.test(c.command));

/** The decision an entry's CLI list leads to, read from the commands and their order. */
function decisionOf(e: CatalogEntry): Decision {
  const repair = cmd(e, /dbreplication\s+repair/);
  const stopSubs = e.cli.findIndex((c) => /dbreplication\s+stop/.test(c.command) && c.where === 'subscribers');
  const stopPub = e.cli.findIndex((c) => /dbreplication\s+stop/.test(c.command) && c.where === 'publisher');
  const reset = e.cli.findIndex((c) => /dbreplication\s+reset\b/.test(c.command) && c.where === 'publisher');
  if (repair >= 0) return 'repair';
  if (stopSubs < 0 && stopPub < 0 && reset < 0) return 'none';
  assert.ok(
    stopSubs >= 0 && stopSubs < stopPub && stopPub < reset,
    `${e.id}: stop subscribers → stop publisher → reset`,
  );
  // A reset gated on time (state 0 after 4 hours, a 1 that never moves) says so in the first stop note.
  return /4 hours|never reaches|stays/i.test(e.cli[stopSubs].en) ? 'wait-then-reset' : 'reset';
}

describe('replication: repair only at state 2 with out-of-sync tables, otherwise stop, stop, reset', () => {
  for (const c of CASES) {
    it(`${c.name} → ${c.decision}`, () => {
      const found = analyze(c.text).findings.filter((f) => REPL.test(f.id));
      if (!c.id) {
        assert.deepEqual(
          found.map((f) => f.id),
          [],
        );
        return;
      }
      assert.deepEqual([...new Set(found.map((f) => f.id))], [c.id]);
      const entry = CATALOG.find((e) => e.id === c.id)!;
      assert.equal(decisionOf(entry), c.decision);
    });
  }

  it('DBREP002 (state 1) ends in a reset that the guide orders, never in a repair', () => {
    const e = CATALOG.find((x) => x.id === 'DBREP002')!;
    assert.equal(cmd(e, /repair/), -1);
    assert.match(e.en.action, /stop replication on\s+the subscribers, then on the publisher/);
    assert.match(e.en.action, /not a case for repair/);
  });

  it('DBREP009 (tables out of sync) repairs at state 2 and resets otherwise', () => {
    const e = CATALOG.find((x) => x.id === 'DBREP009')!;
    const repair = e.cli[cmd(e, /dbreplication\s+repair/)];
    const reset = e.cli[cmd(e, /dbreplication\s+reset all/)];
    assert.match(repair.en, /state is 2/);
    assert.match(reset.en, /not 2/);
  });

  it('DBREP001 tells a publisher-only cluster that 0 is normal before any reset', () => {
    const e = CATALOG.find((x) => x.id === 'DBREP001')!;
    assert.match(e.en.message, /normal without subscribers/);
    assert.match(e.ja.message, /サブスクライバがなければ正常/);
    assert.ok(cmd(e, /show network cluster/) < cmd(e, /dbreplication\s+stop/), 'node list first');
    assert.match(e.en.action, /If the publisher is alone, leave it/);
  });
});

describe('replication: glossary values and the check runbook follow the same rule', () => {
  /** A sentence that recommends a repair without negating it. */
  const recommendsRepair = (text: string): boolean =>
    text
      .split(/(?<=[.;:。])\s*/)
      .some(
        (s) =>
          /\brepair/i.test(s) &&
          !/\b(?:not|no|never|rather than|does not apply|needs state 2|wrong tool)\b/i.test(s) &&
          !/only|if .*state 2|at 2/i.test(s),
      ) ||
    text
      .split('。')
      .some((s) => /修復/.test(s) && !/ではなく|対象外|使えません|効きません|しません|2 が前提|状態 2/.test(s));

  for (const id of ['replicate-state', 'runtimestate-health']) {
    const term = GLOSSARY.find((t) => t.id === id)!;
    for (const v of ['0', '1', '3', '4']) {
      it(`${id} = ${v} never recommends a repair`, () => {
        assert.equal(recommendsRepair(term.values![v].en), false, term.values![v].en);
        assert.equal(recommendsRepair(term.values![v].ja), false, term.values![v].ja);
      });
    }
  }
  it('replicate-state 0 is normal on a publisher without subscribers', () => {
    const zero = GLOSSARY.find((t) => t.id === 'replicate-state')!.values!['0'];
    assert.match(zero.en, /publisher without subscribers this is the normal value/);
  });
  it('the recommendsRepair reading catches a plain "repair" advice (the rule cannot pass vacuously)', () => {
    assert.equal(recommendsRepair('Find the node at fault, then repair or reset.'), true);
    assert.equal(recommendsRepair('問題のノードを特定し、修復またはリセットします。'), true);
  });

  const rb = RUNBOOKS.find((r) => r.id === 'db-replication-check')!;
  const step = (id: string) => rb.steps.find((s) => s.id === id)!;
  const target = (label: RegExp) => step(step('read-state').choices!.find((c) => label.test(c.label.en))!.goto);
  it('state 3 leads to a step without a repair command', () => {
    const s = target(/^State 3$/);
    assert.ok(!(s.commands ?? []).some((c) => /repair/.test(c.command)));
    assert.ok(s.choices!.some((c) => c.goto === 'open-reset'));
  });
  it('a publisher-only 0 leads to a step without stop or reset', () => {
    const s = target(/publisher as the only node/);
    assert.ok(!(s.commands ?? []).some((c) => /dbreplication\s+(?:stop|reset)/.test(c.command)));
  });
  it('the repair step warns that every node must be at 2', () => {
    assert.match(step('open-repair').warning!.en, /every node is at state 2/);
  });
});
