import type { FormatId } from './format';
import { TextIndex } from './text-index';
import type { Localized } from './types';

/**
 * Time navigation ("CUCM: Go to Time…"): parses what an engineer types and finds the first record at
 * or after that time. Every file format keeps time differently:
 *
 * - SDL/SDI traces carry only the local time of day; the date and the UTC offset are on the FileHead
 *   line. The day advances whenever the time of day goes backwards by more than an hour (midnight).
 * - MIVR/JTAPI logs and the CiscoSyslog prefix carry `Mon DD HH:MM:SS` without a year; the year
 *   advances when the month goes backwards (December → January).
 * - log4j/ISO and CiscoLog stamps carry the full date.
 *
 * A file's clock is the kind of stamp its first timestamped line has; lines with other kinds of stamp
 * (a UCCX line pasted into an SDL trace) are ignored. All times are compared as "naive" local
 * milliseconds (a local date and time written as if it were UTC).
 */

export interface TimeQuery {
  /** Calendar date, when the query has one; `year` is absent for `Mon DD HH:MM`. */
  date?: { year?: number; month: number; day: number };
  /** Time of day in milliseconds. */
  timeOfDay: number;
  /** The query is in UTC (`UTC`, `GMT` or `Z` suffix). */
  utc: boolean;
}

export type TimeResult = { line: number; time: string } | { error: Localized };

const MS_MINUTE = 60_000;
const MS_HOUR = 3_600_000;
const MS_DAY = 86_400_000;
/** A time of day going backwards by more than this means midnight has passed. */
const ROLLOVER = MS_HOUR;
/** Placeholder year for files that never say theirs (a leap year, so Feb 29 stays valid). */
const NO_YEAR = 2000;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthOf = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

const MSG = {
  syntax: {
    en: 'Enter a time as HH:MM, HH:MM:SS(.mmm), YYYY/MM/DD HH:MM(:SS) or YYYY-MM-DD HH:MM, optionally followed by UTC.',
    ja: '時刻は HH:MM、HH:MM:SS(.mmm)、YYYY/MM/DD HH:MM(:SS)、YYYY-MM-DD HH:MM のいずれかの形式で入力してください（末尾に UTC を付けることもできます）。',
  },
  invalid: { en: '"{0}" is not a valid date and time.', ja: '「{0}」は正しい日時ではありません。' },
  noStamps: {
    en: 'This file has no timestamped records to go to.',
    ja: 'このファイルには移動先になる時刻付きのレコードがありません。',
  },
  noOffset: {
    en: 'This file does not state its UTC offset (an SDL trace states it on its FileHead line); enter the local time, without UTC.',
    ja: 'このファイルには UTC との時差が書かれていません（SDL トレースでは FileHead 行にあります）。UTC を付けずにローカル時刻で入力してください。',
  },
  noDate: {
    en: 'This trace has no FileHead line, so its date is unknown; enter a time without a date.',
    ja: 'このトレースには FileHead 行がないため日付が分かりません。日付を付けずに時刻だけを入力してください。',
  },
  afterEnd: {
    en: 'No record at or after {0}: the last record is at {1} (line {2}).',
    ja: '{0} 以降のレコードはありません。最後のレコードは {1}（{2} 行目）です。',
  },
} as const;

function say(msg: Localized, ...args: Array<string | number>): Localized {
  const fill = (s: string) => s.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
  return { en: fill(msg.en), ja: fill(msg.ja) };
}

const QUERY_RE =
  /^(?:(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:\s+|T)|([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+)?(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3}))?)?\s*(UTC|GMT|Z)?$/i;

