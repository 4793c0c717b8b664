/**
 * The one way trace files are read from disk (or standard input), shared by the CLI and the language
 * server: gzip is recognised by its magic bytes, every read is capped (also after unpacking, against
 * gzip bombs), special files are refused without being opened, and bytes become text through the
 * engine's `decodeBytes`. Every failure is one short sentence in English and Japanese, without the
 * path (the caller puts the path in front).
 */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import { decodeBytes, type Decoded, type Localized } from '../../engine/src/index';
import { say, READ_MESSAGES as M } from './read-messages';

/**
 * Largest text analyzed in one piece, on disk and after gunzip. A JavaScript string holds at most
 * about 512 Mi characters; staying below that turns an out-of-memory crash into a clear refusal.
 */
export const MAX_TRACE_BYTES = 480 * 1024 * 1024;

export type TraceProblemKind =
  | 'not-found'
  | 'broken-link'
  | 'permission'
  | 'special-file'
  | 'directory'
  | 'link-loop'
  | 'damaged-gzip'
  | 'too-large'
  | 'binary'
  | 'archive'
  | 'io';

export interface TraceProblem {
  kind: TraceProblemKind;
  /** One line, without the path. */
  message: Localized;
  /**
   * `error`: the input could not be read, so problems in it may be missed (the CLI exits 2).
   * `warning`: it was read but is not a text trace (binary file, archive).
   */
  level: 'error' | 'warning';
}

export interface TraceText {
  text: string;
  encoding: Decoded['encoding'];
  /** What was done to read it (Shift-JIS, replaced bytes). */
  note?: Localized;
  /** The input was gzip-compressed (recognised by its content, not its name). */
  gzip: boolean;
  /** Bytes as stored, and after gunzip. */
  bytes: number;
  textBytes: number;
}

export type TraceRead = TraceText | { problem: TraceProblem };

export const isProblem = (r: TraceRead): r is { problem: TraceProblem } => 'problem' in r;

const problem = (kind: TraceProblemKind, message: Localized, level: 'error' | 'warning' = 'error') => ({
  problem: { kind, message, level },
});

const mib = (n: number): string => String(Math.ceil(n / 1048576));

/** Why a file that `stat` describes is not read: a folder, a FIFO/socket/device, or too large. */
export function statProblem(st: fs.Stats, limit = MAX_TRACE_BYTES): { problem: TraceProblem } | undefined {
  if (st.isDirectory()) return problem('directory', M.directory);
  if (!st.isFile()) return problem('special-file', M.special);
  if (st.size > limit) return problem('too-large', say(M.tooLarge, mib(st.size), mib(limit)));
  return undefined;
}

/** A file-system error as a problem; `isDanglingLink` tells a symbolic link to nowhere from a missing path. */
export function errnoProblem(err: unknown, isDanglingLink = false): { problem: TraceProblem } {
  const code = (err as NodeJS.ErrnoException)?.code ?? '';
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return isDanglingLink ? problem('broken-link', M.brokenLink) : problem('not-found', M.notFound);
  if (code === 'EACCES' || code === 'EPERM') return problem('permission', M.permission);
  if (code === 'ELOOP') return problem('link-loop', M.linkLoop);
  if (code === 'EISDIR') return problem('directory', M.directory);
  return problem('io', say(M.io, code || String((err as Error)?.message ?? err).slice(0, 80)));
}

const isGzip = (b: Uint8Array): boolean => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
const isZip = (b: Uint8Array): boolean =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
/** POSIX tar: "ustar" at offset 257 (what `file get activelog` and RTMT bundles unpack to). */
const isTar = (b: Uint8Array): boolean =>
  b.length > 262 && b[257] === 0x75 && b[258] === 0x73 && b[259] === 0x74 && b[260] === 0x61 && b[261] === 0x72;

/** A zlib failure: the output cap (a gzip bomb or just too big) or damaged data. */
function gzipProblem(err: unknown, limit: number): { problem: TraceProblem } {
  const code = (err as NodeJS.ErrnoException)?.code ?? '';
  if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
    return problem('too-large', say(M.gzipTooLarge, mib(limit)));
  return problem('damaged-gzip', code === 'Z_BUF_ERROR' ? M.gzipTruncated : M.gzipDamaged);
}

