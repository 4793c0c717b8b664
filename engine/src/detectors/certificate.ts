import type { TextIndex } from '../text-index';
import type { Range } from '../types';
import type { Detector, DetectorContext, DetectorFinding } from './types';

/**
 * Certificate detectors (LDAP over SSL, OpenLDAP certificate checks).
 *
 * - `certificateDump`: reads certificate text dumps (`openssl x509 -text`, the flattened dump of the
 *   troubleshooting guide, Java `X509Certificate.toString()`, `keytool -printcert`, a CUCM
 *   `show cert` style `Issuer Name:` / `Validity From:` / `To:` layout), groups the fields of each
 *   certificate and checks validity against `ctx.now` and the chain top (Issuer == Subject).
 * - `ldapTlsFailure`: OpenLDAP / OpenSSL / JSSE messages saying the directory certificate could not be
 *   verified (host name mismatch, IP address used, unknown issuer), one finding per burst of lines.
 * - `ldapConf`: an OpenLDAP `ldap.conf` whose URI uses an IP address while the server certificate is
 *   still verified (TLS_REQCERT absent or demand/hard/try).
 */

const DAY_MS = 86_400_000;
/** Lines scanned either side of a trigger hit for the fields of one certificate. */
const CERT_WINDOW = 45;
/** More lines than this without a certificate field end the current certificate. */
const CERT_GAP = 40;
/** Lines after a certificate's last field searched for `CA:TRUE`. */
const CA_LOOKAHEAD = 80;

// ---------------------------------------------------------------------------------------------------
// Dates

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

/** Offsets (minutes east of UTC) of the zone abbreviations seen in certificate dumps. Unknown ones count as UTC. */
const ZONES: Record<string, number> = {
  gmt: 0,
  utc: 0,
  ut: 0,
  z: 0,
  wet: 0,
  bst: 60,
  cet: 60,
  ces: 120,
  cest: 120,
  met: 60,
  mest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  ist: 330,
  ict: 420,
  sgt: 480,
  hkt: 480,
  awst: 480,
  cst: -360,
  cdt: -300,
  jst: 540,
  kst: 540,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
  est: -300,
  edt: -240,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  hst: -600,
  brt: -180,
  art: -180,
};

const MONTH_DAY = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s+(\d{1,2})\b/i;
const DAY_MONTH = /\b(\d{1,2})[\s-]+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\b/i;
const ISO_DATE = /\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b/;
const TIME = /\b(\d{1,2}):(\d{2})(?::(\d{2}))?/;
const YEAR = /\b(19\d{2}|2\d{3})\b/;
const ZONE_AFTER_TIME =
  /\d{1,2}:\d{2}(?::\d{2})?(?:[.:]\d{1,3})?\s*(?:(GMT|UTC)\s*([+-])(\d{1,2}):?(\d{2})?|([+-])(\d{2}):?(\d{2})\b|([A-Za-z]{1,5})\b)/;

/** Parses the dates printed in certificate dumps; undefined when no full date is found. */
export function parseCertDate(text: string): number | undefined {
  let y: number | undefined;
  let mo: number | undefined;
  let d: number | undefined;
  const iso = ISO_DATE.exec(text);
  if (iso) {
    y = +iso[1];
    mo = +iso[2] - 1;
    d = +iso[3];
  } else {
    const md = MONTH_DAY.exec(text);
    const dm = md ? undefined : DAY_MONTH.exec(text);
    if (md) {
      mo = MONTHS[md[1].toLowerCase()];
      d = +md[2];
    } else if (dm) {
      mo = MONTHS[dm[2].toLowerCase()];
      d = +dm[1];
    }
    const ym = YEAR.exec(text);
    if (ym) y = +ym[1];
  }
  if (y === undefined || mo === undefined || d === undefined || d < 1 || d > 31) return undefined;
  const t = TIME.exec(text);
  const hh = t ? +t[1] : 0;
  const mm = t ? +t[2] : 0;
  const ss = t && t[3] ? +t[3] : 0;
  let offset = 0;
  const z = ZONE_AFTER_TIME.exec(text);
  if (z) {
    if (z[1]) offset = (z[2] === '-' ? -1 : 1) * (+z[3] * 60 + +(z[4] ?? 0));
    else if (z[5]) offset = (z[5] === '-' ? -1 : 1) * (+z[6] * 60 + +z[7]);
    else if (z[8]) offset = ZONES[z[8].toLowerCase()] ?? 0;
  }
  return Date.UTC(y, mo, d, hh, mm, ss) - offset * 60_000;
}

