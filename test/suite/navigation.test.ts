import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, sampleUri, waitForDiagnostics } from './helpers';

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

/** Resolves when `predicate` holds (checked now and on every tab change). */
function waitForTabs(predicate: () => boolean, ms = 20000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (predicate()) return resolve();
    const timer = setTimeout(() => (sub.dispose(), reject(new Error('tab state not reached'))), ms);
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
      if (!predicate()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

/** An SDL trace of about `mb` MB with two known failures near its end, written once per run. */
function writeLargeTrace(file: string, mb: number): void {
  const head =
    '28147300.000 |00:00:00.206 |FileHead |UTC:-05:00,Date: 2024/08/13, AppName: CCM, AppId: 100, AppNodeId: 1, AppVersion: CUCM Install=14.0.1.13900-155, HostName: cucmpub, HostIPAddress: 10.20.30.40, FileNumber: 1263, TraceVer: 3.0\n';
  const line =
    '28147304.000 |00:00:00.579 |SdlSig   |DeviceEventReceiptMonitoringTimer      |wait                           |StationInit(1,100,65,1)          |SdlTimerService(1,100,3,1)       |1,100,150,1.1^*^*                        |[R:H-H:0,N:0,L:0,V:0,Z:0,D:0]\n';
  const chunk = line.repeat(4096);
  const tail =
    '512: Mar 23 10:05:35.271 IST %MIVR-SS_TEL-4-ModuleRunTimeFailure:Real-time failure in JTAPI subsystem: Module=JTAPI Subsystem,Failure Cause=7,Failure Module=JTAPI_PROVIDER_INIT,Exception=com.cisco.jtapi.PlatformExceptionImpl: Unable to create provider -- Connection refused\n';
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, head);
    for (let size = head.length; size < mb * 1048576; size += chunk.length) fs.writeSync(fd, chunk);
    fs.writeSync(fd, tail);
  } finally {
    fs.closeSync(fd);
  }
}

