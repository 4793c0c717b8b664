import * as vscode from 'vscode';
import { open as openFile } from 'node:fs/promises';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  AnalyzeFileRequest,
  Commands,
  GoToTimeRequest,
  type AnalyzeFileParams,
  type AnalyzeFileResult,
  type AnalyzeFileSummary,
  type GoToTimeParams,
  type GoToTimeResult,
  type LocalizedText,
} from '../../common/protocol';
import { detectFormat } from '../../engine/src/format';
import { hasTimestamps, parseTimeQuery } from '../../engine/src/timeline';
import { LANGUAGE_IDS } from './languages';
import { findingsText, say, uiLanguage } from './language';
import { packedSizeText, sizeText, ui } from './strings';
import { severityCountsText } from '../../engine/src/severity-counts';

/** VS Code does not pass files larger than this to extensions (its model sync limit). */
const SYNC_LIMIT_BYTES = 50 * 1024 * 1024;
/** File names of CUCM/UCCX traces and logs, plain or gzipped (package.json filenamePatterns, plus rotations). */
const TRACE_NAME =
  /^(?:SDL\d*_\d+_\w+\.(?:txt|log)|ccm\d*\.txt|Cisco\w*MIVR\w*\.log|MIVR\w*\.log|CiscoJtapi\w*\.(?:log|txt)|CiscoSyslog.*|.*\.evt\.txt|.*eventlog.*\.txt|.*\.cucmcli|.*[._]cli\.txt|(?:show|utils)_.*\.txt)(?:\.gz)?$/i;

/** Messages that come from the server in both languages, in the language of our texts. */
const localized = (text: LocalizedText): string => text[uiLanguage()];

const basename = (uri: vscode.Uri): string => uri.path.slice(uri.path.lastIndexOf('/') + 1);

/** What the extension-host tests can see (registered outside production only). */
interface NavigationTestState {
  largeFileNotices: string[];
}

/**
 * "CUCM: Go to Time…", "CUCM: Analyze Large File from Disk" and the notice for files too large for VS
 * Code to pass to extensions. Folding, outline, workspace symbols and the summary code lens come from
 * the language server.
 */
export function registerNavigation(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const state: NavigationTestState = { largeFileNotices: [] };
  const reg = (id: string, fn: (...args: never[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  };

  reg(Commands.goToTime, async (query?: string) => {
    const editor = vscode.window.activeTextEditor;
    const c = client();
    if (!editor || !c) {
      void vscode.window.showInformationMessage(say('openFileFirst'));
      return undefined;
    }
    if (!(LANGUAGE_IDS as readonly string[]).includes(editor.document.languageId)) {
      void vscode.window.showInformationMessage(say('goToTimeWrongFile'));
      return undefined;
    }
    // Say so before asking for a time the file cannot have (a CLI capture, a configuration file).
    if (!hasTimestamps(editor.document.getText())) {
      const error = { en: ui('en', 'goToTimeNoStamps'), ja: ui('ja', 'goToTimeNoStamps') };
      void vscode.window.showInformationMessage(localized(error));
      return { error };
    }
    const text =
      typeof query === 'string'
        ? query
        : await vscode.window.showInputBox({
            title: say('goToTimeTitle'),
            prompt: say('goToTimePrompt'),
            placeHolder: '23:59:30   2024/08/14 00:00   05:00 UTC',
            validateInput: (value) => {
              if (value.trim() === '') return undefined;
              const parsed = parseTimeQuery(value);
              return 'error' in parsed ? localized(parsed.error) : undefined;
            },
          });
    if (!text?.trim()) return undefined;
    const params: GoToTimeParams = { uri: editor.document.uri.toString(), query: text };
    const result = await c.sendRequest<GoToTimeResult>(GoToTimeRequest, params);
    if ('error' in result) {
      void vscode.window.showWarningMessage(localized(result.error));
      return result;
    }
    const pos = new vscode.Position(result.line, 0);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.AtTop);
    if (result.time) vscode.window.setStatusBarMessage(say('lineTime', result.line + 1, result.time), 5000);
    return result;
  });

  reg(Commands.analyzeFileFromDisk, async (arg?: vscode.Uri | string) => {
    let uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : activeTabUri();
    uri ??= vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false,
        title: say('analyzeFromDiskTitle'),
      });
      uri = picked?.[0];
    }
    const c = client();
    if (!uri || !c) return undefined;
    const target = uri;
    const params: AnalyzeFileParams = { uri: target.toString() };
    const result = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: say('analyzing', basename(target)),
      },
      () => c.sendRequest<AnalyzeFileResult>(AnalyzeFileRequest, params),
    );
    if ('error' in result) {
      void vscode.window.showErrorMessage(localized(result.error));
      return result;
    }
    void showSummary(target, result);
    return result;
  });

  // A text file over the sync limit never reaches us: say so instead of showing nothing.
  const noticed = new Set<string>();
  const checkActiveTab = async (): Promise<void> => {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    if (!(input instanceof vscode.TabInputText)) return;
    const uri = input.uri;
    const key = uri.toString();
    if (noticed.has(key) || vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) return;
    let size: number;
    try {
      size = (await vscode.workspace.fs.stat(uri)).size;
    } catch {
      return;
    }
    if (size <= SYNC_LIMIT_BYTES || noticed.has(key)) return;
    if (!TRACE_NAME.test(basename(uri)) && !(await sniffsAsTrace(uri))) return;
    noticed.add(key);
    state.largeFileNotices.push(key);
    const analyzeAction = say('analyzeFromDisk');
    const choice = await vscode.window.showWarningMessage(
      say('tooLarge', basename(uri), sizeText(size, uiLanguage())),
      analyzeAction,
    );
    if (choice === analyzeAction) await vscode.commands.executeCommand(Commands.analyzeFileFromDisk, uri);
  };
  context.subscriptions.push(
    vscode.window.tabGroups.onDidChangeTabs(() => void checkActiveTab()),
    vscode.window.tabGroups.onDidChangeTabGroups(() => void checkActiveTab()),
  );
  void checkActiveTab();

  if (context.extensionMode !== vscode.ExtensionMode.Production) reg('cucmTraceLens.test.navigationState', () => state);
}

function activeTabUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputText ? input.uri : undefined;
}

/** Reads the first 16 KB of a local file to see whether it is CUCM/UCCX output. */
async function sniffsAsTrace(uri: vscode.Uri): Promise<boolean> {
  if (uri.scheme !== 'file') return false;
  try {
    const handle = await openFile(uri.fsPath, 'r');
    try {
      const buffer = Buffer.alloc(16384);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return detectFormat(buffer.subarray(0, bytesRead).toString('utf8')) !== undefined;
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

async function showSummary(uri: vscode.Uri, s: AnalyzeFileSummary): Promise<void> {
  const listAction = say('listFindings');
  const problemsAction = say('openProblems');
  const lang = uiLanguage();
  const size = packedSizeText(s.bytes, s.gzip ? s.textBytes : undefined, lang);
  let message = say(
    'analyzedSummary',
    basename(uri),
    size,
    s.lines.toLocaleString(),
    (s.ms / 1000).toFixed(1),
    severityCountsText(s.counts, lang),
  );
  if (s.total > s.shown) message += ' ' + say('firstShown', s.shown, s.total);
  if (s.published && s.shown > 0) message += ' ' + say('inProblems');
  if (s.note) message += ' ' + localized(s.note);
  const actions = s.findings.length > 0 ? [listAction, problemsAction] : [];
  const choice = await vscode.window.showInformationMessage(message, ...actions);
  if (choice === problemsAction) await vscode.commands.executeCommand('workbench.actions.view.problems');
  if (choice !== listAction) return;
  const icon = { error: '$(error)', warning: '$(warning)', information: '$(info)', hint: '$(lightbulb)' };
  const pick = await vscode.window.showQuickPick(
    s.findings.map((f) => ({
      label: `${icon[f.severity]} ${f.title}`,
      description: `${f.id} · ${say('line', f.line + 1)}`,
      detail: f.message,
      f,
    })),
    { matchOnDescription: true, matchOnDetail: true, placeHolder: findingsText(s.findings.length) },
  );
  if (!pick) return;
  // `vscode.open`, not showTextDocument: a file over the sync limit cannot be opened as a TextDocument here.
  const at = new vscode.Range(pick.f.line, pick.f.character, pick.f.line, pick.f.character);
  await vscode.commands.executeCommand('vscode.open', uri, { selection: at } satisfies vscode.TextDocumentShowOptions);
}
