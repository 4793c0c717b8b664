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
} from 'vscode-languageserver/node';
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
} from '../../common/protocol';
import { codeActionsFor, encodingDiagnostic, reopenWithEncodingAction, referenceHref, summaryDiagnostic, toDiagnostic } from './convert';
import { SettingsStore } from './settings';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const settings = new SettingsStore(connection);
const catalog = builtinCatalog();

let locale: Locale = 'en';
let relatedInformation = false;

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
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
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
    const encoding = encodingDiagnostic(doc.getText({ start: { line: 0, character: 0 }, end: { line: 2000, character: 0 } }), locale);
    if (encoding) diagnostics.unshift(encoding);
  } catch (err) {
    // Never let one odd document take the server down; say what happened in the output channel.
    connection.console.error(`Analysis of ${doc.uri} failed: ${err instanceof Error ? err.stack : String(err)}`);
    analyses.set(doc.uri, { version: doc.version, findings: [] });
  }
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
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const hit = builtinGlossary().lookup(line, text, character);
  if (!hit) return null;
  return { contents: { kind: MarkupKind.Markdown, value: describeTerm(hit.term, hit.value, locale) }, range: hit.range };
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

connection.onRequest(FindingsRequest, (params: FindingsParams): FindingSummary[] => {
  const a = analyses.get(params.uri);
  if (!a) return [];
  return a.findings.map((f) => {
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
  });
});

connection.onRequest(RunbookListRequest, (): RunbookListItem[] =>
  RUNBOOKS.map((r) => ({ id: r.id, topic: r.topic, title: r.title, symptom: r.symptom })),
);
connection.onRequest(RunbookRequest, (params: RunbookParams) => RUNBOOKS.find((r) => r.id === params.id) ?? null);

process.on('uncaughtException', (err) => connection.console.error(`Unexpected error: ${err.stack ?? err}`));

documents.listen(connection);
connection.listen();
