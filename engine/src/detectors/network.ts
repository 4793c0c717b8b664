import type { TextIndex } from '../text-index';
import type { Localized, Range } from '../types';
import type { Detector, DetectorContext, DetectorFinding } from './types';

/**
 * Detectors for the "system not responding" and network part of the catalog: CUCM host names that DNS
 * does not allow, saved browser error pages for the administration pages, web server access logs (IIS W3C
 * and VOS Tomcat), and CTIManager LDAP login timeouts. Every detector looks only at its trigger lines and a
 * bounded number of lines around them, so each stays linear in the size of the text.
 */

// ---------------------------------------------------------------------------------------------------------
// Shared helpers

/** Longest part of a line we look at: saved web pages can be one huge line. */
const LINE_CAP = 20000;

const capped = (index: TextIndex, n: number): string => {
  const text = index.line(n);
  return text.length > LINE_CAP ? text.slice(0, LINE_CAP) : text;
};

const spanRange = (line: number, start: number, end: number): Range => ({
  start: { line, character: start },
  end: { line, character: end },
});

/** Range of a line's content from its first non-blank character to its end. */
function lineRange(index: TextIndex, n: number): Range {
  const text = index.line(n);
  let start = 0;
  while (start < text.length && (text[start] === ' ' || text[start] === '\t')) start++;
  return spanRange(n, start, text.length);
}

