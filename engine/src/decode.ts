import type { Localized } from './types';

export interface Decoded {
  /** The text, when the bytes are text. */
  text?: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis' | 'binary';
  /** Why the bytes were not read as text, or what was done to read them. */
  note?: Localized;
}

const BINARY_SAMPLE = 8192;

/**
 * Turns file bytes into text the way an engineer expects: UTF-8 (with or without BOM), UTF-16 with BOM
 * (Windows event exports), Shift-JIS (Japanese Windows), and a clear refusal for binary files.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeUtf8(bytes.subarray(3));
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const sample = bytes.subarray(0, BINARY_SAMPLE);
  let nul = 0;
  let control = 0;
  for (const b of sample) {
    if (b === 0) nul++;
    else if (b < 8 || (b > 13 && b < 27)) control++;
  }
  if (nul > 0 || control > sample.length / 10) {
    return {
      encoding: 'binary',
      note: {
        en: 'This looks like a binary file (it contains NUL or control bytes), not a text trace. Compressed .gz traces must be unpacked first.',
        ja: 'テキストのトレースではなくバイナリ ファイルのようです（NUL や制御文字を含みます）。圧縮された .gz トレースは先に展開してください。',
      },
    };
  }
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: Japanese Windows writes Shift-JIS (cp932).
  }
  try {
    const text = new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
    return {
      text,
      encoding: 'shift_jis',
      note: { en: 'Decoded as Shift-JIS (cp932).', ja: 'Shift-JIS（cp932）として読み込みました。' },
    };
  } catch {
    // Neither: keep going with replacement characters rather than refusing the file.
  }
  return {
    text: new TextDecoder('utf-8').decode(bytes),
    encoding: 'utf-8',
    note: {
      en: 'The file is not valid UTF-8 or Shift-JIS; undecodable bytes were replaced with U+FFFD.',
      ja: 'UTF-8 としても Shift-JIS としても正しくないため、読めないバイトを U+FFFD に置き換えました。',
    },
  };
}
