import type { Locale } from './types';

/** Product UI strings shared by the server and the CLI (catalog texts live in the catalog). */
const MESSAGES = {
  cause: { en: 'Likely cause', ja: '考えられる原因' },
  action: { en: 'What to do', ja: '推奨する対処' },
  commands: { en: 'Related CLI commands', ja: '関連する CLI コマンド' },
  values: { en: 'Values from this line', ja: 'この行から読み取った値' },
  reference: { en: 'Reference page', ja: 'リファレンス ページ' },
  runbook: { en: 'Runbook', ja: 'ランブック' },
  where: {
    en: {
      publisher: 'on the publisher',
      subscribers: 'on each subscriber',
      'every-node': 'on every node',
      uccx: 'on the UCCX server',
      any: 'on the node concerned',
      workstation: 'on your workstation',
      node: 'on the node named',
    },
    ja: {
      publisher: 'パブリッシャで',
      subscribers: '各サブスクライバで',
      'every-node': '全ノードで',
      uccx: 'UCCX サーバで',
      any: '対象ノードで',
      workstation: '作業端末で',
      node: '指定ノードで',
    },
  },
  severity: {
    en: { error: 'error', warning: 'warning', information: 'info', hint: 'hint' },
    ja: { error: 'エラー', warning: '警告', information: '情報', hint: 'ヒント' },
  },
  actionOpenReference: { en: 'CUCM: Open reference for {0}', ja: 'CUCM: {0} のリファレンスを開く' },
  actionOpenRunbook: { en: 'CUCM: Open runbook "{0}"', ja: 'CUCM: ランブック「{0}」を開く' },
  actionCopy: { en: 'CUCM: Copy command "{0}"', ja: 'CUCM: コマンド「{0}」をコピー' },
  actionSend: {
    en: 'CUCM: Type "{0}" into the terminal (not run)',
    ja: 'CUCM: 「{0}」をターミナルに入力（実行はしない）',
  },
  actionOccurrences: {
    en: 'CUCM: Show all {0} occurrences of {1} in this file',
    ja: 'CUCM: このファイル内の {1} をすべて表示（{0} 件）',
  },
  summary: {
    en: 'CUCM Trace Lens shows the first {0} of {1} findings in this file (setting cucmTraceLens.maxDiagnostics). Run "CUCM: List Findings" or the CLI for all of them.',
    ja: 'このファイルの所見 {1} 件のうち最初の {0} 件だけを表示しています（設定 cucmTraceLens.maxDiagnostics）。すべて見るには「CUCM: 所見の一覧」または CLI を使ってください。',
  },
  encoding: {
    en: 'This file is not valid UTF-8 (a Japanese Windows export is usually Shift-JIS): its text cannot be read, so problems may be missed. Reopen it with the right encoding.',
    ja: 'このファイルは UTF-8 として正しくありません（日本語 Windows の出力は通常 Shift-JIS です）。テキストを読めないため問題を見落とす可能性があります。正しいエンコードで開き直してください。',
  },
  actionReopenEncoding: { en: 'CUCM: Reopen with Encoding…', ja: 'CUCM: エンコード付きで開き直す…' },
  relatedTwin: { en: 'Exception record logged for the same failure', ja: '同じ障害について記録された例外レコード' },
  relatedSameEvent: { en: 'Another record of the same event', ja: '同じイベントの別レコード' },
} as const;

type Simple = {
  [K in keyof typeof MESSAGES]: (typeof MESSAGES)[K] extends { en: string } ? K : never;
}[keyof typeof MESSAGES];

export function t(locale: Locale, key: Simple, ...args: Array<string | number>): string {
  const template: string = MESSAGES[key][locale];
  return template.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

export function whereText(locale: Locale, where: string): string {
  const table = MESSAGES.where[locale] as Record<string, string>;
  return table[where] ?? where;
}

export function severityText(locale: Locale, severity: string): string {
  return (MESSAGES.severity[locale] as Record<string, string>)[severity] ?? severity;
}

/** `ja`, `ja-JP` → Japanese; anything else → English. */
export function toLocale(value: string | undefined | null): Locale {
  return value && /^ja\b/i.test(value) ? 'ja' : 'en';
}
