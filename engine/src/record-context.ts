/**
 * What the file says around a finding, beyond the finding's own captures, for filling its commands:
 * the date and time of its record (for `file get activelog … abstime`) and the JTAPI user UCCX logged in
 * with (for the application-user queries). Only a time the file states completely is returned: a MIVR or
 * JTAPI stamp has no year and an SDL trace without its FileHead has no date, so those give undefined and
 * the command keeps its placeholders.
 */
import { formatRecordTime } from './fill-commands';
import { readFileHead, stampOf } from './timeline';

/** Lines read around the finding: a record's stamp is on its first line, an event's Date/Time below it. */
const LOOK_BACK = 40;
const EVENT_LINES = 14;
const MAX_LINE = 400;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthOf = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
const naive = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h, mi, s);
const hour12 = (h: number, ampm: string | undefined): number =>
  ampm ? (h % 12) + (/^(?:PM|午後)$/i.test(ampm) ? 12 : 0) : h;

/** Windows event log: `Date: 2/3/2008` + `Time: 7:31:02 AM` (or 日付/時刻, or one exported line). */
const EVENT_DATE = /^\s*(?:Date|日付)\s*:\s*(?:(\d{4})\/(\d{1,2})\/(\d{1,2})|(\d{1,2})\/(\d{1,2})\/(\d{4}))\s*$/;
const EVENT_TIME = /^\s*(?:Time|時刻)\s*:\s*(午前|午後)?\s*(\d{1,2}):(\d{2}):(\d{2})\s*([AP]M)?\s*$/i;
const INLINE_US = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})(?:\s*([AP]M))?/;
const EVENT_HEAD = /^\s*(?:Event Type|イベントの種類)\s*:/;
/** CiscoSyslog: local `Mon DD HH:MM:SS` prefix, the year from the UTC stamp inside the line. */
const SYSLOG_PREFIX = /^([A-Z][a-z]{2})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s/;
const SYSLOG_YEAR = /\b[A-Z][a-z]{2}\s+\d{1,2}\s+(\d{4})\s+\d{2}:\d{2}:\d{2}/;

function eventTime(lineAt: (i: number) => string, lineCount: number, line: number): number | undefined {
  let date: number[] | undefined;
  let time: number[] | undefined;
  for (let i = line; i < Math.min(lineCount, line + EVENT_LINES); i++) {
    const text = lineAt(i).slice(0, MAX_LINE);
    if (i > line && EVENT_HEAD.test(text)) break;
    const inline = INLINE_US.exec(text);
    if (inline && i === line)
      return naive(+inline[3], +inline[1], +inline[2], hour12(+inline[4], inline[7]), +inline[5], +inline[6]);
    const d = EVENT_DATE.exec(text);
    if (d) date = d[1] ? [+d[1], +d[2], +d[3]] : [+d[6], +d[4], +d[5]];
    const t = EVENT_TIME.exec(text);
    if (t) time = [hour12(+t[2], t[5] ?? t[1]), +t[3], +t[4]];
    if (date && time) return naive(date[0], date[1], date[2], time[0], time[1], time[2]);
  }
  return undefined;
}

function syslogTime(text: string): number | undefined {
  const m = SYSLOG_PREFIX.exec(text);
  const y = m && SYSLOG_YEAR.exec(text.slice(m[0].length, MAX_LINE));
  if (!m || !y || !monthOf(m[1])) return undefined;
  let year = +y[1];
  const utcMonth = monthOf(/\b([A-Z][a-z]{2})\s+\d{1,2}\s+\d{4}/.exec(text.slice(m[0].length, MAX_LINE))?.[1] ?? '');
  // Around New Year the local prefix may be a year after or before the UTC stamp.
  if (monthOf(m[1]) === 1 && utcMonth === 12) year++;
  if (monthOf(m[1]) === 12 && utcMonth === 1) year--;
  return naive(year, monthOf(m[1]), +m[2], +m[3], +m[4], +m[5]);
}

/** SDL/SDI time of day on the FileHead date; one midnight after the first record is allowed for. */
function traceTime(lineAt: (i: number) => string, lineCount: number, timeOfDay: number): number | undefined {
  let head: ReturnType<typeof readFileHead>;
  for (let i = 0; i < Math.min(lineCount, 5) && !head; i++) head = readFileHead(lineAt(i));
  if (!head) return undefined;
  let first: number | undefined;
  for (let i = 0; i < Math.min(lineCount, 50) && first === undefined; i++) {
    const s = stampOf(lineAt(i));
    if (s?.clock === 'tod') first = s.timeOfDay;
  }
  const day = first !== undefined && timeOfDay < first - 3_600_000 ? 1 : 0;
  return naive(head.year, head.month, head.day + day) + timeOfDay;
}

/**
 * `YYYY-MM-DD HH:MM:SS` of the record at `line` (0-based), in the file's own (node-local) time, or
 * undefined when the file does not say the full date. `lineAt` returns one line of the document.
 */
export function recordTimeAt(lineAt: (i: number) => string, lineCount: number, line: number): string | undefined {
  if (line < 0 || line >= lineCount) return undefined;
  const event = eventTime(lineAt, lineCount, line);
  if (event !== undefined) return formatRecordTime(event);
  for (let i = line; i >= Math.max(0, line - LOOK_BACK); i--) {
    const text = lineAt(i).slice(0, MAX_LINE);
    const syslog = syslogTime(text);
    if (syslog !== undefined) return formatRecordTime(syslog);
    const stamp = stampOf(text);
    if (!stamp) continue;
    if (stamp.clock === 'ymd') {
      const at = naive(stamp.year!, stamp.month!, stamp.day!) + stamp.timeOfDay;
      return formatRecordTime(at - (at % 1000));
    }
    if (stamp.clock === 'tod') {
      const at = traceTime(lineAt, lineCount, stamp.timeOfDay);
      return at === undefined ? undefined : formatRecordTime(at - (at % 1000));
    }
    return undefined; // month and day without a year (MIVR, JTAPI)
  }
  return undefined;
}

/** UCCX logs the JTAPI user when it opens its provider: `Creating provider with login=uccx_jtapi;appinfo=…`. */
const PROVIDER_LOGIN = /Creating provider with login=([A-Za-z0-9][A-Za-z0-9_.@-]{0,63})(?=[;,\s]|$)/;
/** How far back a finding's provider login is looked for. */
const LOGIN_LOOK_BACK = 300;

/** The JTAPI user of the last provider UCCX opened before `line`, if the log says. */
export function providerLoginBefore(
  lineAt: (i: number) => string,
  lineCount: number,
  line: number,
): string | undefined {
  for (let i = Math.min(line, lineCount - 1); i >= Math.max(0, line - LOGIN_LOOK_BACK); i--) {
    const m = PROVIDER_LOGIN.exec(lineAt(i).slice(0, MAX_LINE));
    if (m) return m[1];
  }
  return undefined;
}

/** Values around the finding at `line` that its commands may use: `recordTime` and `login` when known. */
export function recordContext(lineAt: (i: number) => string, lineCount: number, line: number): Record<string, string> {
  const out: Record<string, string> = {};
  const time = recordTimeAt(lineAt, lineCount, line);
  if (time) out.recordTime = time;
  const login = providerLoginBefore(lineAt, lineCount, line);
  if (login) out.login = login;
  return out;
}
