// The command-line tool, run as a user runs it: the built dist/cli.js on real files.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { root, runCli } from './cli-run';

const run = (...args: string[]) => runCli(args);
const MIVR = path.join(root, 'samples/uccx/Cisco001MIVR001.log');

describe('cucm-trace-lens CLI', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ctl-cli-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints compiler-style lines and exits 1 on error-level findings', () => {
    const r = run('scan', MIVR);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /Cisco001MIVR001\.log:4:1: error JTAPI001 jtapi-provider-bad-login: /);
    assert.match(r.stdout, /^1 file: 4 errors, 1 warning, 0 info, 0 hints$/m);
  });

  it('exits 0 on a healthy file', () => {
    const r = run('scan', path.join(root, 'samples/healthy/Cisco002MIVR001.log'));
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  it('speaks Japanese with --locale ja, keeping the severity token English for problem matchers', () => {
    const r = run('scan', MIVR, '--locale', 'ja');
    assert.match(r.stdout, /:4:1: error JTAPI001 jtapi-provider-bad-login: .*プロバイダーを開けません/);
    assert.match(r.stdout, /^ファイル 1 件: エラー 4 件、警告 1 件、情報 0 件、ヒント 0 件$/m);
  });

  it('writes JSON and SARIF 2.1.0 with the same findings', () => {
    const json = JSON.parse(run('scan', MIVR, '--format', 'json').stdout);
    const sarif = JSON.parse(run('scan', MIVR, '--format', 'sarif').stdout);
    const ids = json.files[0].findings.map((f: { id: string }) => f.id);
    assert.deepEqual(ids, ['JTAPI001', 'JTAPI002', 'JTAPI004', 'JTAPI008', 'JTAPI005']);
    assert.equal(sarif.version, '2.1.0');
    assert.deepEqual(
      sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId),
      ids,
    );
    assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine, 4);
    assert.equal(json.files[0].findings[3].captures.port, '4503');
  });

  it('scans folders recursively and unpacks .gz traces', () => {
    const dir = path.join(tmp, 'tree', 'sub');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'SDL001_100_000001.txt.gz'), zlib.gzipSync(fs.readFileSync(MIVR)));
    const r = run('scan', path.join(tmp, 'tree'), '--format', 'json');
    const [rep] = JSON.parse(r.stdout).files;
    assert.equal(rep.findings.length, 5);
    assert.equal(rep.gzip, true);
  });

  it('says clearly when a file is binary, and keeps going', () => {
    const bin = path.join(tmp, 'core.11596');
    fs.writeFileSync(bin, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0, 0, 0]));
    const r = run('scan', bin, MIVR);
    assert.match(r.stderr, /core\.11596: binary content \(NUL or control bytes\), not a text trace; skipped/);
    // A binary file was read: it does not hide anything, so the exit code is the findings' (1), not 2.
    assert.equal(r.status, 1);
  });

  it('reads Shift-JIS files', () => {
    const sjis = path.join(tmp, 'sjis.log');
    // "サービス " in cp932 followed by an MIVR failure line in ASCII.
    const prefix = Buffer.from([0x83, 0x54, 0x81, 0x5b, 0x83, 0x72, 0x83, 0x58, 0x0a]);
    fs.writeFileSync(sjis, Buffer.concat([prefix, fs.readFileSync(MIVR)]));
    const r = run('scan', sjis, '--format', 'json');
    const [rep] = JSON.parse(r.stdout).files;
    assert.equal(rep.encoding, 'shift_jis');
    assert.equal(rep.findings.length, 5);
  });

  it('rejects bad usage with exit code 2 and a message', () => {
    for (const args of [
      [],
      ['scan'],
      ['scan', MIVR, '--format', 'xml'],
      ['scan', MIVR, '--locale', 'fr'],
      ['frobnicate'],
      ['scan', '/no/such/path'],
    ]) {
      const r = run(...args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /cucm-trace-lens: /);
    }
  });
});