// ---------------------------------------------------------------------------------------------------
// Certificate dumps

interface Cert {
  first: number;
  last: number;
  issuer?: string;
  subject?: string;
  notBefore?: string;
  notAfter?: string;
  /** Line of the "Not After" / "To:" value. */
  notAfterLine?: number;
  ca?: boolean;
  trust?: boolean;
}

const F_ISSUER = /^\s*Issuer(?:\s*Name|\s*DN)?\s*:\s*(\S[^\r\n]*)$/;
const F_SUBJECT = /^\s*(?:Subject(?:\s*Name|\s*DN)?|Owner)\s*:\s*(\S[^\r\n]*)$/;
const F_NOT_BEFORE = /^\s*Not\s*Before\s*:\s*(\S[^\r\n]*)$/i;
const F_NOT_AFTER = /^\s*Not\s*After\s*:\s*(\S[^\r\n]*)$/i;
/** Java: `Validity: [From: Fri Mar 22 12:22:57 GMT 2002,` (and `To: ...]` on the same or the next line). */
const F_JAVA_FROM = /^\s*Validity\s*:\s*\[\s*From\s*:\s*([^,\]\r\n]+?)\s*,\s*(?:To\s*:\s*([^\]\r\n]+?)\s*\]?\s*)?$/i;
/** CUCM CLI: `Validity From: Mon Jun 01 10:00:00 JST 2020` (and `To:` on the same or the next line). */
const F_CLI_FROM = /^\s*Validity\s+From\s*:\s*(\S[^\r\n]*?)(?:\s+To\s*:\s*(\S[^\r\n]*?))?\s*$/i;
/** keytool: `Valid from: Tue Mar 22 12:22:57 JST 2022 until: Wed Mar 22 12:22:57 JST 2023`. */
const F_KEYTOOL = /^\s*Valid\s+from\s*:\s*(\S[^\r\n]*?)\s+until\s*:\s*(\S[^\r\n]*?)\s*$/i;
const F_TO = /^\s*To\s*:\s*([^\]\r\n]{4,80}?)\s*\]?\s*$/;
const SEPARATOR = /^\s*(?:Certificate\s*(?:\[\d+\])?\s*:\s*$|-----END CERTIFICATE-----|admin:|chain\s*\[\d+\]\s*=)/i;
const CA_TRUE = /\bCA\s*:\s*true\b/i;
const PROMPT = /^\s*admin:/;
const TRUST_HINT = /directory-trust|\btrust-certs?\b|Trust Certificate/i;

/** CLI captures glue the pagination prompt to the next output line; drop it before reading a field. */
const PAGER = /^\s*Press <enter> for 1 line, <space> for one page, or <q> to quit\s*/i;
function stripPager(text: string): string {
  return text.startsWith('Press') || text.startsWith(' ') ? text.replace(PAGER, '') : text;
}

