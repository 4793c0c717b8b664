import { escapeMarkdown, fillTemplate, inlineCode } from './markdown';
import { t, whereText } from './messages';
import type { CatalogEntry, Finding, Locale } from './types';

/** One-line diagnostic message (plain text; the editor shows it as text, never as Markdown). */
export function findingMessage(entry: CatalogEntry, finding: Finding, locale: Locale): string {
  return fillTemplate(entry[locale].message, finding.captures, (s) => s).replace(/[\r\n]+/g, ' ');
}

export interface DescribeOptions {
  /** Link to the entry's reference page (a URI the client can open), if any. */
  referenceHref?: string;
}

/** Hover text: explanation, cause, action, commands and the values read from the line. All log text escaped. */
export function describeFinding(
  entry: CatalogEntry,
  finding: Finding,
  locale: Locale,
  opts: DescribeOptions = {},
): string {
  const tx = entry[locale];
  const parts: string[] = [];
  parts.push(`**${tx.title}** \u2014 ${inlineCode(entry.id)} ${inlineCode(entry.alias)}`);
  parts.push(fillTemplate(tx.explanation, finding.captures, escapeMarkdown));
  const values = Object.entries(finding.captures);
  if (values.length > 0) {
    parts.push(
      `*${t(locale, 'values')}:* ` + values.map(([k, v]) => `${escapeMarkdown(k)} = ${inlineCode(v)}`).join(', '),
    );
  }
  parts.push(`**${t(locale, 'cause')}:** ${tx.cause}`);
  parts.push(`**${t(locale, 'action')}:** ${tx.action}`);
  if (entry.cli.length > 0) {
    const lines = entry.cli.map((c) => `- ${inlineCode(c.command)} \u2014 ${whereText(locale, c.where)}: ${c[locale]}`);
    parts.push(`**${t(locale, 'commands')}:**\n${lines.join('\n')}`);
  }
  if (opts.referenceHref) parts.push(`[${t(locale, 'reference')}](${opts.referenceHref})`);
  return parts.join('\n\n');
}
