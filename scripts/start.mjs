#!/usr/bin/env node
// @ts-check
// `npm start` (after the build): open VS Code with the extension loaded from this repo and the
// samples/ folder. Uses the desktop `code` when it is on PATH; otherwise code-server (installed on
// first use into .vscode-test/code-server) on 127.0.0.1, printing the URL to open. Ctrl+C stops it.
//
//   PORT=8080 npm start        (code-server port; the next free one is used when taken)
//   npm start -- --code-server (force code-server even when `code` is on PATH)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, ensureCodeServer, freePort, startCodeServer, workbenchUrl } from './vscode-offline/ui.mjs';

const samples = path.join(REPO_ROOT, 'samples');
fs.mkdirSync(samples, { recursive: true });
const mainEntry = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).main;
if (mainEntry && !fs.existsSync(path.resolve(REPO_ROOT, mainEntry))) {
  console.error(`${mainEntry} not found: build the extension first (npm run build)`);
  process.exit(1);
}

const hasCode = spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;
const forceServer = process.argv.includes('--code-server');
// inside a code-server terminal, `code` is code-server's remote CLI: it works too.
if (hasCode && !forceServer) {
  console.log(`code --extensionDevelopmentPath=${REPO_ROOT} ${samples}`);
  const child = spawn('code', [`--extensionDevelopmentPath=${REPO_ROOT}`, samples], { stdio: 'inherit' });
  child.on('exit', (c) => process.exit(c ?? 0));
} else {
  ensureCodeServer();
  const port = await freePort(Number(process.env.PORT) || 8080);
  // persistent user data (open editors, settings) across `npm start` runs; .vscode-test/ is git-ignored
  const tmpDir = path.join(REPO_ROOT, '.vscode-test', 'start');
  fs.mkdirSync(tmpDir, { recursive: true });
  const server = await startCodeServer({ workspace: samples, port, tmpDir, stdio: 'inherit' });
  const url = workbenchUrl({ port, workspace: samples, extensionPath: REPO_ROOT });
  console.log(`\nCUCM Trace Lens is loaded from ${REPO_ROOT} in code-server. Open:\n\n  ${url}\n`);
  console.log(
    `(user data: ${server.userDataDir}; after a rebuild reload the window: Ctrl+Shift+P "Developer: Reload Window". Ctrl+C to stop.)\n`,
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
      console.error(`code-server exited (${c})`);
      process.exit(1);
    }
  });
}
