import type { Range } from '../types';
import type { Detector, DetectorContext, DetectorFinding } from './types';

/**
 * Security detectors.
 *
 * `sipAuthResponses` reads the SIP messages that CUCM prints in SDI/SDL traces: an AppInfo header
 * (`SIPTcp - wait_SdlSPISignal: Outgoing SIP TCP message to 10.1.1.1 on port 5060 index 12`,
 * `//SIP/SIPUdp/wait_SdlDataInd: Incoming SIP UDP message size 737 from 10.1.1.1:[5060]:`), a
 * `[n,NET]` marker and the raw message on unprefixed lines. Status lines `SIP/2.0 4xx` of the
 * authentication family are grouped per direction, peer address and CSeq method:
 *
 * - `mode: challenge`  401/407 challenges that were answered (no long run of challenges): one hint per group.
 * - `mode: failure`    a run of `threshold` (default 3) or more 401/407 for the same group with no 2xx in between:
 *                      the credentials are being rejected. One finding per group.
 * - `mode: forbidden`  403 responses, one finding per group.
 * - `mode: notAllowed` 405 responses, one finding per group.
 */

const STATUS_LINE = /^\s*SIP\/2\.0\s+([1-6]\d\d)\b[ \t]*([^\r\n]{0,80}?)\s*$/;
const SDL_PREFIX = /^\d{8}\.\d{3}\s*\|/;
const NET_MARKER = /^\s*\[\d+,NET\]\s*$/;
const SIP_HEADER =
  /\b(Incoming|Outgoing)\s+SIP\s+(?:[A-Za-z]{2,4}\s+)?message\b[^\r\n]{0,80}?\b(?:from|to)\s+(\d{1,3}(?:\.\d{1,3}){3}|\[?[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}\]?)/i;
const REQUEST_LINE = /^[A-Z]{3,12}\s+sips?:\S+\s+SIP\/2\.0\s*$/;
const CSEQ = /^\s*CSeq\s*:\s*\d+\s+([A-Za-z]+)/i;
const CALL_ID = /^\s*(?:Call-ID|i)\s*:\s*(\S+)/i;
const TO_USER = /^\s*(?:To|t)\s*:[^\r\n]{0,200}?<?sips?:([^@;>\s]{1,64})@/i;
/** How far above the status line the AppInfo header may be (the `[n,NET]` marker sits in between). */
const HEADER_LOOKBACK = 3;
/** Headers read below the status line. */
const HEADER_LOOKAHEAD = 40;
const MAX_RELATED = 20;

interface SipResponse {
  line: number;
  code: number;
  reason: string;
  direction: string;
  peer: string;
  method: string;
  user?: string;
  callId?: string;
}

function readResponse(ctx: DetectorContext, line: number): SipResponse | undefined {
  const { index } = ctx;
  const text = index.line(line);
  if (text.length > 300 || SDL_PREFIX.test(text)) return undefined;
  const st = STATUS_LINE.exec(text);
  if (!st) return undefined;
  let direction: string | undefined;
  let peer: string | undefined;
  let inBlock = false;
  for (let k = line - 1; k >= Math.max(0, line - HEADER_LOOKBACK); k--) {
    const t = index.line(k);
    if (NET_MARKER.test(t)) {
      inBlock = true;
      continue;
    }
    const h = SIP_HEADER.exec(t);
    if (h) {
      direction = h[1][0].toUpperCase() + h[1].slice(1).toLowerCase();
      peer = h[2].replace(/^\[|\]$/g, '');
      inBlock = true;
    }
    break;
  }
  // A status line counts only inside a traced SIP message (marker or header right above it).
  if (!inBlock) return undefined;
  const res: SipResponse = {
    line,
    code: +st[1],
    reason: st[2],
    direction: direction ?? '?',
    peer: peer ?? '?',
    method: '?',
  };
  for (let k = line + 1; k < Math.min(index.lineCount, line + 1 + HEADER_LOOKAHEAD); k++) {
    const t = index.line(k);
    if (t.trim() === '' || SDL_PREFIX.test(t) || NET_MARKER.test(t) || STATUS_LINE.test(t) || REQUEST_LINE.test(t))
      break;
    let m: RegExpExecArray | null;
    if ((m = CSEQ.exec(t))) res.method = m[1].toUpperCase();
    else if ((m = CALL_ID.exec(t))) res.callId = m[1];
    else if (!res.user && (m = TO_USER.exec(t))) res.user = m[1];
  }
  return res;
}

