/**
 * When and where a finding's record was written, for JSON and SARIF: the record's time as the file
 * writes it, the absolute time only when the file states its zone, and the node when the file names
 * it. An adapter over the engine's timeline helpers (`stampOf`, `readFileHead`); it reads at most
 * 96 characters of a line for a stamp and 300 for a syslog UTC stamp.
 */
import { readFileHead, stampOf } from '../../engine/src/timeline';
import type { Finding, TextIndex } from '../../engine/src/index';

export interface RecordInfo {
  /** The record's time exactly as written (`07:30:00.206`, `Nov 23 07:09:03.121 COT`, `Feb 03 08:59:40`). */
  time?: string;
  /** ISO 8601 with the file's offset or `Z`; only when the file says its zone. */
  timeIso?: string;
  /** Node that wrote the record (SDL FileHead HostName, syslog host). */
  node?: string;
}

/** The written stamp and its zone, per layout; each bounded, anchored at the line start. */
const RAW_SDL = /^\d{8}\.\d{3}\s{0,8}\|\s{0,8}(\d{2}:\d{2}:\d{2}\.\d{3})/;
const RAW_SEQ =
  /^\s{0,8}\d{1,12}:\s{1,8}(?:\S{1,40}:\s{1,8}\*?)?([A-Z][a-z]{2}\s{1,3}\d{1,2}\s{1,3}(?:\d{4}\s{1,3})?\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?)(?:\s{1,4}([A-Z]{2,5})(?=\s))?/;
const RAW_ISO = /^(\d{4}[-/]\d{2}[-/]\d{2}[ T]\d{2}:\d{2}:\d{2}(?:[,.]\d{1,3})?)(Z|[+-]\d{2}:?\d{2}(?![\d:]))?/;
const RAW_SYSLOG = /^([A-Z][a-z]{2}\s{1,2}\d{1,2}\s\d{2}:\d{2}:\d{2})\s(\S{1,64})\s{1,4}local\d\b/;
/** Tomcat `catalina.out`: `Feb 3, 2026 7:41:31 AM`. */
const RAW_TOMCAT = /^([A-Z][a-z]{2}\s{1,2}\d{1,2},\s\d{4}\s\d{1,2}:\d{2}:\d{2}\s[AP]M)\s/;
const RAW_SDI = /^(\d{2}:\d{2}:\d{2}\.\d{3})\s{1,8}[A-Z]{1,20}\|/;
/** The UTC stamp a CiscoSyslog line carries after its local prefix (`: Feb 02 2026 23:59:40.101 UTC :`). */
const SYSLOG_UTC = /\b([A-Z][a-z]{2})\s{1,2}(\d{1,2})\s(\d{4})\s(\d{2}):(\d{2}):(\d{2})(?:[.:](\d{1,3}))?\sUTC\b/;
const HOSTNAME = /\bHostName:\s{0,4}([A-Za-z0-9][A-Za-z0-9._-]{0,62})/;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MS_DAY = 86_400_000;
/** A record whose stamp is not on the finding's own line (a wrapped record) is looked for this far up. */
const LOOK_BACK = 64;

const p2 = (n: number) => String(n).padStart(2, '0');

/** `naive` ms (local time written as UTC) plus an offset in minutes → ISO with that offset. */
function iso(naiveMs: number, offsetMinutes: number): string {
  const d = new Date(naiveMs);
  const base = d.toISOString().slice(0, 23);
  if (offsetMinutes === 0) return `${base}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${base}${sign}${p2(Math.floor(abs / 60))}:${p2(abs % 60)}`;
}

const head = (index: TextIndex, line: number, n = 96): string =>
  index.text.slice(index.starts[line], Math.min(index.ends[line], index.starts[line] + n));

/** SDL traces: the FileHead gives date, offset and node; the day advances at midnight (time going back over an hour). */
class SdlClock {
  private line = 0;
  private day = 0;
  private prev: number | undefined;
  constructor(
    private readonly index: TextIndex,
    readonly date: number,
    readonly offset: number,
  ) {}

  /** Day count at `line`; lines must be asked in increasing order. */
  dayAt(line: number): number {
    for (; this.line <= line; this.line++) {
      const s = stampOf(head(this.index, this.line));
      if (!s || s.clock !== 'tod') continue;
      if (this.prev !== undefined && s.timeOfDay < this.prev - 3_600_000) this.day++;
      this.prev = s.timeOfDay;
    }
    return this.day;
  }
}

