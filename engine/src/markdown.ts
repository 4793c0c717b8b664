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

/**
 * Our own prose (catalog, glossary) as Markdown: it may use `code spans` and `**bold**`, and it holds
 * placeholders such as `<cucm>` or `<ip-address>`. A Markdown renderer takes a bare `<cucm>` for an HTML
 * tag and drops it (`https://<cucm>/ccmuser` would show as `https:///ccmuser`), so outside code spans
 * `<` becomes `&lt;` (enough: a lone `>` is text); inside code spans placeholders are shown as written.
 */
export function proseMarkdown(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '&lt;')))
    .join('');
}
