// Placeholders such as `<cucm>` or `<ip-address>` must stay visible wherever our texts are rendered:
// a Markdown renderer with HTML enabled (VS Code's Markdown preview) takes a bare `<cucm>` for a tag and
// drops it, so `https://<cucm>/ccmuser` would read `https:///ccmuser`. Every catalog entry, glossary term
// and runbook is rendered here through a real renderer (markdown-it), and every `<placeholder>` of the
// source text must appear in the visible text of the result.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { CATALOG, GLOSSARY, RUNBOOKS, describeFinding, describeTerm, type Locale } from '../../engine/src/index';
import type { Runbook } from '../../engine/src/runbook-types';
import { renderRunbookHtml } from '../../client/src/runbooks/html';
import { renderRunbookMarkdown } from '../../client/src/runbooks/export';

const root = path.resolve(__dirname, '../../..');
const md = new MarkdownIt({ html: true });
const LOCALES: Locale[] = ['en', 'ja'];
/** `<cucm>`, `<service name>`, `<IP アドレス>`, `<hh:mm:MM/DD/YY>`: a letter first, no line break. */
const PLACEHOLDER = /<[A-Za-z\u3040-\u9fff][^<>\n]{0,40}>/g;

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
/** What a reader sees of rendered HTML: the text between the tags. */
const visibleHtml = (html: string): string => decode(html.replace(/<[^>]*>/g, ''));
const visibleMarkdown = (markdown: string): string => visibleHtml(md.render(markdown));
const placeholders = (texts: Array<string | undefined>): string[] => [
  ...new Set(texts.flatMap((t) => (t ?? '').replace(/\s*\n\s*/g, ' ').match(PLACEHOLDER) ?? [])),
];

function assertVisible(sources: Array<string | undefined>, visible: string, where: string): void {
  const flat = visible.replace(/\s+/g, ' ');
  for (const p of placeholders(sources)) assert.ok(flat.includes(p), `${where}: ${p} is lost in ${flat.slice(0, 400)}`);
}

function runbookTexts(rb: Runbook, lang: Locale): string[] {
  const out = [rb.title[lang], rb.symptom[lang], rb.appliesTo?.[lang] ?? ''];
  for (const s of rb.steps) {
    out.push(s.title[lang], s.text[lang], s.expect?.[lang] ?? '', s.warning?.[lang] ?? '');
    for (const c of s.commands ?? []) out.push(c.command, c.note?.[lang] ?? '');
    for (const ch of s.choices ?? []) out.push(ch.label[lang]);
  }
  return out;
}

describe('placeholders stay visible', () => {
  it('the check itself catches a placeholder a renderer swallows', () => {
    assert.equal(visibleMarkdown('Sign in at https://<cucm>/ccmuser').includes('<cucm>'), false);
    assert.throws(() => assertVisible(['https://<cucm>/ccmuser'], visibleMarkdown('https://<cucm>/ccmuser'), 'raw'));
  });

  it('the first hover a newcomer opens shows https://<cucm>/ccmuser', () => {
    const entry = CATALOG.find((e) => e.id === 'JTAPI001')!;
    const hover = describeFinding(entry, { ...stubFinding(entry.id), captures: {} }, 'en');
    assert.match(visibleMarkdown(hover), /https:\/\/<cucm>\/ccmuser/);
  });

  for (const entry of CATALOG) {
    it(`${entry.id}: hover and reference page`, () => {
      const page = fs.readFileSync(path.join(root, 'docs', 'reference', `${entry.id}.md`), 'utf8');
      const pageText = visibleMarkdown(page);
      for (const locale of LOCALES) {
        const tx = entry[locale];
        const sources = [
          tx.title,
          tx.explanation,
          tx.cause,
          tx.action,
          ...entry.cli.flatMap((c) => [c.command, c[locale]]),
        ];
        const hover = describeFinding(entry, stubFinding(entry.id), locale);
        assertVisible(sources, visibleMarkdown(hover), `${entry.id} hover (${locale})`);
        assertVisible([...sources, tx.message], pageText, `docs/reference/${entry.id}.md (${locale})`);
      }
    });
  }

  it('every glossary term, in its hover and in docs/glossary.md', () => {
    const page = visibleMarkdown(fs.readFileSync(path.join(root, 'docs', 'glossary.md'), 'utf8'));
    for (const term of GLOSSARY) {
      for (const locale of LOCALES) {
        const tx = term[locale];
        const values = Object.values(term.values ?? {}).map((v) => v[locale]);
        const firstValue = term.values ? Object.keys(term.values)[0] : undefined;
        const hover = visibleMarkdown(describeTerm(term, firstValue, locale));
        assertVisible([tx.title, tx.text, tx.caution, firstValue && term.values![firstValue][locale]], hover, term.id);
        assertVisible([tx.title, tx.text, tx.caution, ...values], page, `docs/glossary.md ${term.id}`);
      }
    }
  });

  for (const rb of RUNBOOKS) {
    it(`runbook ${rb.id}: panel and Markdown export`, () => {
      for (const lang of LOCALES) {
        const progress = { checked: [], notes: {} };
        const html = renderRunbookHtml({
          runbook: rb,
          lang,
          progress,
          trusted: true,
          nonce: 'n'.repeat(32),
          cspSource: 'https://example.invalid',
          scriptUri: 'https://example.invalid/runbook.js',
          styleUri: 'https://example.invalid/runbook.css',
        });
        const body = html.slice(html.indexOf('<body'));
        assertVisible(runbookTexts(rb, lang), visibleHtml(body), `${rb.id} panel (${lang})`);
        const exported = renderRunbookMarkdown({ runbook: rb, lang, progress, date: new Date(2026, 11, 3) });
        assertVisible(runbookTexts(rb, lang), visibleMarkdown(exported), `${rb.id} export (${lang})`);
      }
    });
  }
});

function stubFinding(id: string) {
  return {
    id,
    alias: id,
    severity: 'error' as const,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    captures: {},
    related: [],
  };
}
