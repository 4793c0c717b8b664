#!/usr/bin/env node
// @ts-check
// Real VS Code (code-server) + headless Debian Chromium driven by playwright-core, offline.
//
// Library (used by test/runner/run-offline.mjs, scripts/start.mjs and UI tests):
//   launchWorkbench({workspace, extensionPath, theme}) -> {page, url, close()}
//   openFile(page, relPath), runCommand(page, title), goToLine(page, line, col),
//   showHover(page), screenshot(page, file), startCodeServer(...), workbenchUrl(...)
// CLI:
//   node scripts/vscode-offline/ui.mjs screenshot --file samples/x.log --out /tmp/shot.png \
//        [--theme "Default Light Modern"] [--hover LINE:COL] [--command "Title"]... [--wait SECONDS]
//        [--workspace DIR] [--extension DIR] [--width 1400 --height 900] [--locale ja]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { mergeSettingsOnce } from './user-settings.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '..', '..');
export const CODE_SERVER_DIR = process.env.CODE_SERVER_DIR || path.join(REPO_ROOT, '.vscode-test', 'code-server');
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const INSTALL_SCRIPT = path.join(here, 'install-code-server.sh');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
];

export const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'window.commandCenter': false,
};

const log = (...a) => console.error('[vscode-offline]', ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// process bookkeeping: every process group we start is killed when this process exits
const liveGroups = new Set();
function killGroup(pid, signal = 'SIGKILL') {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}
process.on('exit', () => {
  for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
});

// ---------------------------------------------------------------------------------------------
export function isCodeServerInstalled() {
  return fs.existsSync(CODE_SERVER_ENTRY) && fs.existsSync(path.join(CODE_SERVER_DIR, '.installed'));
}

/** Runs install-code-server.sh (fast no-op when already installed). Throws on failure. */
export function ensureCodeServer({ quiet = false } = {}) {
  if (isCodeServerInstalled() && !process.env.CODE_SERVER_FORCE) return;
  log(`code-server not installed yet: running ${path.relative(REPO_ROOT, INSTALL_SCRIPT)} (~1.5 min)`);
  const r = spawnSync('bash', [INSTALL_SCRIPT], { stdio: quiet ? 'pipe' : ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    if (quiet) process.stderr.write(String(r.stdout || '') + String(r.stderr || ''));
    throw new Error(`install-code-server.sh failed (exit ${r.status})`);
  }
}

/**
 * A free TCP port on 127.0.0.1; tries `preferred` first (and the next few) when given.
 * @returns {Promise<number>}
 */
export async function freePort(preferred) {
  /** @type {(p: number) => Promise<number | null>} */
  const tryPort = (p) =>
    new Promise((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(null));
      srv.listen(p, '127.0.0.1', () => {
        const address = srv.address();
        const port = typeof address === 'object' && address ? address.port : null;
        srv.close(() => resolve(port));
      });
    });
  if (preferred) {
    for (let p = Number(preferred); p < Number(preferred) + 20; p++) {
      const got = await tryPort(p);
      if (got) return got;
    }
  }
  const any = await tryPort(0);
  if (!any) throw new Error('no free TCP port on 127.0.0.1');
  return any;
}

/** Writes <userDataDir>/User/settings.json (DEFAULT_SETTINGS + extra). */
export function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...extra }, null, 2));
}

/**
 * code-server only honours --locale when a language pack for it is installed (otherwise the
 * workbench and vscode.env.language stay 'en'); the real packs (MS-CEINTL.vscode-language-pack-*)
 * come from the marketplace, which is unreachable here. A stub entry in <userDataDir>/languagepacks.json
 * whose translations file is empty makes code-server resolve the locale: vscode.env.language becomes
 * `locale`, so the extension's package.nls.<locale>.json and l10n/bundle.l10n.<locale>.json are used,
 * while VS Code's own UI strings stay English.
 */
export function writeStubLanguagePack(userDataDir, locale) {
  const lang = locale.toLowerCase();
  fs.mkdirSync(userDataDir, { recursive: true });
  const translations = path.join(userDataDir, `stub-language-pack.${lang}.i18n.json`);
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const packsFile = path.join(userDataDir, 'languagepacks.json');
  let packs = {};
  try {
    packs = JSON.parse(fs.readFileSync(packsFile, 'utf8'));
  } catch {
    /* none yet */
  }
  if (!packs[lang]) {
    packs[lang] = {
      hash: `stub-${lang}`,
      extensions: [{ extensionIdentifier: { id: `stub.language-pack-${lang}` }, version: '0.0.0' }],
      translations: { vscode: translations },
      label: lang,
    };
    fs.writeFileSync(packsFile, JSON.stringify(packs));
  }
}

