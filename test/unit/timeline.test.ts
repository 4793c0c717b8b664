// "CUCM: Go to Time…": query parsing and the search over each kind of file clock.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findTime, parseTimeQuery, readFileHead, timeSpan, type TimeResult } from '../../engine/src/index';
import { assertLinear } from './cpu-time';

const root = path.resolve(__dirname, '../../..');
/** samples/cucm/SDL001_100_000124.txt: FileHead 2026/02/02 UTC-05:00, 23:58:00 → 00:02:00 (midnight at line 33). */
const SDL = fs.readFileSync(path.join(root, 'samples/cucm/SDL001_100_000124.txt'), 'utf8');

/** An SDL trace of `n` lines from 23:00:00 on 2026/02/03, one record every 30 ms. */
function sdlTrace(n: number): string {
  const lines = ['00000000.000 |23:00:00.000 |FileHead |UTC:+09:00,Date: 2026/02/03, AppName: CCM'];
  const two = (v: number) => String(v).padStart(2, '0');
  for (let i = 1; i < n; i++) {
    const ms = 23 * 3_600_000 + i * 30;
    const t = `${two(Math.floor(ms / 3_600_000) % 24)}:${two(Math.floor(ms / 60_000) % 60)}:${two(Math.floor(ms / 1000) % 60)}.${String(ms % 1000).padStart(3, '0')}`;
    lines.push(`${String(i).padStart(8, '0')}.000 |${t} |AppInfo  |HttpConnection - checkConnQueue found no connData`);
  }
  return lines.join('\n');
}

const line = (r: TimeResult): number => {
  if ('error' in r) throw new Error(r.error.en);
  return r.line;
};
const error = (r: TimeResult): string => {
  if (!('error' in r)) throw new Error(`expected an error, got line ${r.line}`);
  return r.error.en;
};

describe('parseTimeQuery', () => {
  it('accepts every documented form', () => {
    assert.deepEqual(parseTimeQuery('10:05'), { timeOfDay: 36_300_000, utc: false });
    assert.deepEqual(parseTimeQuery(' 10:05:31 '), { timeOfDay: 36_331_000, utc: false });
    assert.deepEqual(parseTimeQuery('10:05:31.2'), { timeOfDay: 36_331_200, utc: false });
    assert.deepEqual(parseTimeQuery('10:05:31.239'), { timeOfDay: 36_331_239, utc: false });
    assert.deepEqual(parseTimeQuery('2024/08/13 23:59'), {
      timeOfDay: 86_340_000,
      utc: false,
      date: { year: 2024, month: 8, day: 13 },
    });
    assert.deepEqual(parseTimeQuery('2024/08/13 23:59:30'), {
      timeOfDay: 86_370_000,
      utc: false,
      date: { year: 2024, month: 8, day: 13 },
    });
    assert.deepEqual(parseTimeQuery('2024-08-13 00:00'), {
      timeOfDay: 0,
      utc: false,
      date: { year: 2024, month: 8, day: 13 },
    });
    assert.deepEqual(parseTimeQuery('2024-08-13T05:00Z'), {
      timeOfDay: 18_000_000,
      utc: true,
      date: { year: 2024, month: 8, day: 13 },
    });
    assert.deepEqual(parseTimeQuery('05:00 UTC'), { timeOfDay: 18_000_000, utc: true });
    assert.deepEqual(parseTimeQuery('05:00utc'), { timeOfDay: 18_000_000, utc: true });
    assert.deepEqual(parseTimeQuery('Mar 23 10:06'), {
      timeOfDay: 36_360_000,
      utc: false,
      date: { month: 3, day: 23 },
    });
  });

  it('refuses malformed and impossible times, in both languages', () => {
    for (const q of ['', 'noon', '10', '10:5', '1005', '10:05 PST', '2024/08/13', '10:05:31.2345']) {
      const r = parseTimeQuery(q);
      assert.ok('error' in r, q);
      assert.match(r.error.en, /HH:MM/);
      assert.match(r.error.ja, /HH:MM/);
    }
    for (const q of [
      '24:00',
      '10:60',
      '10:05:60',
      '2024/02/30 10:00',
      '2023/02/29 10:00',
      '2024/13/01 10:00',
      'Foo 12 10:00',
    ]) {
      const r = parseTimeQuery(q);
      assert.ok('error' in r, q);
    }
    const r = parseTimeQuery('2024/02/30 10:00');
    assert.ok('error' in r && r.error.en.includes('2024/02/30 10:00') && r.error.ja.includes('正しい日時'));
    assert.ok(!('error' in parseTimeQuery('2024/02/29 10:00')), 'a leap day is valid');
  });
});

