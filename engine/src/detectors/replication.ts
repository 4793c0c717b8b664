import type { TextIndex } from '../text-index';
import type { Localized, Range } from '../types';
import type { Detector, DetectorContext, DetectorFinding } from './types';

/**
 * Detectors for the database-replication part of the catalog (CLI captures of `show perf query class
 * "Number of Replicates Created and State of Replication"`, `utils dbreplication runtimestate`, the
 * `ReplicationStatus.*.out` report and Unified Reporting text). Everything here is line based and linear:
 * each detector looks only at its trigger lines and a bounded number of lines around them.
 */

// ---------------------------------------------------------------------------------------------------------
// Shared helpers

/** Pagination prompts that a terminal log glues to the start of the next output line. */
const PAGER_MORE = /^.*?or\s*<q>\s*to\s*quit\s*/i;
const PAGER_FILE = /^.*?\(lines\s+\d+\s*-\s*\d+\s+of\s+\d+\)\s*:\s*/i;

interface CleanLine {
  text: string;
  /** Characters removed from the start (a glued pagination prompt). */
  offset: number;
}

/** A line without a glued pagination prompt. */
function cleanLine(index: TextIndex, n: number): CleanLine {
  const raw = index.line(n);
  let text = raw.length > 2000 ? raw.slice(0, 2000) : raw;
  let offset = 0;
  if (/to\s*quit/i.test(text)) {
    const m = PAGER_MORE.exec(text);
    if (m) {
      offset += m[0].length;
      text = text.slice(m[0].length);
    }
  }
  if (/\(lines\s+\d/i.test(text)) {
    const m = PAGER_FILE.exec(text);
    if (m) {
      offset += m[0].length;
      text = text.slice(m[0].length);
    }
  }
  return { text, offset };
}

/** Range of a line's content (after a glued prompt and leading blanks) to its end. */
function lineRange(index: TextIndex, n: number, from = 0): Range {
  const text = index.line(n);
  let start = from;
  while (start < text.length && (text[start] === ' ' || text[start] === '\t')) start++;
  return { start: { line: n, character: start }, end: { line: n, character: text.length } };
}

const isPromptLine = (text: string): boolean => /^\s*admin:/.test(text);

/** Parsed results are shared by the entries that use the same detector with other params. */
function cached<T>(store: WeakMap<TextIndex, T>, index: TextIndex, build: () => T): T {
  let v = store.get(index);
  if (v === undefined) {
    v = build();
    store.set(index, v);
  }
  return v;
}

const uniqueSorted = (lines: number[]): number[] => [...new Set(lines)].sort((a, b) => a - b);

// ---------------------------------------------------------------------------------------------------------
// `utils dbreplication runtimestate`: one finding per unhealthy node row

interface StateRow {
  line: number;
  /** Column where the row starts (after a glued prompt and indentation). */
  col: number;
  server: string;
  ip: string;
  state: number;
  details: string;
  flags?: string;
  queue?: string;
  group?: string;
  summary?: { line: number; text: string; clean: boolean };
}

const HEADER = /SERVER-NAME\s+IP\s*ADDRESS/i;
const DASHES = /^\s*-{3,}(?:\s+-{3,})*\s*$/;
const ROW_HEAD =
  /^(\s*)([A-Za-z0-9][\w.-]{0,62})\s+(\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{0,4}){2,7})\s+(\S.*)$/;
const STATE_TAIL = /\((\d)\)/g;
const NO_ERRORS = /No\s+Errors\s+or\s+Mismatches\s+found/i;
const ERRORS_FOUND = /Errors\s+or\s+Mismatches\s+Were\s+Found/i;

