// Texts of the runbook panel and of the Markdown export. They follow `cucmTraceLens.language` (like the
// runbook content they surround), not VS Code's display language, so they live here in both languages
// instead of l10n bundles. Pure: no `vscode` import, unit-tested.
import type { RunbookCommand } from '../../../engine/src/runbook-types';

export type Lang = 'en' | 'ja';

/** `cucmTraceLens.language`: 'en'/'ja' are explicit; anything else follows the VS Code display language. */
export function resolveLanguage(setting: unknown, displayLanguage: string): Lang {
  if (setting === 'en' || setting === 'ja') return setting;
  return /^ja\b/i.test(displayLanguage) ? 'ja' : 'en';
}

const UI = {
  runbook: { en: 'Runbook', ja: 'ランブック' },
  symptom: { en: 'Symptom', ja: '症状' },
  appliesTo: { en: 'Applies to', ja: '対象' },
  steps: { en: 'Steps', ja: '手順' },
  step: { en: 'Step {0}', ja: '手順 {0}' },
  progress: { en: '{0} of {1} steps done', ja: '{1} 手順中 {0} 完了' },
  openedFrom: { en: 'Opened from this finding', ja: 'この所見から開きました' },
  file: { en: 'File', ja: 'ファイル' },
  line: { en: 'line {0}', ja: '{0} 行目' },
  goToLine: { en: 'Go to {0}, line {1}', ja: '{0} の {1} 行目へ移動' },
  catalogEntry: { en: 'Catalog entry', ja: 'カタログ項目' },
  openReference: { en: 'Open reference {0}', ja: 'リファレンス {0} を開く' },
  captured: { en: 'Values read from the log', ja: 'ログから読み取った値' },
  expect: { en: 'Expected result', ja: '期待される結果' },
  warning: { en: 'Caution', ja: '注意' },
  decision: { en: 'Which applies?', ja: 'どれに当てはまりますか?' },
  goesTo: { en: 'go to step {0}: {1}', ja: '手順 {0}「{1}」へ' },
  done: { en: 'Done', ja: '完了' },
  doneStep: { en: 'Step {0} done', ja: '手順 {0} 完了' },
  notes: { en: 'Notes', ja: 'メモ' },
  notesPlaceholder: { en: 'Values, times, what you saw…', ja: '確認した値、時刻、内容など…' },
  copy: { en: 'Copy', ja: 'コピー' },
  copyLabel: { en: 'Copy command: {0}', ja: 'コマンドをコピー: {0}' },
  send: { en: 'Send to terminal', ja: 'ターミナルに送る' },
  sendLabel: {
    en: 'Type into the terminal without running it: {0}',
    ja: '実行せずにターミナルに入力: {0}',
  },
  sendHint: {
    en: 'Send to terminal types the command into the active terminal without pressing Enter: fill in the <placeholders>, check it, then run it yourself. Checked steps and notes are saved in this workspace.',
    ja: '「ターミナルに送る」はアクティブなターミナルにコマンドを入力するだけで、Enter は押しません。<プレースホルダー> を埋めて確認してから、自分で実行してください。チェックとメモはこのワークスペースに保存されます。',
  },
  untrusted: {
    en: 'This workspace is not trusted: sending commands to the terminal is disabled. Copy still works.',
    ja: 'このワークスペースは信頼されていないため、ターミナルへのコマンド送信は無効です。コピーは使えます。',
  },
  reset: { en: 'Reset progress', ja: '進捗をリセット' },
  export: { en: 'Export as Markdown', ja: 'Markdown でエクスポート' },
  exported: { en: 'Exported', ja: 'エクスポート日' },
  findingHeading: { en: 'Finding', ja: '所見' },
  progressHeading: { en: 'Progress', ja: '進捗' },
  commandsHeading: { en: 'Commands', ja: 'コマンド' },
  noNotes: { en: 'No notes.', ja: 'メモなし。' },
  decisionsHeading: { en: 'Decisions', ja: '判断' },
} as const;

export type UiKey = keyof typeof UI;

/** Localized UI text; `{0}`, `{1}` are replaced by the arguments. */
export function ui(lang: Lang, key: UiKey, ...args: Array<string | number>): string {
  return UI[key][lang].replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] === undefined ? m : String(args[Number(i)])));
}

const WHERE: Record<RunbookCommand['where'], { en: string; ja: string }> = {
  publisher: { en: 'On the publisher', ja: 'パブリッシャで実行' },
  subscribers: { en: 'On each subscriber', ja: '各サブスクライバで実行' },
  'every-node': { en: 'On every node (publisher and subscribers)', ja: '全ノード（パブリッシャと各サブスクライバ）で実行' },
  uccx: { en: 'On the UCCX server', ja: 'UCCX サーバで実行' },
  any: { en: 'On any node of the cluster', ja: 'クラスタの任意のノードで実行' },
  workstation: { en: 'On your workstation (downloaded logs)', ja: '作業用 PC で実行（取得したログに対して）' },
  node: { en: 'On the affected node', ja: '該当するノードで実行' },
};

export function whereLabel(lang: Lang, where: string): string {
  const w = (WHERE as Record<string, { en: string; ja: string } | undefined>)[where];
  return w ? w[lang] : where;
}
