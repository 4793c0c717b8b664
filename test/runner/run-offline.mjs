#!/usr/bin/env node
// @ts-check
// Runs the extension-host test suite (dist/test/suite/index.js) in a real VS Code without internet:
// code-server (installed by scripts/vscode-offline/install-code-server.sh) + headless Debian Chromium.
//
//   node test/runner/run-offline.mjs [--workspace DIR] [--grep PATTERN] [--locale LANG] [--trust]
//        [--timeout SECONDS] [--extension DIR] [--tests FILE] [--verbose] [--no-install] [--keep]
//
// Exit code: 0 only when the suite reported failures === 0 and passes > 0.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  REPO_ROOT,
  collectLogs,
  ensureCodeServer,
  launchBrowser,
  startCodeServer,
  tail,
  workbenchUrl,
} from '../../scripts/vscode-offline/ui.mjs';

const USAGE = `usage: node test/runner/run-offline.mjs [options]
  --workspace DIR    folder to open (default <repo>/samples, created if missing)
  --grep PATTERN     only tests matching PATTERN (env CUCM_TEST_GREP in the extension host)
  --locale LANG      code-server --locale (vscode.env.language; UI strings need a language pack)
  --trust            keep workspace trust enabled (default: --disable-workspace-trust)
  --timeout SECONDS  overall limit (default 360, env CUCM_TEST_TIMEOUT)
  --extension DIR    extension under test (default: the repo root)
  --tests FILE       extensionTestsPath (default <extension>/dist/test/suite/index.js)
  --verbose          stream the browser console (extension-host console output) live
  --no-install       fail instead of installing code-server when it is missing
  --keep             keep the temp dir (user-data-dir, logs) after the run`;

