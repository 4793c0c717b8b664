import type { Locale, Localized } from '../../engine/src/index';

/**
 * The language of messages: `--locale` first, else the POSIX locale variables in their order of
 * precedence (LC_ALL, then LC_MESSAGES, then LANG; the first one set decides). `ja`, `ja_JP.UTF-8`,
 * `ja-JP`, `ja_JP@…` select Japanese.
 */
export function localeFromEnv(env: NodeJS.ProcessEnv): Locale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^ja(?:$|[_.@-])/i.test(value) ? 'ja' : 'en';
}

const fill = (s: string, args: Array<string | number>) =>
  s.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));

/** A message in the chosen language with `{0}`… filled in. */
export function msg(locale: Locale, text: Localized, ...args: Array<string | number>): string {
  return fill(text[locale], args);
}

/** "1 file", "2 files"; Japanese has no plural: "1 ファイル", "2 ファイル". */
export function count(locale: Locale, n: number, word: { en: [string, string]; ja: string }): string {
  return locale === 'ja' ? `${word.ja} ${n} 件` : `${n} ${n === 1 ? word.en[0] : word.en[1]}`;
}

export const WORDS = {
  file: { en: ['file', 'files'], ja: 'ファイル' },
  error: { en: ['error', 'errors'], ja: 'エラー' },
  warning: { en: ['warning', 'warnings'], ja: '警告' },
  information: { en: ['info', 'info'], ja: '情報' },
  hint: { en: ['hint', 'hints'], ja: 'ヒント' },
  unreadable: { en: ['input not read', 'inputs not read'], ja: '読み込めなかった入力' },
  skipped: { en: ['input skipped', 'inputs skipped'], ja: 'スキップした入力' },
} satisfies Record<string, { en: [string, string]; ja: string }>;

export const TEXT = {
  more: {
    en: '… {0} more not shown (--max {1})',
    ja: '… ほかに {0} 件あります（--max {1} で省略）',
  },
  stdinName: { en: '<stdin>', ja: '<stdin>' },
  stdinTty: {
    en: 'reading standard input (-) from the terminal; end it with Ctrl+D',
    ja: '端末から標準入力（-）を読み込みます。Ctrl+D で終了します',
  },
  badConfig: { en: 'configuration {0}: {1}', ja: '設定ファイル {0}: {1}' },
} as const;

/** Errors in the command line itself (exit 2, with the usage after them). */
export const USAGE_ERRORS = {
  unknownCommand: { en: 'unknown command "{0}"', ja: '不明なコマンド「{0}」です' },
  missingCommand: { en: 'missing command', ja: 'コマンドを指定してください' },
  needsValue: { en: '{0} needs a value', ja: '{0} には値が必要です' },
  badChoice: {
    en: '{0} must be {1}, not "{2}"',
    ja: '{0} には {1} のいずれかを指定してください（「{2}」は使えません）',
  },
  badMax: { en: '--max must be a positive whole number', ja: '--max には 1 以上の整数を指定してください' },
  unknownOption: { en: 'unknown option {0}', ja: '不明なオプション {0} です' },
  noPaths: {
    en: 'scan needs at least one file or folder (or - for standard input)',
    ja: 'scan にはファイルかフォルダー（標準入力なら -）を 1 つ以上指定してください',
  },
} as const;

export const USAGE: Localized = {
  en: `Usage: cucm-trace-lens scan PATH... [options]

Finds known Cisco CUCM / UCCX problems in trace, log and CLI-output files. Folders are scanned
recursively; gzip-compressed files are unpacked; - reads standard input (zcat x.gz | cucm-trace-lens scan -).

Options:
  --format text|json|sarif   output format (default text; sarif is SARIF 2.1.0)
  --locale en|ja             language of messages (default: LC_ALL, LC_MESSAGES or LANG; ja_JP.UTF-8 selects
                             Japanese); severity words and ids stay English for tools that read the output
  --max N                    list at most N findings per file; the summary still counts all of them
  --quiet, -q                list only error-level findings (and inputs that could not be read)
  --color auto|always|never  colour the text output (default auto: on a terminal, unless NO_COLOR is set)
  --config FILE              severity overrides file (default: .cucm-trace-lens.json in the current folder
                             or the nearest folder above it)
  --help, -h                 this help
  --version                  the version

Exit codes:
  0  no error-level finding, every input read
  1  at least one error-level finding, every input read
  2  bad usage or configuration, or an input could not be read (missing, no permission, damaged .gz,
     not a regular file, too large); the other inputs are still scanned

Documentation: docs/cli.md
`,
  ja: `使い方: cucm-trace-lens scan パス... [オプション]

トレース、ログ、CLI 出力のファイルから Cisco CUCM / UCCX の既知の問題を探します。フォルダーは再帰的に
スキャンし、gzip 圧縮ファイルは展開します。- は標準入力を読みます（zcat x.gz | cucm-trace-lens scan -）。

オプション:
  --format text|json|sarif   出力形式（既定は text。sarif は SARIF 2.1.0）
  --locale en|ja             メッセージの言語（既定は LC_ALL、LC_MESSAGES、LANG の順。ja_JP.UTF-8 で日本語）。
                             ツールが読み取る重大度の語と ID は英語のままです
  --max N                    ファイルごとに表示する所見を最大 N 件にします（集計はすべてを数えます）
  --quiet, -q                エラー レベルの所見（と読み込めなかった入力）だけを表示します
  --color auto|always|never  テキスト出力の色（既定 auto: 端末のときだけ。NO_COLOR があれば付けません）
  --config FILE              重大度の上書き設定ファイル（既定: 現在のフォルダーか、その上で最も近い
                             フォルダーの .cucm-trace-lens.json）
  --help, -h                 このヘルプ
  --version                  バージョン

終了コード:
  0  エラー レベルの所見なし、すべての入力を読み込めた
  1  エラー レベルの所見あり、すべての入力を読み込めた
  2  使い方か設定の誤り、または読み込めない入力があった（存在しない、権限がない、.gz が壊れている、
     通常のファイルでない、大きすぎる）。ほかの入力はスキャンします

ドキュメント: docs/cli.md
`,
};
