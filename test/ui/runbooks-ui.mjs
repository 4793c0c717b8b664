#!/usr/bin/env node
// @ts-check
// UI check of the runbook panel in a real VS Code (code-server + headless Chromium, offline), with
// screenshots for the README and for a human to look at:
//   images/runbook-picker.png    the "CUCM: Open Runbook…" quick pick, filtered by a symptom word
//   images/runbook-palette.png   a runbook opened from the command palette (dark theme)
//   images/runbook-quickfix.png  a runbook opened from the quick fix of a MIVR finding (Ctrl+.)
//   images/runbook-dark.png      the same panel after checking a step, writing a note, taking a decision
//   images/runbook-light.png     Default Light Modern theme
//   images/runbook-hc-ja.png     Default High Contrast theme, Japanese (cucmTraceLens.language = ja)
//
//   node esbuild.js && node test/ui/runbooks-ui.mjs [--out DIR] [--only palette,quickfix,light,hc]
//
// Exit code 0 when every check passed. Needs the setup of scripts/vscode-offline/README.md.
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, goToLine, openFile, screenshot } from '../../scripts/vscode-offline/ui.mjs';
import { launchInstalled as launchWorkbenchInstalled, paletteCommand } from './installed.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const OUT = path.resolve(opt('out', path.join(REPO_ROOT, 'images')));
const ONLY = new Set(opt('only', 'palette,quickfix,light,hc').split(','));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const say = (...a) => console.log('[runbooks-ui]', ...a);

const failures = [];
let currentPage; // for a screenshot when something fails
async function failShot(name) {
  if (!currentPage) return;
  const file = path.join(process.env.TMPDIR || '/tmp', `runbooks-ui-${name}.png`);
  await currentPage.screenshot({ path: file }).catch(() => {});
  say(`failure screenshot: ${file}`);
}
function check(ok, what) {
  say(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

const hard = setTimeout(() => {
  say('TIMEOUT after 420 s');
  process.exit(124);
}, 420_000);
hard.unref();

/** The frame of the runbook page (webviews are nested iframes); waits until its script has run. */
async function runbookFrame(page, runbookId, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const found = await frame
        .evaluate((id) => document.body?.getAttribute('data-runbook') === id, runbookId)
        .catch(() => false);
      if (found) return frame;
    }
    await sleep(250);
  }
  throw new Error(`the runbook page ${runbookId} did not appear`);
}

/** Screenshot with the mouse parked where it opens no hover. */
async function shot(page, file) {
  await page.mouse.move(700, 880);
  await sleep(300);
  await screenshot(page, path.join(OUT, file));
}

/** Waits for the quick input list to show a row with `text`. */
async function waitForRow(page, text, timeout = 15_000) {
  await page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().waitFor({ timeout });
}

async function openFromPalette(page, { query, title, id }) {
  await paletteCommand(page, 'CUCM: Open Runbook');
  // the runbook list replaces the command list once the language server answered
  await page
    .locator(
      '.quick-input-list .monaco-list-row .quick-input-list-label-meta, .quick-input-list .monaco-list-row .quick-input-list-detail',
    )
    .first()
    .waitFor({ timeout: 20_000 });
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.fill(query);
  await waitForRow(page, title);
  await sleep(300);
  return {
    input,
    open: async () => {
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().click();
      await page
        .locator('.tabs-container .tab', { hasText: title.slice(0, 20) })
        .first()
        .waitFor({ timeout: 15_000 });
      return runbookFrame(page, id);
    },
  };
}

