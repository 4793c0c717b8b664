// What may cross into the extension: messages from the runbook webview and the `openRunbook` command
// argument. Both are validated here (pure, unit-tested); anything malformed is dropped. A command to copy
// or type is never taken from a message: it is looked up in the runbook by step id and index.
import type { OpenRunbookArgs } from '../../../common/protocol';
import type { Runbook, RunbookChoice, RunbookCommand } from '../../../engine/src/runbook-types';
import { MAX_NOTE_LENGTH } from './state';

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'revealed'; step: string }
  | { type: 'check'; step: string; checked: boolean }
  | { type: 'note'; step: string; text: string }
  | { type: 'choice' | 'copy' | 'send'; step: string; index: number }
  | { type: 'openFinding' | 'openReference' | 'export' | 'reset' };

/** Messages the extension posts to the webview. */
export type PanelMessage = { type: 'reveal'; step: string };

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
export const RUNBOOK_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;
export const ENTRY_ID = /^[A-Z]{2,6}\d{3}$/;
const MAX_CAPTURES = 30;
const MAX_CAPTURE_LENGTH = 1000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStepId = (v: unknown): v is string => typeof v === 'string' && ID.test(v);
const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1000;

export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (!isObject(raw) || typeof raw.type !== 'string') return undefined;
  switch (raw.type) {
    case 'ready':
    case 'openFinding':
    case 'openReference':
    case 'export':
    case 'reset':
      return { type: raw.type };
    case 'revealed':
      return isStepId(raw.step) ? { type: 'revealed', step: raw.step } : undefined;
    case 'check':
      return isStepId(raw.step) && typeof raw.checked === 'boolean'
        ? { type: 'check', step: raw.step, checked: raw.checked }
        : undefined;
    case 'note':
      return isStepId(raw.step) && typeof raw.text === 'string' && raw.text.length <= MAX_NOTE_LENGTH
        ? { type: 'note', step: raw.step, text: raw.text }
        : undefined;
    case 'choice':
    case 'copy':
    case 'send':
      return isStepId(raw.step) && isIndex(raw.index) ? { type: raw.type, step: raw.step, index: raw.index } : undefined;
    default:
      return undefined;
  }
}

/** The CLI command of a step, by index: the only source of text that is copied or typed. */
export function lookupCommand(rb: Runbook, step: string, index: number): RunbookCommand | undefined {
  return rb.steps.find((s) => s.id === step)?.commands?.[index];
}

/** A decision of a step, if its target exists in the runbook. */
export function lookupChoice(rb: Runbook, step: string, index: number): RunbookChoice | undefined {
  const choice = rb.steps.find((s) => s.id === step)?.choices?.[index];
  return choice && rb.steps.some((s) => s.id === choice.goto) ? choice : undefined;
}

/**
 * The `openRunbook` argument (from a quick fix, or from anyone who runs the command). Returns undefined
 * when there is no usable runbook id; optional parts that are malformed are left out.
 */
export function parseOpenArgs(raw: unknown): OpenRunbookArgs | undefined {
  if (typeof raw === 'string') return RUNBOOK_ID.test(raw) ? { runbook: raw } : undefined;
  if (!isObject(raw) || typeof raw.runbook !== 'string' || !RUNBOOK_ID.test(raw.runbook)) return undefined;
  const out: OpenRunbookArgs = { runbook: raw.runbook };
  if (isStepId(raw.step)) out.step = raw.step;
  if (typeof raw.uri === 'string' && raw.uri.length < 4096 && typeof raw.line === 'number' && isLine(raw.line)) {
    out.uri = raw.uri;
    out.line = raw.line;
    if (typeof raw.entry === 'string' && ENTRY_ID.test(raw.entry)) out.entry = raw.entry;
    const captures: Record<string, string> = {};
    if (isObject(raw.captures)) {
      for (const [k, v] of Object.entries(raw.captures).slice(0, MAX_CAPTURES))
        if (typeof v === 'string' && k.length <= 100) captures[k] = v.slice(0, MAX_CAPTURE_LENGTH);
    }
    out.captures = captures;
  }
  return out;
}

function isLine(v: number): boolean {
  return Number.isInteger(v) && v >= 0 && v < 100_000_000;
}
