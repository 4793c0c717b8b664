/**
 * CUCM Trace Lens language server: thin glue between LSP and the engine. It analyzes every document
 * it is sent, whatever its language id (the client decides what to send), so any LSP client can use it:
 * `node dist/server.js --stdio`.
 */
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  CodeActionKind,
  MarkupKind,
  type Hover,
  SymbolKind,
  type CodeLens,
  type DocumentSymbol,
  type FoldingRange,
  type SymbolInformation,
} from 'vscode-languageserver/node';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  analyze,
  builtinCatalog,
  builtinGlossary,
  describeFinding,
  describeTerm,
  findingMessage,
  RUNBOOKS,
  toLocale,
  type Finding,
  type Locale,
  countSeverities,
  decodeBytes,
  detectFormat,
  documentOutline,
  findTime,
  foldingRanges,
  summaryTitle,
  TextIndex,
  type FormatId,
  type OutlineSymbol,
} from '../../engine/src/index';
import {
  FindingsRequest,
  RunbookListRequest,
  RunbookRequest,
  SOURCE,
  type RunbookListItem,
  type RunbookParams,
  type DiagnosticData,
  type FindingSummary,
  type FindingsParams,
  type InitializationOptions,
  AnalyzeFileRequest,
  Commands,
  GoToTimeRequest,
  type AnalyzeFileParams,
  type AnalyzeFileResult,
  type GoToTimeParams,
  type GoToTimeResult,
} from '../../common/protocol';
import {
  codeActionsFor,
  encodingDiagnostic,
  reopenWithEncodingAction,
  referenceHref,
  summaryDiagnostic,
  toDiagnostic,
} from './convert';
import { SettingsStore } from './settings';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const settings = new SettingsStore(connection);
const catalog = builtinCatalog();

let locale: Locale = 'en';
let relatedInformation = false;
/** Client limits and abilities for the navigation features. */
let foldingRangeLimit: number | undefined;
let hierarchicalSymbols = false;

interface Analysis {
  version: number;
  findings: Finding[];
}
const analyses = new Map<string, Analysis>();
const pending = new Map<string, ReturnType<typeof setTimeout>>();
/** Typing in a large trace should not re-analyze on every keystroke. */
const CHANGE_DELAY_MS = 200;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const opts = (params.initializationOptions ?? {}) as InitializationOptions;
  locale = opts.language && opts.language !== 'auto' ? opts.language : toLocale(params.locale);
  settings.canPull = params.capabilities.workspace?.configuration === true;
  relatedInformation = params.capabilities.textDocument?.publishDiagnostics?.relatedInformation === true;
  foldingRangeLimit = params.capabilities.textDocument?.foldingRange?.rangeLimit;
  hierarchicalSymbols = params.capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      foldingRangeProvider: true,
      documentSymbolProvider: { label: 'CUCM Trace Lens' },
      workspaceSymbolProvider: true,
      codeLensProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'cucm-trace-lens', version: '0.1.0' },
  };
});

connection.onDidChangeConfiguration(() => {
  settings.clear();
  for (const doc of documents.all()) void validate(doc);
});

