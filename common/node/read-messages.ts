import type { Localized } from '../../engine/src/index';

/** Why a trace could not be read: one line each, without the path (the caller prefixes it). */
export const READ_MESSAGES = {
  notFound: { en: 'no such file or folder', ja: 'ファイルまたはフォルダーが見つかりません' },
  brokenLink: {
    en: 'symbolic link to a file or folder that does not exist',
    ja: 'シンボリック リンクのリンク先が存在しません',
  },
  permission: { en: 'permission denied (cannot be read)', ja: 'アクセスが拒否されました（読み取り権限がありません）' },
  special: {
    en: 'not a regular file (FIFO, socket or device); skipped without opening it',
    ja: '通常のファイルではありません（FIFO、ソケット、デバイス）。開かずにスキップしました',
  },
  directory: { en: 'is a folder, not a file', ja: 'ファイルではなくフォルダーです' },
  linkLoop: {
    en: 'symbolic link loop (the link leads back to itself)',
    ja: 'シンボリック リンクがループしています（リンクが自分自身に戻ります）',
  },
  gzipTruncated: {
    en: 'damaged gzip file: the data ends too early (incomplete copy?)',
    ja: 'gzip ファイルが壊れています。データが途中で終わっています（コピーが不完全かもしれません）',
  },
  gzipDamaged: {
    en: 'damaged gzip file: the compressed data is invalid',
    ja: 'gzip ファイルが壊れています。圧縮データが不正です',
  },
  tooLarge: {
    en: 'too large to analyze in one piece ({0} MiB; the limit is {1} MiB); split it first',
    ja: '大きすぎて一度に解析できません（{0} MiB、上限 {1} MiB）。先に分割してください',
  },
  gzipTooLarge: {
    en: 'unpacks to more than {0} MiB, the limit for one piece; unpack and split it first',
    ja: '展開すると一度に解析できる上限 {0} MiB を超えます。展開して分割してください',
  },
  streamTooLarge: {
    en: 'standard input holds more than {0} MiB, the limit for one piece; split it first',
    ja: '標準入力が一度に解析できる上限 {0} MiB を超えています。先に分割してください',
  },
  binary: {
    en: 'binary content (NUL or control bytes), not a text trace; skipped',
    ja: 'テキストのトレースではなくバイナリの内容です（NUL や制御文字を含みます）。スキップしました',
  },
  archive: {
    en: 'a {0} archive, not a trace; unpack it and scan the folder',
    ja: 'トレースではなく {0} アーカイブです。展開してからフォルダーを指定してください',
  },
  io: { en: 'cannot be read ({0})', ja: '読み込めません（{0}）' },
} as const;

/** Fills `{0}`, `{1}`… in both languages. */
export function say(msg: Localized, ...args: Array<string | number>): Localized {
  const fill = (s: string) => s.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
  return { en: fill(msg.en), ja: fill(msg.ja) };
}
