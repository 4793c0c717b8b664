import * as vscode from 'vscode';

/** Resolves when `predicate` holds for the diagnostics of `uri` — checked now and on every change. Never sleeps. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (d: vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
  ms = 20000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'CUCM Trace Lens');
    const now = ours();
    if (predicate(now)) return resolve(now);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(
        new Error(
          `diagnostics for ${uri.toString()} did not arrive within ${ms} ms (have ${JSON.stringify(ours().map((d) => d.code))})`,
        ),
      );
    }, ms);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const d = ours();
      if (predicate(d)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(d);
      }
    });
  });
}

/** Resolves with the document once its language becomes `languageId` (events, not polling). */
export function waitForLanguage(uri: vscode.Uri, languageId: string, ms = 15000): Promise<vscode.TextDocument> {
  return new Promise((resolve, reject) => {
    const find = () =>
      vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === languageId);
    const found = find();
    if (found) return resolve(found);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`${uri.toString()} did not become ${languageId} within ${ms} ms`));
    }, ms);
    const sub = vscode.workspace.onDidOpenTextDocument(() => {
      const d = find();
      if (d) {
        clearTimeout(timer);
        sub.dispose();
        resolve(d);
      }
    });
  });
}

export function sampleUri(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the samples folder open as workspace');
  return vscode.Uri.joinPath(folder.uri, rel);
}

export async function activateExtension(): Promise<void> {
  const ext = vscode.extensions.getExtension('cucm-trace-lens.cucm-trace-lens');
  if (!ext) throw new Error('extension not found');
  await ext.activate();
}

/** Updates a user setting and resolves once the extension host sees the new value. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  const [section, name] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
  const visible = () => vscode.workspace.getConfiguration(section).inspect(name)?.globalValue === value;
  const seen = new Promise<void>((resolve) => {
    if (visible()) return resolve();
    const sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(key) && visible()) {
        sub.dispose();
        resolve();
      }
    });
  });
  await vscode.workspace.getConfiguration(section).update(name, value, vscode.ConfigurationTarget.Global);
  await seen;
}