/** Documents seen since they were opened: the first version is analyzed at once, later ones after a pause. */
const known = new Set<string>();
// TextDocuments fires onDidChangeContent for the opening version too.
documents.onDidChangeContent((e) => {
  if (known.has(e.document.uri)) return schedule(e.document);
  known.add(e.document.uri);
  void validate(e.document);
});
documents.onDidClose((e) => {
  const timer = pending.get(e.document.uri);
  if (timer) clearTimeout(timer);
  pending.delete(e.document.uri);
  known.delete(e.document.uri);
  analyses.delete(e.document.uri);
  settings.clear(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

function schedule(doc: TextDocument): void {
  const timer = pending.get(doc.uri);
  if (timer) clearTimeout(timer);
  pending.set(
    doc.uri,
    setTimeout(() => {
      pending.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (current) void validate(current);
    }, CHANGE_DELAY_MS),
  );
}

async function validate(doc: TextDocument): Promise<void> {
  const cfg = await settings.get(doc.uri);
  const current = documents.get(doc.uri);
  if (!current || current.version !== doc.version) return; // the newer version is scheduled already
  let diagnostics: Diagnostic[] = [];
  try {
    const result = analyze(doc.getText(), {
      maxFindings: cfg.maxDiagnostics,
      severityOverrides: cfg.severityOverrides,
    });
    analyses.set(doc.uri, { version: doc.version, findings: result.findings });
    diagnostics = result.findings.map((f, i) =>
      toDiagnostic(doc.uri, catalog.byId.get(f.id)!, f, i, locale, relatedInformation),
    );
    if (result.truncated) diagnostics.push(summaryDiagnostic(result.findings.length, result.total, locale));
    const encoding = encodingDiagnostic(
      doc.getText({ start: { line: 0, character: 0 }, end: { line: 2000, character: 0 } }),
      locale,
    );
    if (encoding) diagnostics.unshift(encoding);
  } catch (err) {
    // Never let one odd document take the server down; say what happened in the output channel.
    connection.console.error(`Analysis of ${doc.uri} failed: ${err instanceof Error ? err.stack : String(err)}`);
    analyses.set(doc.uri, { version: doc.version, findings: [] });
  }
  analyzed(doc.uri);
  await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
}

const contains = (f: Finding, line: number, character: number): boolean => {
  const { start, end } = f.range;
  if (line < start.line || line > end.line) return false;
  if (line === start.line && character < start.character) return false;
  if (line === end.line && character > end.character) return false;
  return true;
};

connection.onHover(({ textDocument, position }) => {
  const a = analyses.get(textDocument.uri);
  if (!a) return null;
  const hits = a.findings.filter((f) => contains(f, position.line, position.character));
  if (hits.length === 0) return glossaryHover(textDocument.uri, position.line, position.character);
  const value = hits
    .map((f) => describeFinding(catalog.byId.get(f.id)!, f, locale, { referenceHref: referenceHref(f.id) }))
    .join('\n\n---\n\n');
  return { contents: { kind: MarkupKind.Markdown, value }, range: hits[0].range };
});

/** Outside findings, CLI commands, values, counters, severities and SIP codes are explained. */
function glossaryHover(uri: string, line: number, character: number): Hover | null {
  const doc = documents.get(uri);
  if (!doc) return null;
  const text = doc
    .getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } })
    .replace(/\r?\n$/, '');
  const hit = builtinGlossary().lookup(line, text, character);
  if (!hit) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: describeTerm(hit.term, hit.value, locale) },
    range: hit.range,
  };
}

connection.onCodeAction(({ textDocument, context }) => {
  const a = analyses.get(textDocument.uri);
  if (!a) return [];
  const actions = [];
  for (const d of context.diagnostics) {
    if (d.source === SOURCE && d.code === 'encoding') actions.push(reopenWithEncodingAction(d, locale));
    if (d.source !== SOURCE || !d.data) continue;
    const data = d.data as DiagnosticData;
    const entry = catalog.byId.get(data.id);
    if (!entry) continue;
    const finding = a.findings[data.index];
    if (!finding || finding.id !== data.id) continue; // the diagnostic is from an older analysis
    const occurrences = a.findings.filter((f) => f.id === data.id);
    actions.push(...codeActionsFor(textDocument.uri, d, entry, finding, occurrences, locale));
  }
  return actions;
});

function toSummary(f: Finding): FindingSummary {
  const entry = catalog.byId.get(f.id)!;
  return {
    id: f.id,
    alias: f.alias,
    severity: f.severity,
    title: entry[locale].title,
    message: findingMessage(entry, f, locale),
    line: f.range.start.line,
    character: f.range.start.character,
  };
}

connection.onRequest(FindingsRequest, (params: FindingsParams): FindingSummary[] => {
  const a = analyses.get(params.uri);
  if (!a) return [];
  return a.findings.map(toSummary);
});

connection.onRequest(RunbookListRequest, (): RunbookListItem[] =>
  RUNBOOKS.map((r) => ({ id: r.id, topic: r.topic, title: r.title, symptom: r.symptom })),
);
connection.onRequest(RunbookRequest, (params: RunbookParams) => RUNBOOKS.find((r) => r.id === params.id) ?? null);