/** Comparable form of a distinguished name: RDNs lower-cased, spacing removed, order ignored. */
export function normalizeDn(dn: string): string {
  return dn
    .replace(/^\//, '')
    .split(/\s*[,/;]\s*(?=[A-Za-z][A-Za-z0-9.]*\s*=)/)
    .map((r) =>
      r
        .trim()
        .toLowerCase()
        .replace(/\s*=\s*/, '=')
        .replace(/\s+/g, ' '),
    )
    .filter((r) => r.length > 0)
    .sort()
    .join(',');
}

/** The CN of a DN (what an engineer recognises), or the whole DN when it has none. */
function commonName(dn: string | undefined): string {
  if (!dn) return '?';
  const m = /(?:^|[,/;]\s*)CN\s*=\s*([^,/;]+)/i.exec(dn);
  return (m ? m[1] : dn).trim();
}

/** Merged windows of lines around the trigger hits: [from, to] inclusive, ascending. */
function windows(hitLines: number[], lineCount: number, half: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const h of hitLines) {
    const a = Math.max(0, h - half);
    const b = Math.min(lineCount - 1, h + half);
    const prev = out[out.length - 1];
    if (prev && a <= prev[1] + 1) prev[1] = Math.max(prev[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Every certificate whose fields lie near a trigger hit, in text order. Linear in the scanned lines. */
export function parseCertificates(index: TextIndex, hitLines: number[]): Cert[] {
  const certs: Cert[] = [];
  let cur: Cert | undefined;
  let lastField = -1;
  const close = (): void => {
    if (cur && (cur.notAfter !== undefined || (cur.issuer !== undefined && cur.subject !== undefined))) certs.push(cur);
    cur = undefined;
  };
  const touch = (line: number): Cert => {
    if (!cur) cur = { first: line, last: line };
    cur.last = line;
    lastField = line;
    return cur;
  };
  for (const [from, to] of windows(hitLines, index.lineCount, CERT_WINDOW)) {
    close();
    for (let ln = from; ln <= to; ln++) {
      const text = stripPager(index.line(ln));
      if (text.length > 600) continue;
      if (cur && ln - lastField > CERT_GAP) close();
      if (SEPARATOR.test(text)) {
        close();
        continue;
      }
      let m: RegExpExecArray | null;
      if ((m = F_ISSUER.exec(text))) {
        if (cur?.issuer !== undefined) close();
        touch(ln).issuer = m[1].trimEnd();
      } else if ((m = F_SUBJECT.exec(text))) {
        if (cur?.subject !== undefined) close();
        touch(ln).subject = m[1].trimEnd();
      } else if ((m = F_NOT_BEFORE.exec(text))) {
        if (cur?.notBefore !== undefined) close();
        touch(ln).notBefore = m[1].trimEnd();
      } else if ((m = F_NOT_AFTER.exec(text))) {
        if (cur?.notAfter !== undefined) close();
        const c = touch(ln);
        c.notAfter = m[1].trimEnd();
        c.notAfterLine = ln;
      } else if ((m = F_JAVA_FROM.exec(text) ?? F_CLI_FROM.exec(text) ?? F_KEYTOOL.exec(text))) {
        if (cur?.notBefore !== undefined) close();
        const c = touch(ln);
        c.notBefore = m[1];
        if (m[2]) {
          c.notAfter = m[2];
          c.notAfterLine = ln;
        } else {
          // `To:` follows on one of the next lines (blank lines allowed in flattened copies).
          for (let k = ln + 1; k <= Math.min(to, ln + 3); k++) {
            const tl = stripPager(index.line(k));
            if (tl.trim() === '') continue;
            const tm = F_TO.exec(tl);
            if (tm && /\d/.test(tm[1])) {
              c.notAfter = tm[1];
              c.notAfterLine = k;
              c.last = k;
              lastField = k;
              ln = k;
            }
            break;
          }
        }
      }
    }
    close();
  }
  // Roles: CA:TRUE between a certificate and the next one, and trust-store context above it.
  for (let i = 0; i < certs.length; i++) {
    const c = certs[i];
    const stop = Math.min(
      index.lineCount - 1,
      c.last + CA_LOOKAHEAD,
      i + 1 < certs.length ? certs[i + 1].first - 1 : Infinity,
    );
    for (let ln = c.first; ln <= stop && !c.ca; ln++) if (CA_TRUE.test(index.line(ln))) c.ca = true;
    const floor = Math.max(0, c.first - 60, i > 0 ? certs[i - 1].last + 1 : 0);
    for (let ln = c.first - 1; ln >= floor; ln--) {
      const text = index.line(ln);
      if (PROMPT.test(text)) {
        if (/\btrust\b|-trust\b/i.test(text)) c.trust = true;
        break;
      }
      if (TRUST_HINT.test(text)) {
        c.trust = true;
        break;
      }
    }
  }
  return certs;
}

type Role = 'root' | 'intermediate' | 'leaf';

interface Classified {
  cert: Cert;
  role: Role;
  selfSigned: boolean;
  /** Issuer found as the subject of another certificate in the same text. */
  issuerPresent: boolean;
  /** Certificates of the text this one issued. */
  children: Cert[];
}

/** Children kept per issuer for related locations; more are only counted. */
const MAX_CHILDREN = 10;

function classify(certs: Cert[]): Classified[] {
  const subjectDn = certs.map((c) => (c.subject === undefined ? undefined : normalizeDn(c.subject)));
  const issuerDn = certs.map((c) => (c.issuer === undefined ? undefined : normalizeDn(c.issuer)));
  const subjects = new Set<string>();
  for (const dn of subjectDn) if (dn !== undefined) subjects.add(dn);
  // Certificates issued by each DN (not self-signed), a few kept for related locations.
  const children = new Map<string, Cert[]>();
  certs.forEach((c, i) => {
    const iss = issuerDn[i];
    if (iss === undefined || subjectDn[i] === undefined || iss === subjectDn[i]) return;
    const list = children.get(iss) ?? [];
    if (list.length < MAX_CHILDREN) list.push(c);
    children.set(iss, list);
  });
  return certs.map((cert, i) => {
    const sub = subjectDn[i];
    const iss = issuerDn[i];
    const selfSigned = sub !== undefined && iss !== undefined && sub === iss;
    const kids = sub !== undefined && !selfSigned ? (children.get(sub) ?? []) : [];
    const issuerPresent = iss !== undefined && !selfSigned && subjects.has(iss);
    const role: Role = selfSigned ? 'root' : cert.ca || kids.length > 0 ? 'intermediate' : 'leaf';
    return { cert, role, selfSigned, issuerPresent, children: kids };
  });
}

const FIELD_TRIGGER = /issuer|validity/i;
/**
 * Several entries read the same dumps (expired leaf, expired CA, expiring, chain top); the parse of
 * the last text is kept so that a file is parsed once. Same text and same field lines: same result.
 */
let certMemo: { text: string; key: string; certs: Classified[] } | undefined;

function certificatesOf(ctx: DetectorContext): Classified[] {
  const lines = ctx.hitLines.filter((ln) => FIELD_TRIGGER.test(ctx.index.line(ln).slice(0, 600)));
  const key = `${lines.length}:${lines[0]}:${lines[lines.length - 1]}`;
  if (certMemo && certMemo.text === ctx.text && certMemo.key === key) return certMemo.certs;
  const certs = classify(parseCertificates(ctx.index, lines));
  certMemo = { text: ctx.text, key, certs };
  return certs;
}

function certRange(index: TextIndex, c: Cert): Range {
  return index.linesRange(c.first, c.last);
}

/** `openssl x509 ... -checkend N` followed by `Certificate will expire`. */
const CHECKEND_CMD = /-checkend\s+(\d+)/;
const CHECKEND_WILL = /^\s*Certificate\s+will\s+expire\s*$/i;

const certificateDump: Detector = (ctx: DetectorContext): DetectorFinding[] => {
  const { index, now } = ctx;
  const check = String(ctx.params.check ?? 'expired');
  const days = Number(ctx.params.days ?? 30);
  const out: DetectorFinding[] = [];
  if (check === 'expiring') {
    // `openssl x509 -checkend` states the result itself; it needs no clock.
    for (const h of ctx.hitLines) {
      const cmd = CHECKEND_CMD.exec(index.line(h));
      if (!cmd) continue;
      for (let k = h + 1; k <= Math.min(index.lineCount - 1, h + 3); k++) {
        if (index.line(k).trim() === '') continue;
        if (!CHECKEND_WILL.test(index.line(k))) break;
        const seconds = +cmd[1];
        const file = /-in\s+(\S+)/.exec(index.line(h));
        out.push({
          range: index.linesRange(h, k),
          captures: {
            subject: file ? file[1] : '?',
            notAfter: `openssl -checkend ${seconds}: Certificate will expire`,
            daysLeft: String(Math.round(seconds / 86400)),
          },
        });
        break;
      }
    }
  }
  const certs = certificatesOf(ctx);
  const nowMs = now.getTime();
  for (const k of certs) {
    const c = k.cert;
    const base: Record<string, string> = {
      subject: commonName(c.subject ?? c.issuer),
      issuer: commonName(c.issuer),
      role: k.role,
    };
    if (check === 'expired' || check === 'expiring') {
      if (c.notAfter === undefined) continue;
      const end = parseCertDate(c.notAfter);
      if (end === undefined) continue;
      const left = end - nowMs;
      const wantRole = ctx.params.role;
      const isCa = k.role !== 'leaf';
      if (wantRole === 'ca' && !isCa) continue;
      if (wantRole === 'leaf' && isCa) continue;
      if (check === 'expired' && left < 0) {
        out.push({
          range: certRange(index, c),
          captures: { ...base, notAfter: c.notAfter.replace(/\s+/g, ' '), daysAgo: String(Math.floor(-left / DAY_MS)) },
        });
      } else if (check === 'expiring' && left >= 0 && left <= days * DAY_MS) {
        out.push({
          range: certRange(index, c),
          captures: { ...base, notAfter: c.notAfter.replace(/\s+/g, ' '), daysLeft: String(Math.floor(left / DAY_MS)) },
        });
      }
    } else if (check === 'anchor') {
      // The top of what is shown (its issuer is not in the text) must be a self-signed root when it is
      // presented as a trust anchor: it issued another certificate shown here, it is a CA, or it sits in
      // a trust store (directory-trust).
      if (c.issuer === undefined || c.subject === undefined || k.selfSigned || k.issuerPresent) continue;
      if (!(k.children.length > 0 || c.ca || c.trust)) continue;
      out.push({
        range: certRange(index, c),
        captures: { ...base, issuerDn: c.issuer, subjectDn: c.subject },
        related: k.children.slice(0, 10).map((child) => ({
          range: certRange(index, child),
          message: {
            en: `Certificate issued by ${base.subject}`,
            ja: `${base.subject} が発行した証明書`,
          },
        })),
      });
    }
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line);
  return out;
};

// ---------------------------------------------------------------------------------------------------
// OpenLDAP / OpenSSL / JSSE verification failures

interface TlsMatch {
  host?: string;
  cn?: string;
  reason?: string;
}

type TlsKind = 'hostname' | 'issuer';

const JSSE_CONTEXT = /CertificateException|SSLHandshake|SSLPeer|javax\.net\.ssl|certificate/i;

const HOSTNAME_RULES: Array<(s: string) => TlsMatch | undefined> = [
  (s) => {
    const m =
      /TLS:\s*hostname\s*\(\s*([^()\s]*)\s*\)\s*does\s+not\s+match\s+common\s+name\s+in\s+certificate(?:\s*\(\s*([^()\r\n]{0,200}?)\s*\))?/i.exec(
        s,
      );
    return m ? { host: m[1] || undefined, cn: m[2] || undefined } : undefined;
  },
  (s) => (/TLS:\s*hostname\s+does\s+not\s+match\s+CN\s+in\s+peer\s+certificate/i.test(s) ? {} : undefined),
  (s) => {
    const m =
      /hostname\s+of\s+the\s+server\s+'([^'\s]{1,255})'\s+does\s+not\s+match\s+the\s+hostname\s+in\s+the\s+server'?s\s+certificate/i.exec(
        s,
      );
    return m ? { host: m[1] } : undefined;
  },
  // JSSE (java.security.cert.CertificateException), only in a certificate/TLS context.
  (s) => {
    const m = /No\s+subject\s+alternative\s+names\s+matching\s+IP\s+address\s+([0-9A-Fa-f.:]{2,45})\s+found/i.exec(s);
    return m && JSSE_CONTEXT.test(s) ? { host: m[1] } : undefined;
  },
  (s) => {
    const m = /No\s+(?:subject\s+alternative\s+DNS\s+)?name\s+matching\s+([A-Za-z0-9._-]{1,255})\s+found/i.exec(s);
    return m && JSSE_CONTEXT.test(s) ? { host: m[1] } : undefined;
  },
];

const ISSUER_RULES: Array<(s: string) => TlsMatch | undefined> = [
  (s) => {
    const m = /certificate\s+verify\s+failed(?:\s*\(\s*([^()\r\n]{1,100}?)\s*\))?/i.exec(s);
    return m ? { reason: m[1] ? m[1].replace(/\s+/g, ' ') : 'certificate verify failed' } : undefined;
  },
  (s) =>
    /unable\s+to\s+get\s+local\s+issuer\s+certificate/i.test(s)
      ? { reason: 'unable to get local issuer certificate' }
      : undefined,
  (s) =>
    /self[- ]signed\s+certificate\s+in\s+certificate\s+chain/i.test(s)
      ? { reason: 'self signed certificate in certificate chain' }
      : undefined,
  (s) => (/PKIX\s+path\s+building\s+failed/i.test(s) ? { reason: 'PKIX path building failed' } : undefined),
  (s) =>
    /unable\s+to\s+find\s+valid\s+certification\s+path\s+to\s+requested\s+target/i.test(s)
      ? { reason: 'unable to find valid certification path to requested target' }
      : undefined,
  (s) =>
    /TLS:\s*peer\s+cert\s+untrusted\s+or\s+revoked/i.test(s) ? { reason: 'peer cert untrusted or revoked' } : undefined,
];

const LDAP_URL = /\bldaps?:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)/gi;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const LDAP_CALL = /^\s*ldap_[a-z_]+(?:\([^)\r\n]{0,40}\))?\s*:\s*(\S[^\r\n]{0,120}?)\s*$/;
const ADDITIONAL_INFO = /^\s*additional\s+info\s*:/i;
/** Lines of one burst (libldap debug, ld_error, ldapwhoami's additional info) lie this close together. */
const BURST_GAP = 10;
const HOST_LOOKBACK = 50;

