// The runbook webview's HTML, rendered on the extension side in the panel's language. Pure (no `vscode`
// import) so unit tests can render it. Every text is escaped: captures and file names come from logs.
// No inline script, style or event handler: one nonce'd script file and one stylesheet from media/.
import { fillCommand, RECORD_TIME } from '../../../engine/src/fill-commands';
import type { Runbook, RunbookStep } from '../../../engine/src/runbook-types';
import type { RunbookProgress } from './state';
import { MAX_NOTE_LENGTH } from './state';
import { type Lang, ui, whereLabel } from './strings';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A nonce for the CSP: 32 characters from [A-Za-z0-9]. */
export function makeNonce(random: (n: number) => Uint8Array = defaultRandom): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(random(32), (b) => chars[b % chars.length]).join('');
}

function defaultRandom(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
}

/** The finding shown at the top, already reduced to display values. */
export interface FindingView {
  /** File name only (basename). */
  fileName: string;
  /** Workspace-relative path, for the tooltip. */
  path: string;
  /** 0-based. */
  line: number;
  entry?: string;
  captures: Record<string, string>;
  /** Time of the finding's record (`YYYY-MM-DD HH:MM:SS`, node-local), when the file states it. */
  time?: string;
  /** The JTAPI user the log shows UCCX logging in with before the finding. */
  login?: string;
}

/** What the runbook knows about the finding, for filling its commands. */
type FillSource = { captures: Record<string, string>; time?: string; login?: string };

/** The values a step's command is filled with: what the finding read, and its record time. */
export function fillValues(finding: FillSource | undefined): Record<string, string> {
  if (!finding) return {};
  const values: Record<string, string> = { ...finding.captures };
  if (finding.time) values[RECORD_TIME] = finding.time;
  if (finding.login && values.login === undefined) values.login = finding.login;
  return values;
}

/** A step's command as shown, copied and typed: placeholders the finding knows are filled in. */
export function commandText(command: string, finding: FillSource | undefined): string {
  return finding ? fillCommand(command, fillValues(finding)) : command;
}

export interface RunbookView {
  runbook: Runbook;
  lang: Lang;
  progress: RunbookProgress;
  finding?: FindingView;
  /** Step to scroll to and highlight when the page loads. */
  initialStep?: string;
  /** Workspace trust: when false, "Send to terminal" is disabled with an explanation. */
  trusted: boolean;
  nonce: string;
  /** `webview.cspSource`. */
  cspSource: string;
  /** `webview.asWebviewUri(...)` of media/runbook.js and media/runbook.css, as strings. */
  scriptUri: string;
  styleUri: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Runbook prose: escaped, `code` spans kept as <code>, blank lines as paragraphs. Line breaks that YAML
 * kept inside a paragraph are joined: with a space between Latin words, without one next to Japanese.
 */
export function richText(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((para) => `<p>${inlineCode(escapeHtml(joinLines(para)))}</p>`)
    .join('');
}

export function joinLines(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, (m, offset: number, s: string) => {
    const before = s[offset - 1] ?? '';
    const after = s[offset + m.length] ?? '';
    return /[^\x20-\x7e]/.test(before) || /[^\x20-\x7e]/.test(after) ? '' : ' ';
  });
}

/** On already-escaped text: `x` becomes <code>x</code> (the content was escaped before, so it stays inert). */
function inlineCode(escaped: string): string {
  return escaped.replace(/`([^`\n]+)`/g, '<code>$1</code>');
}

const attr = escapeHtml;

export function renderRunbookHtml(v: RunbookView): string {
  const { runbook: rb, lang } = v;
  const t = (key: Parameters<typeof ui>[1], ...args: Array<string | number>) => ui(lang, key, ...args);
  const checked = new Set(v.progress.checked);
  const stepNumber = new Map(rb.steps.map((s, i) => [s.id, i + 1]));
  const doneCount = rb.steps.filter((s) => checked.has(s.id)).length;
  const initial = v.initialStep && stepNumber.has(v.initialStep) ? v.initialStep : '';

  const head = `<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(v.cspSource, v.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(v.styleUri)}" nonce="${attr(v.nonce)}">
<title>${escapeHtml(rb.title[lang])}</title>
</head>`;

  const finding = v.finding ? renderFinding(v.finding, t) : '';
  const meta = [
    `<dt>${escapeHtml(t('symptom'))}</dt><dd>${richText(rb.symptom[lang])}</dd>`,
    rb.appliesTo ? `<dt>${escapeHtml(t('appliesTo'))}</dt><dd>${richText(rb.appliesTo[lang])}</dd>` : '',
  ].join('');
  const hasCommands = rb.steps.some((s) => (s.commands ?? []).length > 0);
  const banner = !hasCommands
    ? ''
    : v.trusted
      ? `<p class="hint">${escapeHtml(t('sendHint'))}</p>`
      : `<p class="banner" id="untrusted" role="note">${escapeHtml(t('untrusted'))}</p>`;

  const header = `<header>
<p class="eyebrow">${escapeHtml(t('runbook'))} · <code>${escapeHtml(rb.id)}</code></p>
<h1 id="runbook-title">${escapeHtml(rb.title[lang])}</h1>
<div class="toolbar">
<span id="progress" role="status" data-template="${attr(ui(lang, 'progress', '{0}', '{1}'))}" data-total="${rb.steps.length}">${escapeHtml(t('progress', doneCount, rb.steps.length))}</span>
<span class="spacer"></span>
<button type="button" class="secondary" data-action="export">${escapeHtml(t('export'))}</button>
<button type="button" class="secondary" data-action="reset">${escapeHtml(t('reset'))}</button>
</div>
<dl class="meta">${meta}</dl>
${banner}
</header>`;

  const steps = rb.steps
    .map((s, i) => renderStep(s, i + 1, { v, t, checked: checked.has(s.id), stepNumber, title: (id) => stepTitle(rb, id, lang) }))
    .join('\n');

  return `<!DOCTYPE html>