// ---------------------------------------------------------------------------------------------
// Navigation: folding, outline, workspace symbols, summary code lens, go to time, large files.

/** Requests that need the findings of the current version wait for its analysis (at most 5 s). */
const analysisWaiters = new Map<string, Array<() => void>>();
function analyzed(uri: string): void {
  const waiters = analysisWaiters.get(uri);
  analysisWaiters.delete(uri);
  waiters?.forEach((w) => w());
}
async function currentAnalysis(uri: string): Promise<Analysis | undefined> {
  const doc = documents.get(uri);
  const a = analyses.get(uri);
  if (!doc || a?.version === doc.version) return a;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 5000);
    const list = analysisWaiters.get(uri) ?? [];
    list.push(() => (clearTimeout(timer), resolve()));
    analysisWaiters.set(uri, list);
  });
  return analyses.get(uri);
}

const FORMATS = new Set<string>(['cucm-sdl', 'cucm-mivr', 'cucm-jtapi', 'cucm-syslog', 'cucm-eventlog', 'cucm-cli']);
const formatOf = (doc: TextDocument): FormatId | undefined =>
  FORMATS.has(doc.languageId) ? (doc.languageId as FormatId) : undefined;

const findingName = (f: Finding): string => `${f.id} ${catalog.byId.get(f.id)![locale].title}`;

connection.onFoldingRanges(({ textDocument }): FoldingRange[] => {
  const doc = documents.get(textDocument.uri);
  if (!doc) return [];
  return foldingRanges(doc.getText(), { format: formatOf(doc), limit: foldingRangeLimit });
});

const SYMBOL_KIND: Record<OutlineSymbol['kind'], SymbolKind> = {
  file: SymbolKind.File,
  command: SymbolKind.Function,
  event: SymbolKind.Struct,
  finding: SymbolKind.Event,
};
const toDocumentSymbol = (s: OutlineSymbol): DocumentSymbol => ({
  name: s.name,
  ...(s.detail ? { detail: s.detail } : {}),
  kind: SYMBOL_KIND[s.kind],
  range: s.range,
  selectionRange: s.selectionRange,
  children: s.children.map(toDocumentSymbol),
});
const toSymbolInformation = (uri: string, s: OutlineSymbol, container?: string): SymbolInformation[] => [
  {
    name: s.name,
    kind: SYMBOL_KIND[s.kind],
    location: { uri, range: s.range },
    ...(container ? { containerName: container } : {}),
  },
  ...s.children.flatMap((c) => toSymbolInformation(uri, c, s.name)),
];

connection.onDocumentSymbol(async ({ textDocument }) => {
  const a = await currentAnalysis(textDocument.uri);
  const doc = documents.get(textDocument.uri);
  if (!doc) return [];
  // After a 5 s wait the last analysis is used even if a version behind; its ranges are clamped.
  const findings = (a?.findings ?? []).map((f) => ({
    name: findingName(f),
    detail: findingMessage(catalog.byId.get(f.id)!, f, locale),
    severity: f.severity,
    range: f.range,
  }));
  const outline = documentOutline(doc.getText(), { format: formatOf(doc), findings, locale });
  return hierarchicalSymbols ? outline.map(toDocumentSymbol) : outline.flatMap((s) => toSymbolInformation(doc.uri, s));
});

/** Most workspace symbols returned for one query. */
const WORKSPACE_SYMBOL_LIMIT = 2000;
connection.onWorkspaceSymbol(({ query }): SymbolInformation[] => {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const out: SymbolInformation[] = [];
  for (const [uri, a] of analyses) {
    const file = path.posix.basename(uri);
    for (const f of a.findings) {
      const entry = catalog.byId.get(f.id)!;
      const haystack = `${f.id} ${f.alias} ${entry.en.title} ${entry.ja.title}`.toLowerCase();
      if (!words.every((w) => haystack.includes(w))) continue;
      // VS Code filters the list by the name again, so the alias is part of it.
      out.push({
        name: `${findingName(f)} (${f.alias})`,
        kind: SymbolKind.Event,
        location: { uri, range: f.range },
        containerName: `${decodeURIComponent(file)}:${f.range.start.line + 1}`,
      });
      if (out.length >= WORKSPACE_SYMBOL_LIMIT) return out;
    }
  }
  return out;
});