describe('findTime on an SDL trace over midnight', () => {
  it('reads the FileHead date and offset', () => {
    assert.deepEqual(readFileHead(SDL.slice(0, SDL.indexOf('\n'))), { year: 2026, month: 2, day: 2, offset: -300 });
  });

  it('goes to the first record at or after a time of day, rolling over midnight', () => {
    assert.equal(line(findTime(SDL, '23:58')), 0, 'FileHead is the first record');
    assert.equal(line(findTime(SDL, '23:00')), 0, 'shortly before the first record: the first record');
    assert.equal(line(findTime(SDL, '23:59:59')), 32);
    assert.equal(line(findTime(SDL, '23:59:59.412')), 32, 'exactly at a record');
    assert.equal(line(findTime(SDL, '23:59:59.413')), 33, 'just after it: the first record after midnight');
    assert.equal(line(findTime(SDL, '00:00')), 33, 'a time earlier than the first record is on the next day');
    assert.equal(line(findTime(SDL, '00:00:01.150')), 48);
    assert.equal(line(findTime(SDL, '00:01')), 50);
    const r = findTime(SDL, '00:00');
    assert.ok(!('error' in r) && r.time === '2026/02/03 00:00:00.107');
  });

  it('takes full dates in both notations', () => {
    assert.equal(line(findTime(SDL, '2026/02/02 23:59')), 4);
    assert.equal(line(findTime(SDL, '2026-02-03 00:00')), 33);
    assert.equal(line(findTime(SDL, '2026/02/03 00:01:30')), 50);
    assert.equal(line(findTime(SDL, '2026/02/01 12:00')), 0, 'before the file: its first record');
  });

  it('converts UTC with the FileHead offset (UTC-05:00)', () => {
    assert.equal(line(findTime(SDL, '04:59:59 UTC')), 32, '04:59:59 UTC = 23:59:59 local, the day before');
    assert.equal(line(findTime(SDL, '05:00 UTC')), 33);
    assert.equal(line(findTime(SDL, '2026-02-03 05:00:01Z')), 46);
    assert.equal(line(findTime(SDL, '2026-02-03T04:59:58.832Z')), 31);
  });

  it('says where the file ends when the time is after it', () => {
    assert.match(
      error(findTime(SDL, '00:05')),
      /No record at or after 2026\/02\/03 00:05:00\.000: the last record is at 2026\/02\/03 00:02:00\.210 \(line 52\)/,
    );
    const r = findTime(SDL, '22:00');
    assert.ok(
      'error' in r && /2026\/02\/03 22:00/.test(r.error.en),
      'the next day: over an hour before the first record',
    );
    assert.ok('error' in r && r.error.ja.includes('52 行目'));
  });

  it('rolls over several midnights and handles a trace without FileHead', () => {
    const rec = (seq: number, t: string) => `${String(seq).padStart(8, '0')}.000 |${t} |AppInfo  |x`;
    const text = [
      rec(1, '22:00:00.000'),
      rec(2, '23:30:00.000'),
      rec(3, '01:00:00.000'),
      rec(4, '12:00:00.000'),
      rec(5, '02:00:00.000'),
    ].join('\n');
    assert.equal(line(findTime(text, '00:30')), 2);
    assert.equal(line(findTime(text, '11:00')), 3);
    const third = findTime(text, '01:00');
    assert.ok(!('error' in third) && third.line === 2 && third.time === '01:00:00.000 (+1d)');
    assert.match(error(findTime(text, '2026/02/03 01:00')), /no FileHead line/);
    assert.match(error(findTime(text, '01:00 UTC')), /UTC offset/);
  });

  it('tolerates a small step back in time (threads) without a new day', () => {
    const text = [
      '00000001.000 |10:00:00.500 |AppInfo  |a',
      '00000002.000 |10:00:00.400 |AppInfo  |b',
      '00000003.000 |09:30:00.000 |AppInfo  |c',
      '00000004.000 |10:00:01.000 |AppInfo  |d',
    ].join('\n');
    assert.equal(line(findTime(text, '10:00:00.900')), 3);
  });
});

