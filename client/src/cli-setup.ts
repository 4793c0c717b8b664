// "CUCM: Set Up Command-Line Tool…": the CLI ships inside the VSIX (dist/cli.js) but nothing puts it on
// PATH. The command shows how to run it with Node, copies that line, and only when the user asks and
// confirms writes a launcher script into a folder the user picks. PATH itself is never changed.
// The dialogs sit behind `CliSetupUi` so the extension-host tests drive the flow without blocking.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../common/protocol';
import { cliCommandLine, isOnPath, launcherFileName, launcherScript, platformOf, type Platform } from './cli-launcher';

export type CliSetupChoice = 'copy' | 'launcher';

export interface CliSetupUi {
  choose(commandLine: string): Thenable<CliSetupChoice | undefined>;
  pickFolder(): Thenable<string | undefined>;
  /** Modal yes/no; `action` is the confirming button. */
  confirm(message: string, detail: string, action: string): Thenable<boolean>;
  copy(text: string): Thenable<void>;
  inform(message: string): void;
}

export interface CliSetupResult {
  commandLine: string;
  copied?: boolean;
  launcher?: string;
}

export function registerCliSetup(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.setUpCli, (choice?: unknown) =>
      // the only argument honoured is 'copy' (harmless); writing a file always goes through the dialogs
      runCliSetup(
        context.asAbsolutePath('dist/cli.js'),
        process.platform,
        vscodeUi(choice === 'copy' ? 'copy' : undefined),
      ),
    ),
  );
}

/** The whole flow; resolves with what it did (the command line, whether it was copied, the launcher written). */
export async function runCliSetup(cliPath: string, nodePlatform: string, ui: CliSetupUi): Promise<CliSetupResult> {
  const platform = platformOf(nodePlatform);
  const commandLine = cliCommandLine(cliPath, platform);
  const choice = await ui.choose(commandLine);
  if (choice === 'copy') {
    await ui.copy(commandLine);
    ui.inform(vscode.l10n.t('Copied (needs Node.js 20 or later on PATH): {0}', commandLine));
    return { commandLine, copied: true };
  }
  if (choice !== 'launcher') return { commandLine };
  const launcher = await writeLauncherWithConsent(cliPath, platform, ui);
  return { commandLine, launcher };
}

async function writeLauncherWithConsent(
  cliPath: string,
  platform: Platform,
  ui: CliSetupUi,
): Promise<string | undefined> {
  const folder = await ui.pickFolder();
  if (!folder) return undefined;
  const target = path.join(folder, launcherFileName(platform));
  const exists = fs.existsSync(target);
  const ok = await ui.confirm(
    exists
      ? vscode.l10n.t('{0} already exists. Replace it with the CUCM Trace Lens launcher?', target)
      : vscode.l10n.t('Write the launcher script {0}?', target),
    vscode.l10n.t(
      'It runs: node {0}. Nothing else is changed; PATH is left as it is. Delete the file to remove it.',
      cliPath,
    ),
    exists ? vscode.l10n.t('Replace') : vscode.l10n.t('Write Launcher'),
  );
  if (!ok) return undefined;
  try {
    fs.writeFileSync(target, launcherScript(cliPath, platform), { mode: 0o755 });
    if (platform === 'posix') fs.chmodSync(target, 0o755); // mode is ignored when the file existed
  } catch (e) {
    ui.inform(vscode.l10n.t('Could not write {0}: {1}', target, e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  ui.inform(
    isOnPath(folder, process.env.PATH, platform)
      ? vscode.l10n.t('Wrote {0}. In a new terminal run: cucm-trace-lens scan FOLDER', target)
      : vscode.l10n.t(
          'Wrote {0}. {1} is not on PATH: add it yourself, or run the launcher by its full path.',
          target,
          folder,
        ),
  );
  return target;
}

function vscodeUi(preset: CliSetupChoice | undefined): CliSetupUi {
  return {
    choose: async (commandLine) => {
      if (preset) return preset;
      const items: Array<vscode.QuickPickItem & { choice: CliSetupChoice }> = [
        {
          label: `$(copy) ${vscode.l10n.t('Copy the command')}`,
          detail: commandLine,
          choice: 'copy',
        },
        {
          label: `$(new-file) ${vscode.l10n.t('Write a launcher script into a folder I choose…')}`,
          detail: vscode.l10n.t('Asks before writing; PATH is not changed.'),
          choice: 'launcher',
        },
      ];
      const picked = await vscode.window.showQuickPick(items, {
        placeHolder: vscode.l10n.t('The command-line tool is inside the extension. Run it with Node.js 20 or later:'),
      });
      return picked?.choice;
    },
    pickFolder: async () => {
      const picked = await vscode.window.showOpenDialog({
        canSelectFiles: false,
        canSelectFolders: true,
        canSelectMany: false,
        openLabel: vscode.l10n.t('Choose Folder for the Launcher'),
      });
      return picked?.[0]?.scheme === 'file' ? picked[0].fsPath : undefined;
    },
    confirm: async (message, detail, action) =>
      (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action,
    copy: (text) => vscode.env.clipboard.writeText(text),
    inform: (message) => void vscode.window.showInformationMessage(message),
  };
}
