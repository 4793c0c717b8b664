// The packaged extension holds what it needs and nothing else (the .vscodeignore allow-list).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');

describe('.vsix contents', () => {
  it('ships the bundles, grammars, reference pages and translations only', () => {
    const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
    const out = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
    const files = out
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    for (const needed of [
      'dist/client.js',
      'dist/server.js',
      'dist/cli.js',
      'package.nls.ja.json',
      'l10n/bundle.l10n.ja.json',
      'syntaxes/cucm-mivr.tmLanguage.json',
      'docs/reference/JTAPI001.md',
      'README.md',
      'LICENSE',
    ]) {
      assert.ok(files.includes(needed), `missing ${needed}`);
    }
    const unwanted = files.filter((f) =>
      /^(engine|server|client|cli|common|test|samples|scripts|catalog|runbooks|node_modules|\.vscode-test|\.bench|out)\/|\.map$|\.ts$/.test(
        f,
      ),
    );
    assert.deepEqual(unwanted, []);
  });
});
