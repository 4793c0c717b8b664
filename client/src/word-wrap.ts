import * as vscode from 'vscode';
import { Commands } from '../../common/protocol';
import { say } from './language';
import { LANGUAGE_IDS } from './languages';

/**
 * "CUCM: Toggle Word Wrap for Traces": the extension no longer forces `editor.wordWrap: off` on its
 * languages (that default would beat the engineer's own global setting); this command switches wrapping
 * for every CUCM language at once, in the user settings, when the engineer asks for it.
 */
export function registerWordWrap(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.toggleWordWrap, async () => {
      const active = vscode.window.activeTextEditor?.document.languageId;
      const languageId = (LANGUAGE_IDS as readonly string[]).includes(active ?? '') ? active! : LANGUAGE_IDS[0];
      const current = vscode.workspace.getConfiguration('editor', { languageId }).get<string>('wordWrap', 'off');
      const next = current === 'off' ? 'on' : 'off';
      for (const id of LANGUAGE_IDS)
        await vscode.workspace
          .getConfiguration('editor', { languageId: id })
          .update('wordWrap', next, vscode.ConfigurationTarget.Global, true);
      void vscode.window.setStatusBarMessage(say(next === 'on' ? 'wordWrapOn' : 'wordWrapOff'), 4000);
      return next;
    }),
  );
}
