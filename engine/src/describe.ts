import { fillCommand } from './fill-commands';
import { escapeMarkdown, fillTemplate, inlineCode, proseMarkdown } from './markdown';
import { t, whereText } from './messages';
import type { CatalogEntry, Finding, Locale } from './types';

/** One-line diagnostic message (plain text; the editor shows it as text, never as Markdown). */
export function findingMessage(entry: CatalogEntry, finding: Finding, locale: Locale): string {
  return fillTemplate(entry[locale].message, finding.captures, (s) => s).replace(/[\r\n]+/g, ' ');
}

export interface DescribeOptions {
  /** Link to the entry's reference page (a URI the client can open), if any. */
  referenceHref?: string;
  /** Time of the finding's record (`YYYY-MM-DD HH:MM:SS`, the node's local time), when the caller knows it. */
  recordTime?: string;
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
  parts.push(`**${proseMarkdown(tx.title)}** \u2014 ${inlineCode(entry.id)} ${inlineCode(entry.alias)}`);
  parts.push(fillTemplate(proseMarkdown(tx.explanation), finding.captures, escapeMarkdown));
  const values = Object.entries(finding.captures);
  if (values.length > 0) {
    parts.push(
      `*${t(locale, 'values')}:* ` + values.map(([k, v]) => `${escapeMarkdown(k)} = ${inlineCode(v)}`).join(', '),
    );
  }
  parts.push(`**${t(locale, 'cause')}:** ${proseMarkdown(tx.cause)}`);
  parts.push(`**${t(locale, 'action')}:** ${proseMarkdown(tx.action)}`);
  if (entry.cli.length > 0) {
    // Commands carry the values the finding knows (node, port, user, time window); the rest stay `<placeholders>`.
    const values = { ...finding.captures, ...(opts.recordTime ? { recordTime: opts.recordTime } : {}) };
    const lines = entry.cli.map(
      (c) =>
        `- ${inlineCode(fillCommand(c.command, values))} \u2014 ${whereText(locale, c.where)}: ${proseMarkdown(c[locale])}`,
    );
    parts.push(`**${t(locale, 'commands')}:**\n${lines.join('\n')}`);
  }
  if (opts.referenceHref) parts.push(`[${t(locale, 'reference')}](${opts.referenceHref})`);
  return parts.join('\n\n');
}
