#!/usr/bin/env node
// Single source of truth for the six CUCM Trace Lens TextMate grammars.
//
//   node test/grammar/generate.mjs           write syntaxes/cucm-*.tmLanguage.json
//   node test/grammar/generate.mjs --check   exit 1 if the committed JSON differs
//
// The grammars cannot include each other reliably, so shared rules are defined once
// here and copied into the `repository` of every grammar that reaches them.
//
// Scope policy: every named scope is "<standard TextMate scope>.<detail>.cucm". The
// standard prefix is one that VS Code's default themes (Dark+/Light+ and the Modern
// variants that inherit them) really colour; `meta.*`, `punctuation.*` and
// `keyword.operator.*` are used only where no colour is wanted.
//
// Performance policy: lines can be 100k+ characters. Every regex is written so that
// one search is linear in the line length: no nested unbounded quantifiers that can
// re-partition the same text, possessive quantifiers (`*+`, `++`) wherever the next
// token cannot start with what the loop consumes, and look-behind guards so that a
// pattern which walks a run of characters (dotted names, hyphenated words) can only
// start at the beginning of that run, and no capture-level `patterns` in rules that can repeat
// along a line (see seq()). test/grammar/linear.test.mjs checks this on a 200,000-character
// realistic line, a 20,000-line file and 100,000-character adversarial lines.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT_DIR = path.join(ROOT, 'syntaxes');

// ---------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------

const r = String.raw;

/** ASCII word edges (Oniguruma's \b is Unicode-aware and fails next to CJK text). */
const WL = r`(?<![0-9A-Za-z_])`;
const WR = r`(?![0-9A-Za-z_])`;

const MON = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const DOW = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
/** Time-zone abbreviation or numeric offset directly after a time of day. */
const TZ = r`(?:(?:UTC|GMT|UT|CES|Z|[A-Z]{1,4}T)(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})`;

/** The five colour families used for health / severity. */
const LOUD = (x) => `invalid.illegal.${x}.cucm`; // red in Dark+ (#f44747) and Light+ (#cd3131)
const WARN = (x) => `keyword.control.${x}.cucm`; // purple/magenta (#C586C0 / #AF00DB)
const INFO = (x) => `keyword.other.${x}.cucm`; // blue (#569cd6 / #0000ff)
const DEBUG = (x) => `comment.other.${x}.cucm`; // muted green (#6A9955 / #008000)
const CALM = (x) => `markup.inserted.${x}.cucm`; // pale/dark green (#b5cea8 / #098658)

/** Syslog / CiscoLog severity digits 0-7 mapped to colour families. */
const LEVELS = [
  { key: 'error', digits: '0-3', scope: LOUD('severity.error') },
  { key: 'warning', digits: '4', scope: WARN('severity.warning') },
  { key: 'info', digits: '56', scope: INFO('severity.info') },
  { key: 'debug', digits: '7', scope: DEBUG('severity.debug') },
];

/** Word-level log levels (log4j, java.util.logging, Windows). */
const LEVEL_WORDS = {
  error: 'FATAL|SEVERE|ERROR|CRITICAL|CRIT|ALERT|EMERG(?:ENCY)?',
  warning: 'WARNING|WARN',
  info: 'INFO|NOTICE|CONFIG',
  debug: 'DEBUG|TRACE|FINEST|FINER|FINE|VERBOSE',
};

const S = {
  lineNumber: 'constant.numeric.line-number.cucm',
  date: 'constant.numeric.date.cucm',
  time: 'constant.numeric.time.cucm',
  tz: 'storage.type.timezone.cucm',
  int: 'constant.numeric.integer.cucm',
  decimal: 'constant.numeric.decimal.cucm',
  hex: 'constant.numeric.hex.cucm',
  ip: 'constant.numeric.ip-address.cucm',
  port: 'constant.numeric.port.cucm',
  mac: 'constant.numeric.mac-address.cucm',
  bool: 'constant.language.cucm',
  protocol: 'constant.language.protocol.cucm',
  host: 'variable.other.constant.hostname.cucm',
  device: 'variable.other.constant.device.cucm',
  enumConst: 'variable.other.constant.cucm',
  key: 'variable.other.key.cucm',
  label: 'variable.other.key.label.cucm',
  tagKey: 'variable.other.key.tag.cucm',
  // neutral like the value of `kv`, not `string`: Light+ colours strings dark red, and a CiscoSyslog line
  // is mostly tag values, so every healthy "EndPointRegistered" line looked like an error (and the red
  // RTMT alert names inside values no longer stood out)
  tagValue: 'meta.tag-value.cucm',
  state: 'variable.other.state.cucm',
  signal: 'entity.name.function.signal.cucm',
  func: 'entity.name.function.cucm',
  process: 'entity.name.type.process.cucm',
  component: 'entity.name.type.component.cucm',
  klass: 'entity.name.type.class.cucm',
  namespace: 'entity.name.namespace.cucm',
  thread: 'entity.name.type.thread.cucm',
  service: 'entity.name.type.service.cucm',
  exception: 'string.regexp.exception.cucm',
  url: 'markup.underline.link.cucm string.unquoted.url.cucm',
  uri: 'markup.underline.link.cucm string.unquoted.uri.cucm',
  dq: 'string.quoted.double.cucm',
  sq: 'string.quoted.single.cucm',
  escape: 'constant.character.escape.cucm',
  placeholder: 'constant.other.placeholder.cucm',
  recordType: 'keyword.other.record-type.cucm',
  recordTypeError: LOUD('record-type'),
  header: 'entity.name.tag.header.sip.cucm',
  sdpField: 'entity.name.tag.sdp.cucm',
  method: 'keyword.other.method.cucm',
  command: 'entity.name.function.command.cucm',
  prompt: 'markup.heading.prompt.cucm',
  muted: (x) => `comment.other.${x}.cucm`,
  // neutral (deliberately uncoloured)
  sep: 'punctuation.separator.field.cucm',
  kvSep: 'punctuation.separator.key-value.cucm',
  assign: 'keyword.operator.assignment.cucm',
  tagPunct: 'punctuation.definition.tag.cucm',
};

/** Turn {1: 'scope', 2: {patterns}} shorthands into TextMate captures. */
function caps(obj) {
  const out = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v == null) continue;
    out[k] = typeof v === 'string' ? { name: v } : v;
  }
  return out;
}
const inc = (name) => ({ include: `#${name}` });
const incs = (...names) => names.flat().map(inc);

/** A capturing group for seq(): `inner` is a regex string or a list of parts (nested groups). */
const G = (inner, scope) => ({ group: inner, scope });

/**
 * Build one regex from parts and number its capture groups automatically. A part is a plain
 * regex string (which must contain no capturing group), a G(inner, scope) group, or a list of
 * parts. Used instead of capture-level `patterns`: vscode-textmate re-tokenizes such a capture
 * by copying the line prefix up to it, which is O(line) per occurrence and so quadratic when
 * the rule repeats along a long line.
 */