async function darkFlows() {
  const file = undefined;
  const wb = await launchInstalled({ theme: 'Default Dark Modern' });
  currentPage = wb.page;
  try {
    if (ONLY.has('palette')) {
      // search by a word of the symptom, not of the title: "subscriber" is in the symptom
      const pick = await openFromPalette(wb.page, {
        query: 'replication',
        title: 'Check database replication between publisher and subscribers',
        id: 'db-replication-check',
      });
      const rows = await wb.page.locator('.quick-input-list .monaco-list-row').count();
      check(rows >= 3, `quick pick filters runbooks by "replication" (${rows} rows)`);
      await shot(wb.page, 'runbook-picker.png');
      const frame = await pick.open();
      await sleep(800);
      check(
        (await frame.locator('h1').textContent())?.includes('Check database replication'),
        'palette: runbook title',
      );
      check((await frame.locator('.step').count()) === 10, 'palette: 10 steps');
      check((await frame.locator('button[data-action="copy"]').count()) > 0, 'palette: Copy buttons');
      check(
        (await frame.locator('button[data-action="send"]:not([disabled])').count()) > 0,
        'palette: Send enabled (trusted)',
      );
      await shot(wb.page, 'runbook-palette.png');
      await paletteCommand(wb.page, 'View: Close All Editors');
    }
    if (ONLY.has('quickfix')) {
      await openFile(wb.page, 'uccx/Cisco001MIVR001.log');
      await wb.page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 });
      await goToLine(wb.page, 27, 40);
      await wb.page.keyboard.press('Control+.');
      const item = wb.page.locator('.action-widget .monaco-list-row', { hasText: 'Open runbook' }).first();
      await item.waitFor({ timeout: 15_000 });
      await sleep(400);
      // keyboard, as after Ctrl+. (the menu's pointer blocker swallows clicks): move to the action, Enter
      for (let i = 0; i < 12; i++) {
        const focused = await wb.page
          .locator('.action-widget .monaco-list-row.focused')
          .first()
          .textContent()
          .catch(() => '');
        if (focused?.includes('Open runbook')) break;
        await wb.page.keyboard.press('ArrowDown');
      }
      await shot(wb.page, 'runbook-quickfix-menu.png');
      await wb.page.keyboard.press('Enter');
      await wb.page
        .locator('.tabs-container .tab', { hasText: 'PARTIAL_SERVICE' })
        .first()
        .waitFor({ timeout: 15_000 });
      const frame = await runbookFrame(wb.page, 'jtapi-partial-service');
      await frame.locator('#step-check-association.current').waitFor({ timeout: 10_000 });
      await sleep(1200); // smooth scroll
      check(true, 'quick fix: opened at check-association, highlighted');
      const caps = await frame.locator('.captures').textContent();
      check(caps?.includes('4503'), `quick fix: captured port shown (${caps?.trim()})`);
      const fileLink = await frame.locator('button[data-action="openFinding"]').textContent();
      check(
        fileLink?.includes('Cisco001MIVR001.log') && fileLink.includes('27'),
        `quick fix: finding link (${fileLink})`,
      );
      const top = await frame.evaluate(
        () => document.getElementById('step-check-association')?.getBoundingClientRect().top ?? -1,
      );
      check(top >= 0 && top < 200, `quick fix: step scrolled into view (top ${Math.round(top)} px)`);
      await shot(wb.page, 'runbook-quickfix.png');

      // progress and a decision, with the keyboard where a user would use it
      await frame.locator('#done-find-port').check();
      await frame.locator('#done-verify-device').check();
      await frame.locator('#note-check-association').fill('4503-4505 missing from the JTAPI user, checked 10:20');
      await frame.locator('#done-check-association').check();
      const progress = await frame.locator('#progress').textContent();
      check(progress?.startsWith('3 of'), `progress count updates (${progress})`);
      await frame.locator('button.choice[data-step="check-association"][data-index="0"]').focus();
      await wb.page.keyboard.press('Enter');
      await frame
        .locator('#step-add-devices.current, .step.current:not(#step-check-association)')
        .first()
        .waitFor({ timeout: 10_000 });
      const current = await frame.evaluate(() => document.querySelector('.step.current')?.id);
      const focused = await frame.evaluate(() => document.activeElement?.closest('.step')?.id);
      check(current && current !== 'step-check-association', `decision moved to ${current}`);
      check(focused === current, `focus follows the decision (${focused})`);
      await sleep(1200);
      await frame.evaluate(() => window.scrollBy(0, -260));
      await sleep(300);
      await shot(wb.page, 'runbook-dark.png');

      // the editor-title "Export Runbook as Markdown" button asks where to save (VS Code's own dialog,
      // which also confirms before overwriting), proposing <runbook-id>-<date>.md; cancel it
      await wb.page.locator('.editor-actions .action-label[aria-label*="Export Runbook as Markdown"]').first().click();
      const saveInput = wb.page.locator('.quick-input-widget .quick-input-box input');
      await saveInput.waitFor({ state: 'visible', timeout: 10_000 });
      // the simple file dialog fills in the folder first, then the file name
      const proposed = await wb.page
        .waitForFunction(
          () => {
            const input = document.querySelector('.quick-input-widget .quick-input-box input');
            const v = input instanceof HTMLInputElement ? input.value : '';
            return v.endsWith('.md') ? v : false;
          },
          undefined,
          { timeout: 5000 },
        )
        .then(async (h) => String(await h.jsonValue())) // the wait resolves only on the file name itself
        .catch(() => saveInput.inputValue());
      await shot(wb.page, 'runbook-export-dialog.png');
      check(/jtapi-partial-service-\d{4}-\d{2}-\d{2}\.md$/.test(proposed), `save dialog proposes ${proposed}`);
      await wb.page.keyboard.press('Escape');
    }
  } catch (e) {
    await failShot(file ?? 'dark');
    throw e;
  } finally {
    await wb.close();
  }
}