/**
 * Starts code-server in its own process group.
 * @param {{ workspace?: string, port?: number, tmpDir?: string, trust?: boolean, locale?: string,
 *   settings?: Record<string, unknown>, env?: Record<string, string>, stdio?: 'log' | 'inherit',
 *   userSettings?: 'replace' | 'merge-once', readyTimeoutMs?: number }} [options]
 * @returns {Promise<{port:number, baseUrl:string, userDataDir:string, extensionsDir:string, tmpDir:string,
 *   logFile:string, proc:import('node:child_process').ChildProcess, stop:()=>Promise<void>}>}
 */
export async function startCodeServer({
  workspace,
  port,
  tmpDir,
  trust = false,
  locale,
  settings = {},
  env = {},
  stdio = 'log', // 'log' (to <tmpDir>/code-server.log) or 'inherit'
  // 'replace': a fresh settings.json of DEFAULT_SETTINGS + settings (tests); 'merge-once': only `settings`,
  // each key added once to what the user has (npm start, whose user data persists)
  userSettings = 'replace',
  readyTimeoutMs = 60_000,
} = {}) {
  if (!fs.existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(`code-server is not installed (${CODE_SERVER_ENTRY}); run bash ${INSTALL_SCRIPT}`);
  }
  tmpDir = tmpDir || fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-offline-'));
  const userDataDir = path.join(tmpDir, 'ud');
  const extensionsDir = path.join(tmpDir, 'ext');
  fs.mkdirSync(extensionsDir, { recursive: true });
  if (userSettings === 'merge-once') {
    const { skipped } = mergeSettingsOnce(userDataDir, settings);
    if (skipped) log(skipped);
  } else {
    writeUserSettings(userDataDir, { ...(trust ? { 'security.workspace.trust.enabled': true } : {}), ...settings });
  }
  if (locale && !/^en\b/i.test(locale)) writeStubLanguagePack(userDataDir, locale);
  // an explicit (empty) config file: never read or write ~/.config/code-server/config.yaml
  const configFile = path.join(tmpDir, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\n');
  const listenPort = port || (await freePort());
  const args = [
    CODE_SERVER_ENTRY,
    '--config',
    configFile,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${listenPort}`,
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  if (!trust) args.push('--disable-workspace-trust');
  if (locale) args.push('--locale', locale);
  if (workspace) args.push(workspace);
  const logFile = path.join(tmpDir, 'code-server.log');
  const out = stdio === 'inherit' ? 'inherit' : fs.openSync(logFile, 'a');
  /** @type {NodeJS.ProcessEnv} */
  const childEnv = { ...process.env, ...env };
  delete childEnv.PASSWORD;
  delete childEnv.HASHED_PASSWORD;
  delete childEnv.PORT; // code-server reads $PORT and would override --bind-addr
  delete childEnv.VSCODE_IPC_HOOK_CLI; // when started from a VS Code terminal
  const proc = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', out, out],
    env: childEnv,
    cwd: tmpDir,
  });
  if (typeof out === 'number') fs.closeSync(out);
  liveGroups.add(proc.pid);
  let exited = null;
  proc.on('exit', (code, sig) => {
    exited = { code, sig };
    liveGroups.delete(proc.pid);
    killGroup(proc.pid); // its children (extension host, pty host, file watcher)
  });
  const baseUrl = `http://127.0.0.1:${listenPort}`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exited)
      throw new Error(`code-server exited early (${JSON.stringify(exited)}); see ${logFile}\n${tail(logFile, 30)}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      killGroup(proc.pid);
      throw new Error(
        `code-server did not answer /healthz within ${readyTimeoutMs / 1000}s; see ${logFile}\n${tail(logFile, 30)}`,
      );
    }
    await sleep(250);
  }
  const stop = async () => {
    if (exited) return;
    killGroup(proc.pid, 'SIGTERM');
    for (let i = 0; i < 20 && !exited; i++) await sleep(100);
    killGroup(proc.pid, 'SIGKILL');
    liveGroups.delete(proc.pid);
  };
  return { port: listenPort, baseUrl, userDataDir, extensionsDir, tmpDir, logFile, proc, stop };
}

/**
 * Workbench URL that opens `workspace` and loads the extension at `extensionPath` (and runs tests).
 * @param {{ port: number, workspace?: string, extensionPath?: string, testsPath?: string,
 *   extraPayload?: Array<[string, string]> }} options
 */
export function workbenchUrl({ port, workspace, extensionPath, testsPath, extraPayload = [] }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
  const payload = [];
  if (extensionPath) payload.push(['extensionDevelopmentPath', remote(extensionPath)]);
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  payload.push(...extraPayload);
  const q = [];
  if (workspace) q.push(`folder=${encodeURIComponent(path.resolve(workspace))}`);
  if (payload.length) q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `http://127.0.0.1:${port}/${q.length ? '?' + q.join('&') : ''}`;
}

/** Launches headless Debian Chromium through playwright-core (resolved from the repo). */
export async function launchBrowser({ headless = true } = {}) {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  const require = createRequire(path.join(REPO_ROOT, 'package.json'));
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless,
    args: CHROMIUM_ARGS,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: 60_000,
  });
}

/**
 * code-server + Chromium with the extension loaded from source (extensionDevelopmentPath payload).
 * @param {{ workspace?: string, extensionPath?: string, testsPath?: string, theme?: string,
 *   settings?: Record<string, unknown>, locale?: string, trust?: boolean, env?: Record<string, string>,
 *   viewport?: { width: number, height: number }, waitReady?: boolean }} [options]
 * @returns {Promise<{page:any, url:string, browser:any, server:any, close:()=>Promise<void>}>}
 */
export async function launchWorkbench({
  workspace = path.join(REPO_ROOT, 'samples'),
  extensionPath = REPO_ROOT,
  testsPath,
  theme,
  settings = {},
  locale,
  trust = false,
  env = {},
  viewport = { width: 1400, height: 900 },
  waitReady = true,
} = {}) {
  ensureCodeServer();
  fs.mkdirSync(workspace, { recursive: true });
  const server = await startCodeServer({
    workspace,
    trust,
    locale,
    env,
    settings: { ...(theme ? { 'workbench.colorTheme': theme } : {}), ...settings },
  });
  let browser;
  try {
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const url = workbenchUrl({ port: server.port, workspace, extensionPath, testsPath });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    if (waitReady) await waitForWorkbench(page);
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await Promise.race([browser.close().catch(() => {}), sleep(5000)]);
      await server.stop();
    };
    return { page, url, browser, server, close };
  } catch (e) {
    if (browser) await Promise.race([browser.close().catch(() => {}), sleep(5000)]);
    await server.stop();
    throw e;
  }
}

