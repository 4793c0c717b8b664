/** Machine-readable reports: JSON and SARIF 2.1.0. Severity and level tokens are English in every locale. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { countSeverities, findingMessage, type Finding } from '../../engine/src/index';
import { listed, position, totals, type FileResult, type ReportOptions } from './report';
import type { RecordInfo } from './record-time';
import type { PathProblem } from './walk';
import { safeJson } from './terminal';

/** Where the project lives; reference pages are `docs/reference/<ID>.md` there (package.json `repository` says the same). */
export const REPOSITORY_URL = 'https://github.com/cucm-trace-lens/cucm-trace-lens';
export const referenceUrl = (id: string): string => `${REPOSITORY_URL}/blob/main/docs/reference/${id}.md`;

const recordFields = (r: RecordInfo | undefined) => ({
  ...(r?.time ? { time: r.time } : {}),
  ...(r?.timeIso ? { timeIso: r.timeIso } : {}),
  ...(r?.node ? { node: r.node } : {}),
});

const problemJson = (p: PathProblem, o: ReportOptions) => ({
  path: p.path,
  kind: p.problem.kind,
  level: p.problem.level,
  message: p.problem.message[o.locale],
});

/**
 * `{version, files[], problems[], summary}`: every file read, with its findings (as many as --max and
 * --quiet list) and true counts; every input that could not be read or was skipped, with why.
 */
export function jsonReport(results: FileResult[], problems: PathProblem[], o: ReportOptions, version: string): string {
  const files = results.map((r) => {
    const picked = listed(r, o);
    return {
      file: r.file,
      encoding: r.encoding,
      gzip: r.gzip,
      ...(r.note ? { note: r.note[o.locale] } : {}),
      counts: countSeverities(r.findings),
      total: r.findings.length,
      truncated: picked.length < r.findings.length,
      findings: picked.map((i) => findingJson(r.findings[i], r.records[i], o)),
    };
  });
  const unreadable = problems.filter((p) => p.problem.level === 'error').length;
  return safeJson({
    tool: 'cucm-trace-lens',
    version,
    files,
    problems: problems.map((p) => problemJson(p, o)),
    summary: { files: results.length, ...totals(results), unreadable, skipped: problems.length - unreadable },
  });
}

function findingJson(f: Finding, record: RecordInfo | undefined, o: ReportOptions) {
  const entry = o.byId.get(f.id)!;
  return {
    id: f.id,
    alias: f.alias,
    severity: f.severity,
    ...position(f),
    ...recordFields(record),
    title: entry[o.locale].title,
    message: findingMessage(entry, f, o.locale),
    captures: f.captures,
    related: f.related.map((x) => ({ line: x.range.start.line + 1, message: x.message[o.locale] })),
  };
}

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/** A SARIF artifact URI: relative paths stay relative (URI-encoded), absolute ones become file: URLs. */
function artifactUri(file: string): string {
  if (file === '-') return 'stdin';
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  // Per segment, so `#`, `?` and `%` in a file name stay part of the path.
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/** SARIF 2.1.0 for code-scanning dashboards and CI; unreadable inputs are tool execution notifications. */
export function sarifReport(
  results: FileResult[],
  problems: PathProblem[],
  o: ReportOptions,
  version: string,
  exitCode: number,
): string {
  const used = [...new Set(results.flatMap((r) => listed(r, o).map((i) => r.findings[i].id)))].sort();
  const rules = used.map((id) => {
    const e = o.byId.get(id)!;
    const tx = e[o.locale];
    return {
      id,
      name: e.alias,
      shortDescription: { text: tx.title },
      fullDescription: { text: tx.explanation },
      helpUri: referenceUrl(id),
      help: {
        text: `${tx.cause}\n\n${tx.action}`,
        markdown: `**${tx.title}**\n\n${tx.explanation}\n\n${tx.cause}\n\n${tx.action}`,
      },
      defaultConfiguration: { level: LEVEL[e.severity] },
    };
  });
  const ruleIndex = new Map(used.map((id, i) => [id, i]));
  const sarifResults = results.flatMap((r) =>
    listed(r, o).map((i) => {
      const f = r.findings[i];
      const p = position(f);
      const props = {
        ...(Object.keys(f.captures).length ? { captures: f.captures } : {}),
        ...recordFields(r.records[i]),
      };
      return {
        ruleId: f.id,
        ruleIndex: ruleIndex.get(f.id),
        level: LEVEL[f.severity],
        message: { text: findingMessage(o.byId.get(f.id)!, f, o.locale) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: artifactUri(r.file) },
              region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
            },
          },
        ],
        ...(Object.keys(props).length ? { properties: props } : {}),
      };
    }),
  );
  const invocation = {
    executionSuccessful: !problems.some((p) => p.problem.level === 'error'),
    exitCode,
    toolExecutionNotifications: problems.map((p) => ({
      level: p.problem.level,
      message: { text: p.problem.message[o.locale] },
      descriptor: { id: p.problem.kind },
      locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(p.path) } } }],
    })),
  };
  return safeJson({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cucm-trace-lens', version, informationUri: REPOSITORY_URL, rules } },
        invocations: [invocation],
        results: sarifResults,
      },
    ],
  });
}
