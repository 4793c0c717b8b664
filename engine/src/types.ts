/** Shared types of the analysis engine. The engine is pure: no `vscode`, no LSP imports. */

export type Locale = 'en' | 'ja';
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Text in both product languages. */
export interface Localized<T = string> {
  en: T;
  ja: T;
}

export interface EntryTexts {
  /** Short name of the problem, shown as heading. */
  title: string;
  /** One-line diagnostic message; `{name}` is replaced by the capture `name`. */
  message: string;
  explanation: string;
  cause: string;
  action: string;
}

export interface CliCommand {
  /** The command exactly as typed at `admin:` (a template: `<hostname>` stays for the engineer to fill in). */
  command: string;
  /** Where to run it. */
  where: 'publisher' | 'subscribers' | 'every-node' | 'uccx' | 'any' | 'workstation';
  en: string;
  ja: string;
}

export interface RegexRule {
  /** `record`: the pattern sees a whole logical record (wrapped lines joined by `\n`); `line`: each physical line. */
  scope: 'record' | 'line';
  /** One or more regular expressions (JavaScript syntax); the first that matches wins. Named groups become captures. */
  patterns: string[];
  /** `i` for case-insensitive. */
  flags?: string;
  /** A record that also matches this pattern is left alone (a more specific entry owns it). */
  unless?: string;
  /** What to underline: the whole record (default for `record`) or only the match. */
  range?: 'record' | 'match';
}

export interface DetectorRule {
  /** Name of a built-in detector (see engine/src/detectors). */
  detector: string;
  /** Parameters passed to the detector. */
  params?: Record<string, unknown>;
}

export type MatchRule = (RegexRule | DetectorRule) & {
  /** Literal words one of which must occur in the text for the rule to be tried (fast prefilter; no spaces). */
  triggers: string[];
};

export interface SampleLine {
  /** What the sample shows. */
  name: string;
  text: string;
  /** For positive samples: how many findings of this entry the text must give (default 1). */
  count?: number;
  /** For positive samples: captures the first finding must carry. */
  captures?: Record<string, string>;
}

export interface CatalogEntry {
  /** Stable id, e.g. `JTAPI001`. */
  id: string;
  /** Readable alias, e.g. `jtapi-provider-bad-login`. */
  alias: string;
  /** Guide topic key (see catalog/topics.yaml). */
  topic: string;
  severity: Severity;
  match: MatchRule;
  runbook?: string;
  /** Step of the runbook that fits this finding. */
  runbookStep?: string;
  cli: CliCommand[];
  en: EntryTexts;
  ja: EntryTexts;
  samples: { positive: SampleLine[]; negative: SampleLine[] };
}

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

export interface RelatedLocation {
  range: Range;
  /** What the related place is, in both languages. */
  message: Localized;
}

export interface Finding {
  id: string;
  alias: string;
  severity: Severity;
  range: Range;
  /** Values taken from the text (already trimmed); untrusted log text. */
  captures: Record<string, string>;
  related: RelatedLocation[];
}

export interface AnalyzeOptions {
  /** Stop after this many findings (the caller reports the rest as a summary). */
  maxFindings?: number;
  /** Reference "now" for date checks (certificate expiry); defaults to the current time. */
  now?: Date;
  /** Severity overrides by id or alias (glob `*` allowed) – `off` drops the finding. */
  severityOverrides?: Array<{ rule: string; severity: Severity | 'off' }>;
}

export interface AnalyzeResult {
  findings: Finding[];
  /** True when maxFindings cut the list. */
  truncated: boolean;
  /** Number of findings before truncation. */
  total: number;
}

/** A topic of the troubleshooting guide, for the coverage table. */
export interface Topic {
  key: string;
  section: string;
  en: string;
  ja: string;
}

/** A token explained on hover anywhere in a file (catalog/glossary/*.yaml). */
export interface GlossaryTerm {
  id: string;
  kind: 'command' | 'value' | 'counter' | 'severity' | 'sip-status' | 'error-code';
  pattern: string;
  where?: CliCommand['where'];
  privilege?: number;
  duringUpgrade?: boolean;
  en: { title: string; text: string; caution?: string };
  ja: { title: string; text: string; caution?: string };
  values?: Record<string, Localized>;
  samples: string[];
}
