import { detectFormat, type FormatId } from './format';
import { LineKind, RecordIndex } from './records';
import { severityCountsText, type SeverityCounts } from './severity-counts';
import { TextIndex } from './text-index';
import { readFileHead, timeSpan } from './timeline';
import type { Locale, Range, Severity } from './types';

/**
 * The structure of a trace for navigation: folding ranges (a multi-line record folds as one unit) and
 * an outline (file header, CLI commands, Windows events, findings). One linear pass each.
 */

export interface FoldRange {
  startLine: number;
  endLine: number;
}

export interface StructureOptions {
  /** The file's format (language id); detected from the first lines when absent. */
  format?: FormatId;
}

export interface FoldOptions extends StructureOptions {
  /** Most ranges to return (the client's `rangeLimit`); the first ones in the file are kept. */
  limit?: number;
}

/** `admin:` prompt of a CUCM CLI capture, with the command typed after it. */
const PROMPT_RE = /^\s*admin:\s*(.*)$/;
/** First line of a Windows event in Event Viewer text (block layout), English or Japanese. */
const EVENT_HEAD_RE = /^(?:Event Type|Log Name|イベントの種類|ログの名前)\s*:/;
/** Header of the tab-separated Event Viewer export, English or Japanese. */
const EVENT_TABLE_HEAD_RE = /^\uFEFF?(?:Level|レベル)\t/;
/** A row of the tab-separated export starts with its level. */
const EVENT_ROW_RE =
  /^(?:Information|Warning|Error|Critical|Verbose|Audit Success|Audit Failure|情報|警告|エラー|重大|詳細|成功の監査|失敗の監査)\t/;
/** `[9957,NET]`: a SIP/MGCP/SDP message follows, which may contain blank lines (SIP headers / SDP body). */
const NET_MARKER_RE = /^\[\d+,NET\]\s*$/;
/** First line of a raw SIP or MGCP message written under an AppInfo line without a NET marker. */
const MESSAGE_START_RE =
  /^(?:[A-Z]+ sip:\S+ SIP\/2\.0|SIP\/2\.0 \d{3}\b|(?:CRCX|MDCX|DLCX|RQNT|NTFY|AUEP|AUCX|RSIP|EPCF) \d+ \S+ MGCP\b)/;
/** A Java stack frame or its tail (`\tat ...`, `... 12 more`, `Caused by: ...`). */
const STACK_RE = /^(?:\s+at\s|\s*\.\.\.\s*\d+\s+more\b|Caused by:)/;

function indexOf(text: string | TextIndex): TextIndex {
  return typeof text === 'string' ? new TextIndex(text) : text;
}

function formatOf(index: TextIndex, format: FormatId | undefined): FormatId | undefined {
  return format ?? detectFormat(index.text.length > 65536 ? index.text.slice(0, 65536) : index.text);
}

const isBlank = (s: string): boolean => s.trim() === '';

/** Collects ranges until the limit; `full` tells the caller to stop. */
class Folds {
  readonly ranges: FoldRange[] = [];
  constructor(private readonly limit: number) {}
  add(startLine: number, endLine: number): void {
    if (endLine > startLine && this.ranges.length < this.limit) this.ranges.push({ startLine, endLine });
  }
  get full(): boolean {
    return this.ranges.length >= this.limit;
  }
}

/**
 * Folding ranges. Traces: a record with its continuation lines (a SIP/SDP/MGCP message after its
 * AppInfo line and `[n,NET]` marker, a wrapped MIVR record, a stack trace, a JTAPI `Class {` … `}`
 * dump, with nested `{` … `}` blocks and stack traces inside as inner ranges). CLI captures: one
 * command and its output. Event Viewer text: one event. Sorted by start line.
 */
