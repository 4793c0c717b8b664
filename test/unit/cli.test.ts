// The command-line tool, run as a user runs it: the built dist/cli.js on real files.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
const MIVR = path.join(root, 'samples/uccx/Cisco001MIVR001.log');

describe('cucm-trace-lens CLI', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ctl-cli-'));
  });

  it('prints compiler-style lines and exits 1 on error-level findings', () => {
    const r = run('scan', MIVR);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /Cisco001MIVR001\.log:4:1: error JTAPI001 jtapi-provider-bad-login: /);
    assert.match(r.stdout, /4 error\(s\), 1 warning\(s\)/);
  });

  it('exits 0 on a healthy file', () => {
    const r = run('scan', path.join(root, 'samples/healthy/Cisco002MIVR001.log'));
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  it('speaks Japanese with --locale ja', () => {
    assert.match(run('scan', MIVR, '--locale', 'ja').stdout, /エラー JTAPI001 .*プロバイダーを開けません/);
  });

  it('writes JSON and SARIF 2.1.0 with the same findings', () => {
    const json = JSON.parse(run('scan', MIVR, '--format', 'json').stdout);
    const sarif = JSON.parse(run('scan', MIVR, '--format', 'sarif').stdout);
    const ids = json[0].findings.map((f: { id: string }) => f.id);
    assert.deepEqual(ids, ['JTAPI001', 'JTAPI002', 'JTAPI004', 'JTAPI008', 'JTAPI005']);
    assert.equal(sarif.version, '2.1.0');
    assert.deepEqual(
      sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId),
      ids,
    );
    assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine, 4);
    assert.equal(json[0].findings[3].captures.port, '4503');
  });

  it('scans folders recursively and unpacks .gz traces', () => {
    const dir = path.join(tmp, 'tree', 'sub');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'SDL001_100_000001.txt.gz'), zlib.gzipSync(fs.readFileSync(MIVR)));
    const r = run('scan', path.join(tmp, 'tree'), '--format', 'json');
    assert.equal(JSON.parse(r.stdout)[0].findings.length, 5);
  });

  it('says clearly when a file is binary, and keeps going', () => {
    const bin = path.join(tmp, 'core.11596');
    fs.writeFileSync(bin, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0, 0, 0]));
    const r = run('scan', bin, MIVR);
    assert.match(r.stderr, /core\.11596: skipped: This looks like a binary file/);
    assert.equal(r.status, 1);
  });

  it('reads Shift-JIS files', () => {
    const sjis = path.join(tmp, 'sjis.log');
    // "サービス " in cp932 followed by an MIVR failure line in ASCII.
    const prefix = Buffer.from([0x83, 0x54, 0x81, 0x5b, 0x83, 0x72, 0x83, 0x58, 0x0a]);
    fs.writeFileSync(sjis, Buffer.concat([prefix, fs.readFileSync(MIVR)]));
    const r = run('scan', sjis, '--format', 'json');
    const [rep] = JSON.parse(r.stdout);
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