connection.onCodeLens(async ({ textDocument }): Promise<CodeLens[]> => {
  const a = await currentAnalysis(textDocument.uri);
  if (!a || !documents.get(textDocument.uri)) return [];
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return [
    { range, command: { title: summaryTitle(countSeverities(a.findings), locale), command: Commands.listFindings } },
  ];
});

connection.onRequest(GoToTimeRequest, async (params: GoToTimeParams): Promise<GoToTimeResult> => {
  const doc = documents.get(params.uri);
  if (!doc)
    return { error: { en: 'The file is not open in the editor.', ja: 'ファイルがエディターで開かれていません。' } };
  return findTime(doc.getText(), params.query, formatOf(doc));
});

/** Larger texts than this cannot be held as one string. */
const MAX_TEXT_BYTES = 512 * 1024 * 1024;
const gunzipAsync = promisify(gunzip);

connection.onRequest(AnalyzeFileRequest, async (params: AnalyzeFileParams): Promise<AnalyzeFileResult> => {
  const started = Date.now();
  const fail = (en: string, ja: string): AnalyzeFileResult => ({ error: { en, ja } });
  if (!params.uri.startsWith('file:'))
    return fail(
      'Only files on disk (file: URIs) can be analyzed this way.',
      'この方法で解析できるのはディスク上のファイル（file: URI）だけです。',
    );
  let bytes: Uint8Array;
  let size: number;
  const gzip = /\.gz$/i.test(params.uri);
  try {
    const file = fileURLToPath(params.uri);
    size = (await stat(file)).size;
    if (!gzip && size > MAX_TEXT_BYTES)
      return fail(
        `The file is larger than ${MAX_TEXT_BYTES / 1048576} MB; split it or use the command-line tool.`,
        `ファイルが ${MAX_TEXT_BYTES / 1048576} MB を超えています。分割するか、コマンドライン ツールを使ってください。`,
      );
    const raw = await readFile(file);
    bytes = gzip ? await gunzipAsync(raw, { maxOutputLength: MAX_TEXT_BYTES }) : raw;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return fail(`Could not read the file: ${why}`, `ファイルを読み込めませんでした: ${why}`);
  }
  const decoded = decodeBytes(bytes);
  if (decoded.text === undefined)
    return { error: decoded.note ?? { en: 'Not a text file.', ja: 'テキスト ファイルではありません。' } };
  const text = decoded.text;
  const format = detectFormat(text);
  const cfg = await settings.get(params.uri);
  let result: ReturnType<typeof analyze>;
  try {
    result = analyze(text, { maxFindings: cfg.maxDiagnostics, severityOverrides: cfg.severityOverrides });
  } catch (err) {
    connection.console.error(`Analysis of ${params.uri} failed: ${err instanceof Error ? err.stack : String(err)}`);
    return fail('The analysis failed; see the output channel.', '解析に失敗しました。出力チャネルを確認してください。');
  }
  // An open, synced document keeps its live diagnostics; only files VS Code never sent are published.
  const published = !documents.get(params.uri);
  if (published) {
    analyses.set(params.uri, { version: -1, findings: result.findings });
    const diagnostics = result.findings.map((f, i) =>
      toDiagnostic(params.uri, catalog.byId.get(f.id)!, f, i, locale, relatedInformation),
    );
    if (result.truncated) diagnostics.push(summaryDiagnostic(result.findings.length, result.total, locale));
    await connection.sendDiagnostics({ uri: params.uri, diagnostics });
  }
  return {
    uri: params.uri,
    bytes: size,
    textBytes: bytes.length,
    gzip,
    lines: new TextIndex(text).lineCount,
    encoding: decoded.encoding,
    ...(format ? { format } : {}),
    counts: countSeverities(result.findings),
    shown: result.findings.length,
    total: result.total,
    ms: Date.now() - started,
    ...(decoded.note ? { note: decoded.note } : {}),
    published,
    findings: result.findings.map(toSummary),
  };
});

process.on('uncaughtException', (err) => connection.console.error(`Unexpected error: ${err.stack ?? err}`));

documents.listen(connection);
connection.listen();
