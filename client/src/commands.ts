import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { detectFormat } from '../../engine/src/format';
import { Commands, FindingsRequest, type FindingSummary, type FindingsParams } from '../../common/protocol';
import { LANGUAGE_IDS, type LanguageId } from './languages';
import { headOf } from './sniff';
import type { NodeTerminals, SendTarget } from './terminals';
import { findingsText, say } from './language';

interface Deps {
  context: vscode.ExtensionContext;
  client: () => LanguageClient | undefined;
  output: vscode.LogOutputChannel;
  restart: () => Promise<void>;
  terminals: NodeTerminals;
}

/** The optional second argument of sendToTerminal: where the command runs and the finding's node. */
function parseTarget(raw: unknown): SendTarget {
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const out: SendTarget = {};
  if (typeof r.where === 'string' && r.where.length < 40) out.where = r.where;
  if (typeof r.node === 'string' && r.node.length < 256) out.node = r.node;
  return out;
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
      void vscode.window.showInformationMessage(say('openFileFirst'));
      return;
    }
    let format: string | undefined = detectFormat(headOf(editor.document));
    if (!format) {
      const pick = await vscode.window.showQuickPick(
        LANGUAGE_IDS.map((id) => ({ label: FORMAT_LABELS[id], id })),
        { placeHolder: say('whichFormat') },
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
      id = (await vscode.window.showQuickPick(items, { placeHolder: say('catalogEntry') }))?.label;
      if (!id) return;
    }
    await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(dir, `${id}.md`));
  });

  reg(Commands.copyCommand, async (command?: string) => {
    if (typeof command !== 'string') return;
    await vscode.env.clipboard.writeText(command);
    void vscode.window.setStatusBarMessage(say('copied', command), 4000);
  });

  // Typed into the terminal of the node the command runs on, once its CLI prompt is there; never run.
  reg(Commands.sendToTerminal, (command?: string, target?: unknown) => {
    if (typeof command !== 'string' || command.length > 2000) return undefined;
    return deps.terminals.send(command, parseTarget(target));
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
      void vscode.window.showInformationMessage(say('noFindings'));
      return;
    }
    const icon = { error: '$(error)', warning: '$(warning)', information: '$(info)', hint: '$(lightbulb)' };
    const pick = await vscode.window.showQuickPick(
      findings.map((f) => ({
        label: `${icon[f.severity]} ${f.title}`,
        description: `${f.id} · ${say('line', f.line + 1)}`,
        detail: f.message,
        f,
      })),
      { matchOnDescription: true, matchOnDetail: true, placeHolder: findingsText(findings.length) },
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