function parseArgs(argv) {
  const o = { verbose: false, trust: false, install: true, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--workspace':
        o.workspace = path.resolve(next());
        break;
      case '--grep':
        o.grep = next();
        break;
      case '--locale':
        o.locale = next();
        break;
      case '--trust':
        o.trust = true;
        break;
      case '--timeout':
        o.timeout = Number(next());
        break;
      case '--extension':
        o.extension = path.resolve(next());
        break;
      case '--tests':
        o.tests = path.resolve(next());
        break;
      case '--verbose':
        o.verbose = true;
        break;
      case '--no-install':
        o.install = false;
        break;
      case '--keep':
        o.keep = true;
        break;
      case '-h':
      case '--help':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${a}\n${USAGE}`);
    }
  }
  o.extension ??= REPO_ROOT;
  o.tests ??= path.join(o.extension, 'dist', 'test', 'suite', 'index.js');
  o.workspace ??= path.join(REPO_ROOT, 'samples');
  o.timeout ??= Number(process.env.CUCM_TEST_TIMEOUT) || 360;
  return o;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const say = (...a) => console.log('[run-offline]', ...a);

let cleanup = async () => {};
let exiting = false;
async function exit(code) {
  if (exiting) return;
  exiting = true;
  const force = setTimeout(() => process.exit(code), 10_000); // cleanup must not hang either
  try {
    await cleanup();
  } catch {
    /* ignore */
  }
  clearTimeout(force);
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    say(`${sig}: stopping`);
    exit(130);
  });
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
  // hard stop: whatever happens, never run longer than the timeout (+ cleanup)
  const hard = setTimeout(() => {
    say(`TIMEOUT: no result after ${o.timeout}s`);
    printDiagnostics();
    exit(124);
  }, o.timeout * 1000);
  hard.unref();

  if (!fs.existsSync(path.join(o.extension, 'package.json'))) throw new Error(`no package.json in ${o.extension}`);
  if (!fs.existsSync(o.tests)) throw new Error(`${o.tests} not found: build the test suite first`);
  const mainEntry = JSON.parse(fs.readFileSync(path.join(o.extension, 'package.json'), 'utf8')).main;
  if (
    mainEntry &&
    !fs.existsSync(path.resolve(o.extension, mainEntry)) &&
    !fs.existsSync(path.resolve(o.extension, mainEntry + '.js'))
  ) {
    throw new Error(
      `${path.resolve(o.extension, mainEntry)} (package.json "main") not found: build the extension first`,
    );
  }
  fs.mkdirSync(o.workspace, { recursive: true });
  if (o.install) ensureCodeServer();

  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cucm-vscode-test-'));
  const resultFile = path.join(tmpDir, 'result.json');
  const fallbackResult = path.join(o.extension, '.vscode-test', 'suite-result.json');
  fs.rmSync(fallbackResult, { force: true });
  let server;
  let browser;
  const consoleLines = [];
  cleanup = async () => {
    if (browser) await Promise.race([browser.close().catch(() => {}), sleep(5000)]);
    if (server) await server.stop();
    if (!o.keep) fs.rmSync(tmpDir, { recursive: true, force: true });
    else say(`kept ${tmpDir}`);
  };

  const env = { CUCM_TEST_RESULT_FILE: resultFile };
  if (o.grep) env.CUCM_TEST_GREP = o.grep;
  server = await startCodeServer({ workspace: o.workspace, tmpDir, trust: o.trust, locale: o.locale, env });
  say(`code-server up on ${server.baseUrl} (${elapsed()})`);

  printDiagnostics = () => {
    const { exthost, outputs } = collectLogs(server.userDataDir);
    for (const f of exthost) console.log(`----- tail of ${f} -----\n${tail(f, 60)}`);
    for (const f of outputs) console.log(`----- tail of ${f} -----\n${tail(f, 60)}`);
    console.log(`----- tail of ${server.logFile} -----\n${tail(server.logFile, 30)}`);
    if (consoleLines.length)
      console.log(`----- browser console (last 40) -----\n${consoleLines.slice(-40).join('\n')}`);
  };

  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (m) => {
    const line = `[${m.type()}] ${m.text()}`;
    consoleLines.push(line);
    if (consoleLines.length > 2000) consoleLines.shift();
    if (o.verbose) console.log(`[browser] ${line}`);
  });
  let pageCrashed = false;
  page.on('crash', () => (pageCrashed = true));
  const url = workbenchUrl({
    port: server.port,
    workspace: o.workspace,
    extensionPath: o.extension,
    testsPath: o.tests,
  });
  say(`opening ${url}`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

  // wait for the suite's result file
  let result;
  for (;;) {
    const file = [resultFile, fallbackResult].find((f) => fs.existsSync(f));
    if (file) {
      try {
        result = JSON.parse(fs.readFileSync(file, 'utf8'));
        if (file === fallbackResult)
          say(`note: result came through the fallback ${fallbackResult} (env did not reach the extension host)`);
        break;
      } catch {
        /* being written */
      }
    }
    if (pageCrashed) throw new Error('the workbench page crashed');
    if (server.proc.exitCode !== null) throw new Error(`code-server exited (${server.proc.exitCode})`);
    await sleep(250);
  }
  clearTimeout(hard);
  say(`suite finished (${elapsed()})`);
  console.log(result.output || '(no mocha output captured)');
  const ok = result.failures === 0 && result.passes > 0;
  if (!ok) {
    for (const t of result.tests || []) if (t.state === 'failed') console.log(`FAILED: ${t.fullTitle}\n${t.error}\n`);
    if (result.passes === 0 && result.failures === 0) say('no test ran (check --grep and dist/test/suite/*.test.js)');
    printDiagnostics();
  }
  // the one plain closing line CI reads
  console.log(`${result.passes} passed, ${result.failures} failed, ${result.pending} skipped`);
  return ok ? 0 : 1;
}

let printDiagnostics = () => {};

main().then(
  (code) => exit(code),
  (e) => {
    console.error(`[run-offline] ERROR: ${e && e.message ? e.message : e}`);
    printDiagnostics();
    exit(1);
  },
);