async function themed({ theme, file, settings = {}, title, id, query }) {
  const wb = await launchInstalled({ theme, settings });
  currentPage = wb.page;
  try {
    const pick = await openFromPalette(wb.page, { query, title, id });
    const frame = await pick.open();
    await sleep(1000);
    // focus outline on a real button, visible in the screenshot
    await frame.locator('button[data-action="copy"]').first().focus();
    await wb.page.keyboard.press('Shift+Tab');
    await wb.page.keyboard.press('Tab');
    await sleep(300);
    const colors = await frame.evaluate(() => {
      const button = document.querySelector('button[data-action="copy"]');
      if (!button) throw new Error('no copy button in the runbook page');
      const s = getComputedStyle(button);
      const b = getComputedStyle(document.body);
      return { button: s.backgroundColor, buttonText: s.color, text: b.color, bg: b.backgroundColor };
    });
    check(
      colors.button !== colors.bg && colors.text !== colors.bg,
      `${theme}: themed colours ${JSON.stringify(colors)}`,
    );
    await shot(wb.page, file);
  } catch (e) {
    await failShot(file ?? 'dark');
    throw e;
  } finally {
    await wb.close();
  }
}

try {
  fs.mkdirSync(OUT, { recursive: true });
  if (ONLY.has('palette') || ONLY.has('quickfix')) await darkFlows();
  if (ONLY.has('light'))
    await themed({
      theme: 'Default Light Modern',
      file: 'runbook-light.png',
      query: 'OUT_OF_SERVICE',
      title: 'JTAPI subsystem stays OUT_OF_SERVICE',
      id: 'jtapi-out-of-service',
    });
  if (ONLY.has('hc'))
    await themed({
      theme: 'Default High Contrast',
      file: 'runbook-hc-ja.png',
      settings: { 'cucmTraceLens.language': 'ja' },
      query: '複製',
      title: 'パブリッシャとサブスクライバ間のデータベース複製を確認する',
      id: 'db-replication-check',
    });
} catch (e) {
  failures.push(String(e && e.stack ? e.stack : e));
  console.error(e);
}
if (failures.length) say('see the last screenshot taken, or rerun with --only <flow>');
say(
  failures.length ? `${failures.length} failed` : 'all checks passed',
  `(screenshots in ${path.relative(REPO_ROOT, OUT) || '.'})`,
);
process.exit(failures.length ? 1 : 0);

/** The shared launcher, with this script's theme check. */
async function launchInstalled(options) {
  const wb = await launchWorkbenchInstalled({ ...options, tmpPrefix: 'runbooks-ui-' });
  check(wb.themeApplied, `theme "${options.theme}" applied (${wb.themeId})`);
  return wb;
}