/** Parses `HH:MM`, `HH:MM:SS(.mmm)`, `YYYY/MM/DD HH:MM(:SS)`, `YYYY-MM-DD HH:MM`, `Mon DD HH:MM`, each with an optional `UTC`/`Z`. */
export function parseTimeQuery(input: string): TimeQuery | { error: Localized } {
  const text = input.trim();
  const m = QUERY_RE.exec(text);
  if (!m) return { error: { ...MSG.syntax } };
  const [, y, mo, d, monName, monDay, hh, mm, ss, frac, zone] = m;
  const hour = Number(hh);
  const minute = Number(mm);
  const second = ss === undefined ? 0 : Number(ss);
  const millis = frac === undefined ? 0 : Number(frac.padEnd(3, '0'));
  if (hour > 23 || minute > 59 || second > 59) return { error: say(MSG.invalid, text) };
  const query: TimeQuery = {
    timeOfDay: hour * MS_HOUR + minute * MS_MINUTE + second * 1000 + millis,
    utc: zone !== undefined,
  };
  if (y !== undefined) {
    const date = { year: Number(y), month: Number(mo), day: Number(d) };
    if (!validDate(date.year, date.month, date.day)) return { error: say(MSG.invalid, text) };
    query.date = date;
  } else if (monName !== undefined) {
    const date = { month: monthOf(monName), day: Number(monDay) };
    if (date.month === 0 || !validDate(NO_YEAR, date.month, date.day)) return { error: say(MSG.invalid, text) };
    query.date = date;
  }
  return query;
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const naive = (year: number, month: number, day: number, timeOfDay = 0): number =>
  Date.UTC(year, month - 1, day) + timeOfDay;

/** What one line's stamp says. */
interface Stamp {
  clock: Clock;
  timeOfDay: number;
  year?: number;
  month?: number;
  day?: number;
}

/**
 * `tod`: time of day only (SDL/SDI); `mdy`: month and day, maybe without year (MIVR, JTAPI, syslog
 * prefix); `ymd`: full date (log4j, ISO, CiscoLog).
 */
type Clock = 'tod' | 'md' | 'ymd';

const SDL_RE = /^\d{8}\.\d{3}\s*\|\s*(\d{2}):(\d{2}):(\d{2})\.(\d{3})\s*\|/;
const SDI_RE = /^(\d{2}):(\d{2}):(\d{2})\.(\d{3})\s+[A-Z]+\|/;
const SEQ_RE =
  /^\s*\d+:\s+(?:\S+:\s+\*?)?([A-Z][a-z]{2})\s+(\d{1,2})\s+(?:(\d{4})\s+)?(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?/;
const SYSLOG_RE = /^([A-Z][a-z]{2})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s/;
const ISO_RE = /^(\d{4})[-/](\d{2})[-/](\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:[,.](\d{1,3}))?/;
const TOMCAT_RE = /^([A-Z][a-z]{2})\s+(\d{1,2}),\s+(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})\s+([AP]M)\s/;
/** The UTC stamp inside a CiscoSyslog line (`: Jun 17 2019 14:14:19.781 UTC :`). */
const SYSLOG_UTC_RE = /\b([A-Z][a-z]{2})\s+(\d{1,2})\s+(\d{4})\s+(\d{2}):(\d{2}):(\d{2})(?:[.:](\d{1,3}))?\s+UTC\b/;
/** MIVR/JTAPI time zone right after the stamp. */
const SEQ_ZONE_RE = /^\s*\d+:\s+[A-Z][a-z]{2}\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}(?:\.\d+)?\s*(UTC|GMT)\b/;

/** The first 96 characters of a line: all a stamp needs, without copying long lines. */
const headOf = (index: TextIndex, line: number): string =>
  index.text.slice(index.starts[line], Math.min(index.ends[line], index.starts[line] + 96));

const tod = (h: string, m: string, s: string, ms?: string): number =>
  Number(h) * MS_HOUR + Number(m) * MS_MINUTE + Number(s) * 1000 + (ms ? Number(ms.padEnd(3, '0')) : 0);

