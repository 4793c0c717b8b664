import { DETECTORS } from './detectors/index';
import type { Detector } from './detectors/types';
import { RecordIndex } from './records';
import { TextIndex } from './text-index';
import type {
  AnalyzeOptions,
  AnalyzeResult,
  CatalogEntry,
  DetectorRule,
  Finding,
  Range,
  RegexRule,
  Severity,
} from './types';

/** Records longer than this are matched in windows around their trigger hits, so huge lines stay cheap. */
const WINDOW_LIMIT = 64 * 1024;
const WINDOW_HALF = 4096;
/** How far (in lines) an `-7-EXCEPTION` twin may follow the record it repeats. */
const TWIN_DISTANCE = 12;
const EXCEPTION_TWIN = /%[A-Z][A-Z0-9_]*-[A-Z0-9_]+-7-\s*EXCEPTION\b/;

interface CompiledRule {
  entry: CatalogEntry;
  regex?: { scope: 'record' | 'line'; patterns: RegExp[]; unless?: RegExp; range: 'record' | 'match' };
  detector?: Detector;
  params: Record<string, unknown>;
}

export interface CompiledCatalog {
  entries: CatalogEntry[];
  byId: Map<string, CatalogEntry>;
  rules: CompiledRule[];
  /** One case-insensitive alternation of every trigger word. */
  triggerRe: RegExp;
  /** Lower-cased trigger word → indices of the rules it triggers. */
  triggerRules: Map<string, number[]>;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compileCatalog(entries: CatalogEntry[]): CompiledCatalog {
  const rules: CompiledRule[] = [];
  const triggerRules = new Map<string, number[]>();
  const byId = new Map<string, CatalogEntry>();
  entries.forEach((entry, i) => {
    byId.set(entry.id, entry);
    const m = entry.match;
    if ('detector' in m) {
      const detector = DETECTORS[(m as DetectorRule).detector];
      if (!detector) throw new Error(`${entry.id}: unknown detector ${(m as DetectorRule).detector}`);
      rules.push({ entry, detector, params: (m as DetectorRule).params ?? {} });
    } else {
      const r = m as RegexRule;
      const flags = r.flags ?? '';
      rules.push({
        entry,
        params: {},
        regex: {
          scope: r.scope,
          patterns: r.patterns.map((p) => new RegExp(p, flags)),
          unless: r.unless ? new RegExp(r.unless, flags) : undefined,
          range: r.range ?? (r.scope === 'record' ? 'record' : 'match'),
        },
      });
    }
    for (const t of m.triggers) {
      const key = t.toLowerCase();
      const list = triggerRules.get(key) ?? [];
      list.push(i);
      triggerRules.set(key, list);
    }
  });
  // Longest first so that a trigger that is a prefix of another does not hide it.
  const words = [...triggerRules.keys()].sort((a, b) => b.length - a.length);
  const triggerRe = new RegExp(words.map(escapeRe).join('|'), 'gi');
  return { entries, byId, rules, triggerRe, triggerRules };
}

interface Candidate {
  /** Rule index → offsets of its trigger hits. */
  rules: Map<number, number[]>;
}

export function analyze(text: string, catalog: CompiledCatalog, options: AnalyzeOptions = {}): AnalyzeResult {
  const index = new TextIndex(text);
  const records = new RecordIndex(index);

  // 1. One pass over the text for every trigger word, grouped by line.
  const byLine = new Map<number, Candidate>();
  const detectorHits = new Map<number, number[]>();
  const re = catalog.triggerRe;
  re.lastIndex = 0;
  let line = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const at = m.index;
    while (line + 1 < index.lineCount && index.starts[line + 1] <= at) line++;
    const ruleIdx = catalog.triggerRules.get(m[0].toLowerCase());
    if (!ruleIdx) continue;
    for (const r of ruleIdx) {
      if (catalog.rules[r].detector) {
        const hits = detectorHits.get(r) ?? [];
        if (hits[hits.length - 1] !== line) hits.push(line);
        detectorHits.set(r, hits);
        continue;
      }
      let cand = byLine.get(line);
      if (!cand) byLine.set(line, (cand = { rules: new Map() }));
      const offs = cand.rules.get(r);
      if (offs) offs.push(at);
      else cand.rules.set(r, [at]);
    }
  }

  const found: Finding[] = [];
  const seen = new Set<string>();
  const push = (rule: CompiledRule, range: Range, captures: Record<string, string>, key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    found.push({
      id: rule.entry.id,
      alias: rule.entry.alias,
      severity: rule.entry.severity,
      range,
      captures,
      related: [],
    });
  };

  // 2. Regex rules, on the records (or lines) where their triggers occur.
  const recordCache = new Map<number, { first: number; last: number }>();
  const tried = new Set<string>();
  for (const [ln, cand] of byLine) {
    for (const [r, offsets] of cand.rules) {
      const rule = catalog.rules[r];
      const rx = rule.regex!;
      let first = ln;
      let last = ln;
      if (rx.scope === 'record') {
        let rec = recordCache.get(ln);
        if (!rec) recordCache.set(ln, (rec = records.recordOf(ln)));
        first = rec.first;
        last = rec.last;
      }
      const key = `${r}:${first}`;
      if (tried.has(key)) continue;
      tried.add(key);
      const base = index.starts[first];
      const end = index.ends[last];
      const hit = matchRule(rx, text, base, end, offsets);
      if (!hit) continue;
      const range: Range =
        rx.range === 'record'
          ? index.linesRange(first, last)
          : { start: index.positionAt(hit.start), end: index.positionAt(hit.end) };
      push(rule, range, hit.captures, key);
    }
  }