function parseRow(clean: CleanLine, line: number, needMarkers: boolean): StateRow | undefined {
  const m = ROW_HEAD.exec(clean.text);
  if (!m) return undefined;
  const rest = m[4];
  let last: RegExpExecArray | undefined;
  STATE_TAIL.lastIndex = 0;
  for (let t = STATE_TAIL.exec(rest); t !== null; t = STATE_TAIL.exec(rest)) last = t;
  if (!last) return undefined;
  const before = rest.slice(0, last.index);
  const details = rest
    .slice(last.index + last[0].length)
    .replace(/\s+/g, ' ')
    .trim();
  if (!/^[A-Za-z]/.test(details)) return undefined;
  const flags = /(?:^|\s)([YN]\/[YN]\/[YN])(?=\s|$)/.exec(before)?.[1];
  const group = /\((g_\d+)\)/.exec(before)?.[1];
  // Without the table header, only a line carrying the runtimestate columns counts as a row.
  if (needMarkers && !flags && !group && !/\b(?:Yes|No)\b/.test(before)) return undefined;
  const queue = flags ? new RegExp(`${flags.replace(/\//g, '\\/')}\\s+(\\d+)`).exec(before)?.[1] : undefined;
  return {
    line,
    col: clean.offset + m[1].length,
    server: m[2],
    ip: m[3],
    state: Number(last[1]),
    details,
    flags,
    queue,
    group,
  };
}

/** The status summary printed above the table (`No Errors or Mismatches found.`), if any. */
function findSummary(index: TextIndex, from: number): StateRow['summary'] {
  for (let n = from - 1; n >= 0 && n >= from - 80; n--) {
    const text = index.line(n);
    if (NO_ERRORS.test(text)) return { line: n, text: text.trim(), clean: true };
    if (ERRORS_FOUND.test(text)) return { line: n, text: text.trim(), clean: false };
    if (isPromptLine(text) && /runtimestate/i.test(text)) return undefined;
  }
  return undefined;
}

const rowsCache = new WeakMap<TextIndex, StateRow[]>();

function runtimestateRows(ctx: DetectorContext): StateRow[] {
  return cached(rowsCache, ctx.index, () => {
    const { index } = ctx;
    const rows = new Map<number, StateRow>();
    const inTable = new Set<number>();
    for (const hit of ctx.hitLines) {
      const clean = cleanLine(index, hit);
      if (!HEADER.test(clean.text) || inTable.has(hit)) continue;
      const summary = findSummary(index, hit);
      let seenRow = false;
      for (let n = hit + 1; n < index.lineCount && n <= hit + 400; n++) {
        const c = cleanLine(index, n);
        if (c.text.trim() === '') {
          // A pagination prompt on its own line does not end the table; a blank line does.
          if (seenRow && index.line(n).trim() === '') break;
          continue;
        }
        if (DASHES.test(c.text)) continue;
        const row = parseRow(c, n, false);
        if (!row) break;
        seenRow = true;
        inTable.add(n);
        rows.set(n, { ...row, summary });
      }
    }
    // Rows pasted without their header (blog and forum copies collapse the table).
    for (const hit of ctx.hitLines) {
      if (rows.has(hit) || inTable.has(hit)) continue;
      const row = parseRow(cleanLine(index, hit), hit, true);
      if (row) rows.set(hit, { ...row, summary: findSummary(index, hit) });
    }
    return [...rows.values()].sort((a, b) => a.line - b.line);
  });
}

const SUMMARY_NOTE: Localized = {
  en: 'The status summary above says no errors or mismatches, yet this node row is not healthy',
  ja: '上の状態サマリーはエラーや不一致なしと表示していますが、このノードの行は正常ではありません',
};

/** params.states: the `(N)` values this entry reports, e.g. [3] or [0, 1]. */
const runtimestate: Detector = (ctx) => {
  const wanted = new Set(((ctx.params.states as number[] | undefined) ?? [3]).map(Number));
  const out: DetectorFinding[] = [];
  for (const row of runtimestateRows(ctx)) {
    if (!wanted.has(row.state)) continue;
    const captures: Record<string, string> = {
      server: row.server,
      ip: row.ip,
      state: String(row.state),
      details: row.details,
    };
    if (row.flags) captures.dbRpcDbMon = row.flags;
    if (row.queue) captures.queue = row.queue;
    if (row.group) captures.group = row.group;
    const related: DetectorFinding['related'] = [];
    if (row.summary?.clean) {
      captures.summary = row.summary.text;
      related.push({ range: lineRange(ctx.index, row.summary.line), message: SUMMARY_NOTE });
    }
    out.push({ range: lineRange(ctx.index, row.line, row.col), captures, related });
  }
  return out;
};

