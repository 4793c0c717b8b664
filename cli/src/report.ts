import {
  countSeverities,
  findingMessage,
  type CatalogEntry,
  type Finding,
  type Locale,
  type Localized,
  type SeverityCounts,
} from '../../engine/src/index';
import type { PathProblem } from './walk';
import type { RecordInfo } from './record-time';
import { count, msg, TEXT, WORDS } from './messages';
import { escapeTerminal, type Paint } from './terminal';

/** One input that was read and analyzed. */
export interface FileResult {
  /** As the user named it (`-` is standard input). */
  file: string;
  encoding: string;
  gzip: boolean;
  note?: Localized;
  /** Every finding (the summary counts them all); `--max` and `--quiet` only shorten what is listed. */
  findings: Finding[];
  /** Record time and node per finding. */
  records: RecordInfo[];
}

export interface ReportOptions {
  locale: Locale;
  byId: Map<string, CatalogEntry>;
  max?: number;
  quiet: boolean;
}

/** Findings listed for a file: only error-level ones with --quiet, at most --max. */
export function listed(r: FileResult, o: ReportOptions): number[] {
  const picked: number[] = [];
  for (let i = 0; i < r.findings.length && (o.max === undefined || picked.length < o.max); i++)
    if (!o.quiet || r.findings[i].severity === 'error') picked.push(i);
  return picked;
}

const shownCount = (r: FileResult, o: ReportOptions): number =>
  o.quiet ? r.findings.filter((f) => f.severity === 'error').length : r.findings.length;

export const position = (f: Finding) => ({
  line: f.range.start.line + 1,
  column: f.range.start.character + 1,
  endLine: f.range.end.line + 1,
  endColumn: f.range.end.character + 1,
});

/** Severity tokens read by problem matchers and errorformat: English in every locale. */
export const SEVERITY_TOKEN = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' } as const;
const SEVERITY_STYLE = { error: 'red', warning: 'yellow', information: 'blue', hint: 'cyan' } as const;

/** Counts of every finding of every file, whatever --max and --quiet list. */
export function totals(results: FileResult[]): SeverityCounts {
  return countSeverities(results.flatMap((r) => r.findings));
}

/** `path:line:col: severity ID alias: message`, like a compiler; every piece of log text escaped. */
export function textReport(results: FileResult[], problems: PathProblem[], o: ReportOptions, paint: Paint): string {
  const out: string[] = [];
  for (const r of results) {
    const name = escapeTerminal(displayName(r.file, o.locale));
    if (r.note && !o.quiet) out.push(`${paint('bold', name)}: note: ${escapeTerminal(r.note[o.locale])}`);
    const picked = listed(r, o);
    for (const i of picked) {
      const f = r.findings[i];
      const p = position(f);
      const message = escapeTerminal(findingMessage(o.byId.get(f.id)!, f, o.locale));
      out.push(
        `${paint('bold', `${name}:${p.line}:${p.column}:`)} ${paint(SEVERITY_STYLE[f.severity], SEVERITY_TOKEN[f.severity])} ` +
          `${paint('dim', `${f.id} ${f.alias}:`)} ${message}`,
      );
    }
    const hidden = shownCount(r, o) - picked.length;
    if (hidden > 0) out.push(`${paint('bold', name)}: ${msg(o.locale, TEXT.more, hidden, o.max ?? '')}`);
  }
  out.push(summaryLine(results, problems, o.locale));
  return out.join('\n');
}

/** "2 files: 7 errors, 1 warning, 0 info, 2 hints; 1 input not read" — true counts, whatever --max and --quiet hide. */
export function summaryLine(results: FileResult[], problems: PathProblem[], locale: Locale): string {
  const c = totals(results);
  const sep = locale === 'ja' ? '、' : ', ';
  const parts = [
    count(locale, c.error, WORDS.error),
    count(locale, c.warning, WORDS.warning),
    count(locale, c.information, WORDS.information),
    count(locale, c.hint, WORDS.hint),
  ];
  let line = `${count(locale, results.length, WORDS.file)}: ${parts.join(sep)}`;
  const unread = problems.filter((p) => p.problem.level === 'error').length;
  const skipped = problems.length - unread;
  const extra = [
    ...(unread ? [count(locale, unread, WORDS.unreadable)] : []),
    ...(skipped ? [count(locale, skipped, WORDS.skipped)] : []),
  ];
  if (extra.length) line += (locale === 'ja' ? '。' : '; ') + extra.join(sep);
  return line;
}

export const displayName = (file: string, locale: Locale): string =>
  file === '-' ? msg(locale, TEXT.stdinName) : file;

/** A problem as one stderr line: `cucm-trace-lens: PATH: message`. */
export function problemLine(p: PathProblem, locale: Locale): string {
  return `cucm-trace-lens: ${escapeTerminal(displayName(p.path, locale))}: ${escapeTerminal(p.problem.message[locale])}`;
}
