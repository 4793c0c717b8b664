// The runbook webview HTML (client/src/runbooks/html.ts): escapes log text, locks the page down with a
// nonce'd CSP and no inline handlers, and gives every button the step/index the extension looks up.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RUNBOOKS } from '../../engine/src/index';
import type { Runbook } from '../../engine/src/runbook-types';
import {
  contentSecurityPolicy,
  escapeHtml,
  joinLines,
  makeNonce,
  renderRunbookHtml,
  richText,
  type RunbookView,
} from '../../client/src/runbooks/html';
import { resolveLanguage, ui, whereLabel } from '../../client/src/runbooks/strings';

const HOSTILE = '<img src=x onerror=alert(1)>';
const BREAKOUT = '"><script>alert(2)</script>';
const NONCE = 'abcDEF0123456789abcDEF0123456789';

function runbook(id: string): Runbook {
  const rb = RUNBOOKS.find((r) => r.id === id);
  assert.ok(rb, id);
  return rb;
}

function view(over: Partial<RunbookView> = {}): RunbookView {
  return {
    runbook: runbook('db-replication-check'),
    lang: 'en',
    progress: { checked: [], notes: {} },
    trusted: true,
    nonce: NONCE,
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/runbook.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/runbook.css',
    ...over,
  };
}

/** Text of the HTML outside of its one <script src> tag. */
const withoutOurScript = (html: string) => html.replace(/<script nonce="[^"]+" src="[^"]+"><\/script>/, '');

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    assert.equal(
      escapeHtml(`<a href="x" title='y'>&</a>`),
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
  it('leaves nothing that can open a tag or leave an attribute', () => {
    for (const s of [HOSTILE, BREAKOUT, `' onmouseover='x`, '&lt;already&gt;']) {
      const e = escapeHtml(s);
      assert.doesNotMatch(e, /[<>"']/);
    }
    assert.equal(escapeHtml('&lt;'), '&amp;lt;', 'no double-unescaping trick');
  });
  it('turns non-strings into text', () => {
    assert.equal(escapeHtml(undefined), '');
    assert.equal(escapeHtml(4503), '4503');
  });
});

describe('richText', () => {
  it('escapes first, then keeps `code` spans as <code>', () => {
    assert.equal(richText('Run `show <x>` now'), '<p>Run <code>show &lt;x&gt;</code> now</p>');
  });
  it('joins YAML line breaks with a space in English and without one in Japanese', () => {
    assert.equal(joinLines('one\ntwo'), 'one two');
    assert.equal(joinLines('日本\n語'), '日本語');
    assert.equal(richText('a\n\nb'), '<p>a</p><p>b</p>');
  });
});

describe('renderRunbookHtml', () => {
  it('declares a strict CSP with a nonce, no unsafe-inline and no remote source', () => {
    const html = renderRunbookHtml(view());
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
    assert.ok(meta, 'CSP meta');
    const csp = meta[1].replace(/&#39;/g, "'");
    assert.equal(csp, contentSecurityPolicy(view().cspSource, NONCE));
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, new RegExp(`script-src 'nonce-${NONCE}'`));
    assert.match(csp, new RegExp(`style-src https://file\\+\\.vscode-resource\\.vscode-cdn\\.net 'nonce-${NONCE}'`));
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
    assert.doesNotMatch(csp, /https?:\/\/(?!file\+\.vscode-resource)/, 'no remote content');
  });

  it('loads exactly one script, with the nonce, and has no inline script, style or event handler', () => {
    const html = renderRunbookHtml(view());
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, [`<script nonce="${NONCE}" src="${view().scriptUri}">`]);
    assert.match(html, new RegExp(`<link rel="stylesheet" href="[^"]+runbook\\.css" nonce="${NONCE}">`));
    assert.doesNotMatch(html, /<style\b/);
    assert.doesNotMatch(html, /\sstyle=/);
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handler');
    assert.doesNotMatch(html, /javascript:/i);
  });

  it('escapes hostile captures, file names and notes', () => {
    const html = renderRunbookHtml(
      view({
        finding: {
          fileName: `${HOSTILE}.log`,
          path: `logs/${BREAKOUT}.log`,
          line: 26,
          entry: 'JTAPI008',
          captures: { port: HOSTILE, [BREAKOUT]: BREAKOUT },
        },
        progress: { checked: [], notes: { cli: `</textarea>${HOSTILE}` } },
      }),
    );
    const rest = withoutOurScript(html);
    assert.doesNotMatch(rest, /<img/i);
    assert.doesNotMatch(rest, /<script/i);
    assert.doesNotMatch(rest, /<\/textarea><img/);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;.log'), 'the file name shows, as text');
    assert.ok(html.includes('title="logs/&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;.log"'));
    assert.ok(html.includes('<dd><code>&lt;img src=x onerror=alert(1)&gt;</code></dd>'));
    assert.ok(html.includes('&lt;/textarea&gt;&lt;img src=x onerror=alert(1)&gt;</textarea>'));
    // the only attribute values are ours: every quote inside values is escaped, so tags stay balanced
    assert.equal((rest.match(/</g) ?? []).length, (rest.match(/>/g) ?? []).length);
  });

  it('shows the finding with its line (1-based), catalog id and captured values', () => {
    const html = renderRunbookHtml(
      view({
        runbook: runbook('jtapi-partial-service'),
        finding: {
          fileName: 'Cisco001MIVR001.log',
          path: 'uccx/Cisco001MIVR001.log',
          line: 26,
          entry: 'JTAPI008',
          captures: { port: '4503' },
        },
      }),
    );
    assert.match(
      html,
      /<button type="button" class="link" data-action="openFinding"[^>]*>Cisco001MIVR001\.log<span class="muted">, line 27<\/span><\/button>/,
    );
    assert.match(html, /data-action="openReference"[^>]*><code>JTAPI008<\/code>/);
    assert.match(html, /<dt>port<\/dt><dd><code>4503<\/code><\/dd>/);
  });

  it('renders numbered steps as headings with title, text, expect and warning', () => {
    const rb = runbook('db-replication-check');
    const html = renderRunbookHtml(view());
    rb.steps.forEach((s, i) => {
      assert.ok(
        html.includes(
          `<h3 id="title-${s.id}" tabindex="-1"><span class="num">${i + 1}.</span> ${escapeHtml(s.title.en)}</h3>`,
        ),
        s.id,
      );
      assert.ok(html.includes(`id="step-${s.id}"`));
    });
    assert.ok(html.includes('Expected result:'));
    assert.ok(html.includes('<div class="warning" role="note"><strong>Caution:</strong>'));
    assert.ok(html.includes(escapeHtml(rb.steps.find((s) => s.id === 'open-reset')!.warning!.en)));
  });

  it('gives every CLI command its place to run and Copy/Send buttons carrying the step id and index', () => {
    const rb = runbook('jtapi-out-of-service');
    const html = renderRunbookHtml(view({ runbook: rb }));
    let count = 0;
    for (const s of rb.steps) {
      (s.commands ?? []).forEach((c, i) => {
        count++;
        assert.ok(html.includes(`<pre><code>${escapeHtml(c.command)}</code></pre>`), c.command);
        for (const action of ['copy', 'send'])
          assert.ok(
            html.includes(`data-action="${action}" data-step="${s.id}" data-index="${i}"`),
            `${action} ${s.id}#${i}`,
          );
      });
    }
    assert.ok(count >= 10);
    assert.equal((html.match(/data-action="copy"/g) ?? []).length, count);
    assert.equal((html.match(/data-action="send"/g) ?? []).length, count);
    assert.ok(html.includes('<p class="where">On the UCCX server</p>'));
    assert.ok(html.includes('<p class="where">On every node (publisher and subscribers)</p>'));
    assert.ok(html.includes('<p class="where">On your workstation (downloaded logs)</p>'));
    assert.doesNotMatch(html, /data-command=/, 'the command text is never a button attribute');
  });

  it('renders decisions as buttons naming their target step', () => {
    const rb = runbook('db-replication-check');
    const html = renderRunbookHtml(view());
    for (const s of rb.steps) {
      (s.choices ?? []).forEach((c, i) => {
        const n = rb.steps.findIndex((x) => x.id === c.goto) + 1;
        const re = new RegExp(
          `<button type="button" class="choice" data-action="choice" data-step="${s.id}" data-index="${i}" data-goto="${c.goto}"><span class="choice-label">[^<]*</span><span class="choice-target">→ go to step ${n}: `,
        );
        assert.match(html, re, `${s.id} → ${c.goto}`);
      });
    }
  });

  it('renders progress: checked boxes, notes, the count, and the step to open at', () => {
    const html = renderRunbookHtml(
      view({ progress: { checked: ['cli', 'rtmt'], notes: { cli: 'state 2 on pub' } }, initialStep: 'read-state' }),
    );
    assert.match(html, /<li class="step done" id="step-cli"/);
    assert.match(html, /<input type="checkbox" id="done-cli" data-action="check" data-step="cli" checked/);
    assert.match(
      html,
      /<input type="checkbox" id="done-reporting" data-action="check" data-step="reporting" aria-label/,
    );
    assert.match(html, /<textarea id="note-cli"[^>]*>state 2 on pub<\/textarea>/);
    assert.match(html, /<label for="done-cli">Done<\/label>/);
    assert.match(html, /<label class="notes-label" for="note-cli">Notes<\/label>/);
    assert.match(html, />2 of 10 steps done</);
    assert.match(html, /data-initial-step="read-state"/);
    assert.match(renderRunbookHtml(view({ initialStep: 'no-such-step' })), /data-initial-step=""/);
  });

  it('disables Send to terminal with an explanation in an untrusted workspace', () => {
    const trusted = renderRunbookHtml(view());
    assert.doesNotMatch(trusted, /\sdisabled[\s>]/);
    const html = renderRunbookHtml(view({ trusted: false }));
    assert.match(html, /<p class="banner" id="untrusted" role="note">This workspace is not trusted/);
    const sends = [...html.matchAll(/<button[^>]*data-action="send"[^>]*>/g)].map((m) => m[0]);
    assert.ok(sends.length > 0);
    for (const b of sends) assert.match(b, / disabled aria-describedby="untrusted" title="/);
    for (const b of html.matchAll(/<button[^>]*data-action="copy"[^>]*>/g)) assert.doesNotMatch(b[0], /disabled/);
  });

  it('renders Japanese: runbook texts, the labels around them and the lang attribute', () => {
    const html = renderRunbookHtml(view({ lang: 'ja' }));
    assert.match(html, /<html lang="ja">/);
    assert.ok(html.includes('パブリッシャとサブスクライバ間のデータベース複製を確認する'));
    assert.ok(html.includes('>コピー<') && html.includes('>ターミナルに送る<'));
    assert.ok(html.includes('全ノード（パブリッシャと各サブスクライバ）で実行'));
    assert.ok(html.includes('進捗をリセット') && html.includes('Markdown でエクスポート'));
    assert.ok(html.includes('10 手順中 0 完了'));
    assert.doesNotMatch(html, />Copy</);
  });

  it('has the toolbar buttons and real buttons only (keyboard reachable)', () => {
    const html = renderRunbookHtml(view());
    assert.match(html, /<button type="button" class="secondary" data-action="export">Export as Markdown<\/button>/);
    assert.match(html, /<button type="button" class="secondary" data-action="reset">Reset progress<\/button>/);
    assert.doesNotMatch(html, /<(div|span|a)[^>]*data-action=/, 'every action is a <button> or <input>');
    assert.doesNotMatch(html, /tabindex="[1-9]/);
  });

  it('renders every runbook in both languages', () => {
    for (const rb of RUNBOOKS)
      for (const lang of ['en', 'ja'] as const) {
        const html = renderRunbookHtml(view({ runbook: rb, lang }));
        assert.equal((html.match(/<li class="step/g) ?? []).length, rb.steps.length, `${rb.id} ${lang}`);
      }
  });
});

describe('makeNonce', () => {
  it('is 32 alphanumerics and differs between calls', () => {
    const a = makeNonce();
    assert.match(a, /^[A-Za-z0-9]{32}$/);
    assert.notEqual(a, makeNonce());
  });
});

describe('runbook UI strings', () => {
  it('follows the setting, or the display language for auto', () => {
    assert.equal(resolveLanguage('ja', 'en'), 'ja');
    assert.equal(resolveLanguage('en', 'ja'), 'en');
    assert.equal(resolveLanguage('auto', 'ja'), 'ja');
    assert.equal(resolveLanguage('auto', 'ja-JP'), 'ja');
    assert.equal(resolveLanguage(undefined, 'en-US'), 'en');
    assert.equal(resolveLanguage('auto', 'jam'), 'en');
  });
  it('names every place a command runs, in both languages', () => {
    for (const w of ['publisher', 'subscribers', 'every-node', 'uccx', 'any', 'workstation', 'node']) {
      assert.notEqual(whereLabel('en', w), w);
      assert.match(whereLabel('ja', w), /[^\x20-\x7e]/);
    }
    assert.equal(ui('en', 'progress', 1, 3), '1 of 3 steps done');
  });
});

describe('runbook commands filled from the finding', () => {
  const reset = runbook('db-replication-reset');
  it('shows, copies and sends the node the finding read', () => {
    const finding = {
      fileName: 'perf.txt',
      path: 'perf.txt',
      line: 36,
      entry: 'DBREP004',
      captures: { node: 'osk-cucm-sub3' },
    };
    const html = renderRunbookHtml(view({ runbook: reset, finding }));
    assert.match(html, /<code>utils dbreplication reset osk-cucm-sub3<\/code>/);
    assert.match(html, /aria-label="Copy command: utils dbreplication reset osk-cucm-sub3"/);
  });

  it('keeps the placeholder for a node name that is not a host name', () => {
    const finding = { fileName: 'perf.txt', path: 'perf.txt', line: 36, captures: { node: 'sub3;reboot' } };
    const html = renderRunbookHtml(view({ runbook: reset, finding }));
    assert.match(html, /<code>utils dbreplication reset &lt;hostname&gt;<\/code>/);
  });

  it('collects logs around the record time of the finding', () => {
    const ccm = runbook('ccm-service-not-responding');
    const finding = { fileName: 'CCM1-System.evt.txt', path: 'x', line: 40, captures: {}, time: '2008-02-03 07:31:02' };
    assert.match(renderRunbookHtml(view({ runbook: ccm, finding })), /abstime 07:16:02\/03\/08 07:47:02\/03\/08/);
  });
});
