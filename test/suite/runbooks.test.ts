import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { OpenRunbookArgs } from '../../common/protocol';
import type { RunbookDialogs, RunbookTestApi } from '../../client/src/runbooks/manager';
import type { RunbookPanel, RunbookPanelState } from '../../client/src/runbooks/panel';
import {
  activateExtension,
  sampleUri,
  setSetting,
  standInNode,
  terminalsApi,
  waitForDiagnostics,
  waitForFile,
} from './helpers';

const DB = 'db-replication-check';
const PARTIAL = 'jtapi-partial-service';

function api(): RunbookTestApi {
  const ext = vscode.extensions.getExtension<{ __test?: { runbooks: RunbookTestApi } }>(
    'cucm-trace-lens.cucm-trace-lens',
  );
  const runbooks = ext?.exports?.__test?.runbooks;
  if (!runbooks) throw new Error('the extension exports no __test API (it is left out in production mode only)');
  return runbooks;
}

function panelOf(id: string): RunbookPanel {
  const p = api().panel(id);
  assert.ok(p, `no panel for ${id}`);
  return p;
}

/** Resolves when the panel's state satisfies `predicate` — checked now and on every change. Never sleeps. */
function waitForState(
  panel: RunbookPanel,
  predicate: (s: RunbookPanelState) => boolean,
  what: string,
  ms = 15000,
): Promise<RunbookPanelState> {
  return new Promise((resolve, reject) => {
    if (predicate(panel.state)) return resolve(panel.state);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`${what}: not reached within ${ms} ms (state ${JSON.stringify(panel.state)})`));
    }, ms);
    const sub = panel.onDidChangeState((s) => {
      if (!predicate(s)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(s);
    });
  });
}

function waitForDispose(panel: RunbookPanel): Promise<void> {
  return new Promise((resolve) => panel.onDidDispose(() => resolve()));
}

async function open(args: OpenRunbookArgs | string): Promise<RunbookPanelState> {
  const state = await vscode.commands.executeCommand<RunbookPanelState | undefined>('cucmTraceLens.openRunbook', args);
  assert.ok(state, `openRunbook ${JSON.stringify(args)} returned nothing`);
  return state;
}

/** Resolves with the runbook webview tab labelled `label` once the tab model has it (events, not polling). */
function waitForRunbookTab(label: string, ms = 10000): Promise<vscode.Tab> {
  const find = () =>
    vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .find(
        (t) =>
          t.isActive &&
          t.label === label &&
          t.input instanceof vscode.TabInputWebview &&
          /cucmTraceLens\.runbook$/.test(t.input.viewType),
      );
  return new Promise((resolve, reject) => {
    const now = find();
    if (now) return resolve(now);
    const timer = setTimeout(() => {
      sub.dispose();
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
      reject(new Error(`no active runbook tab "${label}" within ${ms} ms (tabs: ${JSON.stringify(tabs)})`));
    }, ms);
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
      const tab = find();
      if (!tab) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(tab);
    });
  });
}