export function foldingRanges(text: string | TextIndex, options: FoldOptions = {}): FoldRange[] {
  const index = indexOf(text);
  const limit = options.limit !== undefined && options.limit >= 0 ? options.limit : Infinity;
  const folds = new Folds(limit);
  const format = formatOf(index, options.format);
  if (format === 'cucm-cli') foldBlocks(index, folds, (line) => PROMPT_RE.test(line));
  else if (format === 'cucm-eventlog') foldEvents(index, folds);
  else foldRecords(index, folds);
  return folds.ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** Blocks that run from a head line to the last non-blank line before the next head. */
function foldBlocks(index: TextIndex, folds: Folds, isHead: (line: string) => boolean): void {
  let head = -1;
  let lastText = -1;
  for (let i = 0; i < index.lineCount && !folds.full; i++) {
    const line = index.line(i);
    if (isHead(line)) {
      if (head >= 0) folds.add(head, lastText);
      head = i;
      lastText = i;
    } else if (!isBlank(line)) lastText = i;
  }
  if (head >= 0) folds.add(head, lastText);
}

function foldEvents(index: TextIndex, folds: Folds): void {
  const tabular = index.lineCount > 0 && EVENT_TABLE_HEAD_RE.test(index.line(0));
  if (tabular) foldBlocks(index, folds, (line) => EVENT_ROW_RE.test(line));
  else foldBlocks(index, folds, (line) => EVENT_HEAD_RE.test(line));
}

function foldRecords(index: TextIndex, folds: Folds): void {
  const records = new RecordIndex(index);
  const n = index.lineCount;
  /** Head of the open record, or -1. */
  let head = -1;
  let lastText = -1;
  /** The record holds a protocol message, which may contain blank lines. */
  let message = false;
  /** Open `{` lines of a JTAPI object dump. */
  const braces: number[] = [];
  /** Start of the current run of stack frames, and the line before it (the exception text). */
  let stackStart = -1;
  let stackEnd = -1;

  const closeStack = (): void => {
    if (stackStart > 0 && stackStart - 1 > head) folds.add(stackStart - 1, stackEnd);
    stackStart = -1;
  };
  const close = (): void => {
    closeStack();
    if (head >= 0) folds.add(head, lastText);
    head = -1;
    message = false;
    braces.length = 0;
  };

  for (let i = 0; i < n && !folds.full; i++) {
    const kind = records.kind(i);
    if (kind === LineKind.Blank) {
      // A blank line ends a record, except inside a SIP/MGCP message or an object dump when more of it follows.
      if (head >= 0 && (message || braces.length > 0) && i + 1 < n && records.kind(i + 1) === LineKind.Continuation)
        continue;
      close();
      continue;
    }
    const line = index.line(i);
    if (kind === LineKind.Head) {
      close();
      head = i;
      lastText = i;
      if (line.trimEnd().endsWith('{')) braces.push(i);
      continue;
    }
    // A continuation line.
    if (head < 0) continue; // unprefixed text with no record above it (free text between records)
    lastText = i;
    if (!message && (NET_MARKER_RE.test(line) || (i === head + 1 && MESSAGE_START_RE.test(line)))) message = true;
    if (STACK_RE.test(line)) {
      if (stackStart < 0) stackStart = i;
      stackEnd = i;
    } else if (stackStart >= 0) closeStack();
    const trimmed = line.trim();
    if (trimmed.endsWith('{')) braces.push(i);
    else if (trimmed.startsWith('}') && braces.length > 0) {
      const open = braces.pop()!;
      if (open > head) folds.add(open, i);
    }
  }
  close();
}

// ---------------------------------------------------------------------------------------------
// Outline

export type OutlineKind = 'file' | 'command' | 'event' | 'finding';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: OutlineKind;
  /** Set on findings. */
  severity?: Severity;
  range: Range;
  selectionRange: Range;
  children: OutlineSymbol[];
}

/** A finding as the outline shows it: the caller supplies the localized name (`ID title`) and detail (message). */
export interface OutlineFinding {
  name: string;
  detail: string;
  severity: Severity;
  range: Range;
}

export interface OutlineOptions extends StructureOptions {
  findings?: OutlineFinding[];
  locale?: Locale;
}

const FORMAT_NAMES: Record<FormatId, string> = {
  'cucm-sdl': 'CUCM SDL/SDI Trace',
  'cucm-mivr': 'UCCX Engine Log (MIVR)',
  'cucm-jtapi': 'Cisco JTAPI Client Log',
  'cucm-syslog': 'Cisco Syslog',
  'cucm-eventlog': 'Windows Event Log',
  'cucm-cli': 'CUCM CLI Output',
};

const WORDS = {
  node: { en: 'node', ja: 'ノード' },
  lines: { en: '{0} lines', ja: '{0} 行' },
  line: { en: '1 line', ja: '1 行' },
  noOutput: { en: 'no output', ja: '出力なし' },
} as const;

const lineRange = (index: TextIndex, first: number, last: number): Range => ({
  start: { line: first, character: 0 },
  end: { line: last, character: index.ends[last] - index.starts[last] },
});

/**
 * The outline of a file. SDL/SDI traces: the file header (from FileHead: AppName, host, node, version,
 * date, UTC offset and time span) holding the findings; other logs: a header line (format and time
 * span) followed by the findings. CLI captures: each command with its output. Event
 * Viewer text: each event (`Event ID · Source · Type`). Findings sit inside the command or event
 * that holds them.
 */
export function documentOutline(text: string | TextIndex, options: OutlineOptions = {}): OutlineSymbol[] {
  const index = indexOf(text);
  const locale = options.locale ?? 'en';
  const format = formatOf(index, options.format);
  const findings: OutlineSymbol[] = (options.findings ?? [])
    .filter((f) => f.range.start.line < index.lineCount)
    .map((f) => ({
      name: f.name,
      detail: f.detail,
      kind: 'finding' as const,
      severity: f.severity,
      range: clampRange(index, f.range),
      selectionRange: clampRange(index, f.range),
      children: [],
    }));
  let containers: OutlineSymbol[];
  if (format === 'cucm-cli') containers = cliCommands(index, locale);
  else if (format === 'cucm-eventlog') containers = windowsEvents(index);
  else {
    const header = fileHeader(index, format, locale);
    containers = header ? [header] : [];
  }
  return nest(containers, findings);
}

