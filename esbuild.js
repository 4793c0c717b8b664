// @ts-check
// One build for every bundle: the client (vscode external), the server and the CLI (no externals),
// and the test bundles. `--production` minifies; `--watch` rebuilds on change.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

const list = (dir, re) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => re.test(f))
        .map((f) => path.join(dir, f))
    : [];

/** @type {import('esbuild').BuildOptions[]} */
const contexts = [
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { cli: 'cli/src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
];

if (!production) {
  // Unit and protocol tests run under node:test; extension-host tests run inside VS Code.
  const nodeTests = [...list('test/unit', /\.test\.ts$/), ...list('test/server', /\.test\.ts$/)];
  if (nodeTests.length)
    contexts.push({ ...common, entryPoints: nodeTests, outdir: 'out/test', outbase: 'test', external: ['esbuild'] });
  const suite = list('test/suite', /\.ts$/);
  if (suite.length)
    contexts.push({ ...common, entryPoints: suite, outdir: 'dist/test/suite', external: ['vscode', 'mocha'] });
}

(async () => {
  const ctxs = await Promise.all(contexts.map((c) => esbuild.context(c)));
  if (watch) {
    await Promise.all(ctxs.map((c) => c.watch()));
    console.log('esbuild: watching');
    return;
  }
  await Promise.all(ctxs.map((c) => c.rebuild()));
  await Promise.all(ctxs.map((c) => c.dispose()));
  fs.chmodSync('dist/cli.js', 0o755);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
