// "Send to terminal" in a real VS Code: the command goes to the terminal of the node the step names,
// opened with the engineer's connect command, and is typed once the engineer confirms the CLI prompt:
// exactly once, never run. The "node" here is a small stand-in CLI (a Node script started by the connect
// command) that prints `admin:` and records every byte typed into it in raw mode, so a doubled command or
// an Enter would show in its record. Also: Go to Time on a file without timestamps says so first.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TerminalDialogs } from '../../client/src/terminals';
import { activateExtension, FAKE_CLI, sampleUri, terminalsApi as api, waitForFile } from './helpers';

/** Sets `cucmTraceLens.nodes` (an object: compared by value, unlike helpers' setSetting). */
async function setNodes(value: Record<string, string> | undefined): Promise<void> {
  const config = () => vscode.workspace.getConfiguration('cucmTraceLens');
  await config().update('nodes', value, vscode.ConfigurationTarget.Global);
  const want = JSON.stringify(value);
  for (let i = 0; i < 50 && JSON.stringify(config().inspect('nodes')?.globalValue) !== want; i++)
    await new Promise((r) => setTimeout(r, 100));
}

describe('Send to terminal', () => {
  let saved: TerminalDialogs;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cucm-terminal-'));
  const typed = path.join(dir, 'typed.txt');
  const cli = path.join(dir, 'fake-cli.js');

  before(async () => {
    await activateExtension();
    saved = api().dialogs;
    fs.writeFileSync(cli, FAKE_CLI);
  });

  after(async () => {
    api().dialogs = saved;
    await setNodes(undefined);
    for (const t of vscode.window.terminals) if (t.name.startsWith('CUCM: ')) t.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens the publisher terminal with the connect command and types the command once, not run', async () => {
    const connect = `"${process.execPath}" "${cli}" "${typed}"`;
    await setNodes({ publisher: connect });
    const asked: string[] = [];
    api().dialogs = {
      askNode: async () => (asked.push('node'), undefined),
      askConnect: async () => (asked.push('connect'), undefined),
      // The engineer confirms once the stand-in CLI shows its prompt.
      confirmReady: async (label, terminal, command) => {
        asked.push(`ready ${label} ${terminal} ${command}`);
        await waitForFile(typed, (t) => t.startsWith('START\n'));
        return true;
      },
    };

    const first = await vscode.commands.executeCommand('cucmTraceLens.sendToTerminal', 'utils dbreplication status', {
      where: 'publisher',
    });
    assert.equal(first, 'typed');
    assert.deepEqual(asked, ['ready the publisher CUCM: publisher utils dbreplication status']);
    assert.ok(api().terminalNames().includes('CUCM: publisher'));

    // The same node's terminal is reused and, its prompt confirmed, the next command goes in at once.
    const second = await vscode.commands.executeCommand('cucmTraceLens.sendToTerminal', 'show status', {
      where: 'publisher',
    });
    assert.equal(second, 'typed');
    assert.equal(asked.length, 1, 'the prompt is confirmed once per session');
    const text = await waitForFile(typed, (t) => t.includes('show status'));
    // Connected once (one START), each command typed once, no Enter after either.
    assert.equal(text, 'START\nutils dbreplication statusshow status');
    assert.equal(vscode.window.terminals.filter((t) => t.name === 'CUCM: publisher').length, 1);
  });

  it('asks which node when the one the finding names is not a host name, and types nothing when cancelled', async () => {
    const asked: string[] = [];
    api().dialogs = {
      askNode: async (command) => (asked.push(`node ${command}`), undefined),
      askConnect: async () => (asked.push('connect'), undefined),
      confirmReady: async () => (asked.push('ready'), false),
    };
    const before = vscode.window.terminals.length;
    const result = await vscode.commands.executeCommand(
      'cucmTraceLens.sendToTerminal',
      'utils dbreplication reset <hostname>',
      { where: 'node', node: 'sub3; utils system restart' },
    );
    assert.equal(result, 'cancelled');
    assert.deepEqual(asked, ['node utils dbreplication reset <hostname>']);
    assert.equal(vscode.window.terminals.length, before, 'no terminal was opened');
  });
});

describe('Go to Time on a file without timestamps', () => {
  before(activateExtension);

  it('says so at once instead of asking for a time', async () => {
    const doc = await vscode.workspace.openTextDocument(sampleUri('cli/show-perf-replicate-state-0-4.cli.txt'));
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'cucm-cli');
    // With no argument the command would open an input box and wait; it must answer without one.
    let timer: NodeJS.Timeout | undefined;
    const prompted = new Promise<'prompted'>((resolve) => (timer = setTimeout(() => resolve('prompted'), 5000)));
    const result = await Promise.race([
      vscode.commands.executeCommand<{ error?: { en: string; ja: string } }>('cucmTraceLens.goToTime'),
      prompted,
    ]);
    clearTimeout(timer);
    if (result === 'prompted') await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    if (result === 'prompted') assert.fail('Go to Time asked for a time first');
    assert.match(result.error?.en ?? '', /no timestamped records/);
    assert.match(result.error?.ja ?? '', /時刻付きのレコードがない/);
  });
});
