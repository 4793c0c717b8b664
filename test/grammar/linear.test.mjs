// @ts-check
// Linearity / no-catastrophic-backtracking check for the six grammars.
//   node --test test/grammar/linear.test.mjs
//
// For each grammar this tokenizes, with the real engine (vscode-textmate + Oniguruma wasm
// loaded from node_modules):
//   * a realistic 20,000-line file (the snapshot sample repeated),
//   * a realistic 200,000-character line (a real record whose payload is repeated),
//   * 100,000-character adversarial lines built to trigger super-linear regex behaviour
//     (long dotted / hyphenated runs, unclosed quotes and brackets, repeated prefixes ...),
//     both at top level and inside the grammar's begin/end regions.
// The guards are generous, and measured in this process's CPU time so that other load on the
// machine does not matter: every case takes well under a second here, while the quadratic
// mistakes this test was written against (a capture with `patterns` repeated along a line, a
// `[^\]]*+` scan restarting at every "[R:") take 10+ s on a 100,000-character line.
// Times are printed for information.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, GRAMMARS, createRegistry, tokenize } from './lib.mjs';

const LINE = 200_000;
const ADV_LINE = 100_000;
const LINES = 20_000;
const FILE_GUARD_MS = 60_000; // 20,000-line file (observed: 0.4-5 s)
const LINE_GUARD_MS = 20_000; // one 200,000-character realistic line (observed: < 0.6 s)
const ADV_GUARD_MS = 5_000; // one 100,000-character adversarial line (observed: < 0.6 s)

const registry = createRegistry();

/** Repeat `unit` until the string is `len` characters long. */
const fill = (unit, len = ADV_LINE) => unit.repeat(Math.ceil(len / unit.length)).slice(0, len);

// One realistic record per grammar whose tail is repeated to reach 200k characters.
const REALISTIC_LINE = {
  'cucm-sdl': [
    '20055677.000 |10:39:20.398 |SdlSig-O |MXAgenaOpenLogicalChannel              |NA RemoteSignal                |MediaTerminationPointControl(2,100,122,4) |SIPCdpc(3,100,180,319645)        |3,100,251,1.1728094^*^*                  |[R:N-H:0,N:0,L:0,V:0,Z:0,D:0]',
    ' codec=4 CI=51140858 mediaType=1 audioRate=20 ipv4=192.168.2.24:5060 dscpForMyParty=0x0 (DSCP=0x0) v150MER=F CH=1|31614360',
  ],
  'cucm-mivr': [
    '51269: Apr 08 10:14:27.842 IST %MIVR-SS_TEL-7-UNK:Call.received() JTAPICallContact[',
    'id=11,type=Cisco JTAPI Call,implId=29124/1,active=true,state=CALL_RECEIVED,cgn=5001,ani=null,',
  ],
  'cucm-jtapi': [
    '9364: Nov 23 07:09:02.973 COT %JTAPI-PROTOCOL-7-UNK:(P53-192.168.10.82) [ProviderRetryThread] ',
    'received Event: com.cisco.cti.protocol.ProviderOpenCompletedEvent failureDescription=Directory login failed ',
  ],
  'cucm-syslog': [
    'Jun 17 16:14:19 hcs862-hcm-f local7 2 : 7: hcs862-hcm-f.XXXXXXXXtest.net: Jun 17 2019 14:14:19.781 UTC : %UC_RTMT-2-RTMT_ALERT: %',
    '[AlertDetail=At Mon Aug 21 22:22:27 EST 2017 on node 172.16.136.21#012Core1 : Cisco CallManager (core.11596.6.ccm.1503372096)]',
  ],
  'cucm-eventlog': [
    'Description:\t',
    'The Cisco CallManager service terminated unexpectedly.  It has done this 1 time(s).  Timeout (30000 milliseconds) waiting for the %1 service. サービスは予期せぬ原因により終了しました。 ',
  ],
  'cucm-cli': [
    'cucm-57                  10.77.32.57       0.163     Y/Y/Y     0        (g_3)          ',
    'IP Address   : 10.53.50.219   Status      : up   Mode        : Auto disabled, Full, 1000 Mbits/s   ',
  ],
};

// Lines that open a begin/end region, so adversarial input is also scanned by the region's rules.
const REGION_OPENERS = {
  'cucm-sdl': ['[9957,NET]'],
  'cucm-mivr': ['1: Apr 08 10:14:27.842 IST %MIVR-SS_TEL-7-UNK:sending: com.cisco.cti.protocol.X {'],
  'cucm-jtapi': [
    '9364: Nov 23 07:09:02.973 COT %JTAPI-PROTOCOL-7-UNK:(P53-192.168.10.82) sending: com.cisco.cti.protocol.ProviderOpenRequest {',
  ],
  'cucm-syslog': [],
  'cucm-eventlog': [],
  'cucm-cli': [],
};

