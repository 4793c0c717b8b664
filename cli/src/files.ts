import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { decodeBytes, type Decoded } from '../../engine/src/index';

/** Node strings top out near 512 MiB; refuse clearly instead of failing halfway. */
export const MAX_FILE_BYTES = 480 * 1024 * 1024;
const SKIP_DIRS = new Set(['node_modules', '.git', '.svn', '.hg']);

/** Every file under the given paths (folders recursively, in name order). Missing paths are returned in `missing`. */
export function collectFiles(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (p: string): void => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      missing.push(p);
      return;
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        if (name.startsWith('.') || SKIP_DIRS.has(name)) continue;
        walk(path.join(p, name));
      }
    } else if (st.isFile()) files.push(p);
  };
  for (const p of paths) walk(p);
  return { files, missing };
}

export interface ReadResult extends Decoded {
  error?: string;
}

/** Reads a trace file: `.gz` (rotated SDL traces) is unpacked, bytes are decoded by the engine. */
export function readTraceFile(file: string): ReadResult {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_FILE_BYTES) {
      return {
        encoding: 'binary',
        error: `too large to analyze in one piece (${(size / 1048576).toFixed(0)} MiB; limit ${MAX_FILE_BYTES / 1048576} MiB)`,
      };
    }
    bytes = fs.readFileSync(file);
  } catch (e) {
    return {
      encoding: 'binary',
      error: `cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    };
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = zlib.gunzipSync(bytes, { maxOutputLength: MAX_FILE_BYTES });
    } catch (e) {
      return { encoding: 'binary', error: `is a damaged or too large .gz archive: ${(e as Error).message}` };
    }
  }
  return decodeBytes(bytes);
}
