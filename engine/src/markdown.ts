/**
 * Log text is untrusted: anything taken from a file is escaped before it reaches Markdown, so it can
 * neither inject links, images, HTML nor command URIs into a hover.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~"']/g, (c) => {
    if (c === '<') return '&lt;';
    if (c === '>') return '&gt;';
    if (c === '&') return '&amp;';
    return '\\' + c;
  });
}

/** Inline code span for untrusted text: the fence is longer than any run of backticks inside. */
export function inlineCode(text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ');
  let fence = '`';
  while (clean.includes(fence)) fence += '`';
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** Fill `{name}` placeholders with captures; a missing capture becomes `?`. */
export function fillTemplate(
  template: string,
  captures: Record<string, string>,
  escape: (s: string) => string,
): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in captures ? escape(captures[name]) : '?'));
}
