// The CLI against file-system faults, run as a child process on fixtures built in a temp folder:
// link loops end, FIFOs are never opened, every unreadable input is listed and makes the exit code 2.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { root, runCli } from './cli-run';

const MIVR = path.join(root, 'samples/uccx/Cisco001MIVR001.log');
/** What Cisco001MIVR001.log holds (see test/expected): 4 error-level and 1 warning-level finding. */
const MIVR_SUMMARY = /^1 file: 4 errors, 1 warning, 0 info, 0 hints/m;
const noStackTrace = (stderr: string) => assert.doesNotMatch(stderr, /\n\s+at .+:\d+:\d+\)?\n/);

interface Problem {
  path: string;
  kind: string;
  level: string;
  message: string;
}

describe('CLI and the file system', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ctl-fs-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const dir = (...parts: string[]) => {
    const p = path.join(tmp, ...parts);
    fs.mkdirSync(p, { recursive: true });
    return p;
  };

  it('ends on a symbolic link loop, reads each file once and names the loop', () => {
    const top = dir('loop');
    fs.copyFileSync(MIVR, path.join(top, 'Cisco001MIVR001.log'));
    fs.symlinkSync('..', path.join(dir('loop', 'sub'), 'up')); // sub/up → loop: a cycle
    fs.symlinkSync('sub', path.join(top, 'again')); // a second way into sub
    fs.symlinkSync('Cisco001MIVR001.log', path.join(top, 'same.log')); // the same file under another name
    const r = runCli(['scan', top, '--format', 'json']);
    assert.equal(r.error, undefined, 'the walk must end (no timeout)');
    const out = JSON.parse(r.stdout);
    assert.equal(out.files.length, 1, 'one real file, reported once');
    assert.equal(out.files[0].findings.length, 5);
    const loops = (out.problems as Problem[]).filter((p) => p.kind === 'link-loop');
    assert.equal(loops.length, 1);
    assert.match(loops[0].message, /symbolic link loop: leads back to .*loop, which is already being scanned/);
    assert.doesNotMatch(r.stderr, /no such file/);
    // The loop hides nothing (every file was read), so the exit code is the findings' one.
    assert.equal(r.status, 1);
  });

  it('reports a link to itself as a loop and makes the exit code 2', () => {
    const self = path.join(dir('selfloop'), 'CiscoSyslog');
    fs.symlinkSync(self, self);
    const r = runCli(['scan', self, MIVR]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /CiscoSyslog: symbolic link loop \(the link leads back to itself\)/);
    assert.match(r.stdout, MIVR_SUMMARY);
  });

  it('skips FIFOs without opening them, in a folder and named directly', { skip: process.platform === 'win32' }, () => {
    const d = dir('fifo');
    fs.copyFileSync(MIVR, path.join(d, 'Cisco001MIVR001.log'));
    const fifo = path.join(d, 'CiscoSyslog.pipe');
    execFileSync('mkfifo', [fifo]);
    for (const args of [[d], [fifo, MIVR]]) {
      const r = runCli(['scan', ...args, '--format', 'json']);
      assert.equal(r.error, undefined, 'opening the FIFO would block until the timeout');
      assert.equal(r.status, 2);
      const out = JSON.parse(r.stdout);
      assert.deepEqual(
        (out.problems as Problem[]).map((p) => [path.basename(p.path), p.kind, p.level]),
        [['CiscoSyslog.pipe', 'special-file', 'error']],
      );
      assert.equal(out.files[0].findings.length, 5, 'the other file is still scanned');
      assert.match(
        r.stderr,
        /CiscoSyslog\.pipe: not a regular file \(FIFO, socket or device\); skipped without opening it/,
      );
    }
  });

  it('refuses a device named directly, without reading it', { skip: !fs.existsSync('/dev/zero') }, () => {
    // /dev/zero never ends: reading it would fill memory; it must be refused from its type alone.
    const r = runCli(['scan', '/dev/zero', MIVR]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^cucm-trace-lens: \/dev\/zero: not a regular file \(FIFO, socket or device\)/m);
    assert.match(r.stdout, MIVR_SUMMARY);
  });

  it('lists a dangling link inside a folder as unreadable (exit 2), after scanning the rest', () => {
    const d = dir('dangling');
    fs.copyFileSync(MIVR, path.join(d, 'Cisco001MIVR001.log'));
    fs.symlinkSync(path.join(d, 'rotated-away.log'), path.join(d, 'Cisco001MIVR002.log'));
    const r = runCli(['scan', d]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /Cisco001MIVR002\.log: symbolic link to a file or folder that does not exist/);
    assert.match(r.stdout, /^1 file: 4 errors, 1 warning, 0 info, 0 hints; 1 input not read$/m);
    noStackTrace(r.stderr);
  });

  it('says "permission denied" for a folder and a file it cannot read, without a stack trace', (t) => {
    // Root reads anything whatever its mode, so as root the CLI runs as "nobody" (uid 65534) instead.
    const asRoot = process.getuid?.() === 0;
    const user = asRoot ? { uid: 65534 } : {};
    if (process.platform === 'win32' || runCli(['--version'], user).status !== 0) {
      t.skip('no POSIX permissions here, or the unprivileged user cannot reach the built CLI');
      return;
    }
    const base = dir('perm');
    fs.chmodSync(tmp, 0o755); // mkdtemp makes it 0700: the unprivileged user must reach the fixtures
    fs.chmodSync(base, 0o755);
    const locked = path.join(base, 'locked');
    fs.mkdirSync(locked);
    fs.writeFileSync(path.join(locked, 'x.log'), 'text\n');
    const secret = path.join(base, 'CiscoSyslog.secret');
    fs.writeFileSync(secret, 'text\n');
    const mivr = path.join(base, 'Cisco001MIVR001.log');
    fs.copyFileSync(MIVR, mivr);
    fs.chmodSync(mivr, 0o644);
    fs.chmodSync(locked, 0o000);
    fs.chmodSync(secret, 0o000);
    try {
      const r = runCli(['scan', locked, secret, mivr], { ...user, cwd: base });
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /^cucm-trace-lens: .*locked: permission denied: the folder cannot be listed$/m);
      assert.match(r.stderr, /^cucm-trace-lens: .*CiscoSyslog\.secret: permission denied \(cannot be read\)$/m);
      noStackTrace(r.stderr);
      assert.match(r.stdout, /^1 file: 4 errors, 1 warning, 0 info, 0 hints; 2 inputs not read$/m);
    } finally {
      fs.chmodSync(locked, 0o755);
    }
  });

  it('lists a damaged .gz on stderr, in JSON and in SARIF, and exits 2 after scanning the rest', () => {
    const gz = zlib.gzipSync(fs.readFileSync(MIVR));
    const cut = path.join(dir('gz'), 'SDL001_100_000002.txt.gz');
    fs.writeFileSync(cut, gz.subarray(0, gz.length >> 1)); // half a download
    const text = runCli(['scan', cut, MIVR]);
    assert.equal(text.status, 2);
    assert.match(text.stderr, /SDL001_100_000002\.txt\.gz: damaged gzip file: the data ends too early/);
    assert.match(text.stdout, /^1 file: 4 errors, 1 warning, 0 info, 0 hints; 1 input not read$/m);

    const json = JSON.parse(runCli(['scan', cut, MIVR, '--format', 'json']).stdout);
    assert.deepEqual(json.problems, [
      {
        path: cut,
        kind: 'damaged-gzip',
        level: 'error',
        message: 'damaged gzip file: the data ends too early (incomplete copy?)',
      },
    ]);
    assert.equal(json.summary.unreadable, 1);

    const sarifRun = runCli(['scan', cut, MIVR, '--format', 'sarif']);
    assert.equal(sarifRun.status, 2);
    const inv = JSON.parse(sarifRun.stdout).runs[0].invocations[0];
    assert.equal(inv.executionSuccessful, false);
    assert.equal(inv.exitCode, 2);
    assert.equal(inv.toolExecutionNotifications.length, 1);
    assert.equal(inv.toolExecutionNotifications[0].level, 'error');
    assert.equal(inv.toolExecutionNotifications[0].descriptor.id, 'damaged-gzip');
    assert.match(
      inv.toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri,
      /^file:\/\/.*\.txt\.gz$/,
    );
  });

  it('exits 2 for a missing path given next to valid ones, after reporting the valid ones', () => {
    const r = runCli(['scan', 'samples/no-such-folder', 'samples/uccx/Cisco001MIVR001.log']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^cucm-trace-lens: samples\/no-such-folder: no such file or folder$/m);
    assert.match(r.stdout, /Cisco001MIVR001\.log:4:1: error JTAPI001/);
    assert.match(r.stdout, /; 1 input not read$/m);
    const sarif = JSON.parse(runCli(['scan', 'samples/no-such-folder', '--format', 'sarif']).stdout);
    assert.equal(sarif.runs[0].invocations[0].executionSuccessful, false);
    assert.equal(sarif.runs[0].results.length, 0);
  });

  it('exits 0 with an empty SARIF notification list when everything was read and is healthy', () => {
    const r = runCli(['scan', 'samples/healthy/Cisco002MIVR001.log', '--format', 'sarif']);
    assert.equal(r.status, 0);
    const inv = JSON.parse(r.stdout).runs[0].invocations[0];
    assert.equal(inv.executionSuccessful, true);
    assert.deepEqual(inv.toolExecutionNotifications, []);
  });
});
