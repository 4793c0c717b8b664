/**
 * Names shared by the client and the server: settings, client-side commands that the server puts in
 * code actions, and custom requests. Declared once here so both sides agree.
 */

/** Client commands (implemented in client/src/commands.ts). The server only names them in code actions. */
export const Commands = {
  analyzeAsTrace: 'cucmTraceLens.analyzeAsTrace',
  openReference: 'cucmTraceLens.openReference',
  openRunbook: 'cucmTraceLens.openRunbook',
  copyCommand: 'cucmTraceLens.copyCommand',
  sendToTerminal: 'cucmTraceLens.sendToTerminal',
  showOccurrences: 'cucmTraceLens.showOccurrences',
  listFindings: 'cucmTraceLens.listFindings',
  showOutput: 'cucmTraceLens.showOutput',
  restartServer: 'cucmTraceLens.restartServer',
} as const;

/** Settings section and the server's view of it. */
export const SETTINGS_SECTION = 'cucmTraceLens';
export interface ServerSettings {
  maxDiagnostics: number;
  severityOverrides: Array<{ rule: string; severity: 'error' | 'warning' | 'information' | 'hint' | 'off' }>;
}
export const DEFAULT_SETTINGS: ServerSettings = { maxDiagnostics: 1000, severityOverrides: [] };

/** `initializationOptions` the VS Code client sends. */
export interface InitializationOptions {
  /** Explicit explanation language; otherwise the `locale` of `initialize` decides. */
  language?: 'auto' | 'en' | 'ja';
}

/** Request (client → server): the findings of one open document, for "CUCM: List Findings". */
export const FindingsRequest = 'cucmTraceLens/findings';
export interface FindingsParams {
  uri: string;
}
export interface FindingSummary {
  id: string;
  alias: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  title: string;
  message: string;
  line: number;
  character: number;
}

/** What `Diagnostic.data` carries, so code actions need no re-analysis. */
export interface DiagnosticData {
  id: string;
  /** Index of the finding in the document's last analysis. */
  index: number;
}

export const SOURCE = 'CUCM Trace Lens';

/** Request (client → server): every runbook's id, title and symptom, for the "Open Runbook…" quick pick. */
export const RunbookListRequest = 'cucmTraceLens/runbooks';
export interface RunbookListItem {
  id: string;
  topic: string;
  title: { en: string; ja: string };
  symptom: { en: string; ja: string };
}

/** Request (client → server): one runbook in both languages (shape: engine/src/runbook-types.ts Runbook), or null. */
export const RunbookRequest = 'cucmTraceLens/runbook';
export interface RunbookParams {
  id: string;
}

/** Arguments of the `cucmTraceLens.openRunbook` command that quick fixes carry. */
export interface OpenRunbookArgs {
  runbook: string;
  /** Step that fits the finding. */
  step?: string;
  /** The finding that opened it: document, line, catalog id and the values read from the line. */
  uri?: string;
  line?: number;
  entry?: string;
  captures?: Record<string, string>;
}