describe('Runbook panel', () => {
  let savedDialogs: RunbookDialogs;
  before(async () => {
    await activateExtension();
    savedDialogs = api().dialogs;
  });
  afterEach(async () => {
    api().dialogs = savedDialogs;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(async () => {
    // leave no progress behind for the next run
    api().dialogs = { ...savedDialogs, confirmReset: async () => true };
    for (const id of [DB, PARTIAL]) await vscode.commands.executeCommand('cucmTraceLens.resetRunbook', id);
    api().dialogs = savedDialogs;
  });

  it('opens a runbook at the step given by the command argument', async () => {
    const state = await open({ runbook: DB, step: 'read-state' });
    assert.equal(state.runbook, DB);
    assert.equal(state.step, 'read-state');
    assert.equal(state.title, 'Check database replication between publisher and subscribers');
    const tab = await waitForRunbookTab(state.title);
    assert.ok(tab.isActive);
    // The real page ran its (nonce'd) script and scrolled to / highlighted the step.
    const shown = await waitForState(
      panelOf(DB),
      (s) => s.ready && s.revealed === 'read-state',
      'webview reveals read-state',
    );
    assert.equal(shown.revealed, 'read-state');
    // A second open reveals the same panel at another step: still one panel.
    const again = await open({ runbook: DB, step: 'rtmt' });
    assert.equal(again.step, 'rtmt');
    await waitForState(panelOf(DB), (s) => s.revealed === 'rtmt', 'webview reveals rtmt');
    const webviewTabs = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputWebview);
    assert.equal(webviewTabs.length, 1);
  });

  it('comes back after a window reload at the step it showed, with its progress', async () => {
    await open({ runbook: DB, step: 'read-state' });
    const before = panelOf(DB);
    assert.equal(await before.handleMessage({ type: 'check', step: 'cli', checked: true }), true);
    before.webviewPanel.dispose();
    // What VS Code hands the serializer after a reload: a bare panel of our view type and the page's saved state.
    const bare = vscode.window.createWebviewPanel('cucmTraceLens.runbook', 'restoring', vscode.ViewColumn.Active, {});
    const restored = await api().restore(bare, { runbook: DB, step: 'rtmt' });
    assert.ok(restored);
    assert.equal(restored.runbook, DB);
    assert.equal(restored.step, 'rtmt');
    assert.ok(restored.checked.includes('cli'), 'progress survived');
    await waitForState(panelOf(DB), (s) => s.ready && s.revealed === 'rtmt', 'restored webview reveals rtmt');
    // A saved state that is not one of our runbooks closes the panel instead of showing anything.
    const junk = vscode.window.createWebviewPanel('cucmTraceLens.runbook', 'junk', vscode.ViewColumn.Active, {});
    assert.equal(await api().restore(junk, { runbook: '../../etc/passwd' }), undefined);
  });

  it('moves to the step a decision points at', async () => {
    await open({ runbook: DB, step: 'read-state' });
    const panel = panelOf(DB);
    await waitForState(panel, (s) => s.ready, 'webview ready');
    // "State 3" is the third choice of read-state.
    assert.equal(await panel.handleMessage({ type: 'choice', step: 'read-state', index: 2 }), true);
    assert.equal(panel.state.step, 'state-3');
    await waitForState(panel, (s) => s.revealed === 'state-3', 'webview reveals state-3');
    // a choice that does not exist changes nothing
    assert.equal(await panel.handleMessage({ type: 'choice', step: 'read-state', index: 42 }), false);
    assert.equal(await panel.handleMessage({ type: 'choice', step: 'no-such-step', index: 0 }), false);
    assert.equal(panel.state.step, 'state-3');
  });

  it('keeps checked steps and notes in the workspace state, across panels, until reset', async () => {
    await open(DB);
    let panel = panelOf(DB);
    assert.equal(await panel.handleMessage({ type: 'check', step: 'cli', checked: true }), true);
    assert.equal(await panel.handleMessage({ type: 'note', step: 'cli', text: 'pub: 2, sub1: 3' }), true);
    assert.equal(await panel.handleMessage({ type: 'check', step: 'nope', checked: true }), false);
    const stored = api().workspaceState(api().stateKey(DB)) as { checked: string[]; notes: Record<string, string> };
    assert.deepEqual(stored.checked, ['cli']);
    assert.deepEqual(stored.notes, { cli: 'pub: 2, sub1: 3' });

    const disposed = waitForDispose(panel);
    panel.dispose();
    await disposed;
    assert.equal(api().panel(DB), undefined);

    const reopened = await open(DB);
    assert.deepEqual(reopened.checked, ['cli']);
    assert.deepEqual(reopened.notes, { cli: 'pub: 2, sub1: 3' });
    panel = panelOf(DB);
    assert.match(panel.html, /<input type="checkbox" id="done-cli" data-action="check" data-step="cli" checked/);
    assert.match(panel.html, />pub: 2, sub1: 3<\/textarea>/);

    let asked = '';
    api().dialogs = {
      ...api().dialogs,
      confirmReset: async (title) => ((asked = title), true),
    };
    assert.equal(await vscode.commands.executeCommand('cucmTraceLens.resetRunbook', DB), true);
    assert.equal(asked, reopened.title, 'asked before resetting');
    assert.deepEqual(panel.state.checked, []);
    assert.deepEqual(panel.state.notes, {});
    assert.equal(api().workspaceState(api().stateKey(DB)), undefined);
    assert.doesNotMatch(panel.html, /data-action="check"[^>]* checked/);
  });

  it('does not reset when the engineer says no', async () => {
    await open(DB);
    const panel = panelOf(DB);
    await panel.handleMessage({ type: 'check', step: 'rtmt', checked: true });
    api().dialogs = { ...api().dialogs, confirmReset: async () => false };
    assert.equal(await panel.handleMessage({ type: 'reset' }), true);
    assert.deepEqual(panel.state.checked, ['rtmt']);
  });

  it('types a step command into the node terminal, without Enter, looked up by step and index', async () => {
    await open(DB);
    const panel = panelOf(DB);
    const expected = 'show perf query class "Number of Replicates Created and State of Replication"';
    const node = standInNode('rb-node');
    const saved = terminalsApi().dialogs;
    terminalsApi().dialogs = node.dialogs;
    try {
      // free text from the page is never typed
      assert.equal(await panel.handleMessage({ type: 'send', command: 'utils system restart' }), false);
      assert.equal(await panel.handleMessage({ type: 'send', step: 'cli', index: 7 }), false);
      assert.equal(await panel.handleMessage({ type: 'send', step: 'cli', index: 0, command: 'rm -rf /' }), true);
      const typed = await waitForFile(node.file, (t) => t.includes(expected));
      assert.equal(typed, `START\n${expected}`, 'exactly the command, once, no newline');
    } finally {
      terminalsApi().dialogs = saved;
      node.dispose();
    }
  });

  it('copies a step command to the clipboard', async () => {
    await open(DB);
    await vscode.env.clipboard.writeText('');
    assert.equal(await panelOf(DB).handleMessage({ type: 'copy', step: 'state-3', index: 1 }), true);
    assert.equal(await vscode.env.clipboard.readText(), 'show network cluster');
  });

  it('opens from a quick fix at the step that fits the finding, with its values', async () => {
    const uri = sampleUri('uccx/Cisco001MIVR001.log');
    await vscode.window.showTextDocument(uri);
    const diags = await waitForDiagnostics(uri, (d) => d.length >= 5);
    const port = diags.find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'JTAPI008');
    assert.ok(port, 'JTAPI008 finding');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      port.range,
    );
    const openRunbook = actions.find((a) => a.command?.command === 'cucmTraceLens.openRunbook');
    assert.ok(openRunbook?.command, JSON.stringify(actions.map((a) => a.title)));
    const state = await vscode.commands.executeCommand<RunbookPanelState>(
      openRunbook.command.command,
      ...(openRunbook.command.arguments ?? []),
    );
    assert.equal(state.runbook, PARTIAL);
    assert.equal(state.step, 'check-association');
    assert.equal(state.finding?.captures.port, '4503');
    assert.equal(state.finding?.entry, 'JTAPI008');
    assert.equal(state.finding?.line, 26);
    const panel = panelOf(PARTIAL);
    assert.match(panel.html, /<dt>port<\/dt><dd><code>4503<\/code><\/dd>/);
    assert.match(panel.html, /Cisco001MIVR001\.log<span class="muted">, line 27</);
    // The commands carry what the log says: the CTI port's number, and the JTAPI user of line 3
    // (`Creating provider with login=uccx_jtapi`), instead of <port-number> and <jtapi-user>.
    assert.match(panel.html, /n\.dnorpattern=&#39;4503&#39;/);
    assert.match(panel.html, /u\.name=&#39;uccx_jtapi&#39;/);
    assert.doesNotMatch(panel.html, /&lt;jtapi-user&gt;|&lt;port-number&gt;/);
    await waitForState(panel, (s) => s.revealed === 'check-association', 'webview reveals check-association');

    // "Go to line" in the panel opens the log at the finding (the handler awaits showTextDocument)
    assert.equal(await panel.handleMessage({ type: 'openFinding' }), true);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    assert.equal(editor.selection.active.line, 26);
  });

  it('exports the runbook with progress, notes and finding to the file the engineer picks', async () => {
    await open({
      runbook: PARTIAL,
      step: 'check-association',
      uri: sampleUri('uccx/Cisco001MIVR001.log').toString(),
      line: 26,
      entry: 'JTAPI008',
      captures: { port: '4503' },
    });
    const panel = panelOf(PARTIAL);
    await panel.handleMessage({ type: 'check', step: 'find-port', checked: true });
    await panel.handleMessage({ type: 'note', step: 'find-port', text: 'Ports 4503-4505 after upgrade <b>' });
    const target = vscode.Uri.file(path.join(os.tmpdir(), `runbook-export-${process.pid}-${Date.now()}.md`));
    let suggested: vscode.Uri | undefined;
    api().dialogs = { ...api().dialogs, saveTarget: async (d) => ((suggested = d), target) };
    try {
      // through the panel's "Export as Markdown" button
      assert.equal(await panel.handleMessage({ type: 'export' }), true);
      assert.match(path.basename(suggested!.fsPath), /^jtapi-partial-service-\d{4}-\d{2}-\d{2}\.md$/);
      const md = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.ok(md.startsWith('# JTAPI subsystem in PARTIAL_SERVICE\n'), md.slice(0, 80));
      assert.ok(md.includes('- [x] 1\\. Find the CTI ports and route points that failed'));
      assert.ok(md.includes('- [ ] 3\\. Check the association with the JTAPI user'));
      assert.ok(md.includes('> Ports 4503-4505 after upgrade \\<b\\>'));
      assert.ok(md.includes('- File: uccx/Cisco001MIVR001.log, line 27'));
      assert.ok(md.includes('- Catalog entry: JTAPI008'));
      assert.ok(md.includes('  - port: 4503'));

      // and through the command, with the id: the same file
      const written = await vscode.commands.executeCommand<vscode.Uri>('cucmTraceLens.exportRunbook', PARTIAL);
      assert.equal(written?.toString(), target.toString());
      // from the panel's editor-title button: VS Code passes its own context, the active panel is meant
      const fromMenu = await vscode.commands.executeCommand<vscode.Uri>('cucmTraceLens.exportRunbook', {
        webview: 'ignored',
      });
      assert.equal(fromMenu?.toString(), target.toString());
      // an explicit id that is not a runbook id exports nothing
      assert.equal(await vscode.commands.executeCommand('cucmTraceLens.exportRunbook', '../etc/passwd'), undefined);
      // a cancelled save dialog writes nothing
      api().dialogs = { ...api().dialogs, saveTarget: async () => undefined };
      assert.equal(await vscode.commands.executeCommand('cucmTraceLens.exportRunbook', PARTIAL), undefined);
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });

  it('follows the language setting', async () => {
    await open(DB);
    const panel = panelOf(DB);
    await setSetting('cucmTraceLens.language', 'ja');
    try {
      const ja = await waitForState(panel, (s) => s.language === 'ja', 'panel in Japanese');
      assert.equal(ja.title, 'パブリッシャとサブスクライバ間のデータベース複製を確認する');
      assert.match(panel.html, /<html lang="ja">/);
      assert.match(panel.html, />コピー</);
      assert.match(panel.html, /全ノード（パブリッシャと各サブスクライバ）で実行/);
    } finally {
      await setSetting('cucmTraceLens.language', undefined);
    }
    await waitForState(panel, (s) => s.language === 'en', 'panel back in English');
  });
});
