// Folding ranges, outline and the summary title (engine/src/structure.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  countSeverities,
  documentOutline,
  foldingRanges,
  summaryTitle,
  type OutlineFinding,
  type OutlineSymbol,
} from '../../engine/src/index';
import { assertLinear } from './cpu-time';

const root = path.resolve(__dirname, '../../..');
const SDL = fs.readFileSync(path.join(root, 'samples/cucm/SDL001_100_000124.txt'), 'utf8');
/** `n` copies of the sample trace without its FileHead (51 lines, 3 foldable records each). */
const sdlBlocks = (n: number): string =>
  Array.from({ length: n }, () => SDL.split('\n').slice(1, 52).join('\n')).join('\n');
const pairs = (text: string, options = {}) => foldingRanges(text, options).map((r) => [r.startLine, r.endLine]);

const MIVR = [
  '1004: Mar 23 10:05:31.239 IST %MIVR-SS_TEL-4-ModuleRunTimeFailure:Real-time failure in JTAPI subsystem',
  '1005: Mar 23 10:05:31.242 IST %MIVR-SS_TEL-7-EXCEPTION:com.cisco.jtapi.PlatformExceptionImpl: Unable to create provider -- bad login or password.',
  '\tat com.cisco.jtapi.CiscoJtapiPeerImpl.getProvider(CiscoJtapiPeerImpl.java:612)',
  '\tat com.cisco.wf.subsystems.jtapi.TAPIPortGroup.init(TAPIPortGroup.java:298)',
  '1013: Mar 23 10:06:08.154 IST',
  '%MIVR-SS_TEL-4-ModuleRunTimeFailure:Real-time',
  'failure in JTAPI subsystem: Module=JTAPI Subsystem,',
  'Unable to create provider -- cucm-sub1.corp.example.com',
  '1020: Mar 23 10:08:10.268 IST%MIVR-SS_TEL-3-UNABLE_REGISTER_CTIPORT:',
  'Unable to register CTI Port: CTI Port=4503,',
  "Address 4503 is not in provider's domain.",
  '1022: Mar 23 10:08:10.289 IST %MIVR-SS_TEL-7-UNK:CTI Port 4504 registered',
].join('\r\n');

const JTAPI = [
  '9364: Nov 23 07:09:02.973 COT %JTAPI-PROTOCOL-7-UNK:(P53-192.168.10.82) [ProviderRetryThread] sending: com.cisco.cti.protocol.ProviderOpenRequest {',
  'provider = 192.168.10.82',
  'login = com.cisco.cti.protocol.UnicodeString {',
  'unicodedisplayName = cer_jtapi',
  '}',
  'applicationID = Cisco Emergency Responder',
  '}',
  '',
  '9366: Nov 23 07:09:02.974 COT %JTAPI-CTIIMPL-7-UNK:(P53-192.168.10.82) Server response: will send server heartbeat every 30 seconds',
].join('\n');

const CLI = [
  'admin:show myself',
  'Machine Name    : iptlab-ccmpub',
  'privilege level : 4',
  '',
  'admin:utils dbreplication runtimestate',
  '',
  'Cluster Detailed View from iptlab-ccmpub (3 Servers):',
  'iptlab-ccmpub            172.30.100.21     0.016     Y/Y/Y     0        (g_2)          (3) Out Of Sync',
  '',
  'admin:',
].join('\r\n');

const EVENTS = [
  'Event Type:\tError',
  'Event Source:\tService Control Manager',
  'Event Category:\tNone',
  'Event ID:\t7031',
  'Date:\t\t2/3/2008',
  'Time:\t\t7:31:02 AM',
  'User:\t\tN/A',
  'Computer:\tCCM1',
  'Description:',
  'The Cisco CallManager service terminated unexpectedly.  It has done this 1 time(s).',
  '',
  'For more information, see Help and Support Center at http://go.microsoft.com/fwlink/events.asp.',
  '',
  'Event Type:\tInformation',
  'Event Source:\tService Control Manager',
  'Event ID:\t7036',
  'Description:',
  'The Cisco CallManager service entered the running state.',
  '',
].join('\r\n');

