import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { detectFormat } from '../../engine/src/format';
import { Commands, FindingsRequest, type FindingSummary, type FindingsParams } from '../../common/protocol';
import { LANGUAGE_IDS, type LanguageId } from './languages';
import { headOf } from './sniff';

interface Deps {
  context: vscode.ExtensionContext;
  client: () => LanguageClient | undefined;
  output: vscode.LogOutputChannel;
  restart: () => Promise<void>;
}

const FORMAT_LABELS: Record<LanguageId, string> = {
  'cucm-sdl': 'CUCM SDL/SDI Trace',
  'cucm-mivr': 'UCCX Engine Log (MIVR)',
  'cucm-jtapi': 'Cisco JTAPI Client Log',
  'cucm-syslog': 'Cisco Syslog',
  'cucm-eventlog': 'Windows Event Log (CUCM)',
  'cucm-cli': 'CUCM CLI Output',
};

export function registerCommands(deps: Deps): void {
  const { context } = deps;
  const reg = (id: string, fn: (...args: never[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  };

  reg(Commands.analyzeAsTrace, async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a trace or log file first.'));
      return;
    }
    let format: string | undefined = detectFormat(headOf(editor.document));
    if (!format) {
      const pick = await vscode.window.showQuickPick(
        LANGUAGE_IDS.map((id) => ({ label: FORMAT_LABELS[id], id })),
        { placeHolder: vscode.l10n.t('The format was not recognised. Which kind of file is this?') },
      );
      format = pick?.id;
    }
    if (format) await vscode.languages.setTextDocumentLanguage(editor.document, format);
  });

  reg(Commands.openReference, async (id?: string) => {
    const dir = vscode.Uri.joinPath(context.extensionUri, 'docs', 'reference');
    if (typeof id !== 'string' || !/^[A-Z]{2,6}\d{3}$/.test(id)) {
      const entries = await vscode.workspace.fs.readDirectory(dir);
      const items = entries
        .map(([name]) => name)
        .filter((n) => /^[A-Z]{2,6}\d{3}\.md$/.test(n))
        .map((n) => ({ label: n.replace(/\.md$/, '') }));
      id = (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Catalog entry') }))?.label;
      if (!id) return;
    }
    await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(dir, `${id}.md`));
  });

  reg(Commands.copyCommand, async (command?: string) => {
    if (typeof command !== 'string') return;
    await vscode.env.clipboard.writeText(command);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied: {0}', command), 4000);
  });

  reg(Commands.sendToTerminal, (command?: string) => {
    if (typeof command !== 'string') return;
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Sending commands to the terminal is disabled in an untrusted workspace.'),
      );
      return;
    }
    const terminal = vscode.window.activeTerminal ?? vscode.window.createTerminal('CUCM');
    terminal.show();
    // Typed, never executed: the engineer reviews it, fills placeholders and presses Enter.
    terminal.sendText(command, false);
  });

  reg(Commands.showOccurrences, async (uri?: string, position?: vscode.Position, ranges?: vscode.Range[]) => {
    if (typeof uri !== 'string' || !position || !Array.isArray(ranges)) return;
    const target = vscode.Uri.parse(uri);
    const pos = new vscode.Position(position.line, position.character);
    const locations = ranges.map(
      (r) =>
        new vscode.Location(target, new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character)),
    );
    await vscode.commands.executeCommand('editor.action.showReferences', target, pos, locations);
  });

  reg(Commands.listFindings, async () => {
    const editor = vscode.window.activeTextEditor;
    const client = deps.client();
    if (!editor || !client) return;
    const params: FindingsParams = { uri: editor.document.uri.toString() };
    const findings = await client.sendRequest<FindingSummary[]>(FindingsRequest, params);
    if (findings.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No known CUCM problems found in this file.'));
      return;
    }
    const icon = { error: '$(error)', warning: '$(warning)', information: '$(info)', hint: '$(lightbulb)' };
    const pick = await vscode.window.showQuickPick(
      findings.map((f) => ({
        label: `${icon[f.severity]} ${f.title}`,
        description: `${f.id} · ${vscode.l10n.t('line {0}', f.line + 1)}`,
        detail: f.message,
        f,
      })),
      { matchOnDescription: true, matchOnDetail: true, placeHolder: vscode.l10n.t('{0} findings', findings.length) },
    );
    if (pick) {
      const pos = new vscode.Position(pick.f.line, pick.f.character);
      editor.selection = new vscode.Selection(pos, pos);
      editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
    }
  });

  reg(Commands.showOutput, () => deps.output.show());
  reg(Commands.restartServer, () => deps.restart());
}
