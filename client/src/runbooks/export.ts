// A runbook with the engineer's progress, notes and the finding that opened it, as Markdown for a change
// record or a TAC case. Pure (no `vscode` import). Log text and notes are escaped so they stay text.
import type { Runbook } from '../../../engine/src/runbook-types';
import { commandText, joinLines } from './html';
import type { RunbookProgress } from './state';
import { type Lang, ui, whereLabel } from './strings';

export interface ExportFinding {
  /** File name or workspace-relative path. */
  path: string;
  /** 0-based. */
  line: number;
  entry?: string;
  captures: Record<string, string>;
  /** Record time (`YYYY-MM-DD HH:MM:SS`), when known: fills `abstime` windows. */
  time?: string;
  /** JTAPI login read from the log: fills `<jtapi-user>`. */
  login?: string;
}

export interface ExportInput {
  runbook: Runbook;
  lang: Lang;
  progress: RunbookProgress;
  finding?: ExportFinding;
  /** Export time; the date part is printed. */
  date: Date;
}

/** `<runbook-id>-YYYY-MM-DD.md`, local date. */
export function exportFileName(runbookId: string, date: Date): string {
  return `${runbookId.replace(/[^A-Za-z0-9._-]/g, '_')}-${isoDate(date)}.md`;
}

export function isoDate(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

/**
 * Escapes untrusted text for Markdown: ASCII punctuation that Markdown or inline HTML reacts to gets a
 * backslash, line breaks become spaces (one value, one line).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
    .replace(/^(\s*)([-=>#+]|\d+\.)/, (_m, sp: string, mark: string) => `${sp}${mark.replace(/^([-=>#+])|\.$/, '\\$&')}`);
}

/** Escaped multi-line text (a note) as a blockquote: every line escaped, none can start a block. */
export function quoteBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((line) => (line.trim() ? `> ${escapeMarkdown(line)}` : '>'))
    .join('\n');
}

/**
 * Runbook prose and titles (our own data, but they hold `<placeholders>`): escaped lightly so the raw
 * Markdown stays readable when pasted as plain text. `<uccx-server>` shows instead of vanishing as an HTML
 * tag; an underscore inside a word (PARTIAL_SERVICE) is left alone, as Markdown leaves it alone.
 */
export function escapeProse(text: string): string {
  return text.replace(/[\\<>*[\]|]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\$&');
}

/** Runbook prose: code spans stay code, the rest goes through escapeProse. */
export function proseToMarkdown(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((para) =>
      joinLines(para)
        .split(/(`[^`\n]+`)/)
        .map((part, i) => (i % 2 === 1 ? part : escapeProse(part)))
        .join(''),
    )
    .join('\n\n');
}

/** A fenced code block whose fence is longer than any backtick run inside. */
export function codeBlock(code: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}\n${code}\n${fence}`;
}

export function renderRunbookMarkdown(input: ExportInput): string {
  const { runbook: rb, lang, progress } = input;
  const t = (key: Parameters<typeof ui>[1], ...args: Array<string | number>) => ui(lang, key, ...args);
  const checked = new Set(progress.checked);
  const done = rb.steps.filter((s) => checked.has(s.id)).length;
  const number = new Map(rb.steps.map((s, i) => [s.id, i + 1]));
  const out: string[] = [];

  out.push(`# ${escapeProse(rb.title[lang])}`, '');
  out.push(
    `- ${t('runbook')}: \`${rb.id}\``,
    `- ${t('exported')}: ${isoDate(input.date)}`,
    `- ${t('progressHeading')}: ${t('progress', done, rb.steps.length)}`,
    '',
  );
  out.push(`## ${t('symptom')}`, '', proseToMarkdown(rb.symptom[lang]), '');
  if (rb.appliesTo) out.push(`**${t('appliesTo')}:** ${proseToMarkdown(rb.appliesTo[lang])}`, '');

  const f = input.finding;
  if (f) {
    out.push(`## ${t('findingHeading')}`, '');
    out.push(`- ${t('file')}: ${escapeMarkdown(f.path)}, ${t('line', f.line + 1)}`);
    if (f.entry) out.push(`- ${t('catalogEntry')}: ${escapeMarkdown(f.entry)}`);
    const caps = Object.entries(f.captures);
    if (caps.length) {
      out.push(`- ${t('captured')}:`);
      for (const [k, v] of caps) out.push(`  - ${escapeMarkdown(k)}: ${escapeMarkdown(v)}`);
    }
    out.push('');
  }

  out.push(`## ${t('progressHeading')}`, '');
  rb.steps.forEach((s, i) =>
    out.push(`- [${checked.has(s.id) ? 'x' : ' '}] ${i + 1}\\. ${escapeProse(s.title[lang])}`),
  );
  out.push('');

  out.push(`## ${t('steps')}`, '');
  rb.steps.forEach((s, i) => {
    out.push(`### ${i + 1}. ${checked.has(s.id) ? '✅ ' : ''}${escapeProse(s.title[lang])}`, '');
    out.push(`- [${checked.has(s.id) ? 'x' : ' '}] ${t('done')}`, '');
    out.push(proseToMarkdown(s.text[lang]), '');
    for (const c of s.commands ?? []) {
      out.push(`*${escapeProse(whereLabel(lang, c.where))}:*`, '', codeBlock(commandText(c.command, input.finding)), '');
      if (c.note) out.push(proseToMarkdown(c.note[lang]), '');
    }
    if (s.expect) out.push(`**${t('expect')}:** ${proseToMarkdown(s.expect[lang])}`, '');
    if (s.warning) out.push(`**${t('warning')}:** ${proseToMarkdown(s.warning[lang])}`, '');
    if (s.choices?.length) {
      out.push(`**${t('decisionsHeading')}:**`, '');
      for (const ch of s.choices) {
        const target = rb.steps.find((x) => x.id === ch.goto);
        const label = t('goesTo', number.get(ch.goto) ?? '?', target ? target.title[lang] : ch.goto);
        out.push(`- ${escapeProse(ch.label[lang])} → ${escapeProse(label)}`);
      }
      out.push('');
    }
    const note = progress.notes[s.id];
    out.push(`**${t('notes')}:**`, '', note ? quoteBlock(note) : `_${t('noNotes')}_`, '');
  });
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
