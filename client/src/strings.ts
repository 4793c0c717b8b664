// Every text of the client that follows `cucmTraceLens.language` (prompts, pickers, notifications,
// the runbook panel and its Markdown export) in one keyed table, with one locale resolver. VS Code's own
// chrome (command titles, setting descriptions) stays in package.nls*.json. Pure: no `vscode` import.

export type Lang = 'en' | 'ja';

/** `cucmTraceLens.language`: 'en'/'ja' are explicit; anything else follows the VS Code display language. */
export function resolveLanguage(setting: unknown, displayLanguage: string): Lang {
  if (setting === 'en' || setting === 'ja') return setting;
  return /^ja(?:$|[-_])/i.test(displayLanguage) ? 'ja' : 'en';
}

/** The runbook panel and its export. */
const RUNBOOK = {
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
    en: 'Values read from the log are already filled into the commands. Send to terminal opens the terminal of the node the step names (with your connect command, e.g. ssh admin@node) and types the command once you confirm the admin: prompt is there, without pressing Enter: fill in any remaining <placeholders>, check it, then run it yourself. Checked steps and notes are saved in this workspace.',
    ja: 'ログから読み取った値はコマンドに入力済みです。「ターミナルに送る」は手順が示すノードのターミナルを（ssh admin@ノード などの接続コマンドで）開き、admin: プロンプトが出たことを確認してからコマンドを入力します。Enter は押しません。残った <プレースホルダー> を埋めて確認してから、自分で実行してください。チェックとメモはこのワークスペースに保存されます。',
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

/** Prompts, pickers and notifications of the commands. */
const PROMPTS = {
  openFileFirst: { en: 'Open a trace or log file first.', ja: '先にトレースまたはログ ファイルを開いてください。' },
  whichFormat: {
    en: 'The format was not recognised. Which kind of file is this?',
    ja: '形式を判別できませんでした。どの種類のファイルですか?',
  },
  copied: { en: 'Copied: {0}', ja: 'コピーしました: {0}' },
  untrustedSend: {
    en: 'Sending commands to the terminal is disabled in an untrusted workspace.',
    ja: '信頼されていないワークスペースでは、ターミナルへのコマンド入力は無効です。',
  },
  noFindings: {
    en: 'No known CUCM problems found in this file.',
    ja: 'このファイルには既知の CUCM の問題は見つかりませんでした。',
  },
  findingsCount: { en: '{0} findings', ja: '所見 {0} 件' },
  findingsCountOne: { en: '1 finding', ja: '所見 1 件' },
  listFindings: { en: 'List Findings', ja: '所見を一覧表示' },
  showOutput: { en: 'Show Output', ja: '出力を表示' },
  serverStopped: { en: 'CUCM Trace Lens: stopped', ja: 'CUCM Trace Lens: 停止中' },
  statusCounts: { en: 'CUCM: {0}', ja: 'CUCM: {0}' },
  statusDetail: {
    en: 'Known problems from the CUCM troubleshooting guide',
    ja: 'CUCM トラブルシューティング ガイドに基づく既知の問題',
  },
  searchRunbooks: { en: 'Search runbooks by title or symptom', ja: 'タイトルまたは症状でランブックを検索' },
  runbookOpenFailed: { en: 'Could not open the runbook: {0}', ja: 'ランブックを開けませんでした: {0}' },
  noSuchRunbook: { en: 'There is no runbook "{0}".', ja: 'ランブック「{0}」はありません。' },
  serverNotRunning: {
    en: 'The CUCM Trace Lens language server is not running.',
    ja: 'CUCM Trace Lens の言語サーバが動作していません。',
  },
  whichRunbookExport: { en: 'Which runbook do you want to export?', ja: 'どのランブックをエクスポートしますか?' },
  whichRunbookReset: {
    en: 'Which runbook’s progress do you want to reset?',
    ja: 'どのランブックの進捗をリセットしますか?',
  },
  resetConfirm: { en: 'Reset the progress of "{0}"?', ja: '「{0}」の進捗をリセットしますか?' },
  resetDetail: {
    en: 'All checked steps and notes of this runbook in this workspace are deleted.',
    ja: 'このワークスペースに保存された、このランブックのチェック済みの手順とメモがすべて削除されます。',
  },
  resetButton: { en: 'Reset', ja: 'リセット' },
  exportButton: { en: 'Export', ja: 'エクスポート' },
  exportTitle: { en: 'Export Runbook as Markdown', ja: 'ランブックを Markdown でエクスポート' },
  openButton: { en: 'Open', ja: '開く' },
  exportedTo: { en: 'Runbook exported to {0}', ja: 'ランブックを {0} にエクスポートしました' },
  exportFailed: { en: 'Could not export the runbook: {0}', ja: 'ランブックをエクスポートできませんでした: {0}' },
  goToTimeWrongFile: {
    en: 'Go to Time works in CUCM traces and logs. If this file is one, run "CUCM: Analyze Current File as CUCM Trace" first.',
    ja: '時刻へ移動は CUCM のトレースとログで使えます。このファイルがそれに当たる場合は、先に「CUCM: 現在のファイルを CUCM トレースとして解析」を実行してください。',
  },
  goToTimeNoStamps: {
    en: 'This file has no timestamped records, so there is no time to go to (a CLI capture or a configuration file has none).',
    ja: 'このファイルには時刻付きのレコードがないため、時刻へ移動できません（CLI の出力や設定ファイルには時刻がありません）。',
  },
  goToTimeTitle: { en: 'CUCM: Go to Time', ja: 'CUCM: 時刻へ移動' },
  goToTimePrompt: {
    en: 'HH:MM, HH:MM:SS.mmm, YYYY/MM/DD HH:MM or YYYY-MM-DD HH:MM (add UTC for a UTC time). Goes to the first record at or after it.',
    ja: 'HH:MM、HH:MM:SS.mmm、YYYY/MM/DD HH:MM、YYYY-MM-DD HH:MM のいずれか（UTC の時刻なら末尾に UTC）。その時刻以降の最初のレコードへ移動します。',
  },
  lineTime: { en: 'Line {0}: {1}', ja: '{0} 行目: {1}' },
  analyzeFromDiskTitle: { en: 'Analyze Large File from Disk', ja: '大きなファイルをディスクから解析' },
  analyzing: {
    en: 'CUCM Trace Lens: reading and analyzing {0}…',
    ja: 'CUCM Trace Lens: {0} を読み込んで解析しています…',
  },
  analyzeFromDisk: { en: 'Analyze from Disk', ja: 'ディスクから解析' },
  tooLarge: {
    en: '{0} is {1}. VS Code does not pass files over 50 MB to extensions, so CUCM Trace Lens cannot check it in the editor. Analyze it from disk instead? The problems found are listed in the Problems view.',
    ja: '{0} は {1} です。VS Code は 50 MB を超えるファイルを拡張機能に渡さないため、CUCM Trace Lens はエディター上でこのファイルを検査できません。代わりにディスクから読み込んで解析しますか? 見つかった問題は [問題] ビューに一覧表示されます。',
  },
  openProblems: { en: 'Open Problems View', ja: '[問題] ビューを開く' },
  sizeUnpacked: { en: '{0} ({1} unpacked)', ja: '{0}（展開後 {1}）' },
  analyzedSummary: {
    en: '{0}: {1}, {2} lines, read and analyzed in {3} s: {4}.',
    ja: '{0}: {1}、{2} 行を {3} 秒で読み込み・解析しました。{4}。',
  },
  firstShown: { en: 'The first {0} of {1} are shown.', ja: '{1} 件のうち最初の {0} 件を表示しています。' },
  inProblems: { en: 'They are listed in the Problems view.', ja: '[問題] ビューに一覧表示しています。' },
  wordWrapOn: { en: 'Word wrap on for CUCM traces and logs.', ja: 'CUCM のトレースとログを折り返して表示します。' },
  wordWrapOff: {
    en: 'Word wrap off for CUCM traces and logs.',
    ja: 'CUCM のトレースとログを折り返さずに表示します。',
  },
} as const;

/** Sending a command to a node's terminal. */
const TERMINAL = {
  whichNode: {
    en: 'Which node should "{0}" run on? Enter its host name.',
    ja: '「{0}」を実行するノードはどれですか? ホスト名を入力してください。',
  },
  nodeInvalid: {
    en: 'Enter a host name or IP address (letters, digits, hyphens and dots).',
    ja: 'ホスト名または IP アドレス（英字、数字、ハイフン、ドット）を入力してください。',
  },
  connectTitle: { en: 'CUCM: connect to {0}', ja: 'CUCM: {0} に接続' },
  connectPrompt: {
    en: 'The command that opens the CLI of {0} in a terminal (remembered for this workspace). Never put a password here: ssh asks for it.',
    ja: '{0} の CLI をターミナルで開くコマンド（このワークスペースで記憶します）。パスワードは書かないでください（ssh が尋ねます）。',
  },
  connectInvalid: {
    en: 'One line, without a password (ssh asks for it when it connects).',
    ja: '1 行で、パスワードを含めずに入力してください（パスワードは接続時に ssh が尋ねます）。',
  },
  waitForPrompt: {
    en: 'Log in to {0} in the terminal "{1}". When it shows admin:, choose "Type the command": "{2}" is typed there, not run.',
    ja: 'ターミナル「{1}」で {0} にログインしてください。admin: が表示されたら「コマンドを入力」を選ぶと、「{2}」が入力されます（実行はしません）。',
  },
  typeNow: { en: 'Type the command', ja: 'コマンドを入力' },
  typed: {
    en: 'Typed into "{0}", not run: check it, then press Enter yourself.',
    ja: '「{0}」に入力しました（未実行）。確認してから Enter を押してください。',
  },
  publisher: { en: 'the publisher', ja: 'パブリッシャ' },
  uccx: { en: 'the UCCX server', ja: 'UCCX サーバ' },
  workstation: { en: 'your workstation', ja: '作業端末' },
} as const;

const TEXTS = { ...RUNBOOK, ...PROMPTS, ...TERMINAL };

export type TextKey = keyof typeof TEXTS;
/** Kept for the runbook modules, which name their keys this way. */
export type UiKey = TextKey;

/** Localized client text; `{0}`, `{1}` are replaced by the arguments. */
export function ui(lang: Lang, key: TextKey, ...args: Array<string | number>): string {
  const template: string = TEXTS[key][lang];
  return template.replace(/\{(\d+)\}/g, (m, i: string) =>
    args[Number(i)] === undefined ? m : String(args[Number(i)]),
  );
}

/** Every key of the table, for the completeness test. */
export function textKeys(): TextKey[] {
  return Object.keys(TEXTS) as TextKey[];
}

/** A file size a person reads: bytes, KB below 1 MB, MB above. */
export function sizeText(bytes: number, lang: Lang): string {
  if (bytes < 1024) return lang === 'ja' ? `${bytes} バイト` : `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A gzip file's size and its unpacked size; the second only when it reads differently. */
export function packedSizeText(bytes: number, unpacked: number | undefined, lang: Lang): string {
  const packed = sizeText(bytes, lang);
  if (unpacked === undefined) return packed;
  const text = sizeText(unpacked, lang);
  return text === packed ? packed : ui(lang, 'sizeUnpacked', packed, text);
}
