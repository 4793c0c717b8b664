import type { TextIndex } from './text-index';

/**
 * Logical records. A trace record starts on a line with a known prefix (MIVR/JTAPI sequence number,
 * SDL sequence, syslog time, log4j date, a bare `%FAC-SEV-NAME` message...) and continues on the
 * unprefixed lines that follow it, until a blank line or the next record. Published and wrapped
 * copies of MIVR records rely on this.
 */

/** Longest record we join; longer runs are split so one pathological file cannot blow up matching. */
export const MAX_RECORD_LINES = 400;

const HEAD_PATTERNS: RegExp[] = [
  /^\s*\d+:\s/, // MIVR, JTAPI, CiscoLog sequence number
  /^\d{8}\.\d{3}\s*\|/, // SDL/SDI sequence
  /^\d{2}:\d{2}:\d{2}\.\d{3}\s+[A-Z]+\|/, // Windows-era SDI `16:05:41.625 CCM|`
  /^\d{2}:\d{2}:\d{2}\.\d{3}\s*\|/, // CAPF and other SDI-style service traces `11:02:03.123 |debug ...`
  /^[A-Z][a-z]{2}\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}\s/, // syslog (RFC 3164) prefix
  /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}/, // log4j / ISO
  /^\d{4}\/\d{2}\/\d{2}\s+\d{2}:\d{2}:\d{2}/, // other Java logs
  /^[A-Z][a-z]{2}\s+\d{1,2},\s+\d{4}\s+\d{1,2}:\d{2}:\d{2}\s+[AP]M\s/, // Tomcat java.util.logging
  /^\s*(?:Event Type|Log Name|イベントの種類|ログの名前)\s*:/, // Windows event text (KB copies and wevtutil indent it)
  /^Event\[\d+\]:/, // wevtutil /f:text
  /^\[\d+,NET\]/, // never a head by itself: handled below
];

/** A record header that stops right after the time zone: the message follows on the next line. */
const HEADER_ONLY = /^\s*\d+:\s+[A-Z][a-z]{2}\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}(?:\.\d+)?\s*[A-Z]{2,5}\s*:?\s*$/;
const BARE_MESSAGE = /^%[A-Z][A-Z0-9_]*-/;

export const enum LineKind {
  Unknown = 0,
  Blank = 1,
  Head = 2,
  Continuation = 3,
}

export class RecordIndex {
  private readonly kinds: Uint8Array;

  constructor(private readonly index: TextIndex) {
    this.kinds = new Uint8Array(index.lineCount);
  }

  kind(line: number): LineKind {
    const k = this.kinds[line];
    if (k !== LineKind.Unknown) return k;
    const computed = this.classify(line);
    this.kinds[line] = computed;
    return computed;
  }

  private classify(line: number): LineKind {
    const text = this.index.line(line);
    if (text.trim() === '') return LineKind.Blank;
    // Only the start of a line decides; keep the tested slice short so huge lines stay cheap.
    const head = text.length > 200 ? text.slice(0, 200) : text;
    if (BARE_MESSAGE.test(head)) {
      return line > 0 && HEADER_ONLY.test(this.index.line(line - 1)) ? LineKind.Continuation : LineKind.Head;
    }
    for (let i = 0; i < HEAD_PATTERNS.length - 1; i++) if (HEAD_PATTERNS[i].test(head)) return LineKind.Head;
    return LineKind.Continuation;
  }

  /** First and last line of the record holding `line`. */
  recordOf(line: number): { first: number; last: number } {
    if (this.kind(line) === LineKind.Blank) return { first: line, last: line };
    let first = line;
    // Walk back to the head; a continuation run without a head is a run of one-line records.
    while (this.kind(first) === LineKind.Continuation && first > 0 && line - first < MAX_RECORD_LINES) {
      const prev = this.kind(first - 1);
      if (prev === LineKind.Blank) break;
      first--;
      if (prev === LineKind.Head) break;
    }
    if (this.kind(first) !== LineKind.Head) return { first: line, last: line };
    let last = first;
    const n = this.index.lineCount;
    while (last + 1 < n && last - first + 1 < MAX_RECORD_LINES && this.kind(last + 1) === LineKind.Continuation) last++;
    if (last < line) return { first: line, last: line };
    return { first, last };
  }
}
