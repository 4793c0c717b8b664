import type { Locale } from './types';

/** How many findings of each severity (a hint stays a hint: it is never counted as info). */
export interface SeverityCounts {
  error: number;
  warning: number;
  information: number;
  hint: number;
}

/** Count words in both languages: English has a singular; Japanese counts with 件. "info" has no plural. */
const WORDS: Record<keyof SeverityCounts, { en: [string, string]; ja: string }> = {
  error: { en: ['error', 'errors'], ja: 'エラー' },
  warning: { en: ['warning', 'warnings'], ja: '警告' },
  information: { en: ['info', 'info'], ja: '情報' },
  hint: { en: ['hint', 'hints'], ja: 'ヒント' },
};

/** `1 error`, `2 warnings`; `エラー 1 件`. */
export function countText(severity: keyof SeverityCounts, n: number, locale: Locale): string {
  const w = WORDS[severity];
  return locale === 'ja' ? `${w.ja} ${n} 件` : `${n} ${n === 1 ? w.en[0] : w.en[1]}`;
}

/**
 * The one wording of a count summary (code lens, status item, CLI, Analyze from Disk): errors and
 * warnings always, info and hints only when there are some. `0 errors, 1 warning, 1 hint`.
 */
export function severityCountsText(counts: SeverityCounts, locale: Locale): string {
  const parts = (['error', 'warning', 'information', 'hint'] as const)
    .filter((s) => s === 'error' || s === 'warning' || counts[s] > 0)
    .map((s) => countText(s, counts[s], locale));
  return parts.join(locale === 'ja' ? '、' : ', ');
}
