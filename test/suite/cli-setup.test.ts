// "CUCM: Set Up Command-Line Tool…" in a real VS Code: the command is there, it names the CLI inside the loaded
// extension, and the launcher is written only after consent, then runs. Dialogs are answered by a scripted
// CliSetupUi so nothing waits for a click.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../common/protocol';
import { runCliSetup, type CliSetupChoice, type CliSetupResult, type CliSetupUi } from '../../client/src/cli-setup';
import { activateExtension } from './helpers';

const EXTENSION_ID = 'cucm-trace-lens.cucm-trace-lens';

interface Script {
  choice: CliSetupChoice | undefined;
  folder?: string;
  consent?: boolean;
}

/** Answers the dialogs from `script` and records what the user would have seen. */
function scriptedUi(script: Script) {
  const seen = { choices: [] as string[], confirms: [] as string[], infos: [] as string[], copied: [] as string[] };
  const ui: CliSetupUi = {
    choose: async (commandLine) => {
      seen.choices.push(commandLine);
      return script.choice;
    },
    pickFolder: async () => script.folder,
    confirm: async (message, detail) => {
      seen.confirms.push(`${message}\n${detail}`);
      return script.consent === true;
    },
    copy: async (text) => {
      seen.copied.push(text);
    },
    inform: (message) => seen.infos.push(message),
  };
  return { ui, seen };
}

describe('CLI set-up command', () => {
  let cliPath: string;
  let tmp: string;
  before(async () => {
    await activateExtension();
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    cliPath = path.join(ext.extensionPath, 'dist', 'cli.js');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ctl-cli-setup-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('is registered under the id the manifest contributes', async () => {
    const ids = await vscode.commands.getCommands(true);
    assert.ok(ids.includes(Commands.setUpCli), `${Commands.setUpCli} is not registered`);
  });

  it("copies a command line that runs this extension's own dist/cli.js with node", async () => {
    await vscode.env.clipboard.writeText('');
    const result = (await vscode.commands.executeCommand(Commands.setUpCli, 'copy')) as CliSetupResult;
    assert.equal(result.copied, true);
    assert.equal(result.commandLine, `node ${cliPath} scan .`);
    assert.equal(await vscode.env.clipboard.readText(), result.commandLine);
    assert.ok(fs.existsSync(cliPath), `${cliPath} is what the VSIX ships`);
  });

  it('writes nothing when the user declines, and says what it would run before asking', async () => {
    const { ui, seen } = scriptedUi({ choice: 'launcher', folder: tmp, consent: false });
    const result = await runCliSetup(cliPath, process.platform, ui);
    assert.equal(result.launcher, undefined);
    assert.deepEqual(fs.readdirSync(tmp), []);
    assert.equal(seen.confirms.length, 1);
    assert.ok(seen.confirms[0].includes(path.join(tmp, 'cucm-trace-lens')), seen.confirms[0]);
    assert.ok(seen.confirms[0].includes(`node ${cliPath}`), seen.confirms[0]);
    assert.match(seen.confirms[0], /PATH is left as it is/);
  });

  it('writes a launcher that runs the CLI after consent, and says the folder is not on PATH', async () => {
    const { ui, seen } = scriptedUi({ choice: 'launcher', folder: tmp, consent: true });
    const result = await runCliSetup(cliPath, process.platform, ui);
    const launcher = path.join(tmp, 'cucm-trace-lens');
    assert.equal(result.launcher, launcher);
    assert.ok(fs.statSync(launcher).mode & 0o100, 'executable');
    const v = spawnSync(launcher, ['--version'], { encoding: 'utf8' });
    assert.equal(v.status, 0, v.stderr);
    assert.equal(v.stdout.trim(), vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.version);
    assert.equal(seen.infos.length, 1);
    assert.ok(seen.infos[0].includes(`${tmp} is not on PATH`), seen.infos[0]);
  });

  it('asks before replacing a file that is already there, and keeps it when told no', async () => {
    const existing = path.join(tmp, 'cucm-trace-lens');
    fs.writeFileSync(existing, '#!/bin/sh\necho mine\n');
    const { ui, seen } = scriptedUi({ choice: 'launcher', folder: tmp, consent: false });
    await runCliSetup(cliPath, process.platform, ui);
    assert.match(seen.confirms[0], /already exists\. Replace it/);
    assert.equal(fs.readFileSync(existing, 'utf8'), '#!/bin/sh\necho mine\n');
  });

  it('does nothing when the picker is dismissed', async () => {
    const { ui, seen } = scriptedUi({ choice: undefined });
    const result = await runCliSetup(cliPath, process.platform, ui);
    assert.deepEqual(result, { commandLine: `node ${cliPath} scan .` });
    assert.deepEqual([seen.confirms, seen.infos, seen.copied], [[], [], []]);
  });
});