function seq(...parts) {
  let n = 0;
  const captures = {};
  const build = (list) => {
    let re = '';
    for (const part of list) {
      if (Array.isArray(part)) {
        re += build(part);
      } else if (typeof part === 'string') {
        const bare = part.replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
        if (/\((?!\?)/.test(bare)) throw new Error(`capturing group in plain part: ${part}`);
        re += part;
      } else {
        const k = ++n;
        if (part.scope) captures[k] = { name: part.scope };
        re += `(${Array.isArray(part.group) ? build(part.group) : part.group})`;
      }
    }
    return re;
  };
  const match = build(parts);
  return { match, captures };
}

// ---------------------------------------------------------------------------
// Shared repository
// ---------------------------------------------------------------------------

const R = {};

// --- links and addresses -----------------------------------------------------

R.url = {
  match: r`(?<![0-9A-Za-z_/:.-])(?:ldaps?|https?|ftps?|tftp|wss?|file)://[^\s"'<>()\[\]{}|,]*+`,
  name: S.url,
};

R['sip-uri'] = {
  match: r`(?<![0-9A-Za-z_/:.-])(?:sips?|tel):(?=[\w+*%])[^\s;>,"'()\[\]<|]++`,
  name: S.uri,
};

R.ipv4 = {
  match: r`(?<![0-9A-Za-z_.])(\d{1,3}(?:\.\d{1,3}){3})(?:(:)(\d{1,5})|(:\[)(\d{1,5})(\]))?(?![0-9A-Za-z_]|\.\d)`,
  captures: caps({
    1: S.ip,
    2: 'punctuation.separator.port.cucm',
    3: S.port,
    4: 'punctuation.separator.port.cucm',
    5: S.port,
    6: 'punctuation.separator.port.cucm',
  }),
};

R.mac = {
  match: r`(?<![0-9A-Za-z_:.-])(?:[0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}(?![0-9A-Za-z_:-])|(?<![0-9A-Za-z_.])[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![0-9A-Za-z_.])`,
  name: S.mac,
};

// Colon-separated byte strings: certificate serial numbers, fingerprints, moduli.
R['hex-bytes'] = {
  match: r`(?<![0-9A-Za-z_:])[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){3}(?::[0-9A-Fa-f]{2})*+(?![0-9A-Za-z_])`,
  name: S.hex,
};

R.hex = { match: r`(?<![0-9A-Za-z_.])0[xX][0-9A-Fa-f]++${WR}`, name: S.hex };

R.device = { match: r`${WL}(?:SEP|ATA)[0-9A-Fa-f]{12}${WR}`, name: S.device };

const TLD =
  'com|net|org|edu|gov|mil|int|info|biz|io|local|localdomain|lan|corp|internal|intranet|intra|home|lab|example|test|' +
  'uk|de|jp|in|au|ca|fr|nl|it|es|ch|se|dk|fi|be|at|br|mx|cn|hk|sg|kr|tw|nz|za|ru|pl|ie|us|eu|co';
R.hostname = {
  match: r`(?<![0-9A-Za-z_.@/-])(?:[A-Za-z0-9][A-Za-z0-9-]*+\.)+(?i:${TLD})(?![0-9A-Za-z_-]|\.[0-9A-Za-z_-])`,
  name: S.host,
};

// --- dates and times -------------------------------------------------------------

R.date = {
  match:
    r`(?<![0-9A-Za-z_])(?:` +
    [
      r`(?:${DOW},?\s++)?${MON}\s++\d{1,2}(?:,?\s++\d{4})?(?![0-9A-Za-z_])`, // Jun 17 / Jun 17 2019 / Jun 18, 2019 / Mon Aug 21
      r`${DOW},\s++\d{1,2}\s++${MON}\s++\d{4}(?![0-9])`, // Thu, 19 Sep 2024 (SIP Date:)
      r`\d{4}-\d{1,2}-\d{1,2}(?![0-9])`, // 2021-04-23 / 2019-06-17T...
      r`\d{4}/\d{1,2}/\d{1,2}(?![0-9])`, // 2024/08/13
      r`\d{1,2}/\d{1,2}/\d{2,4}(?![0-9/])`, // 5/8/2000, 09/21/2015
      r`\d{4}年\d{1,2}月\d{1,2}日`, // 2024年8月13日
    ].join('|') +
    ')',
  name: S.date,
};

R.time = {
  match: r`(?<![0-9.:])(?:(午前|午後)\s?)?(\d{1,2}:\d{2}:\d{2}(?:[.,:]\d{1,6})?)(?![0-9])(?:(\s?)(AM|PM|am|pm)${WR})?(?:(\s?)(${TZ})(?![0-9A-Za-z_-]))?`,
  captures: caps({ 1: S.time, 2: S.time, 4: S.time, 6: S.tz }),
};

// A year printed after the time of day: "Apr 13 14:17:51 2009 GMT", "Mon Aug 21 22:22:27 EST 2017".
R.year = {
  match: r`(?<=\d:\d\d |\d:\d\d [A-Z]{3} |\d:\d\d [A-Z]{4} )(?:19|20)\d{2}(?![0-9])`,
  name: S.date,
};

R.timezone = {
  match: r`${WL}(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?${WR}`,
  name: S.tz,
};

// --- severities -----------------------------------------------------------------

for (const lv of LEVELS) {
  // %UC_CALLMANAGER-3-EndPointUnregistered, %MIVR-SS_TEL-7-UNK, %CCM_CALLMANAGER-CALLMANAGER-3-CodeYellowEntry
  R[`severity-tag-${lv.key}`] = {
    match: r`(%)([A-Z][A-Z0-9_]*+(?:-[A-Z][A-Z0-9_]*+)*+)(-)([${lv.digits}])(-)([A-Za-z0-9_]++)`,
    name: lv.scope,
    captures: caps({ 2: 'meta.facility.cucm', 4: 'meta.severity-level.cucm', 6: 'meta.message-name.cucm' }),
  };
  // "local7 2 :" — the syslog facility and severity in the CiscoSyslog prefix.
  R[`syslog-facility-${lv.key}`] = {
    match: r`${WL}(local\d{1,2}|kern|user|daemon|auth|authpriv|syslog|cron)(\s++)([${lv.digits}])(?=\s*+:)`,
    captures: caps({ 1: 'storage.type.facility.cucm', 3: lv.scope }),
  };
  R[`level-word-${lv.key}`] = {
    match: r`${WL}(?:${LEVEL_WORDS[lv.key]})${WR}`,
    name: lv.scope,
  };
  // Tomcat joins "<method>" and "<LEVEL>:" when its two-line records are pasted together.
  R[`level-glued-${lv.key}`] = {
    match: r`(?<=[a-z])(?:${LEVEL_WORDS[lv.key]})(?=:\s)`,
    name: lv.scope,
  };
}
const SEVERITY_TAGS = LEVELS.map((l) => `severity-tag-${l.key}`);
const SYSLOG_FACILITY = LEVELS.map((l) => `syslog-facility-${l.key}`);
const LEVEL_WORD_RULES = LEVELS.map((l) => `level-word-${l.key}`);
const LEVEL_GLUED_RULES = LEVELS.map((l) => `level-glued-${l.key}`);

// --- key/value, tags, escapes ------------------------------------------------------

R.kv = {
  match: r`(?<![0-9A-Za-z_.-])([A-Za-z_][\w.-]*+)(=)(?:(-?\d++(?:\.\d++)?)(?![0-9A-Za-z_.:/-])|(true|false|null|TRUE|FALSE|NULL|T|F)(?![0-9A-Za-z_.:/-]))?`,
  captures: caps({ 1: S.key, 2: S.assign, 3: S.int, 4: S.bool }),
};

R['tag-open'] = { match: r`%(?=\[)`, name: S.tagPunct };

// %[ServiceName=Cisco CDP][ProcessID=8426][AppID=...]: values may contain spaces and colons.
R['tag-pair'] = {
  // begin/end (not a capture with patterns) so that long chains stay linear; `$` ends an
  // unterminated tag at the end of the line.
  begin: r`(?<=%|\])(\[)([^=\[\]]*+)(=)`,
  beginCaptures: caps({ 1: S.tagPunct, 2: S.tagKey, 3: S.assign }),
  end: r`(\])|$`,
  endCaptures: caps({ 1: S.tagPunct }),
  contentName: S.tagValue,
  patterns: incs('escape-012', 'rtmt-alert-name'),
};

R['escape-012'] = { match: r`#\s?012`, name: S.escape };

R['rtmt-alert-name'] = {
  match: r`${WL}(?:CallProcessingNodeCpuPegging|CpuPegging|CodeYellow|CoreDumpFileFound|CriticalServiceDown|LowActivePartitionAvailableDiskSpace|LowAvailableVirtualMemory|LowSwapPartitionAvailableDiskSpace|ServerDown|DBReplicationFailure|DBReplicationTableOutOfSync|MediaListExhausted|RouteListExhausted)${WR}`,
  name: LOUD('alert'),
};

// --- status words ---------------------------------------------------------------------

R['capf-code'] = {
  patterns: [
    { match: r`${WL}CAPF_OP_SUCCESS${WR}`, name: CALM('capf') },
    { match: r`${WL}CAPF_FETCH_SUCCESS_BUT_NO_CERT${WR}`, name: WARN('capf') },
    { match: r`${WL}CAPF_OP_FAIL\w*+`, name: LOUD('capf') },
  ],
};

R['status-failure'] = {
  match:
    r`${WL}(?:[Ff]ail(?:ed|ure|ures|ing|s)?|FAIL(?:ED|URE|S)?|[Ee]rror|ERROR|[Ee]xpired|EXPIRED|[Dd]enied|DENIED|` +
    r`[Rr]efused|REFUSED|[Tt]imed\s++[Oo]ut|TIMED\s++OUT|[Uu]nreachable|UNREACHABLE|[Rr]ejected|REJECTED|[Ff]atal|FATAL|` +
    r`[Aa]borted|ABORTED|[Uu]nregistered|UNREGISTERED|[Oo]ut\s++[Oo]f\s++[Ss]ync|[Ll]ocked|LOCKED|[Cc]annot|[Uu]nable|` +
    r`[Ii]nvalid|INVALID|[Cc]ritical|[Cc]orrupt(?:ed)?|[Mm]ismatch(?:ed)?|[Tt]erminated\s++unexpectedly)${WR}`,
  name: LOUD('status.failure'),
};

R['status-warning'] = {
  match: r`${WL}(?:[Ww]arning|[Rr]etry(?:ing)?|[Rr]etries|RETRY(?:ING)?|[Dd]eprecated)${WR}`,
  name: WARN('status.warning'),
};

R['status-success'] = {
  match: r`${WL}(?:SUCCESS(?:FUL)?|[Ss]uccess(?:ful(?:ly)?)?|[Ss]ucceeded|OK|[Cc]ompleted|COMPLETED|[Ss]tarted|STARTED|[Rr]egistered|REGISTERED|[Ii]n\s++sync)${WR}`,
  name: CALM('status.success'),
};

// UCCX subsystem / JTAPI provider states: "JTAPI subsystem state: OUT_OF_SERVICE", "Provider is IN_SERVICE"
R['service-state'] = {
  patterns: [
    { match: r`${WL}OUT_OF_SERVICE${WR}`, name: LOUD('service-state') },
    { match: r`${WL}PARTIAL_SERVICE${WR}`, name: WARN('service-state') },
    { match: r`${WL}IN_SERVICE${WR}`, name: CALM('service-state') },
  ],
};

const STATUS = ['capf-code', 'service-state', 'status-failure', 'status-warning', 'status-success'];

// --- Java ------------------------------------------------------------------------------

// com.cisco.jtapi.PlatformExceptionImpl, java.lang.NullPointerException, SSLPeerUnverifiedException
R['java-exception'] = {
  match: r`(?<![\w$.])(?:[A-Za-z_][\w$]*+\.)*(?=[A-Z])(?!Error(?![\w$]))[\w$]*?(?:Exception|Error|Throwable)(?:Impl)?(?![\w$])`,
  name: S.exception,
};

R['java-class'] = {
  match: r`(?<![\w$.])(?:[a-z][\w$]*+\.){2,}[A-Z][\w$]*+`,
  name: S.klass,
};

// at com.cisco.jtapi.CiscoJtapiPeerImpl.getProvider(CiscoJtapiPeerImpl.java:1281)
R['stack-frame'] = seq(
  r`(?<![\w$.])`,
  G(r`at`, 'keyword.other.stack-frame.cucm'),
  r`\s++`,
  G(r`(?:[\w$<>-]++\.)*`, S.namespace),
  G(r`[\w$<>-]++`, S.klass),
  r`\.`,
  G(r`[\w$<>]++`, 'entity.name.function.method.cucm'),
  G(r`\(`, 'punctuation.section.parens.begin.cucm'),
  r`(?:`,
  G(r`[\w$.-]++`, 'string.unquoted.source-file.cucm'),
  r`:`,
  G(r`\d++`, S.lineNumber),
  r`|`,
  G(r`Native Method|Unknown Source|Compiled Code`, S.muted('source-location')),
  r`|[^()]*+)`,
  G(r`\)`, 'punctuation.section.parens.end.cucm'),
);

R['caused-by'] = {
  patterns: [
    { match: r`${WL}(Caused by)(:)`, captures: caps({ 1: 'keyword.other.caused-by.cucm' }) },
    { match: r`\.\.\.\s\d++\smore${WR}`, name: S.muted('stack-elided') },
  ],
};

// stack-frame / caused-by go first in a grammar; the name rules go after `kv` (see inline()).
const JAVA = ['java-exception', 'java-class'];

// --- misc literals ----------------------------------------------------------------------

R['enum-constant'] = {
  match: r`${WL}[A-Z][A-Z0-9]*+(?:_[A-Z0-9]++)++${WR}`,
  name: S.enumConst,
};

R.string = {
  patterns: [
    { match: r`"[^"\r\n]*+"`, name: S.dq },
    { match: r`(?<![0-9A-Za-z_'])'[^'\r\n]*+'(?![0-9A-Za-z_])`, name: S.sq },
  ],
};

R.number = {
  // not the digits of a hyphenated name (uc-ucm-01) or of a version suffix (16900-16)
  match: r`(?<![0-9A-Za-z_.$]|[0-9A-Za-z_]-)-?\d++(?:\.\d++)*+(?![0-9A-Za-z_])`,
  name: S.decimal,
};

/** Order matters only for matches that start at the same column: the first listed wins. */
function inline({ java = false } = {}) {
  return [
    'url',
    'sip-uri',
    ...SEVERITY_TAGS,
    'tag-open',
    'tag-pair',
    'escape-012',
    'kv', // before the Java rules: "Exception=null" is a key, not an exception name
    ...(java ? JAVA : []),
    ...STATUS,
    'mac',
    'hex-bytes',
    'date',
    'time',
    'year',
    'timezone',
    'ipv4',
    'hex',
    'device',
    'hostname',
    'enum-constant',
    'string',
    'number',
  ];
}
const INLINE_CORE = inline();
const INLINE_JAVA = inline({ java: true });

// ---------------------------------------------------------------------------
// SIP / SDP / MGCP (embedded in SDL traces after "[n,NET]")
// ---------------------------------------------------------------------------

// 401/407 answer almost every REGISTER and INVITE (the digest challenge before the credentials):
// a normal step of the flow, so not red; a refused retry shows as a diagnostic instead.
const STATUS_CLASSES = [
  { key: '1xx', re: r`1\d\d`, scope: 'markup.changed.status.provisional.cucm' },
  { key: '2xx', re: r`2\d\d`, scope: CALM('status.success') },
  { key: '3xx', re: r`3\d\d`, scope: 'markup.changed.status.redirect.cucm' },
  { key: 'challenge', re: r`40[17]`, scope: 'markup.changed.status.challenge.cucm' },
  { key: 'failure', re: r`[4-6]\d\d`, scope: LOUD('status.failure') },
];

R['sip-request-line'] = {
  match: r`^([A-Z][A-Z-]*+)(\s++)((?:sips?|tel|urn):\S*+)(\s++)(SIP/2\.0)(\s*+)$`,
  captures: caps({ 1: 'keyword.other.method.sip.cucm', 3: S.uri, 5: S.protocol }),
};
for (const c of STATUS_CLASSES) {
  R[`sip-status-line-${c.key}`] = {
    match: r`^(SIP/2\.0)(\s++)(${c.re})(?:(\s++)(\S(?:.*\S)?))?(\s*+)$`,
    captures: caps({ 1: S.protocol, 3: c.scope, 5: c.scope }),
  };
}
const SIP_FIRST_LINES = ['sip-request-line', ...STATUS_CLASSES.map((c) => `sip-status-line-${c.key}`)];

R['sip-protocol'] = {
  match: r`${WL}SIP/2\.0(?:/(?:UDP|TCP|TLS|SCTP|WSS|WS))?${WR}`,
  name: S.protocol,
};
R['sip-cseq'] = {
  match: r`^(CSeq)(\s*+)(:)(\s*+)(\d++)(\s++)([A-Z]++)`,
  captures: caps({ 1: S.header, 3: S.kvSep, 5: S.int, 7: 'keyword.other.method.sip.cucm' }),
};
R['sip-header'] = {
  match: r`^([A-Za-z][\w-]*+)(\s*+)(:)`,
  captures: caps({ 1: S.header, 3: S.kvSep }),
};
R['sdp-media'] = {
  match: r`^(m)(=)(audio|video|image|application|text|message)(\s++)(\d++)`,
  captures: caps({ 1: S.sdpField, 2: S.assign, 3: 'keyword.other.media.sdp.cucm', 5: S.port }),
};
R['sdp-attribute'] = {
  match: r`^(a)(=)([\w-]++)`,
  captures: caps({ 1: S.sdpField, 2: S.assign, 3: 'variable.other.key.attribute.sdp.cucm' }),
};
R['sdp-line'] = {
  match: r`^([a-z])(=)`,
  captures: caps({ 1: S.sdpField, 2: S.assign }),
};
R['mgcp-command'] = {
  match: r`^(CRCX|MDCX|DLCX|RQNT|NTFY|AUEP|AUCX|RSIP|EPCF)(\s++)(\d++)(\s++)(\S++)(\s++)(MGCP)(\s++)(\d++\.\d++)`,
  captures: caps({
    1: 'keyword.other.method.mgcp.cucm',
    3: S.int,
    5: 'string.unquoted.endpoint.cucm',
    7: S.protocol,
    9: S.protocol,
  }),
};
const MGCP_CLASSES = [
  { key: '1xx', re: '1', scope: 'markup.changed.status.provisional.cucm' },
  { key: '2xx', re: '2', scope: CALM('status.success') },
  { key: 'failure', re: '[3-9]', scope: LOUD('status.failure') },
];
for (const c of MGCP_CLASSES) {
  R[`mgcp-response-${c.key}`] = {
    match: r`^(${c.re}\d\d)(\s++)(\d++)(?:(\s++)(\S(?:.*\S)?))?(\s*+)$`,
    captures: caps({ 1: c.scope, 3: S.int, 5: c.scope }),
  };
}

// ---------------------------------------------------------------------------
// SDL / SDI traces
// ---------------------------------------------------------------------------

const SEQ8 = r`\d{8}\.\d{3}`;
const TIME12 = r`\d{2}:\d{2}:\d{2}\.\d{3}`;
const CONTENT = r`[^\s|](?:[^|]*[^\s|])?`; // no leading/trailing blanks, no "|"
const END_COL = [r`\s*+`, G(r`\|`, S.sep)];
const colPlain = (scope) => [r`\s*+(?:`, G(CONTENT, scope), r`)?`, ...END_COL];
const colProcess = (meta) => [
  r`\s*+(?:`,
  G(
    [
      G(r`[A-Za-z_]\w*+`, S.process),
      G(r`\(`, 'punctuation.section.parens.begin.cucm'),
      G(r`\d++`, S.int),
      r`,`,
      G(r`\d++`, S.int),
      r`,`,
      G(r`\d++`, S.int),
      r`,`,
      G(r`\d++`, S.int),
      G(r`\)`, 'punctuation.section.parens.end.cucm'),
    ],
    meta,
  ),
  r`|`,
  G(CONTENT, meta),
  r`)?`,
  ...END_COL,
];
// "1,100,150,1.1^*^*", "1,200,13,273912.572^10.106.87.133^TEST_543210"
const colCorrelation = [
  r`\s*+(?:`,
  G(
    [
      G(r`\d++(?:,\d++)*+(?:\.\d++)?`, S.int),
      G(r`\^`, 'punctuation.separator.correlation.cucm'),
      r`(?:`,
      G(r`\d{1,3}(?:\.\d{1,3}){3}`, S.ip),
      r`|`,
      G(r`\*`, 'keyword.operator.wildcard.cucm'),
      r`|`,
      G(r`[^\s^|]++`, 'string.unquoted.device-name.cucm'),
      r`)`,
      G(r`\^`, 'punctuation.separator.correlation.cucm'),
      r`(?:`,
      G(r`\*`, 'keyword.operator.wildcard.cucm'),
      r`|`,
      G(r`[^\s^|]++`, 'string.unquoted.device-name.cucm'),
      r`)`,
    ],
    'meta.correlation.cucm',
  ),
  r`|`,
  G(CONTENT, 'meta.correlation.cucm'),
  r`)?`,
  ...END_COL,
];

R['sdl-sdlsig'] = seq(
  r`(?<![0-9A-Za-z_.|])`,
  G(SEQ8, S.lineNumber),
  r`\s*+`,
  G(r`\|`, S.sep),
  G(TIME12, S.time),
  r`\s*+`,
  G(r`\|`, S.sep),
  G(r`SdlSig(?:-[IO])?`, S.recordType),
  r`\s*+`,
  G(r`\|`, S.sep),
  colPlain(S.signal),
  colPlain(S.state),
  colProcess('meta.process.destination.cucm'),
  colProcess('meta.process.source.cucm'),
  colCorrelation,
);

R['sdl-prefix'] = {
  match: r`(?<![0-9A-Za-z_.|])(${SEQ8})(\s*+)(\|)(?:(${TIME12})(\s*+)(\|)(?:(?:(AppError)|([A-Za-z]++(?:-[A-Z])?))(\s*+)(\|))?)?`,
  captures: caps({ 1: S.lineNumber, 3: S.sep, 4: S.time, 6: S.sep, 7: S.recordTypeError, 8: S.recordType, 10: S.sep }),
};

// Windows-era SDI: "16:05:41.625 CCM|StationInit - InboundStim - ..."
R['sdl-win-prefix'] = {
  match: r`^(${TIME12})(\s++)([A-Za-z]\w*+)(\|)`,
  captures: caps({ 1: S.time, 3: S.process, 4: S.sep }),
};

R['sdl-filehead'] = {
  patterns: [
    {
      match: r`${WL}(UTC)(:)([+-]\d{2}:\d{2})`,
      captures: caps({ 1: S.tz, 3: S.tz }),
    },
    {
      match: r`${WL}(HostName)(:)(\s*+)([A-Za-z0-9][\w.-]*+)`,
      captures: caps({ 1: S.label, 2: S.kvSep, 4: S.host }),
    },
    {
      // "|Period: 6s", ", AppName: CCM" — labels right after a field or list separator
      match: r`(?<=\||,|, )([A-Z][A-Za-z]*+)(:)(?=[\s\d+-])`,
      captures: caps({ 1: S.label, 2: S.kvSep }),
    },
  ],
};

R['sdl-component'] = {
  patterns: [
    {
      // "|SIPTcp - wait_SdlReadRsp:", "|HttpConnection - checkConnQueue found", "CCM|StationInit - InboundStim"
      match: r`(?<=\|)(\s?)([A-Za-z]\w*+)(\s-\s)(?:([a-z_]\w*+))?`,
      captures: caps({ 2: S.component, 4: S.func }),
    },
    {
      // "|//SIP/SIPUdp/wait_SdlDataInd:"
      match: r`(?<=\|)(//(?:[\w-]++/)++)([A-Za-z_]\w*+)(?=:)`,
      captures: caps({ 1: S.component, 2: S.func }),
    },
    {
      // "[CTIHandler::OutputCtiMessage ]", "DET-MediaManager-(252214)::buildMtpXcoderAllocList"
      match: r`(?<![\w:])([A-Za-z_]\w*+)?(::)([A-Za-z_~]\w*+)`,
      captures: caps({ 1: S.component, 2: 'punctuation.separator.scope.cucm', 3: S.func }),
    },
  ],
};

R['process-id'] = {
  match: r`(?<![0-9A-Za-z_])([A-Za-z_]\w*+)(\()(\d++)(,)(\d++)(,)(\d++)(,)(\d++)(\))`,
  captures: caps({
    1: S.process,
    2: 'punctuation.section.parens.begin.cucm',
    3: S.int,
    5: S.int,
    7: S.int,
    9: S.int,
    10: 'punctuation.section.parens.end.cucm',
  }),
};

R['sdl-trace-flags'] = {
  patterns: [
    { match: r`\[[RT]:[^\[\]\s]*+\]`, name: S.muted('trace-flags') },
    { match: r`\*TraceFlagOverrode${WR}`, name: S.muted('trace-flags') },
  ],
};

R['sdl-net-message'] = {
  begin: r`^\s*+(\[\d++,NET\])`,
  beginCaptures: caps({ 1: S.muted('net-marker') }),
  end: r`^(?=\s*+${SEQ8}\s*+\||${TIME12}\s++[A-Za-z]\w*+\|)`,
  name: 'meta.message.net.cucm',
  patterns: incs(
    SIP_FIRST_LINES,
    'mgcp-command',
    MGCP_CLASSES.map((c) => `mgcp-response-${c.key}`),
    'sip-cseq',
    'sdp-media',
    'sdp-attribute',
    'sdp-line',
    'sip-header',
    'sip-protocol',
    INLINE_CORE,
  ),
};

// ---------------------------------------------------------------------------
// MIVR / JTAPI
// ---------------------------------------------------------------------------

R['record-seq'] = {
  // "51269: Apr 08 10:14:27.842 IST %MIVR-..." / "9364: Nov 23 ... %JTAPI-..."
  match: r`^(\d++)(:)(?=\s++${MON}\s)`,
  captures: caps({ 1: S.lineNumber }),
};

R['mivr-phrases'] = {
  match: r`${WL}(?:Real-time\s*+failure|bad login or password|is not in provider's domain)${WR}`,
  name: LOUD('status.failure'),
};

R['jtapi-provider'] = {
  // "(P53-192.168.10.82)"
  match: r`(\()(P\d++)(-)(?:(\d{1,3}(?:\.\d{1,3}){3})|([^()\s]++))(\))`,
  captures: caps({ 2: 'entity.name.type.provider.cucm', 4: S.ip, 5: S.host }),
};

R['jtapi-thread'] = {
  // "(P53-192.168.10.82) [ProviderRetryThread] sending: ..."
  match: r`(?<=\) )(\[)([^\[\]\s]++)(\])`,
  captures: caps({ 2: S.thread }),
};

R['jtapi-direction'] = {
  match: r`${WL}(sending|received(?:\s++(?:Event|Response|Request))?)(:)`,
  captures: caps({ 1: 'keyword.other.direction.cucm' }),
};

R['object-dump'] = {
  // "... sending: com.cisco.cti.protocol.ProviderOpenRequest {" ... "}"
  begin: r`(?<![\w$.])((?:[a-z][\w$]*+\.)*+[A-Z][\w$]*+)(\s*+)(\{)(?=\s*+$)`,
  beginCaptures: caps({ 1: S.klass, 3: 'punctuation.section.braces.begin.cucm' }),
  end: r`^\s*+(\})|^(?=\d++:\s++${MON}\s)`,
  endCaptures: caps({ 1: 'punctuation.section.braces.end.cucm' }),
  name: 'meta.object-dump.cucm',
  patterns: incs('dump-failure', 'dump-field', 'object-dump', 'stack-frame', 'caused-by', INLINE_JAVA),
};

R['dump-failure'] = {
  // failureDescription = Directory login failed - locked due to too many attempts.
  match: r`^(\s*+)(failureDescription|failureReason|errorDescription)(\s*+)(=)(\s*+)(?!null${WR}|0${WR})(\S(?:.*\S)?)`,
  captures: caps({ 2: S.key, 4: S.assign, 6: LOUD('failure-description') }),
};

R['dump-field'] = {
  match: r`^(\s*+)([A-Za-z_][\w.$]*+)(\s*+)(=)(?:(\s*+)(null|true|false)(?=\s*+$))?(?=\s|$)`,
  captures: caps({ 2: S.key, 4: S.assign, 6: S.bool }),
};

// ---------------------------------------------------------------------------
// Syslog / CiscoLog / Tomcat / log4j / IIS
// ---------------------------------------------------------------------------

R['syslog-pri'] = {
  match: r`^(<)(\d{1,3})(>)`,
  captures: caps({ 1: S.tagPunct, 2: 'constant.numeric.priority.cucm', 3: S.tagPunct }),
};

R['syslog-host'] = {
  // "Jun 17 16:14:19 hcs862-hcm-f local7 2 :"
  match: r`(?<=\d\d:\d\d:\d\d )([A-Za-z0-9][\w.-]*+)(?=\s++(?:local\d{1,2}|kern|user|daemon|auth|authpriv|syslog|cron)\s)`,
  name: S.host,
};

R['ciscolog-seq-host'] = {
  // "... 2 : 7: hcs862-hcm-f.XXXXXXXXtest.net:" and bare CiscoLog "1234: myhost: Jun 17 ..."
  match: r`(?:^|(?<=: |>))(\d++)(:)(\s++)([A-Za-z][\w.-]*+)(:?)(?=\s)`,
  captures: caps({ 1: S.lineNumber, 4: S.host }),
};

R['ciscolog-accuracy'] = {
  match: r`(?<=: )\*(?=${MON}\s)`,
  name: S.muted('low-clock-accuracy'),
};

R['log4j-thread'] = {
  // "2021-04-23 17:04:46,507 ERROR [http-nio-81-exec-17] impl.AuthenticationLDAP - ..."
  match: r`(?<=[A-Z] |[A-Z]  )(\[)([^\[\]]++)(\])(\s++)([\w$]++(?:\.[\w$]++)*+)(?=\s-\s)`,
  captures: caps({ 2: S.thread, 5: S.klass }),
};

const HTTP_CLASSES = [
  { key: '2xx', re: '[12]', scope: CALM('status.success') },
  { key: '3xx', re: '3', scope: 'markup.changed.status.redirect.cucm' },
  { key: 'failure', re: '[45]', scope: LOUD('status.failure') },
];
for (const c of HTTP_CLASSES) {
  R[`http-request-${c.key}`] = {
    // "80 GET /desktop/container/ HTTP/1.1 200 4541 185"
    match: r`${WL}(GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH)(\s++)(/\S*+)(\s++)(HTTP/\d\.\d)(\s++)(${c.re}\d\d)${WR}`,
    captures: caps({ 1: 'keyword.other.method.http.cucm', 3: S.uri, 5: S.protocol, 7: c.scope }),
  };
}
R['http-request'] = {
  match: r`${WL}(GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH)(\s++)(/\S*+)(\s++)(HTTP/\d\.\d)${WR}`,
  captures: caps({ 1: 'keyword.other.method.http.cucm', 3: S.uri, 5: S.protocol }),
};
const HTTP = [...HTTP_CLASSES.map((c) => `http-request-${c.key}`), 'http-request'];

R['w3c-directive'] = {
  match: r`^#(?:Software|Version|Date|Fields|Remark|Start-Date|End-Date):.*+$`,
  name: 'comment.line.directive.cucm',
};

// ---------------------------------------------------------------------------
// Windows Event Viewer text
// ---------------------------------------------------------------------------

const EV_TYPE_LABELS = 'Event Type|Type|Level|イベントの種類|種類|レベル';
const EV_TYPE_VALUES = [
  { key: 'error', re: 'Error|Critical|Audit Failure|エラー|重大|失敗の監査', scope: LOUD('event-type.error') },
  { key: 'warning', re: 'Warning|警告', scope: WARN('event-type.warning') },
  { key: 'info', re: 'Information|Informational|情報', scope: INFO('event-type.info') },
  { key: 'debug', re: 'Verbose|詳細', scope: DEBUG('event-type.verbose') },
  { key: 'success', re: 'Audit Success|成功の監査', scope: CALM('event-type.audit-success') },
];
for (const v of EV_TYPE_VALUES) {
  R[`event-type-${v.key}`] = {
    match: r`^(\s*+)(${EV_TYPE_LABELS})(\s*+)([:：])(\s*+)(${v.re})(?=\s|$)`,
    captures: caps({ 2: S.label, 4: S.kvSep, 6: v.scope }),
  };
}
const EV_TYPES = EV_TYPE_VALUES.map((v) => `event-type-${v.key}`);

R['event-source'] = {
  match: r`^(\s*+)(Event Source|Source|イベント ソース|イベントソース|ソース)(\s*+)([:：])(\s*+)(\S(?:.*\S)?)`,
  captures: caps({ 2: S.label, 4: S.kvSep, 6: S.service }),
};

R['event-computer'] = {
  match: r`^(\s*+)(Computer|コンピューター|コンピュータ)(\s*+)([:：])(\s*+)([A-Za-z0-9][\w.-]*+)(?=\s*+$)`,
  captures: caps({ 2: S.label, 4: S.kvSep, 6: S.host }),
};

R['event-label'] = {
  patterns: [
    {
      match:
        r`^(\s*+)(Event Category|Event ID|Date|Time|User|Computer|Description|Data|Log Name|Task Category|Keywords|Opcode|Record Number|Category|` +
        r`イベントの分類|分類|イベント ID|イベントID|日付|時刻|ユーザー|ユーザ|コンピューター|コンピュータ|説明|データ|ログの名前|タスクのカテゴリ|キーワード|オペコード)(\s*+)([:：])`,
      captures: caps({ 2: S.label, 4: S.kvSep }),
    },
    {
      // Other Title Case labels followed by a tab or the end of the line.
      match: r`^(\s*+)([A-Z][A-Za-z]*+(?: [A-Z][A-Za-z]*+)*+)(:)(?=\t|\s*+$)`,
      captures: caps({ 2: S.label, 4: S.kvSep }),
    },
    {
      // Other Japanese labels.
      match: r`^(\s*+)([\p{Han}\p{Katakana}\p{Hiragana}ー]++(?: ?ID)?)([:：])(?=[\t ]|$)`,
      captures: caps({ 2: S.label, 3: S.kvSep }),
    },
  ],
};

R['scm-phrases'] = {
  patterns: [
    {
      match:
        r`${WL}(?:terminated unexpectedly|failed to start|did not respond to the start or control request in a timely fashion|` +
        r`logon failure|Timeout \(\d++ milliseconds\) waiting for)${WR}`,
      name: LOUD('status.failure'),
    },
    {
      match: r`予期せぬ原因により終了しました|予期しない原因で終了しました|開始できませんでした|タイムアウト|応答しませんでした|ログオンに失敗しました|失敗しました`,
      name: LOUD('status.failure'),
    },
    { match: r`再開|再起動`, name: WARN('status.recovery') },
  ],
};

R['service-name'] = {
  match: r`${WL}Cisco(?: [A-Z][\w-]*+){1,5}`, // bounded: each start scans at most five words
  name: S.service,
};

R.placeholder = { match: r`%(?:\d++|n${WR})`, name: S.placeholder };

// ---------------------------------------------------------------------------
// Platform CLI
// ---------------------------------------------------------------------------

R['cli-prompt'] = {
  // "admin:utils dbreplication runtimestate", "admin: show perf query class \"...\" ==>query class :"
  match: r`^(admin)(:)(\s*+)([a-z][\w-]*+(?:\s++(?:"[^"]*+"|[a-z0-9/_.*-][^\s"]*+))*+)?`,
  captures: caps({
    1: S.prompt,
    2: S.prompt,
    4: { name: S.command, patterns: incs('string') },
  }),
};

R['cli-pagination'] = {
  patterns: [
    { match: r`Press <enter> for 1 line, <space> for one page, or <q> to quit`, name: S.muted('pagination') },
    { match: r`options: q=quit, n=next, p=prev, b=begin, e=end \([^)]*+\)\s*+:`, name: S.muted('pagination') },
  ],
};

R['cli-table-rule'] = {
  match: r`^\s*+-{3,}(?:\s++-{3,})*+\s*+$`,
  name: S.muted('table-rule'),
};

R['cli-health'] = {
  patterns: [
    {
      // "(2) Setup Completed", "(2) PUB Setup Completed"
      match: r`(?<=\s)(\(2\))(?:(\s++)([^\s()](?:[^()]*[^\s()])?))?(?=\s*+$)`,
      captures: caps({ 1: CALM('health'), 3: CALM('health') }),
    },
    {
      // "(3) Out Of Sync", "(3) DB Active-Failed", "(4) Setup Failed/Dropped", "(0) ...", "(1) ..."
      match: r`(?<=\s)(\([013-9]\))(?:(\s++)([^\s()](?:[^()]*[^\s()])?))?(?=\s*+$)`,
      captures: caps({ 1: LOUD('health'), 3: LOUD('health') }),
    },
  ],
};

R['cli-replicate-state'] = {
  patterns: [
    {
      match: r`${WL}(Replicate_State)(\s*+)(=)(\s*+)(2)(?![0-9])`,
      captures: caps({ 1: S.key, 3: S.assign, 5: CALM('health') }),
    },
    {
      match: r`${WL}(Replicate_State)(\s*+)(=)(\s*+)(\d++)`,
      captures: caps({ 1: S.key, 3: S.assign, 5: LOUD('health') }),
    },
  ],
};

R['cli-perf-counter'] = {
  patterns: [
    {
      // "    ReplicateCount  -> Number of Replicates Created   = 344"
      match: r`^(\s*+)([\w.-]++)(\s++)(->)`,
      captures: caps({ 2: 'entity.name.type.instance.cucm', 4: 'keyword.operator.arrow.cucm' }),
    },
    {
      match: r`(?<=->\s)(\s*+)(?!Replicate_State${WR})([A-Za-z](?:[^=]{0,160}[^=\s])?)(\s*+)(=)`,
      captures: caps({ 2: S.key, 4: S.assign }),
    },
  ],
};

R['cli-fields'] = {
  patterns: [
    {
      match: r`${WL}(Link Detected)(\s*+)(:)(\s*+)(?:(yes)|(no))${WR}`,
      captures: caps({ 1: S.label, 3: S.kvSep, 5: CALM('link'), 6: LOUD('link') }),
    },
    {
      match: r`${WL}(Duplicate IP)(\s*+)(:)(\s*+)(?:(no)|(yes))${WR}`,
      captures: caps({ 1: S.label, 3: S.kvSep, 5: CALM('duplicate-ip'), 6: LOUD('duplicate-ip') }),
    },
    {
      match: r`${WL}(Status)(\s*+)(:)(\s*+)(?:(up)|(down))${WR}`,
      captures: caps({ 1: S.label, 3: S.kvSep, 5: CALM('link'), 6: LOUD('link') }),
    },
    {
      // "Mode        : Auto disabled, Full, 1000 Mbits/s"
      match: r`${WL}(Mode)(\s*+)(:)(\s*+)(Auto\s++(?:enabled|disabled))(,\s*+)(?:(Full)|(Half))${WR}`,
      captures: caps({ 1: S.label, 3: S.kvSep, 7: CALM('duplex'), 8: LOUD('duplex') }),
    },
    {
      // "Return code = 0"
      match: r`${WL}(Return code)(\s*+)(=)(\s*+)(?:(0)|(-?\d++))${WR}`,
      captures: caps({ 1: S.key, 3: S.assign, 5: CALM('return-code'), 6: LOUD('return-code') }),
    },
  ],
};

R['cli-label'] = {
  // "IP Address   : 10.53.50.219   IP Mask     : ...", "Not After : Apr 13 ...", "quitType              : Intel"
  // Starts only at the line start, after 2+ blanks / a tab / '[' / a glued pager prompt, so the
  // word loop cannot restart at every word of a long single-spaced sentence.
  match: r`(?:^|(?<=\s\s|\t|\[|to quit))([A-Z][\w()/.-]*+(?: [A-Za-z][\w()/.-]*+)*+)(\s*+)(:)(?=\s|$)`,
  captures: caps({ 1: S.label, 3: S.kvSep }),
};

R['cli-service-state'] = {
  patterns: [
    { match: r`\[\s*+STARTED\s*+\]`, name: CALM('service-state') },
    { match: r`\[\s*+STARTING\s*+\]`, name: WARN('service-state') },
    {
      // benign: a service that is simply not activated
      match: r`(\[\s*+STOPPED\s*+\])(\s*+)(Service Not Activated)`,
      captures: caps({ 1: S.muted('service-state'), 3: S.muted('service-state') }),
    },
    { match: r`\[\s*+STOPPED\s*+\]`, name: LOUD('service-state') },
    { match: r`Component is not running`, name: LOUD('service-state') },
  ],
};

R['cli-yyy'] = {
  patterns: [
    { match: r`${WL}Y/Y/Y${WR}`, name: CALM('db-rpc-dbmon') },
    { match: r`${WL}[YN]/[YN]/[YN]${WR}`, name: LOUD('db-rpc-dbmon') },
  ],
};

R['cli-runtimestate-host'] = {
  // "cucm-57                  10.77.32.57       0.163 ..."
  // also right after a pager prompt glued to the row ("...or <q> to quitcucm-sub1   10.1.1.2 ...")
  match: r`(?:^|(?<=to quit))([A-Za-z][\w.-]*+)(?=\s++\d{1,3}(?:\.\d{1,3}){3}\s)`,
  name: S.host,
};

R['cli-status-words'] = {
  patterns: [
    {
      match:
        r`${WL}(?:[Dd]egraded|DEGRADED|[Rr]emoved|REMOVED|[Ff]aulty|FAULTY|[Oo]ffline|OFFLINE|Half|[Dd]isconnected|Not Connected|` +
        r`DOWN|[Mm]issing|MISSING|Predictive Failure|[Uu]nconfigured\(bad\))${WR}`,
      name: LOUD('status.failure'),
    },
    {
      match: r`${WL}(?:Interim Recovery Mode|spare rebuilding|[Rr]ebuild(?:ing)?|REBUILD(?:ING)?|[Rr]ecovering|[Rr]esync(?:ing)?|[Ee]xpanding)${WR}`,
      name: WARN('status.warning'),
    },
    {
      match: r`${WL}(?:Optimal|Online|ONLINE|Active|ACTIVE|active sync|active|Clean|clean|Connected|All Tables are in sync)${WR}`,
      name: CALM('status.success'),
    },
  ],
};

// ---------------------------------------------------------------------------
// The six grammars
// ---------------------------------------------------------------------------

const LANGS = [
  {
    id: 'cucm-sdl',
    scopeName: 'text.cucm.sdl',
    title: 'CUCM SDL/SDI Trace',
    patterns: incs(
      'sdl-sdlsig',
      'sdl-prefix',
      'sdl-win-prefix',
      'sdl-net-message',
      SIP_FIRST_LINES,
      'sdl-filehead',
      'sdl-component',
      'sdl-trace-flags',
      'process-id',
      INLINE_JAVA,
    ),
  },
  {
    id: 'cucm-mivr',
    scopeName: 'text.cucm.mivr',
    title: 'UCCX Engine Log (MIVR)',
    patterns: incs('record-seq', 'object-dump', 'mivr-phrases', 'stack-frame', 'caused-by', INLINE_JAVA),
  },
  {
    id: 'cucm-jtapi',
    scopeName: 'text.cucm.jtapi',
    title: 'Cisco JTAPI Client Log',
    patterns: incs(
      'record-seq',
      'jtapi-provider',
      'jtapi-thread',
      'jtapi-direction',
      'object-dump',
      'dump-failure',
      'dump-field',
      'mivr-phrases',
      'stack-frame',
      'caused-by',
      INLINE_JAVA,
    ),
  },
  {
    id: 'cucm-syslog',
    scopeName: 'text.cucm.syslog',
    title: 'Cisco Syslog',
    patterns: incs(
      'syslog-pri',
      'w3c-directive',
      SYSLOG_FACILITY,
      'syslog-host',
      'ciscolog-seq-host',
      'ciscolog-accuracy',
      'log4j-thread',
      HTTP,
      LEVEL_WORD_RULES,
      LEVEL_GLUED_RULES,
      'rtmt-alert-name',
      'stack-frame',
      'caused-by',
      INLINE_JAVA,
    ),
  },
  {
    id: 'cucm-eventlog',
    scopeName: 'text.cucm.eventlog',
    title: 'Windows Event Log (CUCM)',
    patterns: incs(
      EV_TYPES,
      'event-source',
      'event-computer',
      'event-label',
      SYSLOG_FACILITY,
      'ciscolog-seq-host',
      'scm-phrases',
      'service-name',
      'placeholder',
      INLINE_CORE,
    ),
  },
  {
    id: 'cucm-cli',
    scopeName: 'text.cucm.cli',
    title: 'CUCM CLI Output',
    patterns: incs(
      'cli-prompt',
      'cli-pagination',
      'cli-table-rule',
      'cli-health',
      'cli-replicate-state',
      'cli-perf-counter',
      'cli-fields',
      'cli-service-state',
      'cli-yyy',
      'cli-runtimestate-host',
      'cli-label',
      'cli-status-words',
      SYSLOG_FACILITY,
      LEVEL_WORD_RULES,
      'stack-frame',
      'caused-by',
      INLINE_JAVA,
    ),
  },
];

// ---------------------------------------------------------------------------
// Assembly
// ---------------------------------------------------------------------------

/** Collect the repository entries reachable from `patterns`, failing on dangling includes. */
function reachable(patterns) {
  const seen = new Set();
  const walk = (rule) => {
    if (!rule || typeof rule !== 'object') return;
    if (rule.include) {
      const name = rule.include.slice(1);
      if (!rule.include.startsWith('#') || !(name in R)) throw new Error(`unknown include ${rule.include}`);
      if (seen.has(name)) return;
      seen.add(name);
      walk(R[name]);
      return;
    }
    for (const p of rule.patterns ?? []) walk(p);
    for (const key of ['captures', 'beginCaptures', 'endCaptures']) {
      for (const c of Object.values(rule[key] ?? {})) walk(c);
    }
  };
  patterns.forEach(walk);
  return [...seen].sort();
}

export function buildGrammars() {
  const out = {};
  for (const lang of LANGS) {
    const repository = {};
    for (const name of reachable(lang.patterns)) repository[name] = R[name];
    out[lang.id] = {
      $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
      name: lang.title,
      scopeName: lang.scopeName,
      comment: 'GENERATED by test/grammar/generate.mjs - edit that file, then run it. Do not edit by hand.',
      patterns: lang.patterns,
      repository,
    };
  }
  return out;
}

export const grammarFiles = () =>
  LANGS.map((l) => ({ id: l.id, scopeName: l.scopeName, file: path.join(OUT_DIR, `${l.id}.tmLanguage.json`) }));

function main() {
  const check = process.argv.includes('--check');
  const grammars = buildGrammars();
  let stale = 0;
  for (const { id, file } of grammarFiles()) {
    const text = JSON.stringify(grammars[id], null, 2) + '\n';
    const rel = path.relative(ROOT, file);
    if (check) {
      const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
      if (current !== text) {
        stale++;
        console.error(`STALE ${rel}: differs from what test/grammar/generate.mjs generates`);
      } else {
        console.log(`ok    ${rel}`);
      }
    } else {
      fs.writeFileSync(file, text);
      console.log(`wrote ${rel}`);
    }
  }
  if (check && stale) {
    console.error(`${stale} grammar file(s) are stale: run "node test/grammar/generate.mjs" and commit the result.`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
