// @ts-check
// Rules shared by several grammars (links, addresses, dates, severities, key/value, status words, Java);
// each grammar copies the ones it reaches into its own repository.

import { r, WL, WR, MON, DOW, TZ, LOUD, WARN, CALM, LEVELS, LEVEL_WORDS, S, caps, incs, G, seq } from './blocks.mjs';

export const R = {};

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
export const SYSLOG_FACILITY = LEVELS.map((l) => `syslog-facility-${l.key}`);
export const LEVEL_WORD_RULES = LEVELS.map((l) => `level-word-${l.key}`);
export const LEVEL_GLUED_RULES = LEVELS.map((l) => `level-glued-${l.key}`);

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
export const INLINE_CORE = inline();
export const INLINE_JAVA = inline({ java: true });
