// Suggested commands filled with what the finding read (engine/src/fill-commands.ts) and the record
// time they collect around (engine/src/record-context.ts). Values come from logs: only strict shapes count.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  abstimeWindow,
  builtinCatalog,
  describeFinding,
  fillCommand,
  isHostName,
  recordTimeAt,
  recordContext,
} from '../../engine/src/index';

const lines = (text: string) => {
  const all = text.split('\n');
  return [(i: number) => all[i] ?? '', all.length] as const;
};

describe('fillCommand', () => {
  it('names the node the replication counter was read for', () => {
    // show perf query counter "Number of Replicates Created and State of Replication" on osk-cucm-sub3
    assert.equal(
      fillCommand('utils dbreplication reset <hostname>', { state: '4', count: '598', node: 'osk-cucm-sub3' }),
      'utils dbreplication reset osk-cucm-sub3',
    );
    assert.equal(
      fillCommand('utils dbreplication repair <nodename>', { server: 'tky-cucm-sub1', ip: '10.20.1.11' }),
      'utils dbreplication repair tky-cucm-sub1',
    );
  });

  it('keeps the placeholder when the value is hostile or has the wrong shape', () => {
    const template = 'utils dbreplication reset <hostname>';
    for (const node of [
      'x; rm -rf /',
      'sub3 && reboot',
      '$(id)',
      'a`b`',
      "sub'3",
      'sub3\nutils system restart',
      '',
      '-rf',
      'a'.repeat(70),
    ])
      assert.equal(fillCommand(template, { node }), template, JSON.stringify(node));
    assert.equal(
      fillCommand("run sql select name from applicationuser where name='<jtapi-user>'", { user: "x' or '1'='1" }),
      "run sql select name from applicationuser where name='<jtapi-user>'",
    );
    assert.equal(
      fillCommand('utils service start <service name>', { service: 'Cisco Tomcat; utils system restart' }),
      'utils service start <service name>',
    );
  });

  it('fills the JTAPI user, the LDAP server and port, the service and the core file', () => {
    assert.equal(
      fillCommand("run sql select name from applicationuser where name='<jtapi-user>'", { login: 'uccx_jtapi' }),
      "run sql select name from applicationuser where name='uccx_jtapi'",
    );
    assert.equal(
      fillCommand('Test-NetConnection <ldap-server> -Port <port>', { host: 'ldap.lab.example.net', port: '10389' }),
      'Test-NetConnection ldap.lab.example.net -Port 10389',
    );
    assert.equal(
      fillCommand('utils service start <service name>', { service: 'Cisco Tomcat' }),
      'utils service start Cisco Tomcat',
    );
    assert.equal(
      fillCommand('utils core active analyze <core file name>', { core: 'core.20117.6.ccm.1770071460' }),
      'utils core active analyze core.20117.6.ccm.1770071460',
    );
  });

  it('leaves what the finding does not know, and values that do not fit the placeholder', () => {
    // Only some placeholders are known: the others stay for the engineer.
    assert.equal(
      fillCommand('openssl s_client -connect <ldap-server>:<port>', { host: '10.20.1.20' }),
      'openssl s_client -connect 10.20.1.20:<port>',
    );
    // The step asks for a fully qualified name: an address is not one.
    assert.equal(
      fillCommand('utils network host <ldap-fqdn>', { host: '10.20.1.20' }),
      'utils network host <ldap-fqdn>',
    );
    assert.equal(
      fillCommand('utils network host <ldap-fqdn>', { host: 'dc1.corp.local' }),
      'utils network host dc1.corp.local',
    );
    // A trust store is not a unit `set cert regen` takes.
    assert.equal(fillCommand('set cert regen <unit>', { unit: 'directory-trust' }), 'set cert regen <unit>');
    assert.equal(fillCommand('set cert regen <unit>', { unit: 'tomcat' }), 'set cert regen tomcat');
    assert.equal(
      fillCommand('Test-NetConnection <ldap-server> -Port <port>', { host: 'ldap', port: '70000' }),
      'Test-NetConnection ldap -Port <port>',
    );
    assert.equal(
      fillCommand('utils network ping <other-node>', { node: 'osk-cucm-sub3' }),
      'utils network ping <other-node>',
    );
  });

  it('collects 15 minutes either side of the record', () => {
    const template = 'file get activelog cm/trace/ccm/sdl/* abstime <hh:mm:MM/DD/YY> <hh:mm:MM/DD/YY>';
    assert.equal(
      fillCommand(template, { service: 'Cisco CallManager', recordTime: '2008-02-03 10:15:22' }),
      'file get activelog cm/trace/ccm/sdl/* abstime 10:00:02/03/08 10:31:02/03/08',
    );
    // Across midnight and New Year.
    assert.deepEqual(abstimeWindow('2025-12-31 23:50:00'), { from: '23:35:12/31/25', to: '00:05:01/01/26' });
    assert.equal(fillCommand(template, { recordTime: '2008-02-30 10:15:22' }), template, 'no such day');
    assert.equal(fillCommand(template, { recordTime: '10:15:22; reboot' }), template);
    assert.equal(fillCommand(template, {}), template);
  });

  it('accepts host names by their DNS shape only', () => {
    for (const ok of ['cucmpub', 'osk-cucm-sub3', 'cucm-sub1.corp.example.com', '10.20.30.41'])
      assert.ok(isHostName(ok), ok);
    for (const bad of ['-sub', 'sub-', 'a..b', 'cucm_sub1', 'host name', '999.1.1.1', 'a/b'])
      assert.ok(!isHostName(bad), bad);
  });
});

