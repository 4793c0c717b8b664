#!/usr/bin/env node
// The installed extension's details page, as a user sees it after "Install from VSIX…": the VSIX is
// installed into a fresh code-server (offline, headless Chromium), the page is opened from the Extensions
// view, and the checks are that the icon and every README image actually loaded (naturalWidth > 0) and that
// the page is the user README, not the developer one. Writes a screenshot for a human to look at.
//
//   node test/ui/details-page.mjs [--vsix FILE] [--out PNG]
//
// Without --vsix the current build is packaged into a temporary VSIX the way `npm run package` does (no rebuild).
// Exit code 0 when every check passed. Needs the setup of scripts/vscode-offline/README.md.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CODE_SERVER_ENTRY,
  REPO_ROOT,
  ensureCodeServer,
  launchBrowser,
  startCodeServer,
  waitForWorkbench,
  workbenchUrl,
} from '../../scripts/vscode-offline/ui.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const OUT = path.resolve(opt('out', path.join(REPO_ROOT, '.vscode-test', 'ui-shots', 'extension-details.png')));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const say = (...a) => console.log('[details-page]', ...a);
const failures = [];
const check = (ok, what) => {
  say(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};
const hard = setTimeout(() => {
  say('TIMEOUT after 240 s');
  process.exit(124);
}, 240_000);
hard.unref();

function installVsix(tmpDir) {
  let vsix = opt('vsix');
  if (!vsix) {
    // as `npm run package` does, without its production rebuild
    vsix = path.join(tmpDir, 'cucm-trace-lens.vsix');
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/package-readme.mjs')], {
      cwd: REPO_ROOT,
      stdio: 'pipe',
    });
    const vsce = path.join(REPO_ROOT, 'node_modules/@vscode/vsce/vsce');
    execFileSync(
      process.execPath,
      [
        vsce,
        'package',
        '--no-dependencies',
        '--no-rewrite-relative-links',
        '--readme-path',
        'out/package/README.md',
        '--out',
        vsix,
      ],
      { cwd: REPO_ROOT, stdio: 'pipe' },
    );
  }
  fs.writeFileSync(path.join(tmpDir, 'config.yaml'), 'auth: none\n');
  // code-server's own CLI, as a user installs a VSIX from a shell; its own config, never ~/.config
  execFileSync(
    process.execPath,
    [
      CODE_SERVER_ENTRY,
      '--config',
      path.join(tmpDir, 'config.yaml'),
      '--user-data-dir',
      path.join(tmpDir, 'ud'),
      '--extensions-dir',
      path.join(tmpDir, 'ext'),
      '--install-extension',
      path.resolve(vsix),
    ],
    {
      cwd: tmpDir,
      stdio: 'pipe',
      env: { ...process.env, HOME: tmpDir, XDG_CONFIG_HOME: tmpDir, XDG_DATA_HOME: tmpDir },
    },
  );
  say(`installed ${path.relative(REPO_ROOT, path.resolve(vsix)) || vsix}`);
}

/** Every <img> of the frames that show the README, with whether it loaded. */
async function readmeImages(page) {
  for (const frame of page.frames()) {
    const imgs = await frame
      .evaluate(() => {
        const h1 = [...document.querySelectorAll('h1')].map((h) => h.textContent?.trim());
        if (!h1.includes('CUCM Trace Lens')) return null;
        return {
          headings: [...document.querySelectorAll('h2')].map((h) => h.textContent?.trim() ?? ''),
          images: [...document.querySelectorAll('img')].map((i) => ({
            src: i.getAttribute('src') ?? '',
            loaded: i.complete && i.naturalWidth > 0,
          })),
        };
      })
      .catch(() => null);
    if (imgs) return imgs;
  }
  return null;
}

async function main() {
  ensureCodeServer();
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'details-page-'));
  installVsix(tmpDir);
  const workspace = path.join(REPO_ROOT, 'samples');
  const server = await startCodeServer({
    workspace,
    tmpDir,
    settings: { 'workbench.colorTheme': 'Default Dark Modern' },
  });
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(workbenchUrl({ port: server.port, workspace }), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await waitForWorkbench(page);
    // the Extensions view (Ctrl+Shift+X) lists installed extensions when its search box is empty
    await page
      .locator('.monaco-workbench')
      .first()
      .focus()
      .catch(() => {});
    await page.keyboard.press('Control+Shift+X');
    const row = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'CUCM Trace Lens' }).first();
    await row.waitFor({ timeout: 30_000 }).catch(async (e) => {
      await page.screenshot({ path: OUT.replace(/\.png$/, '-failed.png') });
      throw e;
    });
    await row.click();
    const header = page.locator('.extension-editor .header');
    await header.waitFor({ timeout: 20_000 });
    const icon = await page
      .waitForFunction(
        () => {
          const img = /** @type {HTMLImageElement | null} */ (
            document.querySelector('.extension-editor .header .icon-container img')
          );
          return img && img.complete && img.naturalWidth > 0 ? img.naturalWidth : null;
        },
        undefined,
        { timeout: 15_000 },
      )
      .then((h) => h.jsonValue())
      .catch(() => 0);
    check((icon ?? 0) > 0, `the icon is shown in the header (${icon} px wide)`);
    let readme = null;
    for (let i = 0; i < 60 && !(readme && readme.images.length && readme.images.every((x) => x.loaded)); i++) {
      await sleep(500);
      readme = await readmeImages(page);
    }
    check(readme !== null, 'the README is shown');
    if (readme) {
      check(readme.headings.includes('Install') && readme.headings.includes('Settings'), 'it is the user README');
      check(!readme.headings.includes('Tests'), 'no developer sections (tests) on the page');
      check(readme.images.length >= 2, `${readme.images.length} images in the README`);
      for (const img of readme.images)
        check(img.loaded, `image loaded: ${img.src.slice(0, 40)}… (${img.src.length} chars)`);
    }
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    await page.screenshot({ path: OUT });
    say(`screenshot: ${OUT}`);
    // and one scrolled to the first README screenshot, to look at how it renders
    await page.mouse.move(750, 600);
    await page.mouse.wheel(0, 520);
    await sleep(500);
    const imageShot = OUT.replace(/\.png$/, '-image.png');
    await page.screenshot({ path: imageShot });
    say(`screenshot: ${imageShot}`);
  } finally {
    await Promise.race([browser.close().catch(() => {}), sleep(5000)]);
    await server.stop();
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

main().then(
  () => {
    say(failures.length ? `${failures.length} check(s) failed` : 'all checks passed');
    process.exit(failures.length ? 1 : 0);
  },
  (e) => {
    console.error(e && e.stack ? e.stack : e);
    process.exit(1);
  },
);
