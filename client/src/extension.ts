import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../common/protocol';
import { registerCliSetup } from './cli-setup';
import { registerCommands } from './commands';
import { LANGUAGE_IDS } from './languages';
import { registerNavigation } from './navigation';
import { RunbookManager, type RunbookTestApi } from './runbooks/manager';
import { maybeSwitchLanguage } from './sniff';
import { createStatus } from './status';
import { NodeTerminals, type TerminalDialogs } from './terminals';
import { WEB_PAGE_LANGUAGES, webPageMiddleware } from './web-pages';
import { registerWordWrap } from './word-wrap';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{
  client: () => LanguageClient | undefined;
  __test?: { runbooks: RunbookTestApi; terminals: TerminalTestApi };
}> {
  const output = vscode.window.createOutputChannel('CUCM Trace Lens', { log: true });
  context.subscriptions.push(output);
  const status = createStatus(context);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [...LANGUAGE_IDS, ...WEB_PAGE_LANGUAGES].flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
      { scheme: 'vscode-remote', language },
    ]),
    middleware: webPageMiddleware(),
    synchronize: { configurationSection: 'cucmTraceLens' },
    outputChannel: output,
  };

  const start = async (): Promise<void> => {
    const language = vscode.workspace.getConfiguration('cucmTraceLens').get<'auto' | 'en' | 'ja'>('language', 'auto');
    const initializationOptions: InitializationOptions = { language };
    client = new LanguageClient('cucmTraceLens', 'CUCM Trace Lens', serverOptions, {
      ...clientOptions,
      initializationOptions,
    });
    client.onDidChangeState((e) =>
      status.setState(
        e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped',
      ),
    );
    await client.start();
  };

  const terminals = new NodeTerminals(context.workspaceState);
  context.subscriptions.push(terminals);
  registerCommands({
    context,
    terminals,
    client: () => client,
    output,
    restart: async () => {
      await client?.stop();
      await start();
    },
  });

  const runbooks = new RunbookManager(context, () => client);
  runbooks.register();
  registerNavigation(context, () => client);
  registerCliSetup(context);
  registerWordWrap(context);

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => void maybeSwitchLanguage(doc)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // The explanation language is fixed at initialize; a change restarts the server.
      if (e.affectsConfiguration('cucmTraceLens.language'))
        await vscode.commands.executeCommand('cucmTraceLens.restartServer');
    }),
    { dispose: () => void client?.stop() },
  );
  for (const doc of vscode.workspace.textDocuments) void maybeSwitchLanguage(doc);

  await start();
  // Test hooks (dialogs, panels, workspace state) only outside production.
  const testApi =
    context.extensionMode === vscode.ExtensionMode.Production
      ? {}
      : { __test: { runbooks: runbooks.testApi(), terminals: terminalTestApi(terminals) } };
  return { client: () => client, ...testApi };
}

/** Reaches into "Send to terminal" from the extension-host tests: its questions and its terminals. */
export interface TerminalTestApi {
  dialogs: TerminalDialogs;
  terminalNames(): string[];
}

function terminalTestApi(terminals: NodeTerminals): TerminalTestApi {
  const api = { terminalNames: () => terminals.terminalNames() };
  return Object.defineProperty(api, 'dialogs', {
    get: () => terminals.dialogs,
    set: (d: TerminalDialogs) => (terminals.dialogs = d),
    enumerable: true,
  }) as TerminalTestApi;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