describe('recordTimeAt', () => {
  it('reads an event log record: Date and Time below Event Type', () => {
    const [at, n] = lines(
      [
        'Event Type:\tError',
        'Event Source:\tService Control Manager',
        'Event ID:\t7031',
        'Date:\t\t2/3/2008',
        'Time:\t\t10:15:22 AM',
        'Computer:\tCCM1',
        'Description:',
        'The Cisco CallManager service terminated unexpectedly.',
      ].join('\n'),
    );
    assert.equal(recordTimeAt(at, n, 0), '2008-02-03 10:15:22');
  });

  it('reads a Japanese event log record and an exported one-line record', () => {
    const [at, n] = lines(
      ['イベントの種類:\tエラー', 'ソース:\tService Control Manager', '日付:\t\t2008/02/03', '時刻:\t\t19:02:44'].join(
        '\n',
      ),
    );
    assert.equal(recordTimeAt(at, n, 0), '2008-02-03 19:02:44');
    const [at2, n2] = lines(
      'Error\t2/3/2008 7:31:02 PM\tService Control Manager\t7031\tNone\tThe Cisco CallManager service terminated',
    );
    assert.equal(recordTimeAt(at2, n2, 0), '2008-02-03 19:31:02');
  });

  it('dates an SDL record from its FileHead, past midnight too', () => {
    const [at, n] = lines(
      [
        '00000001.000 |23:58:10.004 |AppInfo  |FileHead|UTC:+09:00,Date: 2026/02/03',
        '00000002.000 |23:58:11.120 |AppInfo  |SDL start',
        '00000951.002 |00:02:44.518 |AppInfo  |StationD: error',
      ].join('\n'),
    );
    assert.equal(recordTimeAt(at, n, 1), '2026-02-03 23:58:11');
    assert.equal(recordTimeAt(at, n, 2), '2026-02-04 00:02:44');
  });

  it('reads the local time of a CiscoSyslog line with the year of its UTC stamp', () => {
    const [at, n] = lines(
      'Feb  3 07:31:05 cucmpub local7 2 : 733: cucmpub.example.local: Feb 02 2026 22:31:05.417 UTC :  %UC_RTMT-2-RTMT_ALERT: %[AlertName=CriticalServiceDown]',
    );
    assert.equal(recordTimeAt(at, n, 0), '2026-02-03 07:31:05');
  });

  it('gives nothing when the file does not state the year or the date', () => {
    const [at, n] = lines(
      '1042: Mar 23 10:05:35.271 IST %MIVR-SS_TEL-4-ModuleRunTimeFailure:Real-time failure in JTAPI subsystem',
    );
    assert.equal(recordTimeAt(at, n, 0), undefined, 'MIVR stamps have no year');
    const [at2, n2] = lines('00000002.000 |23:58:11.120 |AppInfo  |SDL start');
    assert.equal(recordTimeAt(at2, n2, 0), undefined, 'no FileHead');
    assert.equal(recordTimeAt(at2, n2, 5), undefined, 'line outside the file');
  });
});

describe('recordContext', () => {
  it('finds the JTAPI user UCCX opened its provider with, before the failure', () => {
    const [at, n] = lines(
      [
        '1001: Mar 23 10:05:29.880 IST %MIVR-SS_TEL-7-UNK:JTAPI subsystem starting',
        '1003: Mar 23 10:05:30.039 IST %MIVR-SS_TEL-7-UNK:Creating provider with login=uccx_jtapi;appinfo=Cisco UCCX',
        '1042: Mar 23 10:05:35.271 IST %MIVR-SS_TEL-4-ModuleRunTimeFailure:Real-time failure in JTAPI subsystem: Unable to create provider -- bad login or password.',
      ].join('\n'),
    );
    assert.deepEqual(recordContext(at, n, 2), { login: 'uccx_jtapi' }, 'no year in a MIVR stamp: no time');
    assert.equal(
      fillCommand("run sql select name from applicationuser where name='<jtapi-user>'", recordContext(at, n, 2)),
      "run sql select name from applicationuser where name='uccx_jtapi'",
    );
    assert.deepEqual(recordContext(at, n, 0), {}, 'nothing before the first provider');
  });

  it('does not take a login with quotes or spaces', () => {
    const [at, n] = lines(
      "1003: Mar 23 10:05:30.039 IST %MIVR-SS_TEL-7-UNK:Creating provider with login=a'b;appinfo=x",
    );
    assert.deepEqual(recordContext(at, n, 0), {});
  });
});

describe('hover commands carry the finding values', () => {
  it('DBREP001 on osk-cucm-sub3 suggests resetting osk-cucm-sub3, and a hostile node keeps <hostname>', () => {
    const entry = builtinCatalog().byId.get('DBREP001')!;
    const finding = { ...stub(), captures: { state: '4', count: '598', node: 'osk-cucm-sub3' } };
    const hover = describeFinding(entry, finding, 'en');
    assert.match(hover, /`utils dbreplication reset osk-cucm-sub3`/);
    const hostile = describeFinding(entry, { ...finding, captures: { node: 'x; rm -rf /' } }, 'en');
    assert.match(hostile, /`utils dbreplication reset <hostname>`/);
  });

  it('CCM001 with its record time suggests the real window', () => {
    const entry = builtinCatalog().byId.get('CCM001')!;
    const hover = describeFinding(entry, { ...stub(), captures: { service: 'Cisco CallManager' } }, 'en', {
      recordTime: '2008-02-03 10:15:22',
    });
    assert.match(hover, /abstime 10:00:02\/03\/08 10:31:02\/03\/08/);
  });
});

function stub() {
  return {
    id: 'X',
    alias: 'x',
    severity: 'error' as const,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    captures: {},
    related: [],
  };
}
