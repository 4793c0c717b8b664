// The shared trace reader (common/node/read-trace.ts) on real files in a temp folder.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import {
  errnoProblem,
  isProblem,
  readTraceFile,
  readTraceFileSync,
  readTraceStream,
  traceFromBytes,
  type TraceRead,
} from '../../common/node/read-trace';

const LINE = '1004: Mar 23 10:05:31.239 IST %MIVR-SS_TEL-4-ModuleRunTimeFailure:Real-time failure in JTAPI subsystem\n';

const kindOf = (r: TraceRead) => (isProblem(r) ? r.problem.kind : 'text');

describe('shared trace reader', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ctl-read-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const file = (name: string, bytes: string | Buffer) => {
    const p = path.join(tmp, name);
    fs.writeFileSync(p, bytes);
    return p;
  };

  it('recognises gzip by its bytes, not by the file name', async () => {
    const gzNamedLog = file('rotated.log', zlib.gzipSync(LINE));
    const plainNamedGz = file('plain.txt.gz', LINE);
    for (const read of [readTraceFileSync(gzNamedLog), await readTraceFile(gzNamedLog)]) {
      assert.ok(!isProblem(read));
      assert.equal(read.gzip, true);
      assert.equal(read.text, LINE);
    }
    const plain = readTraceFileSync(plainNamedGz);
    assert.ok(!isProblem(plain));
    assert.equal(plain.gzip, false);
    assert.equal(plain.text, LINE);
  });

  it('refuses a gzip bomb at the cap instead of unpacking it', async () => {
    // 4 MiB of zeros compress to about 4 KB; with a 64 KiB cap the reader must stop, not allocate 4 MiB of text.
    const bomb = file('bomb.txt.gz', zlib.gzipSync(Buffer.alloc(4 * 1048576, 0x41)));
    assert.ok(fs.statSync(bomb).size < 65536);
    for (const read of [readTraceFileSync(bomb, 65536), await readTraceFile(bomb, 65536)]) {
      assert.ok(isProblem(read));
      assert.equal(read.problem.kind, 'too-large');
      assert.equal(read.problem.level, 'error');
      assert.match(read.problem.message.en, /unpacks to more than 1 MiB/);
    }
  });

  it('refuses a file over the cap before reading it', () => {
    const big = file('big.log', LINE.repeat(1000));
    const read = readTraceFileSync(big, 1024);
    assert.ok(isProblem(read));
    assert.equal(read.problem.kind, 'too-large');
  });

  it('tells a truncated gzip from invalid gzip data, in both languages', () => {
    const full = zlib.gzipSync(LINE.repeat(50));
    const truncated = readTraceFileSync(file('cut.gz', full.subarray(0, full.length - 20)));
    assert.ok(isProblem(truncated));
    assert.equal(truncated.problem.kind, 'damaged-gzip');
    assert.match(truncated.problem.message.en, /ends too early/);
    assert.match(truncated.problem.message.ja, /途中で終わっています/);
    const invalid = Buffer.from(full);
    invalid.fill(0xff, 10, 40); // the deflate stream itself is garbage
    const bad = readTraceFileSync(file('bad.gz', invalid));
    assert.ok(isProblem(bad));
    assert.equal(bad.problem.kind, 'damaged-gzip');
  });

  it('names archives instead of calling them binary', () => {
    const zip = readTraceFileSync(file('logs.zip', Buffer.from('PK\x03\x04\x14\x00\x00\x00rest-of-zip', 'latin1')));
    assert.ok(isProblem(zip));
    assert.equal(zip.problem.kind, 'archive');
    assert.match(zip.problem.message.en, /a zip archive, not a trace; unpack it/);
    // A .tgz is gzip around tar: "ustar" at offset 257 of the unpacked bytes.
    const tarHeader = Buffer.alloc(1024);
    tarHeader.write('activelog/cm/trace/ccm/sdl/SDL001_100_000001.txt', 0);
    tarHeader.write('ustar', 257);
    const tgz = readTraceFileSync(file('bundle.tgz', zlib.gzipSync(tarHeader)));
    assert.ok(isProblem(tgz));
    assert.equal(tgz.problem.kind, 'archive');
    assert.match(tgz.problem.message.en, /tar\.gz archive/);
    assert.equal(tgz.problem.level, 'warning');
  });

  it('refuses binary content as a warning (read, but not a trace)', () => {
    const read = readTraceFileSync(file('core.1234', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0])));
    assert.ok(isProblem(read));
    assert.equal(read.problem.kind, 'binary');
    assert.equal(read.problem.level, 'warning');
  });

  it('says what is wrong with a path: missing, dangling link, link loop, folder', async () => {
    const dangling = path.join(tmp, 'dangling');
    fs.symlinkSync(path.join(tmp, 'nowhere'), dangling);
    const self = path.join(tmp, 'self');
    fs.symlinkSync(self, self);
    const cases: Array<[string, string]> = [
      [path.join(tmp, 'missing.log'), 'not-found'],
      [dangling, 'broken-link'],
      [self, 'link-loop'],
      [tmp, 'directory'],
    ];
    for (const [p, kind] of cases) {
      assert.equal(kindOf(readTraceFileSync(p)), kind, p);
      assert.equal(kindOf(await readTraceFile(p)), kind, p);
    }
  });

  it('maps permission errors to one clear line (checked on the error itself: root reads any file)', () => {
    const denied = Object.assign(new Error('EACCES: permission denied, open x'), { code: 'EACCES' });
    const p = errnoProblem(denied).problem;
    assert.equal(p.kind, 'permission');
    assert.equal(p.message.en, 'permission denied (cannot be read)');
    assert.match(p.message.ja, /読み取り権限がありません/);
  });

  it(
    'never opens a FIFO (a read would wait for a writer forever)',
    { skip: process.platform === 'win32' },
    async () => {
      const fifo = path.join(tmp, 'pipe');
      execFileSync('mkfifo', [fifo]);
      // If the reader opened the FIFO without O_NONBLOCK this call would never return and the test would time out.
      assert.equal(kindOf(readTraceFileSync(fifo)), 'special-file');
      assert.equal(kindOf(await readTraceFile(fifo)), 'special-file');
    },
  );

  it('reads a stream (standard input), plain or gzip, within the cap', async () => {
    const plain = await readTraceStream(Readable.from([Buffer.from(LINE)]));
    assert.ok(!isProblem(plain));
    assert.equal(plain.text, LINE);
    const gz = await readTraceStream(Readable.from([zlib.gzipSync(LINE)]));
    assert.ok(!isProblem(gz));
    assert.equal(gz.gzip, true);
    const endless = await readTraceStream(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000);
    assert.equal(kindOf(endless), 'too-large');
    assert.equal(kindOf(traceFromBytes(Buffer.from(LINE))), 'text');
  });
});