const compiledCache = new Map<string, RegExp>();
/** Patterns come from catalog params; compile each once. */
function compile(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let re = compiledCache.get(key);
  if (!re) {
    re = new RegExp(source, flags);
    compiledCache.set(key, re);
  }
  return re;
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

const MAX_RELATED = 10;

// ---------------------------------------------------------------------------------------------------------
// Host names with characters DNS does not allow (`Call_Manager`)

/**
 * Places where a CUCM host name is printed. Each pattern's group 1 is the name; `g` so that a line with two
 * names (a syslog line with `[HostName=..]` and `[NodeID=..]`) gives both.
 */
const HOST_SOURCES: RegExp[] = [
  /\bHostName\s*[:=]\s*([^\s,;|[\]<>"'`=:/\\]{1,80})/gi, // SDL FileHead `HostName: x,`, alarm tag `[HostName=x]`
  /\bNode\s?ID\s*[:=]\s*([^\s,;|[\]<>"'`=:/\\]{1,80})/gi, // syslog `[NodeID=x]`, CTIManager `Node ID:x`
  /(?:\b|(?<=quit))Host\s+Name\s*:\s*([^\s,;|[\]<>"'`=:/\\]{1,80})/gi, // `show status`, `show network`
  /\bhttps?:\/\/([^\s/:?#[\]<>"'`\\@]{1,80})(?=[:/])(?=[^\s"'<>]{0,8}\/(?:ccmadmin|ccmservice|ccmuser|cmplatform|CCMAdmin))/gi, // CUCM web URLs
  /^\s*(?:Computer|コンピューター?)\s*[:：]\s*([^\s,;|[\]<>"'`=:/\\]{1,80})/gi, // Windows Event Viewer
];
/** Characters a host name may not contain (letters, digits, hyphen and the dots between labels are fine). */
const BAD_HOST_CHAR = /[_!#$%&'(){}~^@+=*]/;
/** Values that are not names: placeholders, numbers, IP addresses. */
const NOT_A_NAME = /^(?:-+|\*+|N\/?A|none|null|unknown|\d+|\d{1,3}(?:\.\d{1,3}){3})$/i;
const RUNTIMESTATE_HEADER = /SERVER-NAME\s+IP\s*ADDRESS/i;
const DASHES = /^\s*-{3,}(?:\s+-{3,})*\s*$/;
const PAGER = /^.*?or\s*<q>\s*to\s*quit\s*/i;

const SAME_HOST: Localized = {
  en: 'The same host name appears here too',
  ja: '同じホスト名がここにも出ています',
};

interface HostHit {
  host: string;
  line: number;
  start: number;
}

function hostHitsOnLine(index: TextIndex, n: number, out: HostHit[]): void {
  const text = capped(index, n);
  for (const re of HOST_SOURCES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      const host = m[1].replace(/[.,;:)]+$/, '');
      if (host.length === 0) continue;
      out.push({ host, line: n, start: m.index + m[0].lastIndexOf(m[1]) });
    }
  }
}

/** SERVER-NAME column of `utils dbreplication runtimestate` tables. */
function runtimestateHosts(index: TextIndex, header: number, out: HostHit[]): void {
  let seenRow = false;
  for (let n = header + 1; n < index.lineCount && n <= header + 200; n++) {
    let text = capped(index, n);
    let offset = 0;
    const pager = /to\s*quit/i.test(text) ? PAGER.exec(text) : null;
    if (pager) {
      offset = pager[0].length;
      text = text.slice(offset);
    }
    if (text.trim() === '') {
      if (seenRow) return;
      continue;
    }
    if (DASHES.test(text)) continue;
    const m = /^(\s*)(\S{1,80})\s+(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f:]{3,39})\s/.exec(text);
    if (!m) return;
    seenRow = true;
    out.push({ host: m[2], line: n, start: offset + m[1].length });
  }
}

/** One finding per distinct bad host name; later sightings become related information. */
const hostNameCharacters: Detector = (ctx) => {
  const { index } = ctx;
  const hits: HostHit[] = [];
  for (const n of ctx.hitLines) {
    hostHitsOnLine(index, n, hits);
    if (RUNTIMESTATE_HEADER.test(capped(index, n))) runtimestateHosts(index, n, hits);
  }
  hits.sort((a, b) => a.line - b.line || a.start - b.start);
  const byHost = new Map<string, DetectorFinding>();
  const out: DetectorFinding[] = [];
  for (const h of hits) {
    const label = h.host.split('.')[0];
    if (NOT_A_NAME.test(h.host)) continue;
    const bad = BAD_HOST_CHAR.exec(label);
    if (!bad) continue;
    const key = h.host.toLowerCase();
    const range = spanRange(h.line, h.start, h.start + h.host.length);
    const prev = byHost.get(key);
    if (prev) {
      const rel = prev.related!;
      if (
        rel.length < MAX_RELATED &&
        rel[rel.length - 1]?.range.start.line !== h.line &&
        prev.range.start.line !== h.line
      )
        rel.push({ range, message: SAME_HOST });
      continue;
    }
    const f: DetectorFinding = { range, captures: { host: h.host, char: bad[0] }, related: [] };
    byHost.set(key, f);
    out.push(f);
  }
  return out;
};

// ---------------------------------------------------------------------------------------------------------
// Browser error pages (saved HTML or text): one finding per page, not per title/heading/body repeat

const SAME_PAGE: Localized = {
  en: 'The same page repeats the message here',
  ja: '同じページがここでもメッセージを繰り返しています',
};

/**
 * params.patterns: regular expressions (case-insensitive) tried on each trigger line; named groups become
 * captures. params.window: lines within which a repeat belongs to the same page (default 60).
 */
const webPageMessage: Detector = (ctx) => {
  const patterns = ((ctx.params.patterns as string[] | undefined) ?? []).map((p) => compile(p, 'i'));
  const window = Number(ctx.params.window ?? 60);
  const out: DetectorFinding[] = [];
  let last: DetectorFinding | undefined;
  for (const n of ctx.hitLines) {
    const text = capped(ctx.index, n);
    for (const re of patterns) {
      const m = re.exec(text);
      if (!m) continue;
      const range = spanRange(n, m.index, m.index + m[0].length);
      if (last && n - last.range.start.line <= window) {
        if (last.related!.length < MAX_RELATED && n !== last.range.start.line)
          last.related!.push({ range, message: SAME_PAGE });
      } else {
        const captures: Record<string, string> = {};
        for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) captures[k] = squash(v);
        last = { range, captures, related: [] };
        out.push(last);
      }
      break;
    }
  }
  return out;
};

// ---------------------------------------------------------------------------------------------------------
// Web server access logs: IIS W3C (Windows-era CCMAdmin) and VOS Tomcat localhost_access_log

interface AccessRow {
  line: number;
  client: string;
  user: string;
  method: string;
  uri: string;
  status: number;
  /** Minutes since an arbitrary epoch, when the row carries a time. */
  minute?: number;
  uriStart: number;
}

const W3C_FIELDS = /^#Fields:\s*(.*)$/;
const COMMON_ROW =
  /^\s*(\S+)\s[^"\r\n]{0,200}?"?\b(GET|POST|HEAD|PUT|DELETE|OPTIONS)\s+(\/\S*)\s+HTTP\/\d(?:\.\d)?"?\s+(\d{3})\b/;
const COMMON_USER = /^\s*\S+\s+(?:\S+\s+)?-\s+(\S+)\s+\[/;
const CLF_TIME = /\[(\d{1,2})\/([A-Za-z]{3})\/(\d{4}):(\d{2}):(\d{2})/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const STATIC = /\.(?:gif|png|jpe?g|ico|css|js|bmp|svg|woff2?|ttf|map)$/i;
const ADMIN_PATH = /^\/ccmadmin(?:[/?;]|$)/i;

const dayMinute = (y: number, mo: number, d: number, h: number, mi: number): number =>
  ((y * 12 + mo) * 31 + d) * 1440 + h * 60 + mi;

const accessCache = new WeakMap<TextIndex, AccessRow[]>();

function accessRows(ctx: DetectorContext): AccessRow[] {
  const cached = accessCache.get(ctx.index);
  if (cached) return cached;
  const { index } = ctx;
  const rows: AccessRow[] = [];
  let fields: string[] | undefined;
  let scanned = 0;
  for (const hit of ctx.hitLines) {
    // Walk forward to the hit, remembering the last W3C `#Fields:` directive (directive lines start with `#`).
    for (; scanned < hit; scanned++) {
      const s = index.starts[scanned];
      if (index.text.charCodeAt(s) !== 35 /* # */) continue;
      const m = W3C_FIELDS.exec(capped(index, scanned));
      if (m) fields = m[1].trim().split(/\s+/);
    }
    scanned = hit + 1;
    const text = capped(index, hit);
    if (text.startsWith('#')) {
      const m = W3C_FIELDS.exec(text);
      if (m) fields = m[1].trim().split(/\s+/);
      continue;
    }
    const row = fields ? w3cRow(text, hit, fields) : undefined;
    const parsed = row ?? commonRow(text, hit);
    if (parsed) rows.push(parsed);
  }
  accessCache.set(ctx.index, rows);
  return rows;
}

function w3cRow(text: string, line: number, fields: string[]): AccessRow | undefined {
  const values = text.trim().split(/\s+/);
  if (values.length !== fields.length) return undefined;
  const get = (name: string): string | undefined => {
    const i = fields.indexOf(name);
    return i === -1 ? undefined : values[i];
  };
  const uri = get('cs-uri-stem');
  const status = Number(get('sc-status'));
  if (!uri || !Number.isInteger(status)) return undefined;
  let minute: number | undefined;
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(get('date') ?? '');
  const time = /^(\d{2}):(\d{2})/.exec(get('time') ?? '');
  if (date && time) minute = dayMinute(+date[1], +date[2], +date[3], +time[1], +time[2]);
  const uriStart = text.indexOf(uri);
  return {
    line,
    client: get('c-ip') ?? '-',
    user: get('cs-username') ?? '-',
    method: get('cs-method') ?? '',
    uri,
    status,
    minute,
    uriStart: uriStart < 0 ? 0 : uriStart,
  };
}

function commonRow(text: string, line: number): AccessRow | undefined {
  const m = COMMON_ROW.exec(text);
  if (!m) return undefined;
  let minute: number | undefined;
  const t = CLF_TIME.exec(text);
  if (t) {
    const mo = MONTHS.indexOf(t[2].toLowerCase());
    if (mo >= 0) minute = dayMinute(+t[3], mo + 1, +t[1], +t[4], +t[5]);
  }
  const user = COMMON_USER.exec(text)?.[1] ?? '-';
  return {
    line,
    client: m[1],
    user,
    method: m[2],
    uri: m[3],
    status: Number(m[4]),
    minute,
    uriStart: text.indexOf(m[3], m.index),
  };
}

const SAME_BURST: Localized = {
  en: 'Another request from the same client with the same answer',
  ja: '同じクライアントからの同じ応答の別の要求',
};

/** Rows further apart than this (minutes) are separate events. */
const BURST_GAP = 15;
/** Refused logins: this many 401s from one client before a success count as a refusal. */
const REPEATED_401 = 3;

/**
 * params.kind: `failed` (5xx on any CCMAdmin URL, 404 on a CCMAdmin page or the application root) or
 * `refused` (403, a 401 that carries the user name it refused, or repeated 401s without a success).
 */
const adminAccessLog: Detector = (ctx) => {
  const kind = String(ctx.params.kind ?? 'failed');
  const out: DetectorFinding[] = [];
  const open = new Map<string, { f: DetectorFinding; minute?: number; count: number }>();
  const pending401 = new Map<string, AccessRow[]>();
  const emit = (row: AccessRow, key: string): void => {
    const prev = open.get(key);
    const range = spanRange(row.line, row.uriStart, row.uriStart + row.uri.length);
    const near =
      prev &&
      (prev.minute === undefined || row.minute === undefined || Math.abs(row.minute - prev.minute) <= BURST_GAP);
    if (prev && near) {
      prev.count++;
      prev.f.captures.count = String(prev.count);
      if (row.minute !== undefined) prev.minute = row.minute;
      if (prev.f.related!.length < MAX_RELATED) prev.f.related!.push({ range, message: SAME_BURST });
      return;
    }
    const f: DetectorFinding = {
      range,
      captures: { status: String(row.status), uri: row.uri, client: row.client, count: '1' },
      related: [],
    };
    if (row.user !== '-' && row.user !== '') f.captures.user = row.user;
    open.set(key, { f, minute: row.minute, count: 1 });
    out.push(f);
  };
  for (const row of accessRows(ctx)) {
    const path = row.uri.split('?')[0];
    if (!ADMIN_PATH.test(path)) continue;
    if (kind === 'failed') {
      if (row.status >= 500 && row.status <= 599) emit(row, `${row.status}|${row.client}`);
      else if (row.status === 404 && !STATIC.test(path)) emit(row, `404|${row.client}`);
      continue;
    }
    const who = `${row.client}|${path.toLowerCase()}`;
    if (row.status === 403) emit(row, `403|${row.client}`);
    else if (row.status === 401) {
      if (row.user !== '-' && row.user !== '') emit(row, `401|${row.client}`);
      else {
        const list = pending401.get(who) ?? [];
        list.push(row);
        pending401.set(who, list);
        if (list.length === REPEATED_401) for (const r of list) emit(r, `401|${row.client}`);
        else if (list.length > REPEATED_401) emit(row, `401|${row.client}`);
      }
    } else if (row.status < 400) pending401.delete(who);
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line);
  return out;
};

// ---------------------------------------------------------------------------------------------------------
// CTIManager: the login timer fired while LDAP authentication was still running

const LDAP_AUTH =
  /Authenticating\s+with\s+SSL\s+(not\s+enabled|enabled)\b[^\r\n]{0,40}?(ldaps?:\/\/(\[[0-9A-Fa-f:.]+\]|[^\s()/:\]]+)(?::(\d{1,5}))?)/gi;
const LOGIN_TIMEOUT = /CtiLoginCheckTimeout\s*\|\s*authenticating\b/i;
const HANDLER = /\|\s*(CTIHandler\(\d+,\d+,\d+,\d+\))/;
const DIRECTORY_TIMEOUT = /Directory\s+login\s+failed\s*-\s*timeout/i;
const LOOKBACK = 400;

const AUTH_NOTE: Localized = {
  en: 'The LDAP authentication this login was waiting for',
  ja: 'このログインが待っていた LDAP 認証',
};
const RESULT_NOTE: Localized = {
  en: 'The login then failed with a directory timeout',
  ja: 'その後、ディレクトリのタイムアウトでログインが失敗しました',
};

interface LdapAuth {
  line: number;
  start: number;
  end: number;
  ssl: string;
  url: string;
  host: string;
  port?: string;
}

function lastLdapAuth(text: string, line: number, before: number): LdapAuth | undefined {
  let found: LdapAuth | undefined;
  LDAP_AUTH.lastIndex = 0;
  for (let m = LDAP_AUTH.exec(text); m !== null && m.index < before; m = LDAP_AUTH.exec(text)) {
    found = {
      line,
      start: m.index,
      end: m.index + m[0].length,
      ssl: squash(m[1]),
      url: m[2],
      host: m[3],
      port: m[4],
    };
  }
  return found;
}

const ldapLoginTimeout: Detector = (ctx) => {
  const { index } = ctx;
  const out: DetectorFinding[] = [];
  for (const n of ctx.hitLines) {
    const text = capped(index, n);
    const t = LOGIN_TIMEOUT.exec(text);
    if (!t) continue;
    // The LDAP attempt is on an earlier line (or earlier on the same line in a collapsed web copy).
    let auth = lastLdapAuth(text, n, t.index);
    for (let p = n - 1; !auth && p >= 0 && p >= n - LOOKBACK; p--) {
      const prev = capped(index, p);
      if (LOGIN_TIMEOUT.test(prev)) break; // an earlier login owns whatever lies above
      if (/Authenticating/i.test(prev)) auth = lastLdapAuth(prev, p, prev.length);
    }
    if (!auth) continue;
    const captures: Record<string, string> = { url: auth.url, host: auth.host, ssl: auth.ssl };
    if (auth.port) captures.port = auth.port;
    const handler = HANDLER.exec(text.slice(t.index));
    if (handler) captures.handler = handler[1];
    const related: DetectorFinding['related'] = [];
    if (auth.line !== n) related.push({ range: spanRange(auth.line, auth.start, auth.end), message: AUTH_NOTE });
    for (let q = n; q < index.lineCount && q <= n + 10; q++) {
      const next = capped(index, q);
      const d = DIRECTORY_TIMEOUT.exec(q === n ? next.slice(t.index) : next);
      if (d) {
        const at = (q === n ? t.index : 0) + d.index;
        related.push({ range: spanRange(q, at, at + d[0].length), message: RESULT_NOTE });
        break;
      }
    }
    const range = auth.line === n ? spanRange(n, t.index, t.index + t[0].length) : lineRange(index, n);
    out.push({ range, captures, related });
  }
  return out;
};

// ---------------------------------------------------------------------------------------------------------
// LDAP port against the SSL setting: one finding per distinct LDAP URL and SSL setting (a configuration
// fact, repeated by every login)

const BARE_LDAPS = /\bldaps:\/\/(\[[0-9A-Fa-f:.]+\]|[^\s()/:\]]+):(\d{1,5})(?!\d)/gi;
const PLAIN_PORTS = new Set(['389', '3268']);
const SSL_PORTS = new Set(['636', '3269']);

const SAME_LDAP: Localized = {
  en: 'The same LDAP server and SSL setting are used again here',
  ja: '同じ LDAP サーバと SSL 設定がここでも使われています',
};

/** params.check: `mismatch` (SSL on a plain port or off on an SSL port) or `nonstandard` (none of the four). */
const ldapPortSetting: Detector = (ctx) => {
  const check = String(ctx.params.check ?? 'mismatch');
  const out: DetectorFinding[] = [];
  const seen = new Map<string, DetectorFinding>();
  const report = (line: number, start: number, end: number, captures: Record<string, string>): void => {
    const key = `${captures.ssl ?? ''}|${captures.url.toLowerCase()}`;
    const range = spanRange(line, start, end);
    const prev = seen.get(key);
    if (prev) {
      if (prev.related!.length < MAX_RELATED) prev.related!.push({ range, message: SAME_LDAP });
      return;
    }
    const f: DetectorFinding = { range, captures, related: [] };
    seen.set(key, f);
    out.push(f);
  };
  for (const n of ctx.hitLines) {
    const text = capped(ctx.index, n);
    const covered: Array<[number, number]> = [];
    LDAP_AUTH.lastIndex = 0;
    for (let m = LDAP_AUTH.exec(text); m !== null; m = LDAP_AUTH.exec(text)) {
      covered.push([m.index, m.index + m[0].length]);
      const port = m[4];
      if (!port) continue;
      const ssl = squash(m[1]).toLowerCase();
      const secure = ssl === 'enabled';
      const bad =
        check === 'mismatch'
          ? (secure && PLAIN_PORTS.has(port)) || (!secure && SSL_PORTS.has(port))
          : !PLAIN_PORTS.has(port) && !SSL_PORTS.has(port);
      if (bad) report(n, m.index, m.index + m[0].length, { ssl, url: m[2], host: m[3], port });
    }
    if (check !== 'mismatch') continue;
    BARE_LDAPS.lastIndex = 0;
    for (let m = BARE_LDAPS.exec(text); m !== null; m = BARE_LDAPS.exec(text)) {
      const at = m.index;
      if (covered.some(([a, b]) => at >= a && at < b)) continue;
      if (PLAIN_PORTS.has(m[2])) report(n, at, at + m[0].length, { url: m[0], host: m[1], port: m[2] });
    }
  }
  return out;
};

/** Detectors for the network part of the catalog. */
export const DETECTORS_NETWORK: Record<string, Detector> = {
  hostNameCharacters,
  webPageMessage,
  adminAccessLog,
  ldapLoginTimeout,
  ldapPortSetting,
};
