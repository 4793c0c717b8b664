// @ts-check
// Building blocks of the grammars: scope names, colour families, word edges and the seq()/caps() helpers
// that keep every regex linear (see the policies in generate.mjs).

export const r = String.raw;

/** ASCII word edges (Oniguruma's \b is Unicode-aware and fails next to CJK text). */
export const WL = r`(?<![0-9A-Za-z_])`;
export const WR = r`(?![0-9A-Za-z_])`;

export const MON = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
export const DOW = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
/** Time-zone abbreviation or numeric offset directly after a time of day. */
export const TZ = r`(?:(?:UTC|GMT|UT|CES|Z|[A-Z]{1,4}T)(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})`;

/** The five colour families used for health / severity. */
export const LOUD = (x) => `invalid.illegal.${x}.cucm`; // red in Dark+ (#f44747) and Light+ (#cd3131)
export const WARN = (x) => `keyword.control.${x}.cucm`; // purple/magenta (#C586C0 / #AF00DB)
export const INFO = (x) => `keyword.other.${x}.cucm`; // blue (#569cd6 / #0000ff)
export const DEBUG = (x) => `comment.other.${x}.cucm`; // muted green (#6A9955 / #008000)
export const CALM = (x) => `markup.inserted.${x}.cucm`; // pale/dark green (#b5cea8 / #098658)

/** Syslog / CiscoLog severity digits 0-7 mapped to colour families. */
export const LEVELS = [
  { key: 'error', digits: '0-3', scope: LOUD('severity.error') },
  { key: 'warning', digits: '4', scope: WARN('severity.warning') },
  { key: 'info', digits: '56', scope: INFO('severity.info') },
  { key: 'debug', digits: '7', scope: DEBUG('severity.debug') },
];

/** Word-level log levels (log4j, java.util.logging, Windows). */
export const LEVEL_WORDS = {
  error: 'FATAL|SEVERE|ERROR|CRITICAL|CRIT|ALERT|EMERG(?:ENCY)?',
  warning: 'WARNING|WARN',
  info: 'INFO|NOTICE|CONFIG',
  debug: 'DEBUG|TRACE|FINEST|FINER|FINE|VERBOSE',
};

export const S = {
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
export function caps(obj) {
  const out = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === null || v === undefined) continue;
    out[k] = typeof v === 'string' ? { name: v } : v;
  }
  return out;
}
const inc = (name) => ({ include: `#${name}` });
export const incs = (...names) => names.flat().map(inc);

/** A capturing group for seq(): `inner` is a regex string or a list of parts (nested groups). */
export const G = (inner, scope) => ({ group: inner, scope });

/**
 * Build one regex from parts and number its capture groups automatically. A part is a plain
 * regex string (which must contain no capturing group), a G(inner, scope) group, or a list of
 * parts. Used instead of capture-level `patterns`: vscode-textmate re-tokenizes such a capture
 * by copying the line prefix up to it, which is O(line) per occurrence and so quadratic when
 * the rule repeats along a long line.
 */
export function seq(...parts) {
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