/** The stamp at the start of a line, if any. Only the first 96 characters are looked at. */
export function stampOf(line: string): Stamp | undefined {
  const head = line.length > 96 ? line.slice(0, 96) : line;
  const c = head.charCodeAt(0);
  let m: RegExpExecArray | null;
  if (c >= 48 && c <= 57) {
    if ((m = SDL_RE.exec(head))) return { clock: 'tod', timeOfDay: tod(m[1], m[2], m[3], m[4]) };
    if ((m = ISO_RE.exec(head)))
      return { clock: 'ymd', year: +m[1], month: +m[2], day: +m[3], timeOfDay: tod(m[4], m[5], m[6], m[7]) };
    if ((m = SDI_RE.exec(head))) return { clock: 'tod', timeOfDay: tod(m[1], m[2], m[3], m[4]) };
  }
  if ((c >= 48 && c <= 57) || c === 32) {
    if ((m = SEQ_RE.exec(head))) {
      const month = monthOf(m[1]);
      if (month === 0) return undefined;
      const stamp: Stamp = { clock: 'md', month, day: +m[2], timeOfDay: tod(m[4], m[5], m[6], m[7]) };
      if (m[3]) return { ...stamp, clock: 'ymd', year: +m[3] };
      return stamp;
    }
    return undefined;
  }
  if (c >= 65 && c <= 90) {
    if ((m = SYSLOG_RE.exec(head))) {
      const month = monthOf(m[1]);
      return month ? { clock: 'md', month, day: +m[2], timeOfDay: tod(m[3], m[4], m[5]) } : undefined;
    }
    if ((m = TOMCAT_RE.exec(head))) {
      const month = monthOf(m[1]);
      const hour = (Number(m[4]) % 12) + (m[7] === 'PM' ? 12 : 0);
      return month
        ? { clock: 'ymd', year: +m[3], month, day: +m[2], timeOfDay: tod(String(hour), m[5], m[6]) }
        : undefined;
    }
  }
  return undefined;
}

/** What the file says about its date and zone. */
export interface FileClock {
  /** Date of the first record, when known (FileHead date for SDL; the stamp's own date otherwise). */
  year?: number;
  /** Minutes to add to UTC to get the file's local time, when the file says. */
  utcOffsetMinutes?: number;
}

const FILEHEAD_RE = /\|\s*FileHead\s*\|\s*UTC:\s*([+-])(\d{1,2}):(\d{2})\s*,\s*Date:\s*(\d{4})\/(\d{1,2})\/(\d{1,2})/;

/** Reads the FileHead date and offset of an SDL trace (`UTC:-05:00,Date: 2024/08/13`). */
export function readFileHead(line: string): { year: number; month: number; day: number; offset: number } | undefined {
  const m = FILEHEAD_RE.exec(line.length > 200 ? line.slice(0, 200) : line);
  if (!m) return undefined;
  const offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return { year: +m[4], month: +m[5], day: +m[6], offset };
}

/** One timestamped line, with its time resolved against the file's clock. */
interface Resolved {
  line: number;
  /** Naive local milliseconds. */
  at: number;
}

/**
 * Resolves the stamps of a file, fed in line order, to naive local milliseconds: keeps the day count
 * (SDL midnight rollover) and the year (December → January).
 */
class Walker {
  clock: Clock | undefined;
  /** Base date for `tod` clocks (FileHead date, or day 0 of a fake year when absent). */
  private base = naive(NO_YEAR, 1, 1);
  hasDate = false;
  offset: number | undefined;
  private year = NO_YEAR;
  private prev: Stamp | undefined;
  private day = 0;

  constructor(index: TextIndex, yearHint?: number) {
    if (yearHint !== undefined) this.year = yearHint;
    // The FileHead is the first line of a trace; allow a few lines of paste noise before it.
    for (let i = 0; i < Math.min(index.lineCount, 5); i++) {
      const head = readFileHead(index.line(i));
      if (head) {
        this.base = naive(head.year, head.month, head.day);
        this.hasDate = true;
        this.offset = head.offset;
        break;
      }
    }
  }

  /** Resolves one stamp; `undefined` when it is not on this file's clock. */
  resolve(stamp: Stamp): number | undefined {
    if (this.clock === undefined) this.clock = stamp.clock;
    else if (stamp.clock !== this.clock) return undefined;
    const prev = this.prev;
    this.prev = stamp;
    if (stamp.clock === 'tod') {
      if (prev && stamp.timeOfDay < prev.timeOfDay - ROLLOVER) this.day++;
      return this.base + this.day * MS_DAY + stamp.timeOfDay;
    }
    if (stamp.clock === 'md') {
      if (prev && prev.month! > stamp.month!) this.year++;
      return naive(this.year, stamp.month!, stamp.day!, stamp.timeOfDay);
    }
    return naive(stamp.year!, stamp.month!, stamp.day!, stamp.timeOfDay);
  }