interface Group {
  key: string;
  first: SipResponse;
  lines: number[];
  codes: Set<number>;
  /** Current run of challenges without a 2xx. */
  run: number;
  runStart?: SipResponse;
  /** First response of the first run that reached the threshold. */
  failedAt?: SipResponse;
  challenges: number;
}

const groupKey = (r: SipResponse): string => `${r.direction}|${r.peer}|${r.method}`;

function captures(g: Group, r: SipResponse, count: number): Record<string, string> {
  const c: Record<string, string> = {
    code: [...g.codes].sort().join('/'),
    reason: r.reason,
    count: String(count),
    direction: r.direction,
    peer: r.peer,
    method: r.method,
  };
  if (r.user) c.user = r.user;
  return c;
}

function lineRange(ctx: DetectorContext, line: number): Range {
  return ctx.index.linesRange(line, line);
}

interface SipGroups {
  auth: Map<string, Group>;
  refused: Map<number, Map<string, Group>>;
}

/** The four SIP entries read the same messages; the grouping of the last text is kept. */
let sipMemo: { text: string; key: string; groups: SipGroups } | undefined;

function sipGroups(ctx: DetectorContext, threshold: number): SipGroups {
  const key = `${threshold}:${ctx.hitLines.length}:${ctx.hitLines[0]}:${ctx.hitLines[ctx.hitLines.length - 1]}`;
  if (sipMemo && sipMemo.text === ctx.text && sipMemo.key === key) return sipMemo.groups;
  const auth = new Map<string, Group>();
  const refused = new Map<number, Map<string, Group>>([
    [403, new Map()],
    [405, new Map()],
  ]);
  for (const line of ctx.hitLines) {
    const r = readResponse(ctx, line);
    if (!r) continue;
    const key = groupKey(r);
    if (r.code >= 200 && r.code < 300) {
      const g = auth.get(key);
      if (g) {
        g.run = 0;
        g.runStart = undefined;
      }
      continue;
    }
    if (r.code === 401 || r.code === 407) {
      let g = auth.get(key);
      if (!g) auth.set(key, (g = { key, first: r, lines: [], codes: new Set(), run: 0, challenges: 0 }));
      g.lines.push(r.line);
      g.codes.add(r.code);
      g.challenges++;
      if (g.run === 0) g.runStart = r;
      g.run++;
      if (g.run >= threshold && !g.failedAt) g.failedAt = g.runStart;
      continue;
    }
    const byCode = refused.get(r.code);
    if (byCode) {
      let g = byCode.get(key);
      if (!g) byCode.set(key, (g = { key, first: r, lines: [], codes: new Set(), run: 0, challenges: 0 }));
      g.lines.push(r.line);
      g.codes.add(r.code);
    }
  }
  const groups = { auth, refused };
  sipMemo = { text: ctx.text, key, groups };
  return groups;
}

const sipAuthResponses: Detector = (ctx) => {
  const mode = String(ctx.params.mode ?? 'challenge');
  const threshold = Math.max(2, Number(ctx.params.threshold ?? 3));
  const { auth, refused: refusedByCode } = sipGroups(ctx, threshold);
  const refused = refusedByCode.get(mode === 'forbidden' ? 403 : 405)!;
  const out: DetectorFinding[] = [];
  const related = (g: Group, at: number, en: string, ja: string): DetectorFinding['related'] =>
    g.lines
      .filter((l) => l !== at)
      .slice(0, MAX_RELATED)
      .map((l) => ({ range: lineRange(ctx, l), message: { en, ja } }));
  if (mode === 'challenge' || mode === 'failure') {
    for (const g of auth.values()) {
      if (mode === 'failure' && g.failedAt) {
        const at = g.failedAt;
        out.push({
          range: lineRange(ctx, at.line),
          captures: captures(g, at, g.challenges),
          related: related(
            g,
            at.line,
            'Another authentication challenge for the same peer',
            '同じ相手への別の認証チャレンジ',
          ),
        });
      } else if (mode === 'challenge' && !g.failedAt) {
        out.push({
          range: lineRange(ctx, g.first.line),
          captures: captures(g, g.first, g.challenges),
          related: related(
            g,
            g.first.line,
            'Another authentication challenge for the same peer',
            '同じ相手への別の認証チャレンジ',
          ),
        });
      }
    }
  } else {
    for (const g of refused.values()) {
      out.push({
        range: lineRange(ctx, g.first.line),
        captures: captures(g, g.first, g.lines.length),
        related: related(g, g.first.line, 'The same response again for the same peer', '同じ相手への同じ応答'),
      });
    }
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line);
  return out;
};

