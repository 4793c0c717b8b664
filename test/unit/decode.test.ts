import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBytes, detectFormat, looksLikeCucmWebPage } from '../../engine/src/index';

describe('decodeBytes', () => {
  it('reads UTF-8 with and without BOM', () => {
    assert.equal(decodeBytes(Buffer.from('héllo')).text, 'héllo');
    assert.equal(decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x41])).text, 'A');
  });

  it('reads UTF-16LE with BOM (Windows event exports)', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Event Type:\tError', 'utf16le')]);
    const d = decodeBytes(bytes);
    assert.equal(d.encoding, 'utf-16le');
    assert.equal(d.text, 'Event Type:\tError');
  });

  it('reads Shift-JIS (Japanese Windows), including the 0x5C trail byte of ソ', () => {
    // "ソース: Service" : ソ = 83 5C, ー = 81 5B, ス = 83 58
    const bytes = Buffer.from([0x83, 0x5c, 0x81, 0x5b, 0x83, 0x58, 0x3a, 0x20, 0x53]);
    const d = decodeBytes(bytes);
    assert.equal(d.encoding, 'shift_jis');
    assert.equal(d.text, 'ソース: S');
    assert.ok(d.note?.en.includes('Shift-JIS'));
  });

  it('refuses binary data with a clear message in both languages', () => {
    const d = decodeBytes(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]));
    assert.equal(d.text, undefined);
    assert.equal(d.encoding, 'binary');
    assert.match(d.note!.en, /binary/);
    assert.match(d.note!.ja, /バイナリ/);
  });

  it('replaces bytes that are neither UTF-8 nor Shift-JIS, and says so', () => {
    const d = decodeBytes(Buffer.from([0x41, 0xff, 0xfe, 0xfd, 0x42, 0x80]));
    assert.ok(d.text!.includes('\uFFFD'));
    assert.ok(d.note);
  });
});

describe('detectFormat', () => {
  const cases: Array<[string, string]> = [
    ['28147301.000 |00:00:00.206 |FileHead |UTC:-05:00,Date: 2024/08/13, AppName: CCM', 'cucm-sdl'],
    ['16:05:41.625 CCM|StationInit - InboundStim - OffHookMessageID tcpHandle=0x4fbbc30', 'cucm-sdl'],
    ['10231: Dec 05 19:01:36.215 EST %MIVR-SS_RM-7-UNK:ClearConnectionReqMsgHandler', 'cucm-mivr'],
    ['9366: Nov 23 07:09:02.974 COT %JTAPI-CTIIMPL-7-UNK:(P53-192.168.10.82) Server response', 'cucm-jtapi'],
    [
      'Jun 17 16:14:19 hcs862-hcm-f local7 2 : 7: hcs862-hcm-f.example.net: Jun 17 2019 14:14:19.781 UTC : %UC_SERVICEMANAGER-2-ServiceFailed:',
      'cucm-syslog',
    ],
    ['Event Type:\tError\r\nEvent Source:\tService Control Manager', 'cucm-eventlog'],
    ['admin:show network eth0\nEthernet 0', 'cucm-cli'],
  ];
  for (const [text, id] of cases) it(`recognises ${id}`, () => assert.equal(detectFormat(text), id));
  it('leaves ordinary text alone', () => {
    assert.equal(detectFormat('Dear team,\nplease find the notes below.\n'), undefined);
  });
});

describe('looksLikeCucmWebPage', () => {
  it('recognises pages saved from the CUCM administration', () => {
    assert.ok(looksLikeCucmWebPage('<title>Cisco Unified CM Administration</title>'));
    assert.ok(looksLikeCucmWebPage('The requested URL /ccmadmin was not found on this server.'));
  });
  it('leaves other pages alone', () => {
    assert.ok(!looksLikeCucmWebPage('<title>Intranet wiki</title><p>Error: Access is Denied.</p>'));
  });
});
