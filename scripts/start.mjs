#!/usr/bin/env node
// @ts-check
// `npm start`: build, then open VS Code with the extension loaded from this repo on the samples/ folder.
// Desktop VS Code when it is found (PATH, or where its installer puts it on Windows and macOS); otherwise
// code-server (Linux, Node 20; installed on first use into .vscode-test/code-server) on 127.0.0.1, printing
// the URL to open. Ctrl+C stops it. Anything missing ends the run with one sentence and exit code 1.
//
//   PORT=8080 npm start           code-server port (default 8080; the next free one is used when taken)
//   npm start -- --code-server    code-server even when desktop VS Code is found
//   npm start -- --no-build       skip the build
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  codeServerProblem,
  findDesktopCode,
  missingBuildTools,
  missingToolsSentence,
  parsePort,
} from './start-checks.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = path.join(REPO_ROOT, 'samples');
// the keys the served VS Code needs (offline, no nagging); written once, the user's edits stay
const START_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
};

class StartError extends Error {}
const fail = (sentence) => {
  throw new StartError(sentence);
};

function build() {
  if (!fs.existsSync(path.join(REPO_ROOT, 'node_modules', 'esbuild'))) {
    fail('The dependencies are not installed: run `npm ci` first, then `npm start`.');
  }
  for (const script of ['scripts/build-catalog.mjs', 'esbuild.js']) {
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, script)], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (r.status !== 0) fail(`The build failed (${script}); the messages above say why.`);
  }
}

/** Desktop VS Code: a `.cmd` on Windows runs only through cmd.exe, so quote every part ourselves. */
function openDesktop(code) {
  const args = [`--extensionDevelopmentPath=${REPO_ROOT}`, SAMPLES];
  console.log(`${code} ${args.join(' ')}`);
  const child = /\.cmd$/i.test(code)
    ? spawn([code, ...args].map((a) => `"${a}"`).join(' '), { stdio: 'inherit', shell: true })
    : spawn(code, args, { stdio: 'inherit' });
  child.on('error', (e) => {
    console.error(`Could not start ${code}: ${e.message}.`);
    process.exit(1);
  });
  child.on('exit', (c) => process.exit(c ?? 0));
}

async function openCodeServer() {
  const problem = codeServerProblem();
  if (problem) fail(problem);
  const { port: wanted, error } = parsePort(process.env.PORT);
  if (error) fail(error);
  // imported only here: ui.mjs needs nothing the checks above have not confirmed
  const ui = await import('./vscode-offline/ui.mjs');
  if (!ui.isCodeServerInstalled()) {
    const missing = missingBuildTools();
    if (missing.length) fail(missingToolsSentence(missing));
    try {
      ui.ensureCodeServer();
    } catch {
      fail(
        `Installing code-server failed: the lines above and ${path.join(ui.CODE_SERVER_DIR, 'install.log')} say why.`,
      );
    }
  }
  const port = await ui.freePort(wanted);
  // persistent user data (open editors, settings) across runs; .vscode-test/ is git-ignored
  const tmpDir = path.join(REPO_ROOT, '.vscode-test', 'start');
  fs.mkdirSync(tmpDir, { recursive: true });
  const server = await ui.startCodeServer({
    workspace: SAMPLES,
    port,
    tmpDir,
    stdio: 'inherit',
    settings: START_SETTINGS,
    userSettings: 'merge-once',
  });
  const url = ui.workbenchUrl({ port, workspace: SAMPLES, extensionPath: REPO_ROOT });
  console.log(`\nCUCM Trace Lens is loaded from ${REPO_ROOT} in code-server. Open:\n\n  ${url}\n`);
  console.log(
    `(code-server listens on 127.0.0.1:${port} only; from another machine forward it: ssh -L ${port}:127.0.0.1:${port} HOST.\n` +
      ` User data: ${server.userDataDir}. After a rebuild run "Developer: Reload Window". Ctrl+C stops.)\n`,
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(0);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, stop);
  server.proc.on('exit', (c) => {
    if (!stopping) {
      console.error(`code-server stopped unexpectedly (exit ${c}); its messages are above.`);
      process.exit(1);
    }
  });
}

async function main() {
  if (!process.argv.includes('--no-build')) build();
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'client.js')))
    fail('dist/client.js is missing: run `npm run build`.');
  fs.mkdirSync(SAMPLES, { recursive: true });
  // inside a code-server terminal, `code` is code-server's remote CLI: it works too
  const code = process.argv.includes('--code-server') ? undefined : findDesktopCode();
  if (code) openDesktop(code);
  else await openCodeServer();
}

main().catch((e) => {
  // one sentence, no stack: what is missing and what to do
  console.error(e instanceof StartError ? e.message : `npm start failed: ${e && e.message ? e.message : e}`);
  process.exit(1);
});