/** Waits until the workbench is rendered (editor area + status bar). */
export async function waitForWorkbench(page, timeout = 60_000) {
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout });
  await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout });
  await sleep(1500); // let the extension host start and the layout settle
}

async function quickInput(page, keys, text) {
  await page
    .locator('.monaco-workbench')
    .first()
    .focus()
    .catch(() => {});
  await page.keyboard.press(keys);
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(text);
  return input;
}

/** Quick open (Ctrl+P) `relPath` (relative to the workspace, or absolute) and wait for its tab. */
export async function openFile(page, relPath) {
  await quickInput(page, 'Control+P', relPath);
  const base = path.basename(relPath);
  // wait until the quick-open list shows the file, then accept the first pick
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: base })
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(() => {});
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab', { hasText: base }).first().waitFor({ timeout: 15_000 });
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 15_000 });
  await sleep(500);
}

/** Command palette (Ctrl+Shift+P): runs the command whose title matches `title`. */
export async function runCommand(page, title) {
  await quickInput(page, 'Control+Shift+P', `>${title}`);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 10_000 });
  await sleep(300);
  await page.keyboard.press('Enter');
  await sleep(500);
}

/** Moves the cursor of the active editor to LINE:COL (1-based) with Ctrl+G. */
export async function goToLine(page, line, col = 1) {
  await page.locator('.monaco-editor textarea').first().focus();
  await quickInput(page, 'Control+G', `:${line}:${col}`);
  await page.keyboard.press('Enter');
  await sleep(300);
}

/** Shows the hover at the cursor (Ctrl+K Ctrl+I); resolves to true when a hover became visible. */
export async function showHover(page, timeout = 10_000) {
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  return page
    .locator('.monaco-hover:not(.hidden)')
    .first()
    .waitFor({ state: 'visible', timeout })
    .then(() => true)
    .catch(() => false);
}

export async function screenshot(page, file) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await page.screenshot({ path: file });
  return file;
}

// ---------------------------------------------------------------------------------------------
// logs
export function tail(file, lines = 40) {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text
      .split('\n')
      .slice(-lines - 1)
      .join('\n');
  } catch {
    return `(no ${file})`;
  }
}

