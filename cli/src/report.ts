import { findingMessage, severityText, type CatalogEntry, type Finding, type Locale } from '../../engine/src/index';

export interface FileReport {
  file: string;
  encoding: string;
  note?: string;
  error?: string;
  findings: Finding[];
  total: number;
}

const rel = (f: Finding) => ({
  line: f.range.start.line + 1,
  column: f.range.start.character + 1,
  endLine: f.range.end.line + 1,
  endColumn: f.range.end.character + 1,
});

export function textReport(reports: FileReport[], byId: Map<string, CatalogEntry>, locale: Locale): string {
  const out: string[] = [];
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of reports) {
    if (r.error) continue; // already said on stderr
    if (r.note) out.push(`${r.file}: note: ${r.note}`);
    for (const f of r.findings) {
      counts[f.severity]++;
      const p = rel(f);
      out.push(
        `${r.file}:${p.line}:${p.column}: ${severityText(locale, f.severity)} ${f.id} ${f.alias}: ${findingMessage(byId.get(f.id)!, f, locale)}`,
      );
    }
    if (r.total > r.findings.length) out.push(`${r.file}: … ${r.total - r.findings.length} more (raise --max)`);
  }
  const files = reports.filter((r) => !r.error).length;
  out.push(
    locale === 'ja'
      ? `${files} ファイル: エラー ${counts.error}、警告 ${counts.warning}、情報 ${counts.information}、ヒント ${counts.hint}`
      : `${files} file(s): ${counts.error} error(s), ${counts.warning} warning(s), ${counts.information} info, ${counts.hint} hint(s)`,
  );
  return out.join('\n');
}

export function jsonReport(reports: FileReport[], byId: Map<string, CatalogEntry>, locale: Locale): string {
  return JSON.stringify(
    reports.map((r) => ({
      file: r.file,
      encoding: r.encoding,
      ...(r.note ? { note: r.note } : {}),
      ...(r.error ? { error: r.error } : {}),
      total: r.total,
      findings: r.findings.map((f) => ({
        id: f.id,
        alias: f.alias,
        severity: f.severity,
        ...rel(f),
        title: byId.get(f.id)![locale].title,
        message: findingMessage(byId.get(f.id)!, f, locale),
        captures: f.captures,
        related: f.related.map((x) => ({ line: x.range.start.line + 1, message: x.message[locale] })),
      })),
    })),
    null,
    2,
  );
}

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/** SARIF 2.1.0, for code-scanning dashboards and CI. */
export function sarifReport(
  reports: FileReport[],
  byId: Map<string, CatalogEntry>,
  locale: Locale,
  version: string,
): string {
  const used = [...new Set(reports.flatMap((r) => r.findings.map((f) => f.id)))].sort();
  const rules = used.map((id) => {
    const e = byId.get(id)!;
    const tx = e[locale];
    return {
      id,
      name: e.alias,
      shortDescription: { text: tx.title },
      fullDescription: { text: tx.explanation },
      help: {
        text: `${tx.cause}\n\n${tx.action}`,
        markdown: `**${tx.title}**\n\n${tx.explanation}\n\n${tx.cause}\n\n${tx.action}`,
      },
      defaultConfiguration: { level: LEVEL[e.severity] },
    };
  });
  const ruleIndex = new Map(used.map((id, i) => [id, i]));
  const results = reports.flatMap((r) =>
    r.findings.map((f) => {
      const p = rel(f);
      return {
        ruleId: f.id,
        ruleIndex: ruleIndex.get(f.id),
        level: LEVEL[f.severity],
        message: { text: findingMessage(byId.get(f.id)!, f, locale) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: r.file.split('\\').join('/') },
              region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
            },
          },
        ],
        ...(Object.keys(f.captures).length ? { properties: { captures: f.captures } } : {}),
      };
    }),
  );
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'cucm-trace-lens', version, rules } }, results }],
    },
    null,
    2,
  );
}
