// Every sample file, opened in VS Code as an engineer opens it, shows exactly the problems samples/EXPECTED.yaml
// states (ids and lines): detection, language mode, decoding and the server agree with the intent written there.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SOURCE } from '../../common/protocol';
import { countSeverities, summaryTitle } from '../../engine/src/index';
import { compareFindings, readExpectations, sampleFiles, type Found } from '../sample-expectations.mjs';
import { activateExtension, sampleUri, waitForDiagnostics } from './helpers';

const samplesDir = path.resolve(__dirname, '..', '..', '..', 'samples');
const { expectations } = readExpectations(samplesDir);

const code = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
const found = (diagnostics: vscode.Diagnostic[]): Found[] =>
  diagnostics
    .filter((d) => d.source === SOURCE && code(d) !== 'summary')
    .map((d) => ({ id: code(d), line: d.range.start.line + 1 }));

/**
 * The title of the summary code lens. The server answers this request only after it has analyzed the current
 * version of the document, and builds the title from that analysis, so it is proof that the analysis happened.
 */
async function summaryLens(uri: vscode.Uri): Promise<string> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
  assert.ok(lenses.length > 0, 'the server analyzed the file (summary code lens)');
  return lenses[0].command?.title ?? '';
}

const NOTHING_FOUND = ['en', 'ja'].map((l) => summaryTitle(countSeverities([]), l as 'en' | 'ja'));

describe('Samples in VS Code', () => {
  before(activateExtension);
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  for (const rel of sampleFiles(samplesDir)) {
    it(rel, async () => {
      const expected = expectations.get(rel);
      assert.ok(expected, `no entry for ${rel} in samples/EXPECTED.yaml`);
      const uri = sampleUri(rel);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { preview: true });
      const savedPage = rel.startsWith('web/pages/') && ['html', 'plaintext'].includes(doc.languageId);
      assert.ok(doc.languageId.startsWith('cucm-') || savedPage, `${rel} opened as ${doc.languageId}`);
      if (expected.findings.length > 0) {
        await waitForDiagnostics(uri, (d) => compareFindings(expected, found(d)).length === 0, 15000).catch(
          (e: Error) => {
            const diff = compareFindings(expected, found(vscode.languages.getDiagnostics(uri)));
            throw new Error(`${e.message}; language ${doc.languageId}; ${diff.join('; ')}`);
          },
        );
      }
      // Read again once the server has analyzed this version: a healthy file has no findings yet right after
      // opening, so without this wait a false positive would arrive after the assertion and go unseen.
      const title = await summaryLens(uri);
      if (expected.findings.length === 0) assert.ok(NOTHING_FOUND.includes(title), `the server found: ${title}`);
      assert.deepEqual(compareFindings(expected, found(vscode.languages.getDiagnostics(uri))), []);
    });
  }
});
