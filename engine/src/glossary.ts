import { inlineCode, proseMarkdown } from './markdown';
import { whereText } from './messages';
import type { GlossaryTerm, Locale, Range } from './types';

interface CompiledTerm {
  term: GlossaryTerm;
  re: RegExp;
}

/** Lines longer than this are not searched for glossary terms: hovering must stay instant. */
const MAX_LINE = 4096;

export class Glossary {
  private readonly compiled: CompiledTerm[];

  constructor(terms: GlossaryTerm[]) {
    this.compiled = terms.map((term) => ({ term, re: new RegExp(term.pattern, 'gi') }));
  }

  /** The term under `character` on this line, with the range it covers. */
  lookup(
    line: number,
    lineText: string,
    character: number,
  ): { term: GlossaryTerm; value?: string; range: Range } | undefined {
    if (lineText.length > MAX_LINE) return undefined;
    let best: { term: GlossaryTerm; value?: string; start: number; end: number } | undefined;
    for (const { term, re } of this.compiled) {
      re.lastIndex = 0;
      for (let m = re.exec(lineText); m !== null; m = re.exec(lineText)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const start = m.index;
        const end = start + m[0].length;
        if (character < start || character > end) continue;
        const value = m.groups?.v;
        if (term.values && (value === undefined || !term.values[value])) continue;
        // The most specific (shortest) match under the cursor wins.
        if (!best || end - start < best.end - best.start) best = { term, value, start, end };
      }
    }
    if (!best) return undefined;
    return {
      term: best.term,
      value: best.value,
      range: { start: { line, character: best.start }, end: { line, character: best.end } },
    };
  }
}

const KIND: Record<GlossaryTerm['kind'], { en: string; ja: string }> = {
  command: { en: 'CLI command', ja: 'CLI コマンド' },
  value: { en: 'Value', ja: '値' },
  counter: { en: 'Performance counter', ja: 'パフォーマンス カウンタ' },
  severity: { en: 'Severity', ja: '重大度' },
  'sip-status': { en: 'SIP status', ja: 'SIP ステータス' },
  'error-code': { en: 'Error code', ja: 'エラー コード' },
};

/** Hover Markdown for a glossary term (our own texts; the matched log text is not echoed). */
export function describeTerm(term: GlossaryTerm, value: string | undefined, locale: Locale): string {
  const tx = term[locale];
  const parts = [`**${proseMarkdown(tx.title)}** \u2014 *${KIND[term.kind][locale]}*`, proseMarkdown(tx.text)];
  if (value !== undefined && term.values?.[value])
    parts.push(`${inlineCode(value)}: ${proseMarkdown(term.values[value][locale])}`);
  const facts: string[] = [];
  if (term.where) facts.push((locale === 'ja' ? '実行場所: ' : 'Run ') + whereText(locale, term.where));
  if (term.privilege !== undefined)
    facts.push((locale === 'ja' ? 'コマンド特権レベル: ' : 'Privilege level: ') + term.privilege);
  if (term.duringUpgrade !== undefined) {
    facts.push(
      locale === 'ja'
        ? `アップグレード中の使用: ${term.duringUpgrade ? '可能' : '不可'}`
        : `Usable during an upgrade: ${term.duringUpgrade ? 'yes' : 'no'}`,
    );
  }
  if (facts.length) parts.push(facts.join(' · '));
  if (tx.caution) parts.push(`**${locale === 'ja' ? '注意' : 'Caution'}:** ${proseMarkdown(tx.caution)}`);
  return parts.join('\n\n');
}
