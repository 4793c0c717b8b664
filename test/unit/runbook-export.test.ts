// The Markdown export of a runbook (client/src/runbooks/export.ts): progress, notes, the finding, escaped.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RUNBOOKS } from '../../engine/src/index';
import {
  codeBlock,
  escapeMarkdown,
  escapeProse,
  exportFileName,
  proseToMarkdown,
  quoteBlock,
  renderRunbookMarkdown,
  type ExportInput,
} from '../../client/src/runbooks/export';
import { commandText } from '../../client/src/runbooks/html';

const rb = RUNBOOKS.find((r) => r.id === 'jtapi-partial-service')!;
const DATE = new Date(2025, 3, 8, 10, 14); // 8 April 2025, local time

function input(over: Partial<ExportInput> = {}): ExportInput {
  return {
    runbook: rb,
    lang: 'en',
    progress: {
      checked: ['find-port', 'verify-device'],
      notes: { 'find-port': 'Ports 4503-4505 fail\nafter the CUCM upgrade' },
    },
    finding: { path: 'uccx/Cisco001MIVR001.log', line: 26, entry: 'JTAPI008', captures: { port: '4503' } },
    date: DATE,
    ...over,
  };
}

describe('exportFileName', () => {
  it('is <runbook-id>-<local date>.md', () => {
    assert.equal(exportFileName('db-replication-check', DATE), 'db-replication-check-2025-04-08.md');
    assert.equal(exportFileName('../x', DATE), '.._x-2025-04-08.md');
  });
});

describe('escapeMarkdown', () => {
  it('makes HTML and Markdown syntax in log text inert', () => {
    assert.equal(escapeMarkdown('<img src=x onerror=alert(1)>'), '\\<img src=x onerror=alert(1)\\>');
    assert.equal(
      escapeMarkdown('[click](javascript:alert(1))'),
      '\\[click\\](javascript:alert(1))',
      'no link can form',
    );
    assert.equal(escapeMarkdown('*bold* _it_ `code` a|b &amp;'), '\\*bold\\* \\_it\\_ \\`code\\` a\\|b \\&amp;');
    assert.equal(escapeMarkdown('line1\nline2'), 'line1 line2', 'one value, one line');
  });
  it('keeps a value from starting a block', () => {
    assert.equal(escapeMarkdown('# title'), '\\# title');
    assert.equal(escapeMarkdown('- item'), '\\- item');
    assert.equal(escapeMarkdown('1. item'), '1\\. item');
    assert.equal(escapeMarkdown('> quote'), '\\> quote');
  });
  it('quotes multi-line notes line by line', () => {
    assert.equal(quoteBlock('a\n\n# b\r\n<c>'), '> a\n>\n> \\# b\n> \\<c\\>');
  });
  it('escapes runbook prose lightly: placeholders show, code spans stay, words keep their underscores', () => {
    assert.equal(escapeProse('PARTIAL_SERVICE _x_ *MIVR* [a]'), 'PARTIAL_SERVICE \\_x\\_ \\*MIVR\\* \\[a\\]');
    assert.equal(
      proseToMarkdown('open http://<uccx-server>/appadmin, run `show <x>`'),
      'open http://\\<uccx-server\\>/appadmin, run `show <x>`',
    );
  });
  it('fences code longer than any backtick run inside', () => {
    assert.equal(codeBlock('ls'), '```\nls\n```');
    assert.equal(codeBlock('a ```` b'), '`````\na ```` b\n`````');
  });
});

describe('renderRunbookMarkdown', () => {
  const md = renderRunbookMarkdown(input());

  it('has the title, id, date and progress count', () => {
    assert.ok(md.startsWith('# JTAPI subsystem in PARTIAL_SERVICE\n'));
    assert.ok(md.includes('- Runbook: `jtapi-partial-service`'));
    assert.ok(md.includes('- Exported: 2025-04-08'));
    assert.ok(md.includes(`- Progress: 2 of ${rb.steps.length} steps done`));
  });

  it('lists progress as task-list items [x] / [ ]', () => {
    assert.ok(md.includes('- [x] 1\\. Find the CTI ports and route points that failed'));
    assert.ok(md.includes('- [x] 2\\. Check that each device exists in CUCM'));
    assert.ok(md.includes('- [ ] 3\\. Check the association with the JTAPI user'));
    assert.equal((md.match(/^- \[x\] /gm) ?? []).length, 4, 'summary and step, for both checked steps');
  });

  it('includes the finding that opened it', () => {
    assert.ok(md.includes('## Finding'));
    assert.ok(md.includes('- File: uccx/Cisco001MIVR001.log, line 27'));
    assert.ok(md.includes('- Catalog entry: JTAPI008'));
    assert.ok(md.includes('  - port: 4503'));
  });

  it('includes the notes as quotes, and says so when a step has none', () => {
    assert.ok(md.includes('**Notes:**\n\n> Ports 4503-4505 fail\n> after the CUCM upgrade'));
    assert.ok(md.includes('_No notes._'));
  });

  it('includes every command in a fence with where to run it, filled with the values of the finding', () => {
    const finding = input().finding;
    for (const s of rb.steps)
      for (const c of s.commands ?? [])
        assert.ok(md.includes(`\n\`\`\`\n${commandText(c.command, finding)}\n\`\`\`\n`), c.command);
    assert.ok(md.includes('*On the publisher:*'));
    // The finding read CTI port 4503: the directory-number query asks for it, not for <port-number>.
    assert.match(md, /n\.dnorpattern='4503'/);
    assert.doesNotMatch(md, /<port-number>/);
  });

  it('escapes hostile captures, file names and notes', () => {
    const evil = renderRunbookMarkdown(
      input({
        finding: {
          path: 'logs/<img src=x onerror=alert(1)>.log',
          line: 0,
          captures: { '"><script>': '<script>alert(1)</script>', port: '[x](javascript:alert(1))' },
        },
        progress: { checked: [], notes: { 'find-port': '<iframe src=//evil>\n```\n# not a heading' } },
      }),
    );
    assert.doesNotMatch(evil, /(^|[^\\])<(img|script|iframe)/m, 'every < is escaped');
    assert.doesNotMatch(evil, /(^|[^\\])\]\(javascript/m);
    assert.ok(evil.includes('- File: logs/\\<img src=x onerror=alert(1)\\>.log, line 1'));
    assert.ok(evil.includes('  - "\\>\\<script\\>: \\<script\\>alert(1)\\</script\\>'));
    assert.ok(evil.includes('> \\`\\`\\`\n> \\# not a heading'));
  });

  it('renders Japanese, and leaves out the finding when there is none', () => {
    const ja = renderRunbookMarkdown(input({ lang: 'ja', finding: undefined }));
    assert.ok(ja.startsWith('# JTAPI サブシステムが PARTIAL_SERVICE になる'));
    assert.ok(ja.includes('## 進捗'));
    assert.ok(ja.includes('*パブリッシャで実行:*'));
    assert.ok(!ja.includes('## 所見'));
  });
});
