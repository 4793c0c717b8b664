// The launcher "CUCM: Set Up Command-Line Tool…" writes, run for real with sh against the built CLI, and the
// command line it shows, quoted for each platform.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  cliCommandLine,
  isOnPath,
  launcherFileName,
  launcherScript,
  platformOf,
  quoteArg,
} from '../../client/src/cli-launcher';

const root = path.resolve(__dirname, '../../..');
const version: string = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
const MIVR = path.join(root, 'samples/uccx/Cisco001MIVR001.log');

describe('CLI launcher', { skip: process.platform === 'win32' && 'sh launcher' }, () => {
  let tmp: string;
  let cli: string;
  before(() => {
    // an extension folder whose path needs quoting: a space and a single quote, as a user's home can have
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ctl launcher O'Brien-"));
    cli = path.join(tmp, 'ext', 'dist', 'cli.js');
    fs.mkdirSync(path.dirname(cli), { recursive: true });
    fs.copyFileSync(path.join(root, 'dist/cli.js'), cli);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const writeLauncher = (cliPath: string) => {
    const file = path.join(tmp, launcherFileName('posix'));
    fs.writeFileSync(file, launcherScript(cliPath, 'posix'), { mode: 0o755 });
    return file;
  };
  // node's own folder first on PATH, so the launcher's `node` is the one running these tests
  const env = { ...process.env, LANG: 'C', PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin` };

  it('runs the bundled CLI with its arguments, from a path with a space and a quote', () => {
    const file = writeLauncher(cli);
    assert.equal(path.basename(file), 'cucm-trace-lens');
    const v = spawnSync(file, ['--version'], { encoding: 'utf8', env });
    assert.equal(v.stdout.trim(), version);
    const scan = spawnSync(file, ['scan', MIVR], { encoding: 'utf8', env });
    assert.equal(scan.status, 1, 'error-level findings: the CLI exit code passes through');
    assert.match(scan.stdout, /Cisco001MIVR001\.log:4:1: error JTAPI001 /);
  });

  it('says in one line how to recreate it when the extension folder is gone', () => {
    const file = writeLauncher(path.join(tmp, 'cucm-trace-lens.cucm-trace-lens-0.0.1', 'dist', 'cli.js'));
    const r = spawnSync(file, ['scan', '.'], { encoding: 'utf8', env });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /updated or removed: run "CUCM: Set Up Command-Line Tool\.\.\." in VS Code again/);
  });

  it('says Node is needed when there is none on PATH', () => {
    const file = writeLauncher(cli);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'ctl-nopath-'));
    // an empty folder as PATH, sh called by its absolute path
    const r = spawnSync('/bin/sh', [file, '--version'], { encoding: 'utf8', env: { PATH: empty } });
    fs.rmSync(empty, { recursive: true, force: true });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /needs Node\.js 20 or later on PATH/);
  });
});

describe('CLI command line and launcher text', () => {
  it('quotes paths for the shell of each platform', () => {
    assert.equal(
      quoteArg('/home/a/.vscode/extensions/x-0.1.0/dist/cli.js', 'posix'),
      '/home/a/.vscode/extensions/x-0.1.0/dist/cli.js',
    );
    assert.equal(quoteArg("/home/o'brien/my ext/cli.js", 'posix'), `'/home/o'\\''brien/my ext/cli.js'`);
    assert.equal(quoteArg('C:\\Users\\a\\cli.js', 'posix'), `'C:\\Users\\a\\cli.js'`, 'a backslash is an escape in sh');
    assert.equal(quoteArg('C:\\Users\\a\\cli.js', 'win32'), 'C:\\Users\\a\\cli.js');
    assert.equal(
      cliCommandLine(
        'C:\\Users\\Taro Yamada\\.vscode\\extensions\\cucm-trace-lens.cucm-trace-lens-0.1.0\\dist\\cli.js',
        'win32',
      ),
      'node "C:\\Users\\Taro Yamada\\.vscode\\extensions\\cucm-trace-lens.cucm-trace-lens-0.1.0\\dist\\cli.js" scan .',
    );
  });

  it('writes a .cmd launcher on Windows that escapes % and passes every argument', () => {
    assert.equal(platformOf('win32'), 'win32');
    assert.equal(platformOf('darwin'), 'posix');
    assert.equal(launcherFileName('win32'), 'cucm-trace-lens.cmd');
    const text = launcherScript('C:\\Users\\100%\\ext\\dist\\cli.js', 'win32');
    const lines = text.split('\r\n');
    assert.equal(lines[0], '@echo off');
    assert.ok(lines.includes('set "CUCM_TRACE_LENS_CLI=C:\\Users\\100%%\\ext\\dist\\cli.js"'), text);
    assert.equal(lines.at(-2), 'node "%CUCM_TRACE_LENS_CLI%" %*');
    assert.ok(!text.replace(/\r\n/g, '').includes('\n'), 'CRLF line ends only');
  });

  it('knows whether the chosen folder is on PATH', () => {
    assert.equal(isOnPath('/home/a/bin', '/usr/bin:/home/a/bin/:/bin', 'posix'), true);
    assert.equal(isOnPath('/home/a/bin', '/usr/bin:/home/a/bin2', 'posix'), false);
    assert.equal(isOnPath('/Home/A/bin', '/home/a/bin', 'posix'), false);
    assert.equal(isOnPath('C:\\Tools', 'C:\\Windows;c:\\tools\\;D:\\x', 'win32'), true);
    assert.equal(isOnPath('C:\\Tools', undefined, 'win32'), false);
  });
});
