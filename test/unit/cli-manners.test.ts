// The CLI behaves like the tools it sits beside (grep, rg, eslint): English tokens, LANG, --max, --quiet,
// colour, standard input, terminal safety, config file, SARIF links, record time and node.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { root, runCli } from './cli-run';

const MIVR = path.join(root, 'samples/uccx/Cisco001MIVR001.log');
const ESC = '\x1b';
/** Anything that acts on a terminal (LF and TAB are fine). */
// eslint-disable-next-line no-control-regex -- the test looks for control characters on purpose.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/;

/**
 * A JTAPI client log whose failure text carries escape sequences: erase the line, move the cursor,
 * print a fake verdict, set the window title (OSC … BEL), hide the rest; plus an 8-bit CSI (U+009B),
 * a right-to-left override (U+202E) and a DEL.
 */
const HOSTILE_VALUE = `peer closed${ESC}[2K${ESC}[1G${ESC}[32mall clear${ESC}]2;owned\x07${ESC}[8m\u009b31m\u202eevil\x7f`;
const jtapiLog = (value: string) =>
  [
    '4410: Jan 14 02:10:44.517 UTC %JTAPI-PROTOCOL-7-UNK:(P12-10.1.2.3) received Event: com.cisco.cti.protocol.ProviderOpenCompletedEvent {',
    `failureDescription = ${value}`,
    'providerInfoString = 14.0',
    '}',
    '',
  ].join('\n');