// ---------------------------------------------------------------------------------------------------------
// Replicate_State and Number of Replicates Created (perf query, RTMT counters in Unified Reporting)

interface Counter {
  line: number;
  col: number;
  node?: string;
  state?: number;
  count?: number;
  /** Line of the count when it sits on another line than the state. */
  countLine?: number;
}

const STATE_RE = /Replicate_State\s*[=:]\s*(\d+)\b/i;
const COUNT_RE = /Number\s+of\s+Replicates\s+Created\s*[=:]\s*(\d+)\b/i;
const TABLE_HEAD_STATE = /Replicate_State/i;
const TABLE_HEAD_COUNT = /Replicates\s+Created/i;
const NODE_HINT =
  /(?:\bssh\s+(?:-\S+\s+)*(?:[\w.-]+@)?|(?:^|\s)(?:Server|Node|Host)\s*(?:Name)?\s*[:=]\s*)([A-Za-z][\w.-]{0,62})/i;

function nodeHint(index: TextIndex, from: number): string | undefined {
  for (let n = from - 1; n >= 0 && n >= from - 25; n--) {
    const text = index.line(n);
    // The state line closes a perf query block: stop at the previous node's block.
    if (STATE_RE.test(text)) return undefined;
    const m = NODE_HINT.exec(text);
    if (m) return m[1];
  }
  return undefined;
}

/** Rows of a `server  count  state` table under a header naming both counters. */
function readCounterTable(index: TextIndex, head: number, text: string, out: Map<number, Counter>): void {
  const stateFirst = text.search(TABLE_HEAD_STATE) < text.search(TABLE_HEAD_COUNT);
  for (let n = head + 1; n < index.lineCount && n <= head + 100; n++) {
    const c = cleanLine(index, n);
    if (DASHES.test(c.text) || (c.text.trim() === '' && index.line(n).trim() !== '')) continue;
    const m = /^(\s*)([A-Za-z][\w.-]{0,62})(?:\s+\(?\d{1,3}(?:\.\d{1,3}){3}\)?)?\s+(\d+)\s+(\d+)\s*$/.exec(c.text);
    if (!m) break;
    const a = Number(m[3]);
    const b = Number(m[4]);
    out.set(n, {
      line: n,
      col: c.offset + m[1].length,
      node: m[2],
      state: stateFirst ? a : b,
      count: stateFirst ? b : a,
      countLine: n,
    });
  }
}

const countersCache = new WeakMap<TextIndex, Counter[]>();

function replicateCounters(ctx: DetectorContext): Counter[] {
  return cached(countersCache, ctx.index, () => {
    const { index } = ctx;
    const table = new Map<number, Counter>();
    const states: Counter[] = [];
    const counts: Counter[] = [];
    for (const hit of ctx.hitLines) {
      if (table.has(hit)) continue;
      const c = cleanLine(index, hit);
      const s = STATE_RE.exec(c.text);
      const k = COUNT_RE.exec(c.text);
      if (!s && !k) {
        if (TABLE_HEAD_STATE.test(c.text) && TABLE_HEAD_COUNT.test(c.text)) readCounterTable(index, hit, c.text, table);
        continue;
      }
      const col = c.offset + (c.text.length - c.text.trimStart().length);
      const node = nodeHint(index, hit);
      if (s && k) {
        states.push({ line: hit, col, node, state: Number(s[1]), count: Number(k[1]), countLine: hit });
        continue;
      }
      if (s) states.push({ line: hit, col, node, state: Number(s[1]) });
      if (k) counts.push({ line: hit, col, node, count: Number(k[1]) });
    }
    // Pair a state with the nearest count of the same block (the perf query prints them on adjacent lines).
    const used = new Set<number>();
    for (const st of states) {
      if (st.count !== undefined) continue;
      let best: Counter | undefined;
      for (const k of counts) {
        const d = Math.abs(k.line - st.line);
        if (d > 6 || used.has(k.line) || k.node !== st.node) continue;
        if (!best || d < Math.abs(best.line - st.line)) best = k;
      }
      if (best) {
        used.add(best.line);
        st.count = best.count;
        st.countLine = best.line;
      }
    }
    const loose = counts.filter((k) => !used.has(k.line));
    return [...states, ...loose, ...table.values()].sort((a, b) => a.line - b.line);
  });
}