// ---------------------------------------------------------------------------------------------------
// CAPF status codes

/**
 * CAPF error codes (table 3-2 of the guide). The CAPF trace layout is not published, so the codes are
 * read from their symbolic names anywhere on a line, and from numeric forms (`error code 3`,
 * `errorCode=3`, `status code: 3`) only on lines that also say CAPF.
 */
const CAPF_SYMBOLS: Record<string, number> = {
  CAPF_OP_SUCCESS: 0,
  CAPF_FETCH_SUCCESS_BUT_NO_CERT: 1,
  CAPF_OP_FAIL: 2,
  CAPF_OP_FAIL_INVALID_AUTH_STR: 3,
  CAPF_OP_FAIL_INVALID_LSC: 4,
  CAPF_OP_FAIL_INVALID_MIC: 5,
  CAPF_OP_FAIL_INVALID_CRENDENTIALS: 6,
  CAPF_OP_FAIL_INVALID_CREDENTIALS: 6,
  CAPF_OP_FAIL_PHONE_COMM_ERROR: 7,
  CAPF_OP_FAIL_OP_TIMED_OUT: 8,
  CAPF_OP_FAIL_LATE_REQUEST: 11,
};
const CAPF_SYMBOL =
  /\bCAPF_(?:OP_SUCCESS|FETCH_SUCCESS_BUT_NO_CERT|OP_FAIL(?:_(?:INVALID_(?:AUTH_STR|LSC|MIC|CRE(?:N)?DENTIALS)|PHONE_COMM_ERROR|OP_TIMED_OUT|LATE_REQUEST))?)\b/;
