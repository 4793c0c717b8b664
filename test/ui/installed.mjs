// @ts-check
// Shared by the UI scripts: a real VS Code (code-server + headless Chromium, offline) with the extension
// INSTALLED (the files `vsce ls` would package, copied into the extensions folder) rather than loaded
// through extensionDevelopmentPath: in development mode this code-server registers no built-in theme, so
// `workbench.colorTheme` would silently stay Light+. Installing also proves the packaged file list suffices.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  REPO_ROOT,
  ensureCodeServer,
  launchBrowser,
  startCodeServer,
  waitForWorkbench,
  workbenchUrl,
} from '../../scripts/vscode-offline/ui.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let packagedFiles;

/**
 * Starts the workbench on samples/ in `theme`. Returns the page, the theme class the workbench applied
 * (`themeApplied` says whether it is the one asked for) and `close()`.
 */
export async function launchInstalled({
  theme,
  settings = {},
  viewport = { width: 1400, height: 900 },
  tmpPrefix = 'ui-',
}) {
  ensureCodeServer();
  packagedFiles ??= execFileSync(
    process.execPath,
    [path.join(REPO_ROOT, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'],
    { cwd: REPO_ROOT, encoding: 'utf8' },
  )
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), tmpPrefix));
  const extDir = path.join(tmpDir, 'ext', `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  for (const f of packagedFiles) fs.cpSync(path.join(REPO_ROOT, f), path.join(extDir, f));
  const workspace = path.join(REPO_ROOT, 'samples');
  const server = await startCodeServer({ workspace, tmpDir, settings: { 'workbench.colorTheme': theme, ...settings } });
  let browser;
  try {
    browser = await launchBrowser();
    const page = await (await browser.newContext({ viewport, deviceScaleFactor: 1 })).newPage();
    await page.goto(workbenchUrl({ port: server.port, workspace }), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await waitForWorkbench(page);
    // the theme class lands once the theme extension is read
    const themeId = await page
      .waitForFunction(
        () =>
          document
            .querySelector('.monaco-workbench')
            ?.className.split(' ')
            .find((c) => c.includes('-themes-')),
        undefined,
        { timeout: 15_000 },
      )
      .then(async (h) => String(await h.jsonValue())) // the wait resolves only on the class name itself
      .catch(() => '?');
    const expected = theme
      .replace(/^Default /, '')
      .toLowerCase()
      .replace(/\s+/g, '_');
    const themeApplied =
      themeId.includes(expected) || (theme === 'Default High Contrast' && themeId.includes('hc_black'));
    return {
      page,
      themeId,
      themeApplied,
      close: async () => {
        await Promise.race([browser.close().catch(() => {}), sleep(5000)]);
        await server.stop();
        fs.rmSync(tmpDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    if (browser) await browser.close().catch(() => {});
    await server.stop();
    throw e;
  }
}

/** Runs a palette command by clicking its row once the list shows it (Enter could hit a stale first row). */
export async function paletteCommand(page, title) {
  await page
    .locator('.monaco-workbench')
    .first()
    .focus()
    .catch(() => {});
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  // an installed extension's commands appear once the extension host has scanned it: refilter until then
  const deadline = Date.now() + 30_000;
  for (;;) {
    await input.fill(`>${title}`);
    const shown = await row
      .waitFor({ timeout: 2000 })
      .then(() => true)
      .catch(() => false);
    if (shown) break;
    if (Date.now() > deadline) throw new Error(`command "${title}" not in the palette`);
    await input.fill('>');
  }
  await row.click();
}
