import * as vscode from 'vscode';
import { Commands } from '../../common/protocol';
import { LANGUAGE_IDS } from './languages';
import { say, uiLanguage } from './language';
import { severityCountsText, type SeverityCounts } from '../../engine/src/severity-counts';

/** Language status item: server state and this file's counts; opens the findings list. */
export function createStatus(context: vscode.ExtensionContext): {
  setState(state: 'starting' | 'running' | 'stopped'): void;
} {
  const item = vscode.languages.createLanguageStatusItem('cucmTraceLens.status', [...LANGUAGE_IDS]);
  item.name = 'CUCM Trace Lens';
  item.command = { title: say('listFindings'), command: Commands.listFindings };
  let state: 'starting' | 'running' | 'stopped' = 'starting';

  const refresh = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    item.busy = state === 'starting';
    if (state === 'stopped') {
      item.text = say('serverStopped');
      item.severity = vscode.LanguageStatusSeverity.Error;
      item.command = { title: say('showOutput'), command: Commands.showOutput };
      return;
    }
    item.command = { title: say('listFindings'), command: Commands.listFindings };
    // The summary line ("first N of M shown") and the encoding notice are not findings.
    const diags = doc
      ? vscode.languages
          .getDiagnostics(doc.uri)
          .filter((d) => d.source === 'CUCM Trace Lens' && d.code !== 'summary' && d.code !== 'encoding')
      : [];
    const counts = countDiagnostics(diags.map((d) => d.severity));
    item.text = say('statusCounts', severityCountsText(counts, uiLanguage()));
    item.detail = say('statusDetail');
    item.severity =
      counts.error > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  };

  context.subscriptions.push(
    item,
    vscode.languages.onDidChangeDiagnostics(refresh),
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('cucmTraceLens.language')) refresh();
    }),
  );
  refresh();
  return {
    setState(s) {
      state = s;
      refresh();
    },
  };
}

/** Diagnostics counted the way the engine counts findings: a hint is a hint. */
export function countDiagnostics(severities: vscode.DiagnosticSeverity[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  const key = ['error', 'warning', 'information', 'hint'] as const;
  for (const s of severities) counts[key[s]]++;
  return counts;
}