export function isIpAddress(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return IPV4.test(h) || (h.includes(':') && /^[0-9A-Fa-f:.]+$/.test(h));
}

function lastLdapHost(index: TextIndex, from: number, to: number): string | undefined {
  for (let ln = to; ln >= from; ln--) {
    const text = index.line(ln);
    if (!/ldaps?:\/\//i.test(text)) continue;
    let host: string | undefined;
    LDAP_URL.lastIndex = 0;
    for (let m = LDAP_URL.exec(text); m !== null; m = LDAP_URL.exec(text)) host = m[1].replace(/^\[|\]$/g, '');
    if (host) return host;
  }
  return undefined;
}

/** One finding per burst of verification-failure lines of the given kind. */
function tlsBursts(
  ctx: DetectorContext,
  kind: TlsKind,
): Array<{ first: number; last: number; m: TlsMatch; error?: string }> {
  const { index, records } = ctx;
  const rules = kind === 'hostname' ? HOSTNAME_RULES : ISSUER_RULES;
  const bursts: Array<{ first: number; last: number; m: TlsMatch; error?: string }> = [];
  let lastRecord = -1;
  for (const h of ctx.hitLines) {
    if (h <= lastRecord) continue;
    // The line itself, or the line joined with the next one (a message wrapped once), must match;
    // only then is the record looked up, for the range.
    const own = index.line(h).slice(0, 8192);
    let m: TlsMatch | undefined;
    let at = h;
    let wrapped = false;
    for (const r of rules) if ((m = r(own))) break;
    if (!m && h + 1 < index.lineCount) {
      const next = index.line(h + 1).slice(0, 8192);
      for (const r of rules) if ((m = r(next))) break;
      if (m) at = h + 1;
      else {
        for (const r of rules) if ((m = r(own + ' ' + next))) break;
        wrapped = m !== undefined;
      }
    }
    if (!m) continue;
    const found = records.recordOf(at);
    const rec = { first: Math.min(found.first, at), last: Math.max(found.last, wrapped ? at + 1 : at) };
    lastRecord = rec.last;
    m = { ...m };
    // The address the client used: in the message itself, else the last ldap:// or ldaps:// URL above it.
    if (kind === 'hostname' && !m.host) m.host = lastLdapHost(index, Math.max(0, rec.first - HOST_LOOKBACK), rec.last);
    const prev = bursts[bursts.length - 1];
    const sameHost = !prev || !prev.m.host || !m.host || prev.m.host.toLowerCase() === m.host.toLowerCase();
    if (prev && rec.first - prev.last <= BURST_GAP && sameHost) {
      prev.last = Math.max(prev.last, rec.last);
      prev.m.host ??= m.host;
      prev.m.cn ??= m.cn;
      prev.m.reason ??= m.reason;
      continue;
    }
    bursts.push({ first: rec.first, last: rec.last, m });
  }
  for (const b of bursts) {
    // ldapwhoami / ldapsearch: `ldap_start_tls: Connect error (-11)` then `additional info: ...`.
    const own = LDAP_CALL.exec(index.line(b.first));
    if (own && b.first + 1 <= b.last && ADDITIONAL_INFO.test(index.line(b.first + 1))) b.error = own[1];
    else if (ADDITIONAL_INFO.test(index.line(b.first))) {
      for (let k = b.first - 1; k >= Math.max(0, b.first - 2); k--) {
        const call = LDAP_CALL.exec(index.line(k));
        if (call) {
          b.first = k;
          b.error = call[1];
          break;
        }
        if (index.line(k).trim() !== '') break;
      }
    }
  }
  return bursts;
}

let tlsMemo: { text: string; kind: TlsKind; key: string; bursts: ReturnType<typeof tlsBursts> } | undefined;

const ldapTlsFailure: Detector = (ctx) => {
  const kind = String(ctx.params.kind ?? 'issuer');
  const out: DetectorFinding[] = [];
  const tk: TlsKind = kind === 'issuer' ? 'issuer' : 'hostname';
  const key = `${ctx.hitLines.length}:${ctx.hitLines[0]}:${ctx.hitLines[ctx.hitLines.length - 1]}`;
  let bursts: ReturnType<typeof tlsBursts>;
  if (tlsMemo && tlsMemo.text === ctx.text && tlsMemo.kind === tk && tlsMemo.key === key) bursts = tlsMemo.bursts;
  else {
    bursts = tlsBursts(ctx, tk);
    tlsMemo = { text: ctx.text, kind: tk, key, bursts };
  }
  for (const b of bursts) {
    const captures: Record<string, string> = {};
    if (b.m.host) captures.host = b.m.host;
    if (b.m.cn) captures.cn = b.m.cn;
    if (b.m.reason) captures.reason = b.m.reason;
    if (b.error) captures.error = b.error;
    if (kind === 'ip' && !(b.m.host && isIpAddress(b.m.host))) continue;
    if (kind === 'name' && b.m.host && isIpAddress(b.m.host)) continue;
    if (kind !== 'issuer') captures.addressType = b.m.host ? (isIpAddress(b.m.host) ? 'ip' : 'name') : 'unknown';
    out.push({ range: ctx.index.linesRange(b.first, b.last), captures });
  }
  return out;
};

// ---------------------------------------------------------------------------------------------------
// ldap.conf

const CONF_LINE = /^\s*([A-Za-z][A-Za-z_]{1,30})[ \t]+(\S[^\r\n]*?)\s*$/;
const CONF_KEYS = new Set([
  'uri',
  'host',
  'port',
  'base',
  'binddn',
  'deref',
  'network_timeout',
  'referrals',
  'sizelimit',
  'timelimit',
  'timeout',
  'tls_cacert',
  'tls_cacertdir',
  'tls_cert',
  'tls_key',
  'tls_reqcert',
  'tls_cipher_suite',
  'tls_crlcheck',
  'tls_randfile',
  'tls_protocol_min',
  'sasl_mech',
  'sasl_realm',
  'sasl_authcid',
  'sasl_secprops',
  'ssl',
]);
/** ldap.conf files are small; a larger text is only looked at on its trigger lines. */
const CONF_MAX_LINES = 5000;

const ldapConf: Detector = (ctx) => {
  const { index } = ctx;
  const isDirective = (ln: number): [string, string, number] | undefined => {
    const m = CONF_LINE.exec(index.line(ln));
    if (!m) return undefined;
    const key = m[1].toLowerCase();
    return CONF_KEYS.has(key) ? [key, m[2], ln] : undefined;
  };
  // It is an ldap.conf only when a trigger line is itself a TLS_ or URI directive.
  const anchor = ctx.hitLines.some((ln) => {
    const d = isDirective(ln);
    return d !== undefined && (d[0] === 'uri' || d[0].startsWith('tls_'));
  });
  if (!anchor) return [];
  const lines = index.lineCount <= CONF_MAX_LINES ? Array.from({ length: index.lineCount }, (_, i) => i) : ctx.hitLines;
  const directives = lines.map(isDirective).filter((d): d is [string, string, number] => d !== undefined);
  let reqcert: [string, number] | undefined;
  let tlsConfigured = false;
  let lastTls = -1;
  let lastAddr = -1;
  const targets: Array<{ host: string; line: number; secure: boolean }> = [];
  for (const [key, value, ln] of directives) {
    if (key.startsWith('tls_')) {
      lastTls = ln;
      if (key === 'tls_reqcert') reqcert = [value.split(/\s+/)[0].toLowerCase(), ln];
      if (key === 'tls_cacert' || key === 'tls_cacertdir') tlsConfigured = true;
    } else if (key === 'uri') {
      lastAddr = ln;
      for (const tok of value.split(/\s+/)) {
        const m = /^(ldaps?):\/\/(\[[0-9A-Fa-f:.]+\]|[^:/\s]+)/i.exec(tok);
        if (m) targets.push({ host: m[2].replace(/^\[|\]$/g, ''), line: ln, secure: m[1].toLowerCase() === 'ldaps' });
      }
    } else if (key === 'host') {
      lastAddr = ln;
      for (const tok of value.split(/\s+/)) targets.push({ host: tok.replace(/:\d+$/, ''), line: ln, secure: false });
    } else if (key === 'base') {
      if (lastAddr < 0) lastAddr = ln;
    }
  }
  const verifying = reqcert === undefined || ['demand', 'hard', 'try'].includes(reqcert[0]);
  if (!verifying) return [];
  const ip = targets.find((t) => isIpAddress(t.host) && (t.secure || tlsConfigured));
  if (!ip) return [];
  const captures: Record<string, string> = {
    host: ip.host,
    reqcert: reqcert ? reqcert[0] : 'absent',
    fixText: 'TLS_REQCERT never',
  };
  if (reqcert) captures.replaceLine = String(reqcert[1]);
  else captures.insertLine = String((lastTls >= 0 ? lastTls : lastAddr >= 0 ? lastAddr : index.lineCount - 1) + 1);
  const uriLine = index.line(ip.line);
  const col = uriLine.indexOf(ip.host);
  const range: Range =
    col >= 0
      ? { start: { line: ip.line, character: col }, end: { line: ip.line, character: col + ip.host.length } }
      : index.linesRange(ip.line, ip.line);
  const related = reqcert
    ? [
        {
          range: index.linesRange(reqcert[1], reqcert[1]),
          message: {
            en: `TLS_REQCERT ${reqcert[0]}: the server certificate is still verified`,
            ja: `TLS_REQCERT ${reqcert[0]}: サーバ証明書は引き続き検証されます`,
          },
        },
      ]
    : undefined;
  return [{ range, captures, related }];
};

/** Detectors for the certificate part of the catalog. */
export const DETECTORS_CERTIFICATE: Record<string, Detector> = {
  certificateDump,
  ldapTlsFailure,
  ldapConf,
};