<html lang="${lang}">
${head}
<body data-runbook="${attr(rb.id)}" data-initial-step="${attr(initial)}">
${finding}
${header}
<main>
<h2 class="visually-hidden">${escapeHtml(t('steps'))}</h2>
<ol class="steps" aria-labelledby="runbook-title">
${steps}
</ol>
</main>
<script nonce="${attr(v.nonce)}" src="${attr(v.scriptUri)}"></script>
</body>
</html>
`;
}

function stepTitle(rb: Runbook, id: string, lang: Lang): string {
  return rb.steps.find((s) => s.id === id)?.title[lang] ?? id;
}

type T = (key: Parameters<typeof ui>[1], ...args: Array<string | number>) => string;

function renderFinding(f: FindingView, t: T): string {
  const line = f.line + 1;
  const captures = Object.entries(f.captures);
  // One compact bar that stays at the top while the steps scroll (position: sticky).
  return `<section class="finding" id="finding" aria-labelledby="finding-title">
<h2 id="finding-title">${escapeHtml(t('openedFrom'))}</h2>
<button type="button" class="link" data-action="openFinding" title="${attr(f.path)}" aria-label="${attr(t('goToLine', f.fileName, line))}">${escapeHtml(f.fileName)}<span class="muted">, ${escapeHtml(t('line', line))}</span></button>${
    f.entry
      ? `<span class="sep" aria-hidden="true">·</span><button type="button" class="link" data-action="openReference" title="${attr(t('catalogEntry'))}" aria-label="${attr(t('openReference', f.entry))}"><code>${escapeHtml(f.entry)}</code></button>`
      : ''
  }${
    captures.length
      ? `<span class="sep" aria-hidden="true">·</span><dl class="captures" aria-label="${attr(t('captured'))}">${captures
          .map(([k, val]) => `<div><dt>${escapeHtml(k)}</dt><dd><code>${escapeHtml(val)}</code></dd></div>`)
          .join('')}</dl>`
      : ''
  }
</section>`;
}

interface StepContext {
  v: RunbookView;
  t: T;
  checked: boolean;
  stepNumber: Map<string, number>;
  title: (id: string) => string;
}

function renderStep(s: RunbookStep, n: number, c: StepContext): string {
  const { v, t } = c;
  const lang = v.lang;
  const id = attr(s.id);
  const commands = (s.commands ?? [])
    .map((cmd, index) => {
      const text = commandText(cmd.command, v.finding);
      const sendDisabled = v.trusted ? '' : ` disabled aria-describedby="untrusted" title="${attr(t('untrusted'))}"`;
      return `<div class="cmd">
<p class="where">${escapeHtml(whereLabel(lang, cmd.where))}</p>
<pre><code>${escapeHtml(text)}</code></pre>
${cmd.note ? `<div class="note">${richText(cmd.note[lang])}</div>` : ''}
<div class="cmd-actions">
<button type="button" data-action="copy" data-step="${id}" data-index="${index}" aria-label="${attr(t('copyLabel', text))}">${escapeHtml(t('copy'))}</button>
<button type="button" class="secondary" data-action="send" data-step="${id}" data-index="${index}" aria-label="${attr(t('sendLabel', text))}"${sendDisabled}>${escapeHtml(t('send'))}</button>
</div>
</div>`;
    })
    .join('\n');

  const choices = (s.choices ?? [])
    .map((ch, index) => {
      const targetN = c.stepNumber.get(ch.goto);
      const target = t('goesTo', targetN ?? '?', c.title(ch.goto));
      return `<button type="button" class="choice" data-action="choice" data-step="${id}" data-index="${index}" data-goto="${attr(ch.goto)}"><span class="choice-label">${escapeHtml(ch.label[lang])}</span><span class="choice-target">→ ${escapeHtml(target)}</span></button>`;
    })
    .join('\n');

  const note = v.progress.notes[s.id] ?? '';
  return `<li class="step${c.checked ? ' done' : ''}" id="step-${id}" data-step="${id}">
<h3 id="title-${id}" tabindex="-1"><span class="num">${n}.</span> ${escapeHtml(s.title[lang])}</h3>
<div class="text">${richText(s.text[lang])}</div>
${commands ? `<div class="commands">${commands}</div>` : ''}
${s.expect ? `<div class="expect"><strong>${escapeHtml(t('expect'))}:</strong> ${richText(s.expect[lang])}</div>` : ''}
${s.warning ? `<div class="warning" role="note"><strong>${escapeHtml(t('warning'))}:</strong> ${richText(s.warning[lang])}</div>` : ''}
${choices ? `<div class="choices" role="group" aria-labelledby="choices-${id}"><p id="choices-${id}" class="choices-title">${escapeHtml(t('decision'))}</p>${choices}</div>` : ''}
<div class="track">
<div class="check"><input type="checkbox" id="done-${id}" data-action="check" data-step="${id}"${c.checked ? ' checked' : ''} aria-label="${attr(t('doneStep', n))}"><label for="done-${id}">${escapeHtml(t('done'))}</label></div>
<label class="notes-label" for="note-${id}">${escapeHtml(t('notes'))}</label>
<textarea id="note-${id}" data-action="note" data-step="${id}" rows="${note ? 3 : 1}" maxlength="${MAX_NOTE_LENGTH}" placeholder="${attr(t('notesPlaceholder'))}">${escapeHtml(note)}</textarea>
</div>
</li>`;
}
