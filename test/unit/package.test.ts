// The packaged extension holds what it needs and nothing else (the .vscodeignore allow-list).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
let listed: string[] | undefined;
/** What `vsce package` would put in the VSIX. */
function packaged(): string[] {
  const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
  listed ??= execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return listed;
}

describe('.vsix contents', () => {
  it('ships the bundles, grammars, reference pages and translations only', () => {
    const files = packaged();
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
      'CHANGELOG.md',
      'images/icon.png',
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

  it('ships every image README.md shows by a relative link, and no other picture but the icon', () => {
    // the installed extension's details page renders the packaged README offline: relative links must resolve
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const shown = [...readme.matchAll(/!\[[^\]\n]{0,300}\]\(([^)\s]{1,300})\)/g)].map((m) => m[1]);
    assert.ok(shown.length >= 2, 'the README shows screenshots');
    const relative = shown.filter((src) => !/^https:\/\//.test(src));
    assert.deepEqual(
      relative.filter((src) => !packaged().includes(src)),
      [],
      'README images missing from the VSIX (.vscodeignore)',
    );
    const pictures = packaged().filter((f) => /\.(png|jpe?g|gif|svg)$/.test(f) && !f.startsWith('media/'));
    assert.deepEqual(pictures.sort(), [...new Set([...relative, pkg.icon])].sort());
  });

  it('names an icon of 128x128 pixels and where the project lives', () => {
    const png = fs.readFileSync(path.join(root, pkg.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    // IHDR: width and height, big-endian, at bytes 16 and 20
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.equal(pkg.repository.url, 'https://github.com/cucm-trace-lens/cucm-trace-lens');
    assert.equal(pkg.bugs.url, `${pkg.repository.url}/issues`);
    assert.ok(pkg.homepage.startsWith(pkg.repository.url));
  });
});
