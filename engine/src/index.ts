/**
 * CUCM Trace Lens analysis engine: a pure library (no `vscode`, no LSP) shared by the language server,
 * the command-line tool and the tests.
 */
import { analyze as analyzeWith, compileCatalog, type CompiledCatalog } from './analyzer';
import { CATALOG, GLOSSARY, TOPICS } from './generated/catalog';
import { Glossary } from './glossary';
import { RUNBOOKS } from './generated/runbooks';
import type { AnalyzeOptions, AnalyzeResult } from './types';

export * from './types';
export type { Runbook, RunbookStep, RunbookCommand, RunbookChoice } from './runbook-types';
export { compileCatalog, type CompiledCatalog } from './analyzer';
export { TextIndex } from './text-index';
export { decodeBytes, type Decoded } from './decode';
export { detectFormat, looksLikeCucmWebPage, type FormatId } from './format';
export { describeFinding, findingMessage } from './describe';
export { escapeMarkdown, inlineCode, proseMarkdown } from './markdown';
export {
  fillCommand,
  placeholderValue,
  abstimeWindow,
  parseRecordTime,
  formatRecordTime,
  isHostName,
  isIPv4,
  RECORD_TIME,
  WINDOW_MINUTES,
} from './fill-commands';
export { recordTimeAt, recordContext, providerLoginBefore } from './record-context';
export { countText, severityCountsText } from './severity-counts';
export { t, toLocale, whereText, severityText } from './messages';
export { CATALOG, TOPICS, RUNBOOKS, GLOSSARY };
export { Glossary, describeTerm } from './glossary';
export {
  foldingRanges,
  documentOutline,
  countSeverities,
  summaryTitle,
  type FoldRange,
  type FoldOptions,
  type OutlineSymbol,
  type OutlineKind,
  type OutlineFinding,
  type OutlineOptions,
  type SeverityCounts,
} from './structure';
export {
  parseTimeQuery,
  findTime,
  timeSpan,
  readFileHead,
  hasTimestamps,
  type TimeQuery,
  type TimeResult,
} from './timeline';

let compiled: CompiledCatalog | undefined;
let glossary: Glossary | undefined;

/** The built-in hover glossary, compiled once. */
export function builtinGlossary(): Glossary {
  return (glossary ??= new Glossary(GLOSSARY));
}

/** The built-in catalog, compiled once. */
export function builtinCatalog(): CompiledCatalog {
  return (compiled ??= compileCatalog(CATALOG));
}

/** Finds every known problem in `text`. Linear in the size of the text. */
export function analyze(text: string, options?: AnalyzeOptions): AnalyzeResult {
  return analyzeWith(text, builtinCatalog(), options);
}
