import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TerminalTestApi } from '../../client/src/extension';
import type { TerminalDialogs } from '../../client/src/terminals';

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

/** "Send to terminal"'s test hooks (its questions and terminals), exported by the extension outside production. */
export function terminalsApi(): TerminalTestApi {
  const ext = vscode.extensions.getExtension<{ __test?: { terminals: TerminalTestApi } }>(
    'cucm-trace-lens.cucm-trace-lens',
  );
  const terminals = ext?.exports?.__test?.terminals;
  if (!terminals) throw new Error('the extension exports no __test API (it is left out in production mode only)');
  return terminals;
}

/**
 * A stand-in for a node's CLI, started by the connect command in a real terminal: it prints `admin:` and
 * records every byte typed into it in raw mode, so a doubled command or an Enter shows in its record.
 */
export const FAKE_CLI = `
const fs = require('fs');
const out = process.argv[2];
fs.appendFileSync(out, 'START\\n');
process.stdout.write('admin:');
process.stdin.setRawMode(true);
process.stdin.resume();
process.stdin.on('data', (d) => {
  if (d.includes(3)) process.exit(0); // Ctrl+C ends it
  fs.appendFileSync(out, d);
});
`;

/** Resolves with the file's text once `predicate` holds; polls (another process writes the file). */
export async function waitForFile(file: string, predicate: (text: string) => boolean, ms = 15000): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (predicate(text)) return text;
    if (Date.now() > end) throw new Error(`${file}: not reached within ${ms} ms (has ${JSON.stringify(text)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A node named `name` reached through the stand-in CLI: answers "Send to terminal"'s questions (which
 * node, how to connect, is the prompt there) and tells what was typed.
 */
export function standInNode(name: string): { dialogs: TerminalDialogs; file: string; dispose: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cucm-node-'));
  const cli = path.join(dir, 'fake-cli.js');
  const typed = path.join(dir, 'typed.txt');
  fs.writeFileSync(cli, FAKE_CLI);
  return {
    dialogs: {
      askNode: async () => name,
      askConnect: async () => `"${process.execPath}" "${cli}" "${typed}"`,
      confirmReady: async () => (await waitForFile(typed, (t) => t.startsWith('START\n')), true),
    },
    file: typed,
    dispose: () => {
      for (const t of vscode.window.terminals) if (t.name === `CUCM: ${name}`) t.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
