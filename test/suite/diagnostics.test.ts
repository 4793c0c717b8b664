import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  sampleUri,
  setSetting,
  standInNode,
  terminalsApi,
  waitForDiagnostics,
  waitForFile,
  waitForLanguage,
} from './helpers';

const MIVR_FAILURE =
  '512: Apr 08 10:14:27.842 IST %MIVR-SS_TEL-4-ModuleRunTimeFailure:Real-time failure in JTAPI subsystem: Module=JTAPI Subsystem,Failure Cause=7,Failure Module=JTAPI_PROVIDER_INIT,Exception=com.cisco.jtapi.PlatformExceptionImpl: Unable to create provider -- Connection refused';

describe('CUCM Trace Lens in VS Code', () => {
  before(activateExtension);
  afterEach(async () => {
    // Untitled documents are dirty: revert them first so closing never asks to save.
    for (const editor of vscode.window.visibleTextEditors) {
      if (!editor.document.isDirty) continue;
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens a UCCX engine log in its own language and underlines its JTAPI failures', async () => {
    const uri = sampleUri('uccx/Cisco001MIVR001.log');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'cucm-mivr');
    const diags = await waitForDiagnostics(uri, (d) => d.length >= 5);
    assert.deepEqual(
      diags.map((d) => [typeof d.code === 'object' ? d.code.value : d.code, d.range.start.line + 1]),
      [
        ['JTAPI001', 4],
        ['JTAPI002', 12],
        ['JTAPI004', 15],
        ['JTAPI008', 27],
        ['JTAPI005', 42],
      ],
    );
    const portFinding = diags[3];
    assert.equal(portFinding.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(portFinding.range.end.line + 1, 30, 'the wrapped record is underlined over all its lines');
    assert.match(portFinding.message, /CTI port 4503/);
    assert.ok(
      typeof portFinding.code === 'object' && portFinding.code.target.path.endsWith('/docs/reference/JTAPI008.md'),
    );
  });

  it('explains a finding on hover', async () => {
    const uri = sampleUri('uccx/Cisco001MIVR001.log');
    await vscode.window.showTextDocument(uri);
    await waitForDiagnostics(uri, (d) => d.length >= 5);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(3, 40),
    );
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /JTAPI provider rejected the UCCX login/);
    assert.match(text, /What to do/);
  });

  it('offers quick fixes and types a CLI command into the terminal without running it', async () => {
    const uri = sampleUri('uccx/Cisco001MIVR001.log');
    await vscode.window.showTextDocument(uri);
    const diags = await waitForDiagnostics(uri, (d) => d.length >= 5);
    const refused = diags.find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'JTAPI002')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      refused.range,
    );
    const send = actions.find((a) => a.command?.command === 'cucmTraceLens.sendToTerminal');
    assert.ok(send, JSON.stringify(actions.map((a) => a.title)));
    assert.ok(actions.some((a) => a.command?.command === 'cucmTraceLens.openReference'));

    // The quick fix names no node: "Send to terminal" asks which one, connects to it (a stand-in CLI)
    // and types the command once the prompt is confirmed.
    const node = standInNode('qf-node');
    const saved = terminalsApi().dialogs;
    terminalsApi().dialogs = node.dialogs;
    try {
      const result = await vscode.commands.executeCommand(send.command!.command, ...(send.command!.arguments ?? []));
      assert.equal(result, 'typed');
      const typed = await waitForFile(node.file, (t) => t.includes('utils service list'));
      assert.equal(typed, 'START\nutils service list', 'typed exactly once, with no Enter');
    } finally {
      terminalsApi().dialogs = saved;
      node.dispose();
    }
  });

  it('switches a plain-text capture that looks like a UCCX log to the MIVR language and analyzes it', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: `${MIVR_FAILURE}\n` });
    const switched = await waitForLanguage(doc.uri, 'cucm-mivr');
    const diags = await waitForDiagnostics(switched.uri);
    assert.equal(typeof diags[0].code === 'object' ? diags[0].code.value : diags[0].code, 'JTAPI002');
  });

  it('analyzes the current file on command when content detection is off', async () => {
    await setSetting('cucmTraceLens.detectContent', false);
    try {
      // A first line that VS Code's own firstLine matching does not recognise, as in a pasted note.
      const content = `Notes from the outage on 8 April:\n${MIVR_FAILURE}\n`;
      const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content });
      await vscode.window.showTextDocument(doc);
      assert.equal(doc.languageId, 'plaintext');
      await vscode.commands.executeCommand('cucmTraceLens.analyzeAsTrace');
      const switched = await waitForLanguage(doc.uri, 'cucm-mivr');
      await waitForDiagnostics(switched.uri);
    } finally {
      await setSetting('cucmTraceLens.detectContent', undefined);
    }
  });

  it('explains in Japanese when the language setting says so', async () => {
    const uri = sampleUri('uccx/Cisco001MIVR002.log');
    await vscode.window.showTextDocument(uri);
    await waitForDiagnostics(uri, (d) => d.length >= 3);
    await setSetting('cucmTraceLens.language', 'ja');
    try {
      const diags = await waitForDiagnostics(uri, (d) => d.length >= 3 && /プロバイダー/.test(d[0].message), 30000);
      assert.match(diags[0].message, /JTAPI ユーザ／プロバイダーが未設定/);
    } finally {
      await setSetting('cucmTraceLens.language', undefined);
      await waitForDiagnostics(uri, (d) => d.length >= 3 && /no JTAPI user/.test(d[0].message), 30000);
    }
  });

  it('reads a Japanese (Shift-JIS) Windows event export and finds the CallManager stop', async () => {
    const uri = sampleUri('eventlog/CCMJP1-System-ja.evt.txt');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'cucm-eventlog');
    assert.match(doc.getText(), /予期せぬ原因により終了しました/, 'decoded as Shift-JIS, not as UTF-8');
    const diags = await waitForDiagnostics(uri, (d) =>
      d.some((x) => (typeof x.code === 'object' ? x.code.value : x.code) === 'CCM001'),
    );
    assert.ok(!diags.some((x) => x.code === 'encoding'));
  });

  it('analyzes a saved CUCM admin page in HTML mode, but leaves unrelated HTML alone', async () => {
    const page = (title: string) =>
      `<html><head><title>${title}</title></head><body><h1>You Are Not Authorized to View This Page</h1><p>Error: Access is Denied.</p></body></html>\n`;
    const other = await vscode.workspace.openTextDocument({ language: 'html', content: page('Intranet wiki') });
    const cucm = await vscode.workspace.openTextDocument({
      language: 'html',
      content: page('Cisco Unified CM Administration'),
    });
    await vscode.window.showTextDocument(cucm);
    const diags = await waitForDiagnostics(cucm.uri);
    assert.equal(cucm.languageId, 'html', 'the page keeps its HTML mode');
    assert.ok(diags.some((d) => String(typeof d.code === 'object' ? d.code.value : d.code).startsWith('ADMIN')));
    // The server handles documents in order: by now the unrelated page would have had its problems.
    assert.deepEqual(
      vscode.languages.getDiagnostics(other.uri).filter((d) => d.source === 'CUCM Trace Lens'),
      [],
    );
  });

  it('keeps a healthy log free of problems', async () => {
    const uri = sampleUri('healthy/Cisco002MIVR001.log');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'cucm-mivr');
    // Diagnostics for a clean file are an empty publish; prove the server saw it by editing in a failure.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(doc.lineCount - 1, 0), `${MIVR_FAILURE}\n`);
    await vscode.workspace.applyEdit(edit);
    const diags = await waitForDiagnostics(uri);
    assert.equal(diags.length, 1, 'only the inserted failure');
    // Leave the sample exactly as it was: revert, never save.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForDiagnostics(uri, (d) => d.length === 0);
    assert.equal(doc.isDirty, false);
  });
});
