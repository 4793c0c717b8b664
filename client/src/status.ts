import * as vscode from 'vscode';
import { Commands } from '../../common/protocol';
import { LANGUAGE_IDS } from './languages';

/** Language status item: server state and this file's counts; opens the findings list. */
export function createStatus(context: vscode.ExtensionContext): {
  setState(state: 'starting' | 'running' | 'stopped'): void;
} {
  const item = vscode.languages.createLanguageStatusItem('cucmTraceLens.status', [...LANGUAGE_IDS]);
  item.name = 'CUCM Trace Lens';
  item.command = { title: vscode.l10n.t('List Findings'), command: Commands.listFindings };
  let state: 'starting' | 'running' | 'stopped' = 'starting';

  const refresh = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    item.busy = state === 'starting';
    if (state === 'stopped') {
      item.text = vscode.l10n.t('CUCM Trace Lens: stopped');
      item.severity = vscode.LanguageStatusSeverity.Error;
      item.command = { title: vscode.l10n.t('Show Output'), command: Commands.showOutput };
      return;
    }
    item.command = { title: vscode.l10n.t('List Findings'), command: Commands.listFindings };
    const diags = doc ? vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'CUCM Trace Lens') : [];
    const count = (s: vscode.DiagnosticSeverity) => diags.filter((d) => d.severity === s).length;
    const errors = count(vscode.DiagnosticSeverity.Error);
    const warnings = count(vscode.DiagnosticSeverity.Warning);
    const infos = count(vscode.DiagnosticSeverity.Information);
    item.text = vscode.l10n.t('CUCM: {0} errors, {1} warnings, {2} info', errors, warnings, infos);
    item.detail = vscode.l10n.t('Known problems from the CUCM troubleshooting guide');
    item.severity = errors > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  };

  context.subscriptions.push(
    item,
    vscode.languages.onDidChangeDiagnostics(refresh),
    vscode.window.onDidChangeActiveTextEditor(refresh),
  );
  refresh();
  return {
    setState(s) {
      state = s;
      refresh();
    },
  };
}
