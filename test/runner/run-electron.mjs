#!/usr/bin/env node
// @ts-check
// Standard @vscode/test-electron runner, for machines WITH internet (it downloads VS Code into
// .vscode-test/). Offline machines and CI here use test/runner/run-offline.mjs instead; both run the
// same suite, dist/test/suite/index.js.
//
//   node test/runner/run-electron.mjs [--grep PATTERN] [--version stable|1.95.0] [--locale LANG]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(repo, 'package.json'));
const { runTests } = require('@vscode/test-electron');

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const extensionDevelopmentPath = repo;
const extensionTestsPath = path.join(repo, 'dist', 'test', 'suite', 'index.js');
const samples = path.join(repo, 'samples');
if (!fs.existsSync(extensionTestsPath)) {
  console.error(`${extensionTestsPath} not found: build the test suite first`);
  process.exit(1);
}
fs.mkdirSync(samples, { recursive: true });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cucm-electron-test-'));
const resultFile = path.join(tmp, 'result.json');
const extensionTestsEnv = { CUCM_TEST_RESULT_FILE: resultFile };
if (opt('--grep')) extensionTestsEnv.CUCM_TEST_GREP = opt('--grep');

const launchArgs = [
  samples,
  '--disable-extensions',
  '--disable-workspace-trust',
  '--skip-welcome',
  '--skip-release-notes',
];
if (opt('--locale')) launchArgs.push(`--locale=${opt('--locale')}`);

let code = 1;
try {
  // runTests rejects when the suite's run() rejects (any failure) or VS Code cannot start.
  await runTests({
    version: opt('--version') || process.env.VSCODE_TEST_VERSION || 'stable',
    extensionDevelopmentPath,
    extensionTestsPath,
    launchArgs,
    extensionTestsEnv,
  });
  code = 0;
} catch (err) {
  console.error(`[run-electron] ${err && err.message ? err.message : err}`);
}
if (fs.existsSync(resultFile)) {
  const r = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  if (!(r.failures === 0 && r.passes > 0)) code = 1;
  console.log(`${r.passes} passed, ${r.failures} failed, ${r.pending} skipped`);
} else {
  console.error('[run-electron] the suite wrote no result file');
  code = 1;
}
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(code);