describe('foldingRanges', () => {
  it('folds a SIP/SDP message after its AppInfo line and [n,NET] marker, across the header/SDP blank line', () => {
    assert.deepEqual(pairs(SDL), [
      [4, 29], // INVITE with SDP body
      [33, 43], // 100 Trying
      [46, 47], // AppInfo continued on an unprefixed line
    ]);
    assert.deepEqual(pairs(SDL, { format: 'cucm-sdl' }), pairs(SDL));
  });

  it('folds a raw MGCP message with its SDP body', () => {
    const text = [
      '01234567.001 |10:00:00.000 |AppInfo  |MGCPHandler send msg SUCCESSFULLY to: 10.1.1.1',
      'CRCX 1234 S0/SU1/DS1-0/1@gw.example.com MGCP 0.1',
      'C: D000000001',
      '',
      'v=0',
      'c=IN IP4 10.1.1.2',
      '',
      '01234568.000 |10:00:00.010 |AppInfo  |next',
    ].join('\n');
    assert.deepEqual(pairs(text), [[0, 5]]);
  });

  it('folds wrapped MIVR records and an EXCEPTION record with its stack trace', () => {
    assert.deepEqual(pairs(MIVR), [
      [1, 3],
      [4, 7],
      [8, 10],
    ]);
  });

  it('folds a JTAPI Class { … } dump, with nested blocks inside', () => {
    assert.deepEqual(pairs(JTAPI), [
      [0, 6],
      [2, 4],
    ]);
  });

  it('folds a stack trace inside a longer record as an inner range', () => {
    const text = [
      '2021-04-23 17:04:46,507 ERROR [http-nio-81-exec-17] impl.AuthenticationLDAP - verify failed',
      'javax.naming.CommunicationException: DC2.myclient.org:636',
      '\tat com.sun.jndi.ldap.Connection.<init>(Connection.java:238)',
      '\tat com.sun.jndi.ldap.LdapClient.<init>(LdapClient.java:137)',
      'Caused by: java.net.SocketTimeoutException: connect timed out',
      '\t... 12 more',
      '2021-04-23 17:04:46,600 INFO  [http-nio-81-exec-17] impl.AuthenticationLDAP - next',
    ].join('\n');
    assert.deepEqual(pairs(text), [
      [0, 5],
      [1, 5],
    ]);
  });

  it('folds each CLI command with its output, up to the next admin: prompt', () => {
    assert.deepEqual(pairs(CLI), [
      [0, 2],
      [4, 7],
    ]);
  });

  it('folds each Windows event up to the next event, and multi-line rows of the tab-separated export', () => {
    assert.deepEqual(pairs(EVENTS), [
      [0, 11],
      [13, 17],
    ]);
    const table = [
      'Level\tDate and Time\tSource\tEvent ID\tTask Category',
      'Error\t2/3/2008 7:31:02 AM\tService Control Manager\t7031\tNone\tThe Cisco CallManager service terminated unexpectedly.',
      'Error\t2/3/2008 7:32:32 AM\tService Control Manager\t7000\tNone\t"The Cisco CallManager service failed to start due to the following error: ',
      'The service did not respond to the start or control request in a timely fashion."',
      'Information\t2/3/2008 7:44:41 AM\tService Control Manager\t7036\tNone\tThe Cisco CallManager service entered the running state.',
    ].join('\r\n');
    assert.deepEqual(pairs(table, { format: 'cucm-eventlog' }), [[2, 3]]);
  });

  it('keeps the first rangeLimit ranges', () => {
    assert.deepEqual(pairs(SDL, { limit: 2 }), [
      [4, 29],
      [33, 43],
    ]);
    assert.deepEqual(pairs(SDL, { limit: 0 }), []);
  });

  it('gives nothing for one-line records and empty text', () => {
    assert.deepEqual(pairs('00000001.000 |10:00:00.000 |AppInfo  |a\n00000002.000 |10:00:00.001 |AppInfo  |b\n'), []);
    assert.deepEqual(pairs(''), []);
  });

  it('folds all 18,000 records of a 300,000-line file', () => {
    assert.equal(foldingRanges(sdlBlocks(6000)).length, 18000);
  });

  it('does work linear in the text (CPU time at 1,500 and 6,000 copies of the trace)', () => {
    assertLinear({ input: sdlBlocks, work: (text) => foldingRanges(text), size: 1500 });
  });
});

const finding = (line: number, endLine = line, severity: OutlineFinding['severity'] = 'error'): OutlineFinding => ({
  name: `TEST00${line} Title`,
  detail: `message ${line}`,
  severity,
  range: { start: { line, character: 0 }, end: { line: endLine, character: 5 } },
});
const shape = (symbols: OutlineSymbol[]): unknown =>
  symbols.map((s) => [s.kind, s.name, s.range.start.line, s.range.end.line, shape(s.children)]);

