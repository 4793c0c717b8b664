import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Localized, Severity } from '../../engine/src/index';

/** The CLI's configuration file: the same `severityOverrides` as the editor setting, so a CI job and the editor agree. */
export const CONFIG_NAME = '.cucm-trace-lens.json';

export type SeverityOverride = { rule: string; severity: Severity | 'off' };

export interface LoadedConfig {
  /** The file read, if any. */
  file?: string;
  severityOverrides: SeverityOverride[];
  /** One line per bad entry or a file that could not be read; any of them is a usage error (exit 2). */
  problems: Localized[];
}

/** The nearest `.cucm-trace-lens.json` in `dir` or a folder above it. */
export function findConfig(dir: string): string | undefined {
  for (let d = path.resolve(dir); ;) {
    const candidate = path.join(d, CONFIG_NAME);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // Not here: look one folder up.
    }
    const up = path.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

/** A config file is small; anything bigger is not one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** Reads `--config FILE`, or the nearest config file above `cwd`; no file at all is no override. */
export function loadConfig(explicit: string | undefined, cwd: string): LoadedConfig {
  const file = explicit ?? findConfig(cwd);
  if (!file) return { severityOverrides: [], problems: [] };
  const fail = (en: string, ja: string): LoadedConfig => ({ file, severityOverrides: [], problems: [{ en, ja }] });
  let raw: unknown;
  try {
    if (fs.statSync(file).size > MAX_CONFIG_BYTES) return fail('larger than 1 MiB', '1 MiB を超えています');
    raw = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('no such file', 'ファイルが見つかりません');
    if (code) return fail(`cannot be read (${code})`, `読み込めません（${code}）`);
    return fail(
      `not valid JSON (${(err as Error).message.slice(0, 120)})`,
      `JSON として正しくありません（${(err as Error).message.slice(0, 120)}）`,
    );
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return fail(
      'must be a JSON object such as {"severityOverrides": […]}',
      '{"severityOverrides": […]} のような JSON オブジェクトにしてください',
    );
  const result = validateSeverityOverrides((raw as Record<string, unknown>).severityOverrides ?? []);
  return { file, severityOverrides: result.overrides, problems: result.problems };
}

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];
/** Ids, aliases and `*`: nothing a glob could turn into a costly pattern. */
const RULE_RE = /^[A-Za-z0-9_*-]{1,64}$/;
const MAX_STARS = 3;

/**
 * Checks severity overrides, one message per bad entry.
 * TODO(lead): switch to the engine's `validateSeverityOverrides(raw)` (same `{overrides, problems}`
 * shape) once it lands, so the editor and the CLI accept exactly the same entries.
 */
export function validateSeverityOverrides(raw: unknown): { overrides: SeverityOverride[]; problems: Localized[] } {
  if (!Array.isArray(raw))
    return {
      overrides: [],
      problems: [{ en: 'severityOverrides must be a list', ja: 'severityOverrides はリスト（配列）にしてください' }],
    };
  const overrides: SeverityOverride[] = [];
  const problems: Localized[] = [];
  raw.forEach((entry: unknown, i) => {
    const at = `severityOverrides[${i}]`;
    const e = (entry ?? {}) as { rule?: unknown; severity?: unknown };
    if (typeof e.rule !== 'string' || !RULE_RE.test(e.rule) || e.rule.split('*').length - 1 > MAX_STARS) {
      problems.push({
        en: `${at}.rule must be a rule id or alias (letters, digits, - and _, up to ${MAX_STARS} *), e.g. "JTAPI001" or "dbrep-*"`,
        ja: `${at}.rule にはルールの ID か別名（英数字、-、_、* は ${MAX_STARS} 個まで）を指定してください。例: "JTAPI001"、"dbrep-*"`,
      });
      return;
    }
    if (typeof e.severity !== 'string' || !SEVERITIES.includes(e.severity)) {
      problems.push({
        en: `${at}.severity must be one of ${SEVERITIES.join(', ')}`,
        ja: `${at}.severity は ${SEVERITIES.join('、')} のいずれかにしてください`,
      });
      return;
    }
    overrides.push({ rule: e.rule, severity: e.severity as SeverityOverride['severity'] });
  });
  return { overrides, problems };
}
