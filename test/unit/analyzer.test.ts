import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, TextIndex } from '../../engine/src/index';
import { assertLinear } from './cpu-time';

const BAD_LOGIN =
  '1042: Mar 23 10:05:35.271 IST %MIVR-SS_TEL-4-ModuleRunTimeFailure:Real-time failure in JTAPI subsystem: Module=JTAPI Subsystem,Failure Cause=7,Failure Module=JTAPI_PROVIDER_INIT,Exception=com.cisco.jtapi.PlatformExceptionImpl: Unable to create provider -- bad login or password.';
const BAD_LOGIN_TWIN =
  '1043: Mar 23 10:05:35.274 IST %MIVR-SS_TEL-7-EXCEPTION:com.cisco.jtapi.PlatformExceptionImpl: Unable to create provider -- bad login or password.';

describe('analyze', () => {
  it('reports a failure and its -7-EXCEPTION twin as one finding with related information', () => {
    const { findings } = analyze(`${BAD_LOGIN}\n${BAD_LOGIN_TWIN}\n`);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].id, 'JTAPI001');
    assert.equal(findings[0].related.length, 1);
    assert.equal(findings[0].related[0].range.start.line, 1);
  });

  it('still reports an EXCEPTION record whose failure record is not in the file', () => {
    const { findings } = analyze(`${BAD_LOGIN_TWIN}\n`);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].related.length, 0);
  });

  it('does not merge twins that are far apart', () => {
    const filler = Array.from(
      { length: 40 },
      (_, i) => `${2000 + i}: Mar 23 10:05:36.000 IST %MIVR-ENG-7-UNK:step ${i}`,
    );
    const { findings } = analyze([BAD_LOGIN, ...filler, BAD_LOGIN_TWIN].join('\n'));
    assert.equal(findings.length, 2);
  });

  it('underlines every line of a wrapped record', () => {
    const text = [
      '88: Jan 09 07:12:01.004 PST%MIVR-SS_TEL-4-ModuleRunTimeFailure:Real-time',
      'failure in JTAPI subsystem: Module=JTAPI',
      'Subsystem,Failure Cause=7,Failure Module=JTAPI_PROVIDER_INIT,',
      'Exception=com.cisco.jtapi.PlatformExceptionImpl:',
      'Unable to create provider -- Connection refused',
      '89: Jan 09 07:12:01.010 PST%MIVR-ENG-7-UNK:next record',
    ].join('\n');
    const [f] = analyze(text).findings;
    assert.equal(f.id, 'JTAPI002');
    assert.deepEqual(f.range, { start: { line: 0, character: 0 }, end: { line: 4, character: 47 } });
  });

  it('keeps positions right with CRLF and lone CR line ends', () => {
    for (const eol of ['\r\n', '\r']) {
      const text = ['x', 'y', BAD_LOGIN].join(eol);
      const [f] = analyze(text).findings;
      assert.equal(f.range.start.line, 2, JSON.stringify(eol));
      assert.equal(f.range.end.character, BAD_LOGIN.length);
    }
  });

  it('captures values from the line (CTI port)', () => {
    const text =
      "2001: Jun 14 09:00:03.101 IST %MIVR-SS_TEL-3-UNABLE_REGISTER_CTIPORT:Unable to register CTI Port: CTI Port=7001, Exception=com.cisco.jtapi.InvalidArgumentExceptionImpl: Address 7001 is not in provider's domain.";
    assert.equal(analyze(text).findings[0].captures.port, '7001');
  });

  it('caps findings and reports the total', () => {
    const text = Array.from({ length: 30 }, () => BAD_LOGIN).join('\n\n');
    const r = analyze(text, { maxFindings: 10 });
    assert.equal(r.findings.length, 10);
    assert.equal(r.total, 30);
    assert.equal(r.truncated, true);
  });

  it('applies severity overrides by id, alias glob and off', () => {
    const text = BAD_LOGIN;
    assert.equal(
      analyze(text, { severityOverrides: [{ rule: 'JTAPI001', severity: 'warning' }] }).findings[0].severity,
      'warning',
    );
    assert.equal(
      analyze(text, { severityOverrides: [{ rule: 'jtapi-*', severity: 'hint' }] }).findings[0].severity,
      'hint',
    );
    assert.equal(analyze(text, { severityOverrides: [{ rule: '*', severity: 'off' }] }).findings.length, 0);
  });

  it('finds a failure inside a 2 MB line without choking', () => {
    const line = 'x'.repeat(1_000_000) + ' Unable to create provider -- Connection refused ' + 'y'.repeat(1_000_000);
    const [f] = analyze(line).findings;
    assert.equal(f.id, 'JTAPI002');
  });

  it('survives empty, whitespace-only and replacement-character input', () => {
    for (const text of ['', '\n\n\n', '\r', '\uFFFD\uFFFD\u0000\u0001', '%MIVR-', '1: ']) {
      assert.deepEqual(analyze(text).findings, []);
    }
  });

  it('reports each of many repeated failures once (500 and 4,000 copies)', () => {
    const block = `${BAD_LOGIN}\n${BAD_LOGIN_TWIN}\n1044: Mar 23 10:05:36.000 IST %MIVR-ENG-7-UNK:healthy\n`;
    assert.equal(analyze(block.repeat(500)).findings.length, 500);
    assert.equal(analyze(block.repeat(4000)).findings.length, 4000);
  });

  it('does work linear in the input, however many findings (CPU time at 1,000 and 4,000 copies)', () => {
    // Each copy is a finding with its twin: analysis visits each record once, no rescans per finding.
    const block = `${BAD_LOGIN}\n${BAD_LOGIN_TWIN}\n1044: Mar 23 10:05:36.000 IST %MIVR-ENG-7-UNK:healthy\n`;
    assertLinear({ input: (n: number) => block.repeat(n), work: (text) => analyze(text), size: 1000 });
  });
});

describe('TextIndex', () => {
  it('maps offsets to positions for LF, CRLF and CR', () => {
    const idx = new TextIndex('ab\r\ncd\ref\ngh');
    assert.equal(idx.lineCount, 4);
    assert.deepEqual(
      ['ab', 'cd', 'ef', 'gh'],
      [0, 1, 2, 3].map((i) => idx.line(i)),
    );
    assert.deepEqual(idx.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(idx.positionAt(11), { line: 3, character: 1 });
  });
});