  // 3. Detectors, once each, when one of their triggers occurs.
  const now = options.now ?? new Date();
  for (const [r, hitLines] of detectorHits) {
    const rule = catalog.rules[r];
    const results = rule.detector!({ text, index, records, hitLines, now, params: rule.params });
    results.forEach((f, i) => {
      push(rule, f.range, f.captures, `${r}:d${i}`);
      if (f.related) found[found.length - 1].related.push(...f.related);
    });
  }

  found.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const merged = mergeExceptionTwins(found, index);
  const final = applyOverrides(merged, options.severityOverrides);
  const max = options.maxFindings ?? Infinity;
  return { findings: final.slice(0, max), truncated: final.length > max, total: final.length };
}

interface Hit {
  start: number;
  end: number;
  captures: Record<string, string>;
}

function matchRule(
  rx: NonNullable<CompiledRule['regex']>,
  text: string,
  base: number,
  end: number,
  offsets: number[],
): Hit | undefined {
  const windows: Array<[number, number]> = [];
  if (end - base <= WINDOW_LIMIT) windows.push([base, end]);
  else {
    for (const o of offsets) {
      const w0 = Math.max(base, o - WINDOW_HALF);
      const w1 = Math.min(end, o + WINDOW_HALF);
      const prev = windows[windows.length - 1];
      if (prev && w0 <= prev[1]) prev[1] = w1;
      else windows.push([w0, w1]);
    }
  }
  for (const [w0, w1] of windows) {
    const slice = text.slice(w0, w1);
    if (rx.unless?.test(slice)) return undefined;
    for (const p of rx.patterns) {
      const m = p.exec(slice);
      if (!m) continue;
      const captures: Record<string, string> = {};
      for (const [k, v] of Object.entries(m.groups ?? {}))
        if (v !== undefined) captures[k] = v.replace(/\s+/g, ' ').trim();
      return { start: w0 + m.index, end: w0 + m.index + m[0].length, captures };
    }
  }
  return undefined;
}

/**
 * UCCX logs a Java failure twice: the failure record and a `-7-EXCEPTION` record repeating its
 * exception. That is one event, so the twin becomes related information of the first finding.
 */
function mergeExceptionTwins(findings: Finding[], index: TextIndex): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    if (EXCEPTION_TWIN.test(recordHead(index, f))) {
      const primary = findPrimary(out, f, index);
      if (primary) {
        primary.related.push({
          range: f.range,
          message: { en: 'Exception record logged for the same failure', ja: '同じ障害について記録された例外レコード' },
        });
        continue;
      }
    }
    const seq = sdlSequence(index, f);
    const prev = out[out.length - 1];
    if (seq && prev && prev.id === f.id && sdlSequence(index, prev) === seq) {
      // SDL sub-records `NNNNNNNN.001`, `.002`... were written while handling one signal: one event.
      prev.related.push({
        range: f.range,
        message: { en: 'Another record of the same event', ja: '同じイベントの別レコード' },
      });
      continue;
    }
    out.push(f);
  }
  return out;
}

function sdlSequence(index: TextIndex, f: Finding): string | undefined {
  const m = /^(\d{8})\.\d{3}\s*\|/.exec(
    index.text.slice(index.starts[f.range.start.line], index.starts[f.range.start.line] + 16),
  );
  return m?.[1];
}

/** The first two lines of a record: enough to see a severity split over a wrapped line. */
function recordHead(index: TextIndex, f: Finding): string {
  const line = f.range.start.line;
  const last = Math.min(line + 1, f.range.end.line);
  return index.text.slice(index.starts[line], Math.min(index.ends[last], index.starts[line] + 400));
}

function findPrimary(out: Finding[], twin: Finding, index: TextIndex): Finding | undefined {
  for (let i = out.length - 1; i >= 0; i--) {
    const p = out[i];
    if (twin.range.start.line - p.range.end.line > TWIN_DISTANCE) return undefined;
    if (p.id !== twin.id) continue;
    if (EXCEPTION_TWIN.test(recordHead(index, p))) continue;
    const same = Object.keys(twin.captures).every((k) => !(k in p.captures) || p.captures[k] === twin.captures[k]);
    if (same) return p;
  }
  return undefined;
}

function globToRe(glob: string): RegExp {
  return new RegExp('^' + glob.split('*').map(escapeRe).join('.*') + '$', 'i');
}

function applyOverrides(findings: Finding[], overrides: AnalyzeOptions['severityOverrides']): Finding[] {
  if (!overrides || overrides.length === 0) return findings;
  const compiled = overrides.map((o) => ({ re: globToRe(o.rule), severity: o.severity }));
  const out: Finding[] = [];
  for (const f of findings) {
    let sev: Severity | 'off' = f.severity;
    for (const o of compiled) if (o.re.test(f.id) || o.re.test(f.alias)) sev = o.severity;
    if (sev === 'off') continue;
    out.push(sev === f.severity ? f : { ...f, severity: sev });
  }
  return out;
}
