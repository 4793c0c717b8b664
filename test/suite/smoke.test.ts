import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'cucm-trace-lens.cucm-trace-lens';

describe('smoke', () => {
  it('the extension is present and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded in this extension host`);
    await ext.activate();
    assert.equal(ext.isActive, true, 'extension did not become active');
  });

  it('the samples folder is open as a workspace folder', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const names = folders.map((f) => f.uri.path.replace(/\/+$/, '').split('/').pop());
    assert.ok(names.includes('samples'), `workspace folders: ${JSON.stringify(folders.map((f) => f.uri.toString()))}`);
  });
});
