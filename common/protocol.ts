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
  exportRunbook: 'cucmTraceLens.exportRunbook',
  resetRunbook: 'cucmTraceLens.resetRunbook',
  goToTime: 'cucmTraceLens.goToTime',
  analyzeFileFromDisk: 'cucmTraceLens.analyzeFileFromDisk',
  setUpCli: 'cucmTraceLens.setUpCli',
  toggleWordWrap: 'cucmTraceLens.toggleWordWrap',
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

/** Text in both product languages, for errors the client shows in its own language. */
export interface LocalizedText {
  en: string;
  ja: string;
}

/**
 * Request (client → server), "CUCM: Go to Time…": the first record at or after the time typed
 * (`HH:MM`, `HH:MM:SS(.mmm)`, `YYYY/MM/DD HH:MM(:SS)`, `YYYY-MM-DD HH:MM`, `Mon DD HH:MM`, optionally
 * with `UTC`/`Z`). `time` is that record's time as the file's clock prints it.
 */
export const GoToTimeRequest = 'cucmTraceLens/goToTime';
export interface GoToTimeParams {
  uri: string;
  query: string;
}
export type GoToTimeResult = { line: number; time?: string } | { error: LocalizedText };

/**
 * Request (client → server), "CUCM: Analyze Large File from Disk": the server reads a `file:` URI
 * from disk (VS Code does not pass files over 50 MB to extensions), gunzips `.gz`, analyzes it and
 * publishes its diagnostics for that URI (they show in the Problems view).
 */
export const AnalyzeFileRequest = 'cucmTraceLens/analyzeFile';
export interface AnalyzeFileParams {
  uri: string;
}
export interface AnalyzeFileSummary {
  uri: string;
  /** Size on disk, and of the text after gunzip. */
  bytes: number;
  textBytes: number;
  gzip: boolean;
  lines: number;
  encoding: string;
  /** Detected format (language id), if any. */
  format?: string;
  counts: { error: number; warning: number; information: number; hint: number };
  /** Findings published (at most the maxDiagnostics setting) and found. */
  shown: number;
  total: number;
  /** Read plus analysis time. */
  ms: number;
  /** Decoding note (Shift-JIS, replaced bytes). */
  note?: LocalizedText;
  /** False when the document is open and synced: its live diagnostics stay, nothing was published. */
  published: boolean;
  findings: FindingSummary[];
}
export type AnalyzeFileResult = AnalyzeFileSummary | { error: LocalizedText };