const ADVERSARIAL = {
  'dotted lower run': fill('a.'),
  'dotted upper run': fill('A.'),
  'dotted mixed run': fill('aB.'),
  'hyphen run': fill('a-'),
  'label words': fill('Aa '),
  'label words after 2 blanks': '  ' + fill('Aa '),
  'Cisco words': fill('Cisco '),
  digits: fill('1'),
  'digit dots': fill('1.'),
  'digit colons': fill('1:'),
  'hex colon pairs': fill('ab:'),
  'blanks then word': fill(' ', ADV_LINE - 3) + 'end',
  pipes: fill('|'),
  'sdl prefixes': fill('12345678.123 |00:00:00.000 |SdlSig |a '),
  'sdl prefix then spaces': '12345678.123 |00:00:00.000 |SdlSig |' + fill(' a'),
  'unclosed double quote': '"' + fill('a '),
  'many single quotes': fill("'a "),
  'unclosed tag': '%[' + fill('k'),
  'tag chain': '%' + fill('[k=v]'),
  'broken tag chain': '%' + fill('][a'),
  'severity facility run': '%' + fill('A-'),
  'kv keys': fill('x='),
  'kv without equals': fill('x.y-z'),
  'stack frame prefix': fill('at a.'),
  'exception-ish': fill('Exception.'),
  'perf arrows': fill('-> a '),
  'health markers': fill(' (2) x'),
  'health markers no parens text': ' (3) ' + fill('x '),
  'trace flags': fill('[R:'),
  months: fill('Mon '),
  'month then blanks': 'Jun' + fill(' '),
  'sip uris': fill('sip:'),
  urls: fill('http://'),
  'hex prefix': fill('0x'),
  'device prefix': fill('SEP'),
  'enum-ish': fill('A_'),
  'object braces': fill('A { '),
  'scope colons': fill('a::'),
  'event label run': fill('イベント'),
  'CJK and digits': fill('回1'),
};

/** CPU milliseconds (user + system) spent by this process in fn. */
function timeIt(fn) {
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

for (const g of GRAMMARS) {
  test(`${g.id}: linear on long lines and big files`, { timeout: 10 * FILE_GUARD_MS }, async (t) => {
    const grammar = await registry.loadGrammar(g.scopeName);
    assert.ok(grammar, `grammar ${g.scopeName} loads`);

    await t.test(`${LINES.toLocaleString('en')}-line realistic file`, () => {
      const sample = fs.readFileSync(path.join(ROOT, 'test/grammar/snap', `sample.${g.ext}`), 'utf8').split(/\r?\n/);
      const lines = [];
      while (lines.length < LINES) lines.push(...sample);
      lines.length = LINES;
      let tokens = 0;
      const ms = timeIt(() => tokenize(grammar, lines.join('\n'), (_l, toks) => (tokens += toks.length)));
      console.log(`  ${g.id}: ${LINES} lines, ${tokens} tokens in ${ms.toFixed(0)} ms CPU`);
      assert.ok(tokens > LINES, 'produced tokens');
      assert.ok(ms < FILE_GUARD_MS, `took ${ms.toFixed(0)} ms`);
    });

    await t.test(`${LINE.toLocaleString('en')}-character realistic line`, () => {
      const [head, unit] = REALISTIC_LINE[g.id];
      const line = head + fill(unit, LINE - head.length);
      assert.equal(line.length, LINE);
      let tokens = 0;
      const ms = timeIt(() => tokenize(grammar, line, (_l, toks) => (tokens += toks.length)));
      console.log(`  ${g.id}: ${LINE}-char realistic line, ${tokens} tokens in ${ms.toFixed(0)} ms CPU`);
      assert.ok(tokens > 1000, 'the repeated payload is tokenized, not swallowed');
      assert.ok(ms < LINE_GUARD_MS, `took ${ms.toFixed(0)} ms`);
    });

    await t.test(`${ADV_LINE.toLocaleString('en')}-character adversarial lines`, () => {
      /** @type {[string, number]} */
      let worst = ['', 0];
      const total = timeIt(() => {
        for (const [label, line] of Object.entries(ADVERSARIAL)) {
          for (const opener of [null, ...REGION_OPENERS[g.id]]) {
            const text = opener ? `${opener}\n${line}` : line;
            const ms = timeIt(() => tokenize(grammar, text, () => {}));
            if (ms > worst[1]) worst = [`${label}${opener ? ' (in region)' : ''}`, ms];
            assert.ok(ms < ADV_GUARD_MS, `${label}${opener ? ' in region' : ''}: took ${ms.toFixed(0)} ms CPU`);
          }
        }
      });
      console.log(
        `  ${g.id}: ${Object.keys(ADVERSARIAL).length} adversarial lines in ${total.toFixed(0)} ms CPU (slowest: ${worst[0]}, ${worst[1].toFixed(0)} ms)`,
      );
    });
  });
}
