// The packaged extension holds what it needs and nothing else (the .vscodeignore allow-list).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
// where `npm run package` writes it (vsce lists a --readme-path only inside the project)
const README_PATH = 'out/package/README.md';
const packagedReadme = path.join(root, README_PATH);
let listed: string[] | undefined;
/** What `npm run package` puts in the VSIX: the README made by scripts/package-readme.mjs, then `vsce ls`. */
function packaged(): string[] {
  if (listed) return listed;
  execFileSync(process.execPath, [path.join(root, 'scripts/package-readme.mjs'), packagedReadme], { stdio: 'pipe' });
  const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
  listed = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies', '--readme-path', README_PATH], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return listed;
}
const images = (markdown: string) =>
  [...markdown.matchAll(/!\[[^\]\n]{0,300}\]\(([^)\s]{1,2000000})\)/g)].map((m) => m[1]);

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
      README_PATH,
      'LICENSE',
      'CHANGELOG.md',
      'images/icon.png',
    ]) {
      assert.ok(files.includes(needed), `missing ${needed}`);
    }
    const unwanted = files.filter(
      (f) =>
        f !== README_PATH &&
        /^(engine|server|client|cli|common|test|samples|scripts|catalog|runbooks|node_modules|\.vscode-test|\.bench|out)\/|\.map$|\.ts$/.test(
          f,
        ),
    );
    assert.deepEqual(unwanted, []);
  });

  it('carries the README with its images inlined, so the details page shows them offline', () => {
    // VS Code's details page allows only https: and data: images and has no base URL for relative ones
    const files = packaged();
    assert.ok(!files.includes('README.md'), 'README.md goes in through --readme-path only (one readme.md)');
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const relative = images(readme).filter((src) => !/^https:\/\//.test(src));
    assert.ok(relative.length >= 2, 'README.md shows screenshots');
    const inlined = images(fs.readFileSync(packagedReadme, 'utf8'));
    assert.equal(inlined.length, images(readme).length);
    for (const [i, src] of images(readme).entries()) {
      if (/^https:\/\//.test(src)) continue;
      const m = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(inlined[i]);
      assert.ok(m, `${src} is inlined as a PNG data: URI`);
      assert.ok(Buffer.from(m[1], 'base64').equals(fs.readFileSync(path.join(root, src))), `${src}: same bytes`);
    }
    // no screenshot files beside it: the icon is the only picture outside media/
    assert.deepEqual(
      files.filter((f) => /\.(png|jpe?g|gif|svg)$/.test(f) && !f.startsWith('media/')),
      [pkg.icon],
    );
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