function clampRange(index: TextIndex, range: Range): Range {
  const last = index.lineCount - 1;
  const endLine = Math.min(range.end.line, last);
  const endChar = Math.min(range.end.character, index.ends[endLine] - index.starts[endLine]);
  const startChar = Math.min(range.start.character, index.ends[range.start.line] - index.starts[range.start.line]);
  return { start: { line: range.start.line, character: startChar }, end: { line: endLine, character: endChar } };
}

/** Puts each finding into the container (sorted, not overlapping) that holds its first line. One merge pass. */
function nest(containers: OutlineSymbol[], findings: OutlineSymbol[]): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  const sorted = [...findings].sort((a, b) => a.range.start.line - b.range.start.line);
  let c = 0;
  for (const f of sorted) {
    const line = f.range.start.line;
    while (c < containers.length && containers[c].range.end.line < line) out.push(containers[c++]);
    const holder = containers[c];
    if (holder && holder.range.start.line <= line && f.range.end.line <= holder.range.end.line) holder.children.push(f);
    else out.push(f);
  }
  while (c < containers.length) out.push(containers[c++]);
  return out.sort((a, b) => a.range.start.line - b.range.start.line);
}

const field = (text: string, name: string): string | undefined => {
  const m = new RegExp(`(?:^|[,|])\\s*${name}:\\s*([^,]*)`).exec(text);
  const v = m?.[1].trim();
  return v ? v : undefined;
};

function fileHeader(index: TextIndex, format: FormatId | undefined, locale: Locale): OutlineSymbol | undefined {
  if (index.lineCount === 0 || index.text.length === 0) return undefined;
  const whole = lineRange(index, 0, index.lineCount - 1);
  const span = timeSpan(index);
  const spanText = span ? (span.first === span.last ? span.first : `${span.first} – ${span.last}`) : undefined;
  for (let i = 0; i < Math.min(index.lineCount, 5); i++) {
    const line = index.line(i);
    if (!/\|\s*FileHead\s*\|/.test(line)) continue;
    const payload = line.slice(line.search(/FileHead\s*\|/));
    const head = readFileHead(line);
    const app = field(payload, 'AppName') ?? 'FileHead';
    const host = field(payload, 'HostName');
    const nodeId = field(payload, 'AppNodeId');
    const appVersion = field(payload, 'AppVersion');
    const version = appVersion ? (/Install=(\S+)/.exec(appVersion)?.[1] ?? appVersion) : undefined;
    const utc = /UTC:\s*([+-]\d{1,2}:\d{2})/.exec(payload)?.[1];
    const date = head
      ? `${head.year}/${String(head.month).padStart(2, '0')}/${String(head.day).padStart(2, '0')}`
      : field(payload, 'Date');
    const name = [app, host].filter(Boolean).join(' · ');
    const detail = [
      date,
      utc ? `UTC${utc}` : undefined,
      nodeId ? `${WORDS.node[locale]} ${nodeId}` : undefined,
      version,
      spanText,
    ]
      .filter(Boolean)
      .join(' · ');
    return {
      name,
      detail,
      kind: 'file',
      range: whole,
      selectionRange: lineRange(index, i, i),
      children: [],
    };
  }
  if (!format || !span) return undefined;
  // Only the FileHead header spans the file (and so holds the findings): editors pin the line of a
  // symbol that holds the view (sticky scroll), which is worth it for the FileHead's date and offset,
  // not for the first record of a log.
  return {
    name: FORMAT_NAMES[format],
    detail: spanText,
    kind: 'file',
    range: lineRange(index, 0, 0),
    selectionRange: lineRange(index, 0, 0),
    children: [],
  };
}

function cliCommands(index: TextIndex, locale: Locale): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  let head = -1;
  let command = '';
  let lastText = -1;
  const flush = (): void => {
    if (head < 0 || command === '') return;
    const lines = lastText - head;
    out.push({
      name: command.length > 120 ? `${command.slice(0, 119)}…` : command,
      detail:
        lines === 0
          ? WORDS.noOutput[locale]
          : lines === 1
            ? WORDS.line[locale]
            : WORDS.lines[locale].replace('{0}', String(lines)),
      kind: 'command',
      range: lineRange(index, head, lastText),
      selectionRange: lineRange(index, head, head),
      children: [],
    });
  };
  for (let i = 0; i < index.lineCount; i++) {
    const line = index.line(i);
    const m = PROMPT_RE.exec(line);
    if (m) {
      flush();
      head = i;
      lastText = i;
      command = m[1].trim();
    } else if (!isBlank(line)) lastText = i;
  }
  flush();
  return out;
}