  get dated(): boolean {
    return this.clock !== 'tod' || this.hasDate;
  }
}

/** Formats naive milliseconds the way the file's clock would print them. */
function show(at: number, clock: Clock | undefined, dated: boolean, day0: number): string {
  const d = new Date(at);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const time = `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`;
  if (clock === 'tod' && !dated) {
    const day = Math.floor((at - day0) / MS_DAY);
    return day > 0 ? `${time} (+${day}d)` : time;
  }
  if (clock === 'md')
    return `${MONTHS[d.getUTCMonth()][0].toUpperCase()}${MONTHS[d.getUTCMonth()].slice(1)} ${p(d.getUTCDate())} ${time}`;
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${time}`;
}

/** Derives a CiscoSyslog file's UTC offset from a line holding both its local prefix and its UTC stamp. */
function syslogOffset(index: TextIndex): { offset: number; year: number } | undefined {
  for (let i = 0; i < Math.min(index.lineCount, 200); i++) {
    const text = index.line(i);
    const local = SYSLOG_RE.exec(text);
    if (!local) continue;
    const utc = SYSLOG_UTC_RE.exec(text.slice(local[0].length, local[0].length + 300));
    if (!utc) continue;
    const utcMonth = monthOf(utc[1]);
    const localMonth = monthOf(local[1]);
    if (!utcMonth || !localMonth) continue;
    const utcYear = Number(utc[3]);
    // Around New Year the local date may be in the next or previous year.
    let year = utcYear;
    if (localMonth === 1 && utcMonth === 12) year++;
    if (localMonth === 12 && utcMonth === 1) year--;
    const at = naive(year, localMonth, +local[2], tod(local[3], local[4], local[5]));
    const atUtc = naive(utcYear, utcMonth, +utc[2], tod(utc[4], utc[5], utc[6], utc[7]));
    const offset = Math.round((at - atUtc) / (15 * MS_MINUTE)) * 15;
    return { offset, year };
  }
  return undefined;
}

/**
 * Finds the first record at or after the time the engineer typed. `text` may be a string or a
 * TextIndex already built for it.
 */
export function findTime(text: string | TextIndex, input: string | TimeQuery, format?: FormatId): TimeResult {
  const query = typeof input === 'string' ? parseTimeQuery(input) : input;
  if ('error' in query) return query;
  const index = typeof text === 'string' ? new TextIndex(text) : text;

  // First pass over the head of the file: the clock, the first record and what the file says.
  const syslog = format === 'cucm-syslog' || format === undefined ? syslogOffset(index) : undefined;
  const walker = new Walker(index, syslog?.year);
  let first: Resolved | undefined;
  let firstLine = 0;
  for (; firstLine < index.lineCount; firstLine++) {
    const stamp = stampOf(headOf(index, firstLine));
    if (!stamp) continue;
    const at = walker.resolve(stamp);
    if (at === undefined) continue;
    first = { line: firstLine, at };
    break;
  }
  if (!first) return { error: { ...MSG.noStamps } };
  const clock = walker.clock!;

  // The offset: FileHead (SDL), the syslog prefix/UTC pair, or an explicit UTC/GMT zone (MIVR/JTAPI).
  let offset = walker.offset;
  if (offset === undefined && clock === 'md' && syslog) offset = syslog.offset;
  if (offset === undefined && SEQ_ZONE_RE.test(index.line(first.line))) offset = 0;
  if (offset === undefined && clock === 'ymd' && /^\d{4}-\d{2}-\d{2}T[\d:.,]+Z/.test(index.line(first.line)))
    offset = 0;
  if (query.utc && offset === undefined) return { error: { ...MSG.noOffset } };
  const shift = query.utc ? offset! * MS_MINUTE : 0;

  // The target, in naive local milliseconds.
  const firstDate = new Date(first.at);
  const firstDay = first.at - (((first.at % MS_DAY) + MS_DAY) % MS_DAY);
  let target: number;
  if (!query.date) {
    // A time without a date: the first record's day, or the next day if it is earlier than the first
    // record (by more than the rollover tolerance, as for SDL midnight: 23:58 still means the first
    // record of a file starting at 23:58:00.004, 00:01 means after midnight).
    const timeOfDay = (((query.timeOfDay + shift) % MS_DAY) + MS_DAY) % MS_DAY;
    target = firstDay + timeOfDay;
    if (target < first.at - ROLLOVER) target += MS_DAY;
  } else {
    if (clock === 'tod' && !walker.dated) return { error: { ...MSG.noDate } };
    const { month, day } = query.date;
    const yearKnown = clock !== 'md' || syslog !== undefined;
    if (query.date.year !== undefined && yearKnown)
      target = naive(query.date.year, month, day, query.timeOfDay) + shift;
    else {
      // No year in the query, or none in the file (MIVR, JTAPI): the first record's year, or the next
      // one when the date is earlier than the first record's day (the file runs over New Year).
      const year = firstDate.getUTCFullYear();
      target = naive(year, month, day, query.timeOfDay) + shift;
      if (target < firstDay) target = naive(year + 1, month, day, query.timeOfDay) + shift;
    }
  }

  // Second pass: the first line at or after the target.
  if (first.at >= target) return { line: first.line, time: show(first.at, clock, walker.dated, firstDay) };
  let last: Resolved = first;
  for (let line = first.line + 1; line < index.lineCount; line++) {
    const stamp = stampOf(headOf(index, line));
    if (!stamp) continue;
    const at = walker.resolve(stamp);
    if (at === undefined) continue;
    if (at >= target) return { line, time: show(at, clock, walker.dated, firstDay) };
    last = { line, at };
  }
  return {
    error: say(
      MSG.afterEnd,
      show(target, clock, walker.dated, firstDay),
      show(last.at, clock, walker.dated, firstDay),
      last.line + 1,
    ),
  };
}

/** First and last timestamp of a file as printed by its clock (for outlines); looks at most `window` lines at each end. */
export function timeSpan(text: string | TextIndex, window = 200): { first: string; last: string } | undefined {
  const index = typeof text === 'string' ? new TextIndex(text) : text;
  let firstStamp: { line: number; raw: string } | undefined;
  let lastStamp: { line: number; raw: string } | undefined;
  let clock: Clock | undefined;
  const raw = (line: string): string | undefined => {
    const m =
      /^\d{8}\.\d{3}\s*\|\s*(\d{2}:\d{2}:\d{2}\.\d{3})/.exec(line) ??
      /^\s*\d+:\s+(?:\S+:\s+\*?)?([A-Z][a-z]{2}\s+\d{1,2}\s+(?:\d{4}\s+)?\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?)/.exec(line) ??
      /^(\d{4}[-/]\d{2}[-/]\d{2}[ T]\d{2}:\d{2}:\d{2}(?:[,.]\d{1,3})?)/.exec(line) ??
      /^([A-Z][a-z]{2}\s+\d{1,2}\s+\d{2}:\d{2}:\d{2})/.exec(line) ??
      /^(\d{2}:\d{2}:\d{2}\.\d{3})\s+[A-Z]+\|/.exec(line);
    return m?.[1];
  };
  for (let i = 0; i < Math.min(index.lineCount, window); i++) {
    const line = headOf(index, i);
    const stamp = stampOf(line);
    if (!stamp) continue;
    clock = stamp.clock;
    firstStamp = { line: i, raw: raw(line) ?? '' };
    break;
  }
  if (!firstStamp || !clock) return undefined;
  for (let i = index.lineCount - 1; i >= Math.max(firstStamp.line, index.lineCount - window); i--) {
    const line = headOf(index, i);
    const stamp = stampOf(line);
    if (!stamp || stamp.clock !== clock) continue;
    lastStamp = { line: i, raw: raw(line) ?? '' };
    break;
  }
  return { first: firstStamp.raw, last: (lastStamp ?? firstStamp).raw };
}

/** Whether any line starts with a timestamp Go to Time can use (a CLI capture has none). Stops at the first. */
export function hasTimestamps(text: string | TextIndex): boolean {
  const index = typeof text === 'string' ? new TextIndex(text) : text;
  for (let line = 0; line < index.lineCount; line++) if (stampOf(headOf(index, line))) return true;
  return false;
}
