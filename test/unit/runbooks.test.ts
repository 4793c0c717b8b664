// The runbooks (runbooks/*.yaml, compiled into engine/src/generated/runbooks.ts) form a graph of steps:
// ids unique, every goto lands on a step of the same runbook, every step reachable from the first, and the
// catalog and runbooks point at each other only through ids that exist. Texts are bilingual.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOG, RUNBOOKS, TOPICS, type Localized, type Runbook } from '../../engine/src/index';

const WHERE = new Set(['publisher', 'subscribers', 'every-node', 'uccx', 'any', 'workstation', 'node']);

/** Every `{en, ja}` text of a runbook, with a path for the message. */
function localizedTexts(rb: Runbook): Array<[string, Localized]> {
  const out: Array<[string, Localized]> = [];
  const add = (path: string, l: Localized | undefined) => l && out.push([path, l]);
  add('title', rb.title);
  add('symptom', rb.symptom);
  add('appliesTo', rb.appliesTo);
  for (const s of rb.steps) {
    add(`${s.id}.title`, s.title);
    add(`${s.id}.text`, s.text);
    add(`${s.id}.expect`, s.expect);
    add(`${s.id}.warning`, s.warning);
    (s.commands ?? []).forEach((c, i) => add(`${s.id}.commands[${i}].note`, c.note));
    (s.choices ?? []).forEach((c, i) => add(`${s.id}.choices[${i}].label`, c.label));
  }
  return out;
}

/** Steps reachable from the first one, by going on to the next step or by a choice. */
function reachable(rb: Runbook): Set<string> {
  const index = new Map(rb.steps.map((s, i) => [s.id, i]));
  const seen = new Set<string>();
  const todo = rb.steps.length ? [rb.steps[0].id] : [];
  while (todo.length) {
    const id = todo.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const i = index.get(id)!;
    const step = rb.steps[i];
    if (i + 1 < rb.steps.length) todo.push(rb.steps[i + 1].id);
    for (const c of step.choices ?? []) if (index.has(c.goto)) todo.push(c.goto);
  }
  return seen;
}

describe('runbooks', () => {
  it('exist, with unique ids and known topics', () => {
    assert.ok(RUNBOOKS.length > 0);
    const ids = RUNBOOKS.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate runbook id');
    const topics = new Set(TOPICS.map((t) => t.key));
    for (const rb of RUNBOOKS) assert.ok(topics.has(rb.topic), `${rb.id}: unknown topic ${rb.topic}`);
  });

  for (const rb of RUNBOOKS) {
    describe(rb.id, () => {
      const stepIds = new Set(rb.steps.map((s) => s.id));

      it('has steps with unique ids', () => {
        assert.ok(rb.steps.length > 0);
        assert.equal(stepIds.size, rb.steps.length, 'duplicate step id');
      });

      it('sends every choice to a step of the same runbook', () => {
        for (const s of rb.steps) {
          for (const c of s.choices ?? []) assert.ok(stepIds.has(c.goto), `${s.id}: goto ${c.goto} does not exist`);
        }
      });

      it('reaches every step from the first one', () => {
        const seen = reachable(rb);
        const lost = rb.steps.map((s) => s.id).filter((id) => !seen.has(id));
        assert.deepEqual(lost, [], 'unreachable steps');
      });

      it('names only catalog entries that exist', () => {
        const known = new Set(CATALOG.map((e) => e.id));
        for (const s of rb.steps)
          for (const id of s.entries ?? []) assert.ok(known.has(id), `${s.id}: unknown entry ${id}`);
      });

      it('has commands with a known place to run them', () => {
        for (const s of rb.steps) {
          for (const c of s.commands ?? []) {
            assert.ok(
              c.command.trim().length > 1 && !c.command.includes('\n'),
              `${s.id}: bad command ${JSON.stringify(c.command)}`,
            );
            assert.ok(WHERE.has(c.where), `${s.id}: unknown where ${c.where}`);
          }
        }
      });

      it('is written in both languages, and they differ', () => {
        for (const [path, l] of localizedTexts(rb)) {
          assert.ok(l.en?.trim(), `${path}: no English`);
          assert.ok(l.ja?.trim(), `${path}: no Japanese`);
          assert.notEqual(l.en.trim(), l.ja.trim(), `${path}: English and Japanese are the same`);
          assert.ok(!/\n/.test(l.en) && !/\n/.test(l.ja), `${path}: lines were not joined`);
        }
      });
    });
  }

  it('contain every step the catalog points at', () => {
    const byId = new Map(RUNBOOKS.map((r) => [r.id, r]));
    for (const e of CATALOG) {
      if (!e.runbook) {
        assert.equal(e.runbookStep, undefined, `${e.id}: runbookStep without runbook`);
        continue;
      }
      const rb = byId.get(e.runbook);
      assert.ok(rb, `${e.id}: unknown runbook ${e.runbook}`);
      if (e.runbookStep)
        assert.ok(
          rb.steps.some((s) => s.id === e.runbookStep),
          `${e.id}: ${e.runbook} has no step ${e.runbookStep}`,
        );
    }
  });
});