describe('Navigation', () => {
  before(activateExtension);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('folds SIP/SDP messages and wrapped records as one unit', async () => {
    const uri = sampleUri('cucm/SDL001_100_000124.txt');
    await vscode.window.showTextDocument(uri);
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>(
      'vscode.executeFoldingRangeProvider',
      uri,
    );
    assert.deepEqual(
      ranges.map((r) => [r.start, r.end]),
      [
        [4, 29],
        [33, 43],
        [46, 47],
      ],
    );
    // The folding command needs the document open in an editor.
    const mivrUri = sampleUri('uccx/Cisco001MIVR001.log');
    await vscode.window.showTextDocument(mivrUri);
    const mivr = await vscode.commands.executeCommand<vscode.FoldingRange[]>(
      'vscode.executeFoldingRangeProvider',
      mivrUri,
    );
    assert.ok(
      mivr.some((r) => r.start === 14 && r.end === 19),
      'the wrapped ModuleRunTimeFailure record folds as one',
    );
  });

  it('outlines traces: the FileHead header, a log header line and the findings', async () => {
    const uri = sampleUri('cucm/SDL001_100_000124.txt');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      uri,
    );
    assert.equal(symbols[0].name, 'CCM · cucmpub');
    assert.match(
      symbols[0].detail,
      /^2026\/02\/02 · UTC-05:00 · node 1 · 14\.0\.1\.13900-155 · 23:58:00\.004 – 00:02:00\.210$/,
    );

    const mivr = sampleUri('uccx/Cisco001MIVR001.log');
    await vscode.window.showTextDocument(mivr);
    const diags = await waitForDiagnostics(mivr, (d) => d.length >= 5);
    const outline = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      mivr,
    );
    assert.equal(outline[0].name, 'UCCX Engine Log (MIVR)');
    assert.deepEqual(
      outline.slice(1).map((c) => [c.name.split(' ')[0], c.range.start.line]),
      diags.map((d) => [codeOf(d), d.range.start.line]),
    );
    assert.equal(outline[1].detail, diags[0].message);
  });

  it('shows the summary code lens on line 0 and finds findings as workspace symbols', async () => {
    const uri = sampleUri('uccx/Cisco001MIVR001.log');
    await vscode.window.showTextDocument(uri);
    const diags = await waitForDiagnostics(uri, (d) => d.length >= 5);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const lens = lenses.find((l) => l.command?.command === 'cucmTraceLens.listFindings');
    assert.ok(lens, JSON.stringify(lenses.map((l) => l.command?.title)));
    assert.equal(lens.range.start.line, 0);
    const errors = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    // Info and hints are named only when there are some; a hint is never called info.
    assert.match(
      lens.command!.title,
      new RegExp(`^${errors} errors?, \\d+ warnings?(?:, \\d+ info)?(?:, \\d+ hints?)? — list them$`),
    );

    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>(
      'vscode.executeWorkspaceSymbolProvider',
      'jtapi-provider-bad-login',
    );
    assert.ok(
      symbols.some((s) => s.location.uri.toString() === uri.toString() && /^JTAPI001 /.test(s.name)),
      JSON.stringify(symbols.map((s) => s.name)),
    );
  });

  it('goes to a time over midnight, and explains what it cannot do', async () => {
    const uri = sampleUri('cucm/SDL001_100_000124.txt');
    const editor = await vscode.window.showTextDocument(uri);
    const result = await vscode.commands.executeCommand<{ line: number; time: string }>(
      'cucmTraceLens.goToTime',
      '00:00',
    );
    assert.deepEqual(result, { line: 33, time: '2026/02/03 00:00:00.107' });
    assert.equal(editor.selection.active.line, 33);
    await vscode.commands.executeCommand('cucmTraceLens.goToTime', '2026-02-02 23:59:59.5');
    assert.equal(editor.selection.active.line, 33);
    await vscode.commands.executeCommand('cucmTraceLens.goToTime', '04:59:59 UTC');
    assert.equal(editor.selection.active.line, 32);
    const late = await vscode.commands.executeCommand<{ error: { en: string } }>('cucmTraceLens.goToTime', '01:00');
    assert.match(late.error.en, /the last record is at 2026\/02\/03 00:02:00\.210 \(line 52\)/);
    assert.equal(editor.selection.active.line, 32, 'the cursor stays');

    const mivr = await vscode.window.showTextDocument(sampleUri('uccx/Cisco001MIVR001.log'));
    const r = await vscode.commands.executeCommand<{ line: number }>('cucmTraceLens.goToTime', 'Mar 23 10:08');
    assert.equal(mivr.document.lineAt(r.line).text.slice(0, 30), '1015: Mar 23 10:08:08.158 IST ');
    const utc = await vscode.commands.executeCommand<{ error: { en: string } }>('cucmTraceLens.goToTime', '10:00 UTC');
    assert.match(utc.error.en, /does not state its UTC offset/);
  });

  it('analyzes a file too large for VS Code to sync from disk, after a notice', async function () {
    this.timeout(50000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cucm-large-'));
    const file = path.join(dir, 'SDL001_100_000999.txt');
    try {
      writeLargeTrace(file, 60);
      const uri = vscode.Uri.file(file);
      await vscode.commands.executeCommand('vscode.open', uri);
      await waitForTabs(() => {
        const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
        return input instanceof vscode.TabInputText && input.uri.toString() === uri.toString();
      });
      assert.ok(
        !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()),
        'VS Code never sent the document to the extension',
      );
      // The notice is shown once the size is known (a workspace.fs.stat away).
      let notices: string[] = [];
      for (let i = 0; i < 100 && !notices.includes(uri.toString()); i++) {
        notices = (
          await vscode.commands.executeCommand<{ largeFileNotices: string[] }>('cucmTraceLens.test.navigationState')
        ).largeFileNotices;
        if (!notices.includes(uri.toString())) await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(notices.includes(uri.toString()), JSON.stringify(notices));

      const summary = await vscode.commands.executeCommand<{
        bytes: number;
        lines: number;
        counts: Record<string, number>;
        published: boolean;
        findings: Array<{ id: string; line: number }>;
        ms: number;
      }>('cucmTraceLens.analyzeFileFromDisk', uri);
      assert.ok(summary.bytes > 60 * 1048576, String(summary.bytes));
      assert.equal(summary.published, true);
      assert.deepEqual(
        summary.findings.map((f) => f.id),
        ['JTAPI002'],
      );
      assert.equal(summary.findings[0].line, summary.lines - 2);
      const diags = await waitForDiagnostics(uri);
      assert.deepEqual(
        diags.map((d) => [codeOf(d), d.range.start.line]),
        [['JTAPI002', summary.lines - 2]],
      );
      console.log(`      60 MB trace: ${summary.lines} lines analyzed from disk in ${summary.ms} ms`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
