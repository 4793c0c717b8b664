// The engineer's progress through a runbook (checked steps, notes per step, the finding that opened it),
// kept per workspace in `context.workspaceState` under one key per runbook, so it survives window reloads.
// Takes a Memento-like object: unit tests pass a Map-backed fake.
import { parseRecordTime, placeholderValue } from '../../../engine/src/fill-commands';

/** The finding a runbook was opened from (all of it comes from a log: untrusted text). */
export interface FindingRef {
  uri: string;
  /** 0-based, as in LSP. */
  line: number;
  entry?: string;
  captures: Record<string, string>;
  /** Time of the record (`YYYY-MM-DD HH:MM:SS`), read from the document when the runbook was opened. */
  time?: string;
  /** The JTAPI user UCCX opened its provider with, read from the document before the finding. */
  login?: string;
}

export interface RunbookProgress {
  /** Ids of the steps marked done, in the order they were checked. */
  checked: string[];
  notes: Record<string, string>;
  finding?: FindingRef;
  /** ISO time of the last change. */
  updated?: string;
}

export interface MementoLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export const STATE_KEY_PREFIX = 'cucmTraceLens.runbook/';
export const stateKey = (runbookId: string): string => `${STATE_KEY_PREFIX}${runbookId}`;

/** Longest note kept; the webview's textarea has the same maxlength. */
export const MAX_NOTE_LENGTH = 20000;

export function emptyProgress(): RunbookProgress {
  return { checked: [], notes: {} };
}

/** Reads a stored record defensively: whatever is malformed is dropped. */
export function normalizeProgress(raw: unknown): RunbookProgress {
  const p = emptyProgress();
  if (!raw || typeof raw !== 'object') return p;
  const r = raw as Record<string, unknown>;
  if (Array.isArray(r.checked)) p.checked = [...new Set(r.checked.filter((s): s is string => typeof s === 'string'))];
  if (r.notes && typeof r.notes === 'object') {
    for (const [k, v] of Object.entries(r.notes as Record<string, unknown>))
      if (typeof v === 'string' && v) p.notes[k] = v.slice(0, MAX_NOTE_LENGTH);
  }
  const f = r.finding as Record<string, unknown> | undefined;
  if (f && typeof f.uri === 'string' && Number.isInteger(f.line)) {
    const captures: Record<string, string> = {};
    if (f.captures && typeof f.captures === 'object')
      for (const [k, v] of Object.entries(f.captures as Record<string, unknown>))
        if (typeof v === 'string') captures[k] = v;
    p.finding = { uri: f.uri, line: f.line as number, captures };
    if (typeof f.entry === 'string') p.finding.entry = f.entry;
    if (typeof f.time === 'string' && parseRecordTime(f.time) !== undefined) p.finding.time = f.time;
    if (typeof f.login === 'string' && placeholderValue('jtapi-user', { login: f.login }) === f.login)
      p.finding.login = f.login;
  }
  if (typeof r.updated === 'string') p.updated = r.updated;
  return p;
}

export class ProgressStore {
  constructor(private readonly memento: MementoLike) {}

  get(runbookId: string): RunbookProgress {
    return normalizeProgress(this.memento.get(stateKey(runbookId)));
  }

  private async change(runbookId: string, fn: (p: RunbookProgress) => void): Promise<RunbookProgress> {
    const p = this.get(runbookId);
    fn(p);
    p.updated = new Date().toISOString();
    await this.memento.update(stateKey(runbookId), p);
    return p;
  }

  setChecked(runbookId: string, stepId: string, checked: boolean): Promise<RunbookProgress> {
    return this.change(runbookId, (p) => {
      p.checked = p.checked.filter((s) => s !== stepId);
      if (checked) p.checked.push(stepId);
    });
  }

  setNote(runbookId: string, stepId: string, text: string): Promise<RunbookProgress> {
    return this.change(runbookId, (p) => {
      if (text.trim()) p.notes[stepId] = text.slice(0, MAX_NOTE_LENGTH);
      else delete p.notes[stepId];
    });
  }

  setFinding(runbookId: string, finding: FindingRef): Promise<RunbookProgress> {
    return this.change(runbookId, (p) => (p.finding = finding));
  }

  /** Forgets checks and notes; the finding stays (it is context, not progress). */
  async reset(runbookId: string): Promise<RunbookProgress> {
    const finding = this.get(runbookId).finding;
    if (!finding) {
      await this.memento.update(stateKey(runbookId), undefined);
      return emptyProgress();
    }
    return this.change(runbookId, (p) => {
      p.checked = [];
      p.notes = {};
    });
  }

  /** Whether anything (checks or notes) is recorded for the runbook. */
  hasProgress(runbookId: string): boolean {
    const p = this.get(runbookId);
    return p.checked.length > 0 || Object.keys(p.notes).length > 0;
  }
}
