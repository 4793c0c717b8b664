import {
  CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
} from 'vscode-languageserver/node';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import * as fs from 'node:fs';
import {
  findingMessage,
  RUNBOOKS,
  t,
  type CatalogEntry,
  type Finding,
  type Locale,
  type Severity,
} from '../../engine/src/index';
import { Commands, SOURCE, type DiagnosticData, type OpenRunbookArgs } from '../../common/protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Reference pages ship beside the bundle (dist/../docs/reference); linked as file URIs when present. */
const REFERENCE_DIR = path.join(__dirname, '..', 'docs', 'reference');
const hasReferences = fs.existsSync(REFERENCE_DIR);

export function referenceHref(id: string): string | undefined {
  return hasReferences ? pathToFileURL(path.join(REFERENCE_DIR, `${id}.md`)).toString() : undefined;
}

export function toDiagnostic(
  uri: string,
  entry: CatalogEntry,
  finding: Finding,
  index: number,
  locale: Locale,
  withRelated: boolean,
): Diagnostic {
  const href = referenceHref(entry.id);
  const data: DiagnosticData = { id: entry.id, index };
  const related: DiagnosticRelatedInformation[] | undefined =
    withRelated && finding.related.length > 0
      ? finding.related.map((r) => ({ location: { uri, range: r.range }, message: r.message[locale] }))
      : undefined;
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: entry.id,
    ...(href ? { codeDescription: { href } } : {}),
    message: findingMessage(entry, finding, locale),
    ...(related ? { relatedInformation: related } : {}),
    data,
  };
}

export function summaryDiagnostic(shown: number, total: number, locale: Locale): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    code: 'summary',
    message: t(locale, 'summary', shown, total),
  };
}

/** Quick fixes for one finding. Every command argument comes from the catalog, never from the log text. */
export function codeActionsFor(
  uri: string,
  diagnostic: Diagnostic,
  entry: CatalogEntry,
  finding: Finding,
  occurrences: Finding[],
  locale: Locale,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const add = (title: string, command: string, args: unknown[], preferred = false): void => {
    const a = CodeAction.create(title, { title, command, arguments: args }, CodeActionKind.QuickFix);
    a.diagnostics = [diagnostic];
    if (preferred) a.isPreferred = true;
    actions.push(a);
  };
  const runbook = entry.runbook ? RUNBOOKS.find((r) => r.id === entry.runbook) : undefined;
  if (runbook) {
    add(
      t(locale, 'actionOpenRunbook', runbook.title[locale]),
      Commands.openRunbook,
      [
        {
          runbook: runbook.id,
          step: entry.runbookStep,
          uri,
          line: diagnostic.range.start.line,
          entry: entry.id,
          captures: finding.captures,
        } satisfies OpenRunbookArgs,
      ],
      true,
    );
  }
  add(t(locale, 'actionOpenReference', entry.id), Commands.openReference, [entry.id], !runbook);
  for (const c of entry.cli) {
    add(t(locale, 'actionCopy', c.command), Commands.copyCommand, [c.command]);
    add(t(locale, 'actionSend', c.command), Commands.sendToTerminal, [c.command]);
  }
  if (occurrences.length > 1) {
    add(t(locale, 'actionOccurrences', occurrences.length, entry.id), Commands.showOccurrences, [
      uri,
      diagnostic.range.start,
      occurrences.map((f) => f.range),
    ]);
  }
  return actions;
}

/** Share of U+FFFD above which the editor evidently decoded the file with the wrong encoding. */
const REPLACEMENT_LIMIT = 8;

/**
 * A Japanese Windows export read as UTF-8 turns into replacement characters and hides every finding.
 * Say so plainly, on line 1, with a quick fix to reopen the file with the right encoding.
 */
export function encodingDiagnostic(head: string, locale: Locale): Diagnostic | undefined {
  let count = 0;
  for (let i = head.indexOf('\uFFFD'); i !== -1 && count < REPLACEMENT_LIMIT; i = head.indexOf('\uFFFD', i + 1))
    count++;
  if (count < REPLACEMENT_LIMIT) return undefined;
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    source: SOURCE,
    code: 'encoding',
    message: t(locale, 'encoding'),
  };
}

export function reopenWithEncodingAction(diagnostic: Diagnostic, locale: Locale): CodeAction {
  const title = t(locale, 'actionReopenEncoding');
  const a = CodeAction.create(
    title,
    { title, command: 'workbench.action.editor.changeEncoding' },
    CodeActionKind.QuickFix,
  );
  a.diagnostics = [diagnostic];
  a.isPreferred = true;
  return a;
}