describe('CLI manners', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ctl-manners-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('keeps severity tokens English and translates messages for LANG=ja_JP.UTF-8 and LC_MESSAGES', () => {
    const japanese: Array<Record<string, string>> = [
      { LANG: 'ja_JP.UTF-8' },
      { LC_MESSAGES: 'ja_JP.eucJP', LANG: 'C' },
      { LC_ALL: 'ja_JP' },
    ];
    for (const env of japanese) {
      const r = runCli(['scan', MIVR], { env });
      assert.match(
        r.stdout,
        /:4:1: error JTAPI001 jtapi-provider-bad-login: JTAPI サブシステムがプロバイダーを開けません/,
      );
      assert.match(r.stdout, /:27:1: warning JTAPI008 /, JSON.stringify(env));
      assert.match(r.stdout, /^ファイル 1 件: エラー 4 件、警告 1 件、情報 0 件、ヒント 0 件$/m);
    }
    // LC_ALL wins over LANG, as in every POSIX tool.
    assert.match(runCli(['scan', MIVR], { env: { LANG: 'ja_JP.UTF-8', LC_ALL: 'C' } }).stdout, /^1 file: 4 errors/m);
    // --locale wins over the environment.
    assert.match(runCli(['scan', MIVR, '--locale', 'en'], { env: { LANG: 'ja_JP.UTF-8' } }).stdout, /^1 file: /m);
    // SARIF levels stay SARIF's words.
    const sarif = JSON.parse(runCli(['scan', MIVR, '--format', 'sarif'], { env: { LANG: 'ja_JP.UTF-8' } }).stdout);
    assert.deepEqual(
      sarif.runs[0].results.map((r: { level: string }) => r.level),
      ['error', 'error', 'error', 'warning', 'error'],
    );
  });

  it('prints help in the chosen language with the exit codes', () => {
    const en = runCli(['--help']);
    assert.equal(en.status, 0);
    assert.match(en.stdout, /Exit codes:\n {2}0 {2}no error-level finding/);
    assert.match(en.stdout, /2 {2}bad usage or configuration, or an input could not be read/);
    assert.match(runCli(['--help'], { env: { LANG: 'ja_JP.UTF-8' } }).stdout, /終了コード:/);
  });

  it('writes plurals right in English: 1 file, 2 files, 1 error, 0 hints', () => {
    const one = runCli(['scan', 'samples/healthy/Cisco002MIVR001.log']);
    assert.match(one.stdout, /^1 file: 0 errors, 0 warnings, 0 info, 0 hints$/m);
    const two = runCli(['scan', MIVR, 'samples/healthy/Cisco002MIVR001.log']);
    assert.match(two.stdout, /^2 files: 4 errors, 1 warning, 0 info, 0 hints$/m);
    assert.doesNotMatch(two.stdout, /\(s\)/);
  });

  it('--max limits the list but the summary keeps the true counts', () => {
    const r = runCli(['scan', MIVR, '--max', '1']);
    assert.equal(r.status, 1);
    assert.equal(r.stdout.match(/: (error|warning) /g)?.length, 1);
    assert.match(r.stdout, /Cisco001MIVR001\.log: … 4 more not shown \(--max 1\)/);
    assert.match(r.stdout, /^1 file: 4 errors, 1 warning, 0 info, 0 hints$/m);
    const json = JSON.parse(runCli(['scan', MIVR, '--max', '1', '--format', 'json']).stdout);
    assert.equal(json.files[0].findings.length, 1);
    assert.equal(json.files[0].total, 5);
    assert.equal(json.files[0].truncated, true);
    assert.deepEqual(json.files[0].counts, { error: 4, warning: 1, information: 0, hint: 0 });
    assert.equal(json.summary.error, 4);
  });

  it('--quiet lists only error-level findings, and still counts everything', () => {
    const r = runCli(['scan', MIVR, '--quiet']);
    assert.equal(r.status, 1);
    assert.equal(r.stdout.match(/: error /g)?.length, 4);
    assert.doesNotMatch(r.stdout, /: warning /);
    assert.match(r.stdout, /^1 file: 4 errors, 1 warning/m);
  });

  it('colours only when asked or on a terminal: --color always / never / auto and NO_COLOR', () => {
    const always = runCli(['scan', MIVR, '--color', 'always']).stdout;
    assert.ok(always.includes(`${ESC}[31merror${ESC}[0m`), 'error in red');
    assert.ok(always.includes(`${ESC}[33mwarning${ESC}[0m`), 'warning in yellow');
    assert.ok(runCli(['scan', MIVR, '--color=always'], { env: { NO_COLOR: '1' } }).stdout.includes(`${ESC}[31m`));
    for (const args of [['--color', 'never'], ['--color', 'auto'], []]) {
      // A pipe is not a terminal, so auto means no colour.
      assert.ok(!runCli(['scan', MIVR, ...args]).stdout.includes(ESC), args.join(' '));
    }
    assert.equal(runCli(['scan', MIVR, '--color', 'purple']).status, 2);
  });

  it('reads standard input with -, plain and gzip-compressed', () => {
    const bytes = fs.readFileSync(MIVR);
    for (const input of [bytes, zlib.gzipSync(bytes)]) {
      const r = runCli(['scan', '-'], { input });
      assert.equal(r.status, 1);
      assert.match(r.stdout, /^<stdin>:4:1: error JTAPI001 /m);
      assert.match(r.stdout, /^1 file: 4 errors, 1 warning/m);
    }
    const json = JSON.parse(runCli(['scan', '-', '--format', 'json'], { input: zlib.gzipSync(bytes) }).stdout);
    assert.equal(json.files[0].file, '-');
    assert.equal(json.files[0].gzip, true);
    const sarif = JSON.parse(runCli(['scan', '-', '--format', 'sarif'], { input: bytes }).stdout);
    assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'stdin');
  });

  it('shows escape sequences from log text literally in text output, and keeps JSON exact', () => {
    const file = path.join(tmp, 'CiscoJtapi02.log');
    fs.writeFileSync(file, jtapiLog(HOSTILE_VALUE));
    const r = runCli(['scan', file]);
    assert.match(r.stdout, /^.*CiscoJtapi02\.log:1:1: error JTAPI010 /m);
    assert.ok(!CONTROL.test(r.stdout), 'no control character reaches the terminal');
    assert.ok(r.stdout.includes('peer closed\\x1b[2K\\x1b[1G\\x1b[32mall clear\\x1b]2;owned\\x07\\x1b[8m'));
    assert.ok(r.stdout.includes('\\x9b31m\\u202eevil\\x7f'));
    // The summary is still the last line, not overwritten.
    assert.match(r.stdout, /\n1 file: 1 error, 0 warnings, 0 info, 0 hints\n$/);

    for (const format of ['json', 'sarif']) {
      const out = runCli(['scan', file, '--format', format]).stdout;
      assert.ok(!CONTROL.test(out), `${format}: escaped in the file too`);
      const parsed = JSON.parse(out);
      const message = format === 'json' ? parsed.files[0].findings[0].message : parsed.runs[0].results[0].message.text;
      assert.ok(message.includes(HOSTILE_VALUE), `${format}: the value itself is unchanged`);
    }
  });

  it('escapes control characters in file names too', () => {
    const file = path.join(tmp, `evil${ESC}[2Jname.log`);
    fs.writeFileSync(file, jtapiLog('closed'));
    const r = runCli(['scan', file, path.join(tmp, `gone${ESC}]0;t\x07.log`)]);
    assert.ok(!r.stdout.includes(ESC) && !r.stderr.includes(ESC));
    assert.ok(r.stdout.includes('evil\\x1b[2Jname.log:1:1: error JTAPI010'));
    assert.ok(r.stderr.includes('gone\\x1b]0;t\\x07.log: no such file or folder'));
  });

  it('carries the record time and node in JSON and SARIF, absolute only when the file states its zone', () => {
    // An SDL trace whose FileHead says UTC-05:00, 2026/02/02 and host osk-cucm-sub3; the LDAP line is
    // written after midnight, so its date is the next day.
    const sdl = path.join(tmp, 'SDL001_200_000301.txt');
    fs.writeFileSync(
      sdl,
      [
        '28147301.000 |23:59:58.000 |FileHead |UTC:-05:00,Date: 2026/02/02, AppName: CTIManager, AppId: 200, AppNodeId: 3, HostName: osk-cucm-sub3, HostIPAddress: 10.9.8.7, FileNumber: 301, TraceVer: 3.0',
        '10022310.000 |23:59:59.100 |AppInfo  |CTI ProviderOpenRequest ( seq#=7 provider=osk-cucm-sub3 login=cti_ops )',
        '10022310.042 |00:00:02.421 |AppInfo  |Authenticating with SSL not enabled (0)-(ldap://dir.osk.example:10389)',
        '',
      ].join('\n'),
    );
    const syslog = path.join(tmp, 'CiscoSyslog');
    fs.writeFileSync(
      syslog,
      'Jul  9 16:40:05 osk-cucm-pub local7 2 : 88: osk-cucm-pub.osk.example: Jul 09 2026 07:40:05.250 UTC :  %UC_RTMT-2-RTMT_ALERT: %[AlertName=CallProcessingNodeCpuPegging][AlertDetail= CPU over threshold on osk-cucm-pub][AppID=Cisco AMC Service][ClusterID=][NodeID=osk-cucm-pub]: RTMT Alert\n',
    );
    const json = JSON.parse(runCli(['scan', sdl, syslog, MIVR, '--format', 'json']).stdout);
    const first = (file: string) => json.files.find((f: { file: string }) => f.file === file).findings[0];
    const ldap = first(sdl);
    assert.equal(ldap.id, 'LDAP002');
    assert.equal(ldap.time, '00:00:02.421');
    assert.equal(ldap.timeIso, '2026-02-03T00:00:02.421-05:00');
    assert.equal(ldap.node, 'osk-cucm-sub3');
    const cpu = first(syslog);
    assert.equal(cpu.time, 'Jul  9 16:40:05');
    assert.equal(cpu.timeIso, '2026-07-09T07:40:05.250Z');
    assert.equal(cpu.node, 'osk-cucm-pub');
    // MIVR: "IST" is ambiguous and there is no year, so only the time as written.
    const mivr = first(MIVR);
    assert.equal(mivr.time, 'Mar 23 10:05:31.239 IST');
    assert.equal(mivr.timeIso, undefined);
    assert.equal(mivr.node, undefined);

    const sarif = JSON.parse(runCli(['scan', sdl, '--format', 'sarif']).stdout);
    assert.deepEqual(sarif.runs[0].results[0].properties, {
      captures: sarif.runs[0].results[0].properties.captures,
      time: '00:00:02.421',
      timeIso: '2026-02-03T00:00:02.421-05:00',
      node: 'osk-cucm-sub3',
    });
  });

  it('links SARIF rules to their reference pages and the driver to the project', () => {
    const sarif = JSON.parse(runCli(['scan', MIVR, '--format', 'sarif']).stdout);
    const driver = sarif.runs[0].tool.driver;
    assert.equal(driver.informationUri, 'https://github.com/cucm-trace-lens/cucm-trace-lens');
    const jtapi001 = driver.rules.find((r: { id: string }) => r.id === 'JTAPI001');
    assert.equal(
      jtapi001.helpUri,
      'https://github.com/cucm-trace-lens/cucm-trace-lens/blob/main/docs/reference/JTAPI001.md',
    );
    for (const rule of driver.rules as Array<{ id: string; helpUri: string }>)
      assert.ok(
        fs.existsSync(path.join(root, 'docs/reference', `${rule.id}.md`)),
        `${rule.helpUri} exists in the repository`,
      );
  });

  it('applies severityOverrides from .cucm-trace-lens.json found upward, or from --config', () => {
    const project = path.join(tmp, 'project');
    const deep = path.join(project, 'traces', 'node1');
    fs.mkdirSync(deep, { recursive: true });
    fs.writeFileSync(
      path.join(project, '.cucm-trace-lens.json'),
      JSON.stringify({
        severityOverrides: [
          { rule: 'jtapi-provider-*', severity: 'warning' },
          { rule: 'JTAPI008', severity: 'off' },
        ],
      }),
    );
    // From a sub-folder: the file two levels up applies. JTAPI001/002/004/005 become warnings, JTAPI008 is dropped.
    const r = runCli(['scan', MIVR], { cwd: deep });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^1 file: 0 errors, 4 warnings, 0 info, 0 hints$/m);
    assert.doesNotMatch(r.stdout, /JTAPI008/);

    const other = path.join(tmp, 'ci-overrides.json');
    fs.writeFileSync(other, JSON.stringify({ severityOverrides: [{ rule: 'JTAPI001', severity: 'hint' }] }));
    const explicit = runCli(['scan', MIVR, '--config', other], { cwd: deep });
    assert.match(explicit.stdout, /^1 file: 3 errors, 1 warning, 0 info, 1 hint$/m);
  });

  it('rejects a bad configuration with one clear line per bad entry (exit 2, nothing scanned)', () => {
    const bad = path.join(tmp, 'bad.json');
    fs.writeFileSync(
      bad,
      JSON.stringify({
        severityOverrides: [
          { rule: 'JTAPI001', severity: 'loud' },
          { rule: '**********!', severity: 'off' },
          { rule: 'CCM001', severity: 'error' },
        ],
      }),
    );
    const r = runCli(['scan', MIVR, '--config', bad]);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.match(
      lines[0],
      /bad\.json: severityOverrides\[0\]\.severity must be one of error, warning, information, hint, off$/,
    );
    assert.match(lines[1], /bad\.json: severityOverrides\[1\]\.rule must be a rule id or alias/);

    fs.writeFileSync(bad, '{ "severityOverrides": [ ');
    const broken = runCli(['scan', MIVR, '--config', bad], { env: { LANG: 'ja_JP.UTF-8' } });
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /設定ファイル .*bad\.json: JSON として正しくありません/);
    assert.equal(runCli(['scan', MIVR, '--config', path.join(tmp, 'absent.json')]).status, 2);
  });
});