function fileHeadOf(index: TextIndex): { clock?: SdlClock; node?: string } {
  for (let i = 0; i < Math.min(index.lineCount, 5); i++) {
    const text = head(index, i, 1000);
    const fh = readFileHead(text);
    if (!fh) continue;
    const node = HOSTNAME.exec(text)?.[1];
    return {
      clock: new SdlClock(index, Date.UTC(fh.year, fh.month - 1, fh.day), fh.offset),
      ...(node ? { node } : {}),
    };
  }
  return {};
}

/** Time and node of one stamped line, or undefined when the line has no stamp this adapter knows. */
function infoOfLine(index: TextIndex, line: number, sdl: { clock?: SdlClock; node?: string }): RecordInfo | undefined {
  const text = head(index, line);
  const stamp = stampOf(text);
  let m: RegExpExecArray | null;
  if ((m = RAW_SDL.exec(text)) || (m = RAW_SDI.exec(text))) {
    const info: RecordInfo = { time: m[1], ...(sdl.node ? { node: sdl.node } : {}) };
    if (sdl.clock && stamp?.clock === 'tod')
      info.timeIso = iso(sdl.clock.date + sdl.clock.dayAt(line) * MS_DAY + stamp.timeOfDay, sdl.clock.offset);
    return info;
  }
  if ((m = RAW_ISO.exec(text))) {
    const info: RecordInfo = { time: m[0] };
    if (m[2] && stamp?.clock === 'ymd') info.timeIso = iso(naiveOf(stamp), zoneMinutes(m[2]));
    return info;
  }
  if ((m = RAW_SEQ.exec(text))) {
    const info: RecordInfo = { time: m[2] ? `${m[1]} ${m[2]}` : m[1] };
    if ((m[2] === 'UTC' || m[2] === 'GMT') && stamp?.clock === 'ymd') info.timeIso = iso(naiveOf(stamp), 0);
    return info;
  }
  if ((m = RAW_SYSLOG.exec(text))) {
    const info: RecordInfo = { time: m[1], node: m[2] };
    const rest = index.text.slice(
      index.starts[line] + m[0].length,
      Math.min(index.ends[line], index.starts[line] + 400),
    );
    const u = SYSLOG_UTC.exec(rest);
    const month = u ? MONTHS.indexOf(u[1]) : -1;
    if (u && month >= 0) {
      const ms = u[7] ? Number(u[7].padEnd(3, '0')) : 0;
      info.timeIso = iso(Date.UTC(+u[3], month, +u[2], +u[4], +u[5], +u[6], ms), 0);
    }
    return info;
  }
  if ((m = RAW_TOMCAT.exec(text))) return { time: m[1] };
  return undefined;
}

const naiveOf = (s: NonNullable<ReturnType<typeof stampOf>>): number =>
  Date.UTC(s.year!, s.month! - 1, s.day!) + s.timeOfDay;

function zoneMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
  return zone[0] === '-' ? -minutes : minutes;
}

const STAMPED = [RAW_SDL, RAW_SDI, RAW_ISO, RAW_SEQ, RAW_SYSLOG, RAW_TOMCAT];

/** The line holding the stamp of the record that starts at or just above `start`, or -1. */
function stampedLine(index: TextIndex, start: number): number {
  for (let line = start; line >= Math.max(0, start - LOOK_BACK); line--) {
    const text = head(index, line);
    if (STAMPED.some((re) => re.test(text))) return line;
  }
  return -1;
}

/** Record time and node for each finding, in the findings' order. Linear in the lines up to the last finding. */
export function recordInfos(index: TextIndex, findings: Finding[]): RecordInfo[] {
  const sdl = fileHeadOf(index);
  const lines = findings.map((f) => stampedLine(index, f.range.start.line));
  // In line order, so the SDL day count only walks forward.
  const order = lines.map((_, i) => i).sort((a, b) => lines[a] - lines[b]);
  const out: RecordInfo[] = new Array(findings.length);
  for (const i of order) {
    const info = lines[i] >= 0 ? infoOfLine(index, lines[i], sdl) : undefined;
    out[i] = info ?? (sdl.node ? { node: sdl.node } : {});
  }
  return out;
}