/** params.state: the Replicate_State value this entry reports (0, 1, 3 or 4). */
const replicateState: Detector = (ctx) => {
  const wanted = Number(ctx.params.state ?? 3);
  const out: DetectorFinding[] = [];
  for (const c of replicateCounters(ctx)) {
    if (c.state !== wanted) continue;
    const captures: Record<string, string> = { state: String(c.state) };
    if (c.count !== undefined) captures.count = String(c.count);
    if (c.node) captures.node = c.node;
    const related: DetectorFinding['related'] = [];
    if (c.countLine !== undefined && c.countLine !== c.line) {
      related.push({
        range: lineRange(ctx.index, c.countLine),
        message: { en: 'Number of replicates created on this node', ja: 'このノードで作成された複製の数' },
      });
    }
    out.push({ range: lineRange(ctx.index, c.line, c.col), captures, related });
  }
  return out;
};

/**
 * Every node must have created the same number of replicates. Nodes whose Replicate_State is already
 * reported as not 2 are left out (state 1 means exactly "count wrong"); the rest are compared and one
 * finding marks the first node that differs from the most common count.
 */
const replicateCountMismatch: Detector = (ctx) => {
  const byNode = new Map<string, Counter>();
  for (const c of replicateCounters(ctx)) {
    if (c.count === undefined) continue;
    byNode.set(c.node ?? `@${c.line}`, c);
  }
  const nodes = [...byNode.values()].filter((c) => c.state === undefined || c.state === 2);
  if (nodes.length < 2) return [];
  const freq = new Map<number, number>();
  for (const c of nodes) freq.set(c.count!, (freq.get(c.count!) ?? 0) + 1);
  if (freq.size < 2) return [];
  let expected = nodes[0].count!;
  for (const [v, n] of freq) if (n > freq.get(expected)!) expected = v;
  const odd = nodes.filter((c) => c.count !== expected).sort((a, b) => a.line - b.line);
  const first = odd[0];
  const where = (c: Counter): number => c.countLine ?? c.line;
  const captures: Record<string, string> = {
    count: String(first.count),
    expected: String(expected),
    counts: nodes.map((c) => (c.node ? `${c.node}=${c.count}` : String(c.count))).join(', '),
  };
  if (first.node) captures.node = first.node;
  const related: DetectorFinding['related'] = [];
  for (const c of odd.slice(1)) {
    related.push({
      range: lineRange(ctx.index, where(c)),
      message: { en: 'Another node with a different replicate count', ja: '複製数が異なる別のノード' },
    });
  }
  const ref = nodes.find((c) => c.count === expected)!;
  related.push({
    range: lineRange(ctx.index, where(ref)),
    message: { en: 'Replicate count shared by most nodes', ja: '大多数のノードと同じ複製数' },
  });
  const line = where(first);
  return [{ range: lineRange(ctx.index, line, line === first.line ? first.col : 0), captures, related }];
};

// ---------------------------------------------------------------------------------------------------------
// `utils dbreplication status` report (ReplicationStatus.*.out): tables out of sync

const OUT_OF_SYNC = /\b(?:out\s+of\s+sync|not\s+in\s+sync)\b/i;
const RUNTIMESTATE_ROW_SYNC = /\(\s*\d\s*\)\s*Out\s+Of\s+Sync/i;
const SYNC_CONTEXT = /table|replicat|dbreplication|sync\s+status/i;
const TABLE_ON_LINE = /\b(?:table|tabname)\b\s*[:=]?\s*([A-Za-z_]\w*(?:[:.]\w+)*)/i;
/** `Out of sync tables: 0`, `0 tables out of sync`, `no tables are out of sync`. */
const NONE_OUT_OF_SYNC =
  /\b(?:0|no|zero)\s+(?:tables?\s+)?(?:are\s+|were\s+)?(?:out\s+of\s+sync|not\s+in\s+sync)|(?:out\s+of\s+sync|not\s+in\s+sync)[^\r\n]{0,40}?[:=]\s*0\b/i;
const TABLE_SCAN = /(?:Table\s+scan\s+for|^\s*table\s*:)\s*([A-Za-z_][\w]*(?:[:.][\w]+)*)/i;

