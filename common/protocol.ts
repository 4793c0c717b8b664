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
