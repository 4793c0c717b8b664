// `npm pack` gives a package whose `cucm-trace-lens` command works on its own (installed globally from
// the tarball): the bundled dist/cli.js, its docs, and nothing of the sources.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { root } from './cli-run';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('npm package of the CLI', () => {
  let tmp: string;
  let tarball: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ctl-pack-'));
    const out = execFileSync(npm, ['pack', '--json', '--pack-destination', tmp], {
      cwd: root,
      encoding: 'utf8',
      shell: process.platform === 'win32',
    });
    const [info] = JSON.parse(out);
    tarball = path.join(tmp, info.filename);
    fs.writeFileSync(path.join(tmp, 'files.json'), JSON.stringify(info.files.map((f: { path: string }) => f.path)));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('holds the bundled command and its documentation, not the sources', () => {
    const files: string[] = JSON.parse(fs.readFileSync(path.join(tmp, 'files.json'), 'utf8'));
    for (const needed of ['package.json', 'dist/cli.js', 'docs/cli.md', 'README.md', 'LICENSE'])
      assert.ok(files.includes(needed), `missing ${needed}`);
    const unwanted = files.filter((f) =>
      /^(engine|server|client|cli|common|test|samples|scripts|catalog)\/|\.map$|\.ts$/.test(f),
    );
    assert.deepEqual(unwanted, []);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.equal(pkg.bin['cucm-trace-lens'], './dist/cli.js');
  });

  it('runs from the unpacked tarball with no node_modules next to it', { skip: process.platform === 'win32' }, () => {
    // What `npm install -g ./cucm-trace-lens-*.tgz` puts on PATH is this file; it must need nothing else.
    execFileSync('tar', ['-xzf', tarball, '-C', tmp]);
    const cli = path.join(tmp, 'package/dist/cli.js');
    assert.match(fs.readFileSync(cli, 'utf8').slice(0, 30), /^#!\/usr\/bin\/env node\n/);
    assert.ok((fs.statSync(cli).mode & 0o111) !== 0, 'executable');
    const r = spawnSync(cli, ['scan', path.join(root, 'samples/uccx/Cisco001MIVR001.log')], {
      cwd: tmp,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C', LC_ALL: '', NODE_PATH: '' },
    });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^1 file: 4 errors, 1 warning, 0 info, 0 hints$/m);
  });
});