describe('documentOutline', () => {
  it('SDL: the FileHead header (app, host, date, offset, node, version, time span) holds the findings', () => {
    const outline = documentOutline(SDL, { findings: [finding(46, 47, 'warning')] });
    assert.equal(outline.length, 1);
    const [head] = outline;
    assert.equal(head.kind, 'file');
    assert.equal(head.name, 'CCM · cucmpub');
    assert.equal(head.detail, '2026/02/02 · UTC-05:00 · node 1 · 14.0.1.13900-155 · 23:58:00.004 – 00:02:00.210');
    assert.deepEqual(head.selectionRange.start, { line: 0, character: 0 });
    assert.equal(head.range.end.line, 52);
    assert.deepEqual(shape(head.children), [['finding', 'TEST0046 Title', 46, 47, []]]);
    assert.equal(head.children[0].detail, 'message 46');
    assert.equal(head.children[0].severity, 'warning');
    const ja = documentOutline(SDL, { locale: 'ja' });
    assert.match(ja[0].detail!, /ノード 1/);
  });

  it('MIVR and other traces: a header line with the format and time span, then the findings', () => {
    const outline = documentOutline(MIVR, { findings: [finding(1), finding(8, 10)] });
    assert.deepEqual(shape(outline), [
      ['file', 'UCCX Engine Log (MIVR)', 0, 0, []],
      ['finding', 'TEST001 Title', 1, 1, []],
      ['finding', 'TEST008 Title', 8, 10, []],
    ]);
    assert.equal(outline[0].detail, 'Mar 23 10:05:31.239 – Mar 23 10:08:10.289');
    // Unknown text: findings alone, no header.
    assert.deepEqual(shape(documentOutline('hello\nworld', { findings: [finding(1)] })), [
      ['finding', 'TEST001 Title', 1, 1, []],
    ]);
  });

  it('CLI capture: each command with its output, holding its findings', () => {
    const outline = documentOutline(CLI, { findings: [finding(7)] });
    assert.deepEqual(shape(outline), [
      ['command', 'show myself', 0, 2, []],
      ['command', 'utils dbreplication runtimestate', 4, 7, [['finding', 'TEST007 Title', 7, 7, []]]],
    ]);
    assert.equal(outline[0].detail, '2 lines');
    assert.equal(documentOutline(CLI, { locale: 'ja' })[1].detail, '3 行');
  });

  it('Event Viewer text: each event as `Event ID · Source · Type`, holding its findings', () => {
    const outline = documentOutline(EVENTS, { findings: [finding(9)] });
    assert.deepEqual(shape(outline), [
      ['event', '7031 · Service Control Manager · Error', 0, 11, [['finding', 'TEST009 Title', 9, 9, []]]],
      ['event', '7036 · Service Control Manager · Information', 13, 17, []],
    ]);
    assert.equal(
      outline[0].detail,
      '2/3/2008 7:31:02 AM · The Cisco CallManager service terminated unexpectedly.  It has done this 1 time(s).',
    );
    const ja = [
      'イベントの種類:\t情報',
      'ソース:\tService Control Manager',
      'イベント ID:\t7036',
      '日付:\t\t2008/02/03',
      '時刻:\t\t6:58:12',
      '説明:',
      'Cisco TFTP サービスは 実行中 状態に移行しました。',
    ].join('\r\n');
    const [event] = documentOutline(ja, { format: 'cucm-eventlog' });
    assert.equal(event.name, '7036 · Service Control Manager · 情報');
    assert.equal(event.detail, '2008/02/03 6:58:12 · Cisco TFTP サービスは 実行中 状態に移行しました。');
  });

  it('keeps finding ranges inside the document', () => {
    const [head] = documentOutline(SDL, {
      findings: [{ ...finding(52), range: { start: { line: 52, character: 900 }, end: { line: 60, character: 3 } } }],
    });
    const f = head.children[0];
    assert.deepEqual(f.range.end, { line: 52, character: SDL.split('\n')[52].length });
    assert.ok(f.range.start.character <= f.range.end.character);
  });
});

describe('summaryTitle', () => {
  it('counts by severity, a hint as a hint, with plurals in both languages', () => {
    const counts = countSeverities([
      { severity: 'error' },
      { severity: 'error' },
      { severity: 'warning' },
      { severity: 'information' },
      { severity: 'hint' },
    ]);
    assert.deepEqual(counts, { error: 2, warning: 1, information: 1, hint: 1 });
    assert.equal(summaryTitle(counts, 'en'), '2 errors, 1 warning, 1 info, 1 hint — list them');
    assert.equal(summaryTitle(counts, 'ja'), 'エラー 2 件、警告 1 件、情報 1 件、ヒント 1 件 — 一覧を表示');
    assert.equal(summaryTitle(countSeverities([]), 'en'), '0 errors, 0 warnings — list them');
    // The SEC001 case of the review: one hint was called "1 info" by the code lens and a hint by the CLI.
    assert.equal(
      summaryTitle(countSeverities([{ severity: 'warning' }, { severity: 'hint' }]), 'en'),
      '0 errors, 1 warning, 1 hint — list them',
    );
    assert.equal(
      summaryTitle(countSeverities([{ severity: 'hint' }, { severity: 'hint' }]), 'ja'),
      'エラー 0 件、警告 0 件、ヒント 2 件 — 一覧を表示',
    );
  });
});