/** Bytes (already unpacked when `gzip`) to text, or why they are not a text trace. */
function toText(raw: Uint8Array, bytes: Uint8Array, gzip: boolean): TraceRead {
  if (isZip(bytes)) return problem('archive', say(M.archive, 'zip'), 'warning');
  if (isTar(bytes)) return problem('archive', say(M.archive, gzip ? 'tar.gz' : 'tar'), 'warning');
  const decoded = decodeBytes(bytes);
  if (decoded.text === undefined) return problem('binary', M.binary, 'warning');
  return {
    text: decoded.text,
    encoding: decoded.encoding,
    ...(decoded.note ? { note: decoded.note } : {}),
    gzip,
    bytes: raw.length,
    textBytes: bytes.length,
  };
}

/** Text from bytes already in memory (standard input), gzip detected by content, unpacked up to `limit`. */
export function traceFromBytes(raw: Uint8Array, limit = MAX_TRACE_BYTES): TraceRead {
  if (raw.length > limit) return problem('too-large', say(M.tooLarge, mib(raw.length), mib(limit)));
  return unpack(raw, limit);
}

const gunzipAsync = promisify(zlib.gunzip) as (b: Uint8Array, o: zlib.ZlibOptions) => Promise<Buffer>;

/** O_NONBLOCK: should a FIFO replace the file between `stat` and `open`, opening it does not wait for a writer. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

function danglingSync(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Reads one trace file (synchronous: the CLI); `limit` caps the bytes on disk and after gunzip. */
export function readTraceFileSync(file: string, limit = MAX_TRACE_BYTES): TraceRead {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (err) {
    return errnoProblem(err, danglingSync(file));
  }
  // Checked before opening: a FIFO is never opened, a huge file never read.
  const refused = statProblem(st, limit);
  if (refused) return refused;
  let raw: Buffer;
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
    const now = fs.fstatSync(fd);
    const swapped = statProblem(now, limit);
    if (swapped) return swapped;
    // Only the bytes present at stat time: a log still being written does not grow past the cap.
    raw = Buffer.alloc(now.size);
    let got = 0;
    while (got < raw.length) {
      const n = fs.readSync(fd, raw, got, raw.length - got, got);
      if (n === 0) break;
      got += n;
    }
    raw = raw.subarray(0, got);
  } catch (err) {
    return errnoProblem(err);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  return unpack(raw, limit);
}

/** Gunzips (when the content is gzip) within `limit`, then decodes. */
function unpack(raw: Uint8Array, limit: number): TraceRead {
  if (!isGzip(raw)) return toText(raw, raw, false);
  try {
    return toText(raw, zlib.gunzipSync(raw, { maxOutputLength: limit }), true);
  } catch (err) {
    return gzipProblem(err, limit);
  }
}

/** Reads a whole stream (standard input) up to the cap, then as `traceFromBytes`. */
export async function readTraceStream(stream: NodeJS.ReadableStream, limit = MAX_TRACE_BYTES): Promise<TraceRead> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += b.length;
      // Stop reading at the cap instead of holding an endless pipe in memory.
      if (size > limit) return problem('too-large', say(M.streamTooLarge, mib(limit)));
      chunks.push(b);
    }
  } catch (err) {
    return errnoProblem(err);
  }
  return traceFromBytes(Buffer.concat(chunks, size), limit);
}

/** Reads one trace file without blocking the event loop (the language server); `limit` as for the sync version. */
export async function readTraceFile(file: string, limit = MAX_TRACE_BYTES): Promise<TraceRead> {
  let st: fs.Stats;
  try {
    st = await fsp.stat(file);
  } catch (err) {
    const dangling = await fsp.lstat(file).then(
      (l) => l.isSymbolicLink(),
      () => false,
    );
    return errnoProblem(err, dangling);
  }
  const refused = statProblem(st, limit);
  if (refused) return refused;
  let raw: Buffer;
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(file, OPEN_FLAGS);
    const now = await handle.stat();
    const swapped = statProblem(now, limit);
    if (swapped) return swapped;
    raw = Buffer.alloc(now.size);
    let got = 0;
    while (got < raw.length) {
      const { bytesRead } = await handle.read(raw, got, raw.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    raw = raw.subarray(0, got);
  } catch (err) {
    return errnoProblem(err);
  } finally {
    await handle?.close();
  }
  if (!isGzip(raw)) return toText(raw, raw, false);
  try {
    return toText(raw, await gunzipAsync(raw, { maxOutputLength: limit }), true);
  } catch (err) {
    return gzipProblem(err, limit);
  }
}