describe('findTime on other clocks', () => {
  it('MIVR: Mon DD without year, and no UTC offset', () => {
    const mivr = [
      '1001: Mar 23 10:05:30.013 IST %MIVR-ENG-6-UNK:Engine starting up',
      '1004: Mar 23 10:05:31.239 IST %MIVR-SS_TEL-4-ModuleRunTimeFailure:Real-time failure in JTAPI subsystem: Module=JTAPI Subsystem,',
      'Failure Cause=7,Failure Module=JTAPI_PROVIDER_INIT',
      '1013: Mar 23 10:06:08.154 IST',
      '%MIVR-SS_TEL-4-ModuleRunTimeFailure:Real-time',
      '1020: Mar 23 10:08:10.268 IST%MIVR-SS_TEL-3-UNABLE_REGISTER_CTIPORT:',
      '1030: Mar 24 00:00:01.000 IST %MIVR-ENG-7-UNK:next day',
    ].join('\n');
    assert.equal(line(findTime(mivr, '10:05:31')), 1);
    assert.equal(line(findTime(mivr, '10:06')), 3, 'a header-only record line');
    assert.equal(line(findTime(mivr, '10:08:10.268')), 5, 'no space before %');
    assert.equal(line(findTime(mivr, '00:00')), 6, 'the next day');
    assert.equal(line(findTime(mivr, 'Mar 23 10:07')), 5);
    assert.equal(line(findTime(mivr, '2019-03-24 00:00')), 6, 'the file has no year: the date decides');
    assert.match(error(findTime(mivr, '10:06 UTC')), /does not state its UTC offset/);
    const r = findTime(mivr, '10:06');
    assert.ok(!('error' in r) && r.time === 'Mar 23 10:06:08.154');
  });

  it('MIVR/JTAPI over New Year, and UTC when the zone is UTC', () => {
    const text = [
      '9364: Dec 31 23:59:02.973 UTC %JTAPI-PROTOCOL-7-UNK:(P53-192.168.10.82) [ProviderRetryThread] sending: com.cisco.cti.protocol.ProviderOpenRequest {',
      'provider = 192.168.10.82',
      '}',
      '',
      '9366: Jan 01 00:00:02.974 UTC %JTAPI-CTIIMPL-7-UNK:(P53-192.168.10.82) Server response',
      '9372: Jan 01 00:01:03.121 UTC %JTAPI-MISC-7-UNK:(P53-192.168.10.82) EventThread',
    ].join('\n');
    assert.equal(line(findTime(text, '00:00')), 4);
    assert.equal(line(findTime(text, 'Jan 01 00:01')), 5);
    assert.equal(line(findTime(text, '2031/01/01 00:00')), 4);
    assert.equal(line(findTime(text, '00:00:30 UTC')), 5);
  });

  it('CiscoSyslog: the offset comes from the local prefix and the UTC stamp', () => {
    const syslog = [
      'Jun 17 16:14:19 hcs862-hcm-f local7 2 : 7: hcs862-hcm-f.example.net: Jun 17 2019 14:14:19.781 UTC : %UC_SERVICEMANAGER-2-ServiceFailed: %[ServiceName=Cisco RTMT Web Service][Reason=Service stopped abruptly]: Service terminated.',
      'Jun 17 16:14:22 hcs862-hcm-f local7 6 : 12: hcs862-hcm-f.example.net: Jun 17 2019 14:14:22.800 UTC :  %UC_GENERIC-6-ServiceStarted: %[ServiceName=Cisco CDP]: Service started.',
      'Jun 18 09:00:00 hcs862-hcm-f local7 6 : 13: hcs862-hcm-f.example.net: Jun 18 2019 07:00:00.000 UTC :  %UC_GENERIC-6-ServiceStarted: %[ServiceName=Cisco CDP]: Service started.',
    ].join('\n');
    assert.equal(line(findTime(syslog, '16:14:20')), 1);
    assert.equal(line(findTime(syslog, '14:14:20 UTC', 'cucm-syslog')), 1);
    assert.equal(line(findTime(syslog, '2019-06-18 06:00 UTC')), 2);
    assert.equal(line(findTime(syslog, '2019/06/18 08:00')), 2);
    const r = findTime(syslog, '2019/06/17 16:14:20');
    assert.ok(!('error' in r) && r.time === 'Jun 17 16:14:22.000');
  });

  it('log4j and Tomcat: full dates', () => {
    const log4j = [
      '2021-04-23 17:02:10,002 INFO  [http-nio-81-exec-11] impl.AuthenticationLDAP - authenticate: user jsmith',
      '2021-04-23 17:04:46,507 ERROR [http-nio-81-exec-17] impl.AuthenticationLDAP - verifyHostName:Exception.javax.net.ssl.SSLPeerUnverifiedException: hostname',
      '\tat com.cisco.x.Y.z(Y.java:10)',
      '2021-04-24 00:00:00,000 INFO  [main] x - next day',
    ].join('\n');
    assert.equal(line(findTime(log4j, '17:03')), 1);
    assert.equal(line(findTime(log4j, '2021-04-23 17:04:46.507')), 1);
    assert.equal(line(findTime(log4j, '00:00')), 3);
    assert.match(error(findTime(log4j, '17:03 UTC')), /UTC offset/);
    const tomcat = [
      'Jun 18, 2019 2:59:41 PM org.apache.catalina.core.StandardContext startInternal',
      'SEVERE: One or more Filters failed to start.',
      'Jun 18, 2019 3:00:10 PM org.apache.catalina.core.StandardContext startInternal',
    ].join('\n');
    assert.equal(line(findTime(tomcat, '15:00')), 2);
  });

  it('says so when a file has no timestamps', () => {
    assert.match(error(findTime('admin:show network eth0\nEthernet 0\n', '10:00')), /no timestamped records/);
    assert.match(error(findTime('', '10:00')), /no timestamped records/);
  });

  it('finds a stamp 90% into a 200,000-line SDL trace, across midnight', () => {
    assert.equal(line(findTime(sdlTrace(200_000), '2026/02/04 00:30')), 180_000);
  });

  it('does work linear in the file (CPU time at 50,000 and 200,000 lines)', () => {
    // The query sits at 90% of each file, so the search walks most of it at both sizes.
    assertLinear({
      input: (n: number) => ({ text: sdlTrace(n), query: n === 50_000 ? '2026/02/03 23:22:30' : '2026/02/04 00:30' }),
      work: ({ text, query }) => assert.ok(!('error' in findTime(text, query))),
      size: 50_000,
    });
  });
});

describe('timeSpan', () => {
  it('prints the first and last stamp as the file writes them', () => {
    assert.deepEqual(timeSpan(SDL), { first: '23:58:00.004', last: '00:02:00.210' });
    assert.deepEqual(
      timeSpan('1: Mar 23 10:05:30.013 IST %MIVR-ENG-6-UNK:x\n2: Mar 23 10:06:30.013 IST %MIVR-ENG-6-UNK:y\n'),
      {
        first: 'Mar 23 10:05:30.013',
        last: 'Mar 23 10:06:30.013',
      },
    );
    assert.equal(timeSpan('admin:show myself\n'), undefined);
  });
});