const CAPF_NUMERIC = /\b(?:error|err|status|result|return|op)[ _-]?code\s*(?:[:=]|is)?\s*\(?\s*(\d{1,2})(?![\d.])/i;
const CAPF_WORD = /capf/i;
const DEVICE = /\b((?:SEP|CSF|BOT|TCT|TAB|ATA)[0-9A-Fa-f]{6,12}|[A-Z]{2,4}[0-9A-F]{12})\b/;
/** Lines of one CAPF operation that repeat the same status lie this close together. */
const CAPF_BURST = 20;

interface CapfLine {
  line: number;
  code: number;
  symbol?: string;
  device: string;
}

/** Every CAPF entry reads the same status lines; the parse of the last text is kept. */
let capfMemo: { text: string; key: string; lines: CapfLine[] } | undefined;

function capfLines(ctx: DetectorContext): CapfLine[] {
  const key = `${ctx.hitLines.length}:${ctx.hitLines[0]}:${ctx.hitLines[ctx.hitLines.length - 1]}`;
  if (capfMemo && capfMemo.text === ctx.text && capfMemo.key === key) return capfMemo.lines;
  const lines: CapfLine[] = [];
  for (const line of ctx.hitLines) {
    const text = ctx.index.line(line);
    if (text.length > 2000) continue;
    const sym = CAPF_SYMBOL.exec(text);
    let code: number | undefined;
    if (sym) code = CAPF_SYMBOLS[sym[0]];
    else if (CAPF_WORD.test(text)) {
      const num = CAPF_NUMERIC.exec(text);
      if (num) code = +num[1];
    }
    if (code === undefined || code === 0) continue;
    lines.push({ line, code, symbol: sym?.[0], device: DEVICE.exec(text)?.[1] ?? '' });
  }
  capfMemo = { text: ctx.text, key, lines };
  return lines;
}

const capfStatus: Detector = (ctx) => {
  const want = Number(ctx.params.code);
  const { index } = ctx;
  const out: DetectorFinding[] = [];
  const open = new Map<string, { finding: DetectorFinding; line: number }>();
  for (const { line, code, symbol, device: dev } of capfLines(ctx)) {
    if (code !== want) continue;
    const prev = open.get(dev);
    if (prev && line - prev.line <= CAPF_BURST) {
      prev.line = line;
      prev.finding.related!.push({
        range: index.linesRange(line, line),
        message: { en: 'The same CAPF status logged again', ja: '同じ CAPF ステータスの再出力' },
      });
      if (symbol && !prev.finding.captures.symbol) prev.finding.captures.symbol = symbol;
      continue;
    }
    const captures: Record<string, string> = { code: String(code) };
    if (symbol) captures.symbol = symbol;
    if (dev) captures.device = dev;
    const finding: DetectorFinding = { range: index.linesRange(line, line), captures, related: [] };
    open.set(dev, { finding, line });
    out.push(finding);
  }
  return out;
};

/** Code of a CAPF status on a line (symbolic anywhere, numeric only next to the word CAPF). */
function capfCodeOf(text: string): number | undefined {
  const sym = CAPF_SYMBOL.exec(text);
  if (sym) return CAPF_SYMBOLS[sym[0]];
  if (!CAPF_WORD.test(text)) return undefined;
  const num = CAPF_NUMERIC.exec(text);
  return num ? +num[1] : undefined;
}

const LSC_VERIFY_FAILED = [
  /(?:\bLSC\b|locally\s+significant\s+cert\w*)[^\r\n]{0,80}?(?:verif\w*|validat\w*)[^\r\n]{0,40}?(?:fail\w*|error|invalid|not\s+valid)/i,
  /(?:fail\w*|unable|could\s+not|cannot|can't)\s+(?:to\s+)?(?:verify|validate)\s+(?:the\s+)?(?:phone'?s?\s+)?(?:\bLSC\b|locally\s+significant\s+cert\w*)/i,
];
/** A code-4 status this close to the verification failure reports the same event (CAPF004 owns it). */
const LSC_CODE_NEAR = 5;

/**
 * `capfLscVerify`: a phone's locally significant certificate failed verification. When the same
 * phone's CAPF status 4 (CAPF_OP_FAIL_INVALID_LSC) is logged right next to it, the status entry
 * reports the event and this one stays quiet.
 */
const capfLscVerify: Detector = (ctx) => {
  const { index } = ctx;
  const out: DetectorFinding[] = [];
  for (const line of ctx.hitLines) {
    const text = index.line(line);
    if (text.length > 2000) continue;
    let m: RegExpExecArray | null = null;
    for (const re of LSC_VERIFY_FAILED) if ((m = re.exec(text))) break;
    if (!m) continue;
    if (capfCodeOf(text) === 4) continue;
    const dev = DEVICE.exec(text)?.[1];
    let owned = false;
    for (
      let k = Math.max(0, line - LSC_CODE_NEAR);
      k <= Math.min(index.lineCount - 1, line + LSC_CODE_NEAR) && !owned;
      k++
    ) {
      if (k === line) continue;
      const other = index.line(k);
      if (other.length > 2000 || capfCodeOf(other) !== 4) continue;
      const otherDev = DEVICE.exec(other)?.[1];
      owned = !dev || !otherDev || dev === otherDev;
    }
    if (owned) continue;
    const captures: Record<string, string> = { text: m[0] };
    if (dev) captures.device = dev;
    out.push({
      range: {
        start: index.positionAt(index.starts[line] + m.index),
        end: index.positionAt(index.starts[line] + m.index + m[0].length),
      },
      captures,
    });
  }
  return out;
};

/** Detectors for the security part of the catalog. */
export const DETECTORS_SECURITY: Record<string, Detector> = {
  sipAuthResponses,
  capfStatus,
  capfLscVerify,
};