/** All files under `dir` whose path matches `re`, newest last. */
export function findFiles(dir, re) {
  const out = [];
  const walk = (d) => {
    let entries = [];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (re.test(p)) out.push(p);
    }
  };
  walk(dir);
  return out.sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs);
}

/**
 * Extension-host logs and output-channel logs under the user-data-dir: plain output channels are in
 * logs/<t>/exthost1/output_logging_<t>/<n>-<name>.log, LogOutputChannels ({log: true}) in
 * logs/<t>/exthost1/<publisher.name>/<name>.log.
 */
export function collectLogs(
  userDataDir,
  channel = /CUCM Trace Lens/i,
  extensionId = 'cucm-trace-lens.cucm-trace-lens',
) {
  const logsDir = path.join(userDataDir, 'logs');
  const exthost = findFiles(logsDir, /(remoteexthost|exthost)\.log$/i);
  const outputs = findFiles(logsDir, /\.log$/).filter(
    (f) => channel.test(path.basename(f)) || path.basename(path.dirname(f)).toLowerCase() === extensionId,
  );
  return { logsDir, exthost, outputs };
}

// ---------------------------------------------------------------------------------------------
// CLI
function parseArgs(argv) {
  /** @type {{ _: string[], command: Array<string | true>, [key: string]: any }} */
  const opts = { _: [], command: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      opts._.push(a);
      continue;
    }
    const key = a.slice(2);
    const val = argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[++i] : true;
    if (key === 'command') opts.command.push(val);
    else opts[key] = val;
  }
  return opts;
}

async function cliScreenshot(opts) {
  if (!opts.file || !opts.out)
    throw new Error('usage: ui.mjs screenshot --file FILE --out PNG [--theme T] [--hover L:C]');
  let file = path.resolve(opts.file);
  if (!fs.existsSync(file) && fs.existsSync(path.resolve(REPO_ROOT, opts.file)))
    file = path.resolve(REPO_ROOT, opts.file);
  if (!fs.existsSync(file)) throw new Error(`no such file: ${opts.file}`);
  let workspace = opts.workspace ? path.resolve(opts.workspace) : path.join(REPO_ROOT, 'samples');
  if (!opts.workspace && !file.startsWith(workspace + path.sep)) workspace = path.dirname(file);
  const rel = file.startsWith(workspace + path.sep) ? path.relative(workspace, file) : file;
  const wb = await launchWorkbench({
    workspace,
    extensionPath: opts.extension ? path.resolve(opts.extension) : REPO_ROOT,
    theme: typeof opts.theme === 'string' ? opts.theme : undefined,
    locale: typeof opts.locale === 'string' ? opts.locale : undefined,
    viewport: { width: Number(opts.width || 1400), height: Number(opts.height || 900) },
  });
  try {
    await openFile(wb.page, rel);
    for (const c of opts.command) await runCommand(wb.page, c);
    const waitMs = Number(opts.wait ?? 4) * 1000;
    if (typeof opts.hover === 'string') {
      const [line, col] = opts.hover.split(':').map(Number);
      await sleep(waitMs); // diagnostics / language server warm-up before hovering
      await goToLine(wb.page, line, col || 1);
      const shown = await showHover(wb.page);
      if (!shown) log('no hover appeared at', opts.hover);
      await sleep(1000);
    } else {
      await sleep(waitMs);
    }
    await screenshot(wb.page, opts.out);
    console.log(path.resolve(opts.out));
  } finally {
    await wb.close();
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const opts = parseArgs(process.argv.slice(2));
  const cmd = opts._[0];
  const hardTimeout = setTimeout(
    () => {
      log(`giving up after ${opts.timeout || 300}s`);
      process.exit(124);
    },
    Number(opts.timeout || 300) * 1000,
  );
  hardTimeout.unref();
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => process.exit(130));
  const run = cmd === 'screenshot' ? cliScreenshot : null;
  if (!run) {
    console.error(
      'usage: node scripts/vscode-offline/ui.mjs screenshot --file FILE --out PNG [--theme NAME] [--hover LINE:COL]\n' +
        '       [--command TITLE]... [--wait SECONDS] [--workspace DIR] [--extension DIR] [--locale LANG] [--width N --height N]',
    );
    process.exit(2);
  }
  run(opts).then(
    () => process.exit(0),
    (e) => {
      console.error(e && e.stack ? e.stack : e);
      process.exit(1);
    },
  );
}
