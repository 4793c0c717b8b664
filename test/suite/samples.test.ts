// Every sample file, opened in VS Code as an engineer opens it, shows exactly the problems the CLI
// expectations pin (test/expected/<path>.json): detection, language mode and decoding agree end to end.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, sampleUri, waitForDiagnostics } from './helpers';

const root = path.resolve(__dirname, '..', '..', '..');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.name.startsWith('.')) return [];
    const p = path.join(dir, d.name);
    return d.isDirectory() ? walk(p) : [p];
  });
}

const code = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

describe('Samples in VS Code', () => {
  before(activateExtension);
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  const samplesDir = path.join(root, 'samples');
  for (const file of walk(samplesDir).filter((f) => !f.endsWith('.md'))) {
    const rel = path.relative(samplesDir, file).split(path.sep).join('/');
    it(rel, async () => {
      const expected = JSON.parse(fs.readFileSync(path.join(root, 'test', 'expected', `${rel}.json`), 'utf8')) as Array<
        [string, number]
      >;
      const uri = sampleUri(rel);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { preview: true });
      const want = expected.map(([id, line]) => `${id}@${line}`).sort();
      const got = await waitForDiagnostics(
        uri,
        (d) => {
          const have = d
            .filter((x) => code(x) !== 'summary')
            .map((x) => `${code(x)}@${x.range.start.line + 1}`)
            .sort();
          return have.length === want.length && have.every((h, i) => h === want[i]);
        },
        want.length === 0 ? 0 : 15000,
      ).catch((e: Error) => {
        if (want.length === 0) return vscode.languages.getDiagnostics(uri);
        throw new Error(`${e.message}; language ${doc.languageId}`);
      });
      const savedPage = rel.startsWith('web/pages/') && ['html', 'plaintext'].includes(doc.languageId);
      assert.ok(doc.languageId.startsWith('cucm-') || savedPage, `${rel} opened as ${doc.languageId}`);
      if (want.length === 0) {
        // A healthy file: prove the server analyzed it (the summary lens exists) and found nothing.
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
        assert.ok(lenses.length > 0, 'the server analyzed the file');
        assert.deepEqual(got.filter((d) => d.source === 'CUCM Trace Lens').map(code), []);
      }
    });
  }
});