const EVENT_FIELDS: Record<'type' | 'source' | 'id' | 'date' | 'time' | 'description', RegExp> = {
  type: /^(?:Event Type|Level|イベントの種類|レベル)\s*:\s*(.*)$/,
  source: /^(?:Event Source|Source|ソース)\s*:\s*(.*)$/,
  id: /^(?:Event ID|イベント ID)\s*:\s*(.*)$/,
  date: /^(?:Date|日付)\s*:\s*(.*)$/,
  time: /^(?:Time|時刻)\s*:\s*(.*)$/,
  description: /^(?:Description|説明)\s*:\s*(.*)$/,
};

function windowsEvents(index: TextIndex): OutlineSymbol[] {
  const tabular = index.lineCount > 0 && EVENT_TABLE_HEAD_RE.test(index.line(0));
  return tabular ? eventRows(index) : eventBlocks(index);
}

function eventSymbol(
  index: TextIndex,
  head: number,
  last: number,
  f: Partial<Record<keyof typeof EVENT_FIELDS, string>>,
): OutlineSymbol {
  const name = [f.id, f.source, f.type].filter(Boolean).join(' · ') || index.line(head).trim();
  const when = [f.date, f.time].filter(Boolean).join(' ');
  const text = f.description && f.description.length > 120 ? `${f.description.slice(0, 119)}…` : f.description;
  return {
    name,
    detail: [when, text].filter(Boolean).join(' · '),
    kind: 'event',
    range: lineRange(index, head, last),
    selectionRange: lineRange(index, head, head),
    children: [],
  };
}

function eventBlocks(index: TextIndex): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  let head = -1;
  let lastText = -1;
  let fields: Partial<Record<keyof typeof EVENT_FIELDS, string>> = {};
  let inDescription = false;
  const flush = (): void => {
    if (head >= 0) out.push(eventSymbol(index, head, lastText, fields));
  };
  for (let i = 0; i < index.lineCount; i++) {
    const line = index.line(i);
    if (EVENT_HEAD_RE.test(line)) {
      flush();
      head = i;
      lastText = i;
      fields = {};
      inDescription = false;
    }
    if (head < 0) continue;
    if (isBlank(line)) continue;
    lastText = i;
    if (inDescription) {
      fields.description ??= line.trim();
      continue;
    }
    for (const [key, re] of Object.entries(EVENT_FIELDS) as Array<[keyof typeof EVENT_FIELDS, RegExp]>) {
      const m = re.exec(line);
      if (!m) continue;
      const value = m[1].trim();
      if (key === 'description') {
        inDescription = true;
        if (value) fields.description = value;
      } else if (value) fields[key] ??= value;
      break;
    }
  }
  flush();
  return out;
}

function eventRows(index: TextIndex): OutlineSymbol[] {
  const columns = index
    .line(0)
    .replace(/^\uFEFF/, '')
    .split('\t');
  const col = (...names: string[]) => columns.findIndex((c) => names.includes(c.trim()));
  const at = {
    type: col('Level', 'レベル'),
    when: col('Date and Time', '日付と時刻'),
    source: col('Source', 'ソース'),
    id: col('Event ID', 'イベント ID'),
  };
  const out: OutlineSymbol[] = [];
  let head = -1;
  let lastText = -1;
  const flush = (): void => {
    if (head < 0) return;
    const cells = index.line(head).split('\t');
    const get = (i: number) => (i >= 0 ? cells[i]?.trim() : undefined);
    const description = cells
      .slice(Math.max(at.type, at.when, at.source, at.id) + 2)
      .join(' ')
      .replace(/^"/, '')
      .trim();
    out.push(
      eventSymbol(index, head, lastText, {
        id: get(at.id),
        source: get(at.source),
        type: get(at.type),
        date: get(at.when),
        description: description || undefined,
      }),
    );
  };
  for (let i = 1; i < index.lineCount; i++) {
    const line = index.line(i);
    if (EVENT_ROW_RE.test(line)) {
      flush();
      head = i;
      lastText = i;
    } else if (head >= 0 && !isBlank(line)) lastText = i;
  }
  flush();
  return out;
}

// ---------------------------------------------------------------------------------------------
// Summary

export type { SeverityCounts } from './severity-counts';

export function countSeverities(findings: Array<{ severity: Severity }>): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The code lens title on line 0: `3 errors, 1 warning, 2 hints — list them`. */
export function summaryTitle(counts: SeverityCounts, locale: Locale): string {
  return `${severityCountsText(counts, locale)} — ${locale === 'ja' ? '一覧を表示' : 'list them'}`;
}