const shortTable = (name: string): string => name.replace(/^.*[:.]/, '');

const tablesOutOfSync: Detector = (ctx) => {
  const { index } = ctx;
  const out: DetectorFinding[] = [];
  let prev: { table?: string; line: number; finding: DetectorFinding } | undefined;
  for (const hit of uniqueSorted(ctx.hitLines)) {
    const c = cleanLine(index, hit);
    const m = OUT_OF_SYNC.exec(c.text);
    if (!m || RUNTIMESTATE_ROW_SYNC.test(c.text) || NONE_OUT_OF_SYNC.test(c.text)) continue;
    if (isPromptLine(c.text)) continue;
    let table: string | undefined;
    const own = TABLE_ON_LINE.exec(c.text);
    if (own && !/^(?:is|are|not|out|in|sync|scan|the)$/i.test(own[1])) table = own[1];
    let context = SYNC_CONTEXT.test(c.text);
    for (let n = hit - 1; n >= 0 && n >= hit - 12 && (!table || !context); n--) {
      const t = index.line(n);
      if (isPromptLine(t)) {
        context ||= SYNC_CONTEXT.test(t);
        break;
      }
      if (!table) {
        const s = TABLE_SCAN.exec(t);
        if (s) table = s[1];
      }
      context ||= SYNC_CONTEXT.test(t);
    }
    if (!context) continue;
    const short = table ? shortTable(table) : undefined;
    if (prev && prev.table === short && hit - prev.line <= 12) {
      prev.finding.related!.push({
        range: lineRange(index, hit, c.offset),
        message: { en: 'Same table reported again', ja: '同じテーブルの再掲' },
      });
      continue;
    }
    const captures: Record<string, string> = { status: m[0].replace(/\s+/g, ' ') };
    if (short) captures.table = short;
    const finding: DetectorFinding = { range: lineRange(index, hit, c.offset), captures, related: [] };
    out.push(finding);
    prev = { table: short, line: hit, finding };
  }
  return out;
};

// ---------------------------------------------------------------------------------------------------------
// Replication Server List (`cdr list server` view in Unified Reporting and ReplicationStatus files)

const SERVER_ROW =
  /(?:^|\s|quit)(g_[A-Za-z0-9][\w-]*)\s+\d+\s+(Active|Inactive|Suspended|Deleted|Quiescent|Shut\s?Down)\s+([A-Za-z]+)\b/i;
const BAD_STATUS = /^(?:Disconnected|Dropped|Timeout|Failed|Error)$/i;
const BAD_STATE = /^(?:Inactive|Suspended|Deleted|Shut\s?Down)$/i;

/**
 * Each server prints its own list, so one unreachable node appears once per peer: one finding per server
 * name, the other sightings related to it.
 */
const replicationServerList: Detector = (ctx) => {
  const { index } = ctx;
  const byServer = new Map<string, DetectorFinding>();
  const out: DetectorFinding[] = [];
  for (const hit of uniqueSorted(ctx.hitLines)) {
    const text = index.line(hit);
    const m = SERVER_ROW.exec(text.length > 1000 ? text.slice(0, 1000) : text);
    if (!m) continue;
    const [, server, state, status] = m;
    if (!BAD_STATUS.test(status) && !BAD_STATE.test(state)) continue;
    const start = m.index + m[0].indexOf(server);
    const range: Range = { start: { line: hit, character: start }, end: { line: hit, character: text.length } };
    const seen = byServer.get(server);
    if (seen) {
      seen.related!.push({
        range,
        message: { en: 'The same server seen from another node', ja: '別のノードから見た同じサーバ' },
      });
      continue;
    }
    const finding: DetectorFinding = { range, captures: { server, state, status }, related: [] };
    byServer.set(server, finding);
    out.push(finding);
  }
  return out;
};

/** Detectors for the replication part of the catalog. */
export const DETECTORS_REPLICATION: Record<string, Detector> = {
  'dbreplication-runtimestate': runtimestate,
  'replicate-state': replicateState,
  'replicate-count-mismatch': replicateCountMismatch,
  'dbreplication-tables-out-of-sync': tablesOutOfSync,
  'replication-server-list': replicationServerList,
};
