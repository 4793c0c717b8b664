// `npm start` as a newcomer meets it: desktop VS Code found on each platform without a shell, one sentence
// when something is missing, and the served VS Code's settings written once and then left to the user.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(__dirname, '../../..');
/* eslint-disable @typescript-eslint/no-explicit-any -- the scripts are plain .mjs */
const load = (rel: string): Promise<any> => import(pathToFileURL(path.join(root, rel)).href);

describe('npm start: finding desktop VS Code', () => {
  let checks: any;
  before(async () => {
    checks = await load('scripts/start-checks.mjs');
  });
  const only =
    (...files: string[]) =>
    (p: string) =>
      files.includes(p);

  it('finds code.cmd on the Windows Path, quoted entries included', () => {
    const bin = 'C:\\Users\\taro\\AppData\\Local\\Programs\\Microsoft VS Code\\bin';
    const found = checks.findDesktopCode({
      platform: 'win32',
      env: { Path: `C:\\Windows\\system32;"${bin}";C:\\Tools` },
      exists: only(`${bin}\\code.cmd`),
    });
    assert.equal(found, `${bin}\\code.cmd`);
  });

  it('falls back to where the VS Code installers put it on Windows and macOS', () => {
    assert.equal(
      checks.findDesktopCode({
        platform: 'win32',
        env: { Path: 'C:\\Windows', LOCALAPPDATA: 'C:\\Users\\taro\\AppData\\Local' },
        exists: only('C:\\Users\\taro\\AppData\\Local\\Programs\\Microsoft VS Code\\bin\\code.cmd'),
      }),
      'C:\\Users\\taro\\AppData\\Local\\Programs\\Microsoft VS Code\\bin\\code.cmd',
    );
    const mac = '/Applications/Visual Studio Code.app/Contents/Resources/app/bin/code';
    assert.equal(
      checks.findDesktopCode({ platform: 'darwin', env: { PATH: '/usr/bin', HOME: '/Users/taro' }, exists: only(mac) }),
      mac,
    );
  });

  it('finds nothing on Linux without code on PATH, and never looks for code.cmd there', () => {
    const seen: string[] = [];
    const found = checks.findDesktopCode({
      platform: 'linux',
      env: { PATH: '/usr/local/bin:/usr/bin' },
      exists: (p: string) => (seen.push(p), false),
    });
    assert.equal(found, undefined);
    assert.deepEqual(seen, ['/usr/local/bin/code', '/usr/bin/code']);
  });

  it('says in one sentence why code-server cannot run: not Linux, or not Node 20', () => {
    assert.match(checks.codeServerProblem({ platform: 'darwin', nodeVersion: 'v20.20.2' }), /code\.visualstudio\.com/);
    const node22 = checks.codeServerProblem({ platform: 'linux', nodeVersion: 'v22.12.0' });
    assert.match(node22, /code-server 4\.100\.3, needs Node 20 \(this is Node v22\.12\.0\)/);
    assert.equal(checks.codeServerProblem({ platform: 'linux', nodeVersion: 'v20.20.2' }), undefined);
  });

  it('reads PORT, and rejects what is not a port', () => {
    assert.deepEqual(checks.parsePort(undefined), { port: 8080 });
    assert.deepEqual(checks.parsePort('9000'), { port: 9000 });
    assert.match(checks.parsePort('80a').error, /PORT must be a port number from 1 to 65535, not "80a"/);
    assert.ok(checks.parsePort('70000').error);
  });
});

describe('npm start: a missing prerequisite', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ctl-start-'));
    fs.mkdirSync(path.join(tmp, 'bin'));
    fs.symlinkSync(process.execPath, path.join(tmp, 'bin', 'node'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('ends with one sentence and exit code 1, no stack trace', { skip: process.platform !== 'linux' }, () => {
    // PATH holds only node: no desktop `code`, no rg, g++ or python3; code-server not installed yet
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/start.mjs'), '--no-build'], {
      encoding: 'utf8',
      env: { PATH: path.join(tmp, 'bin'), HOME: tmp, CODE_SERVER_DIR: path.join(tmp, 'code-server') },
      timeout: 30_000,
    });
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stdout, '');
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    if (process.versions.node.split('.')[0] === '20') {
      assert.match(lines[0], /^npm start needs ripgrep, .*build-essential, python3, tar to install code-server/);
      assert.match(
        lines[0],
        /apt-get install -y chromium ripgrep libkrb5-dev build-essential python3 fonts-ipafont-gothic/,
      );
    } else {
      assert.match(lines[0], /needs Node 20/);
    }
    assert.ok(!fs.existsSync(path.join(tmp, 'code-server')), 'nothing installed');
  });
});

describe('npm start: the served VS Code settings', () => {
  let mergeSettingsOnce: (dir: string, wanted: Record<string, unknown>) => { written: string[]; skipped?: string };
  let ud: string;
  const file = () => path.join(ud, 'User', 'settings.json');
  const wanted = { 'workbench.startupEditor': 'none', 'update.mode': 'none' };
  before(async () => {
    ({ mergeSettingsOnce } = await load('scripts/vscode-offline/user-settings.mjs'));
  });
  const fresh = () => {
    ud = fs.mkdtempSync(path.join(os.tmpdir(), 'ctl-ud-'));
  };

  it('writes the keys it needs on the first run only; later runs leave the user’s edits alone', () => {
    fresh();
    assert.deepEqual(mergeSettingsOnce(ud, wanted).written, ['workbench.startupEditor', 'update.mode']);
    assert.deepEqual(JSON.parse(fs.readFileSync(file(), 'utf8')), wanted);
    // the user replaces the file with their own keys, dropping ours
    const mine = '{\n  "cucmTraceLens.maxDiagnostics": 500,\n  "cucmTraceLens.language": "ja"\n}\n';
    fs.writeFileSync(file(), mine);
    assert.deepEqual(mergeSettingsOnce(ud, wanted).written, []);
    assert.equal(fs.readFileSync(file(), 'utf8'), mine);
  });

  it('adds only missing keys to settings the user already had, keeping comments, trailing commas and values', () => {
    fresh();
    fs.mkdirSync(path.join(ud, 'User'));
    const mine = '// my settings {not an object}\n{\n  "update.mode": "manual", /* keep */\n  "x": "a,}",\n}\n';
    fs.writeFileSync(file(), mine);
    assert.deepEqual(mergeSettingsOnce(ud, wanted).written, ['workbench.startupEditor']);
    const text = fs.readFileSync(file(), 'utf8');
    assert.equal(text.replace('\n  "workbench.startupEditor": "none",', ''), mine);
  });

  it('leaves a settings file it cannot read as it is, and says so', () => {
    fresh();
    fs.mkdirSync(path.join(ud, 'User'));
    fs.writeFileSync(file(), '{ "a": ');
    const r = mergeSettingsOnce(ud, wanted);
    assert.deepEqual(r.written, []);
    assert.match(r.skipped ?? '', /is not a JSON object; left as it is/);
    assert.equal(fs.readFileSync(file(), 'utf8'), '{ "a": ');
  });
});
