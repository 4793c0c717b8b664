// "Send to terminal": one terminal per node, opened with the engineer's own connect command (for example
// `ssh admin@osk-cucm-sub3`), and the CLI command typed only once the engineer says the session shows
// `admin:`. Typed once, never run: the engineer checks it and presses Enter.
import * as vscode from 'vscode';
import { isHostName } from '../../engine/src/fill-commands';
import { say } from './language';
import {
  connectFor,
  connectProblem,
  nodeFor,
  nodeId,
  suggestedConnect,
  terminalName,
  type NodeKey,
} from './node-target';

/** What the caller knows about where the command runs. */
export interface SendTarget {
  where?: string;
  /** The node the finding names (untrusted log text: used only if it has a host name's shape). */
  node?: string;
}

/** The questions "Send to terminal" asks; the extension-host tests answer them. */
export interface TerminalDialogs {
  askNode(command: string, last: string | undefined): Thenable<string | undefined>;
  askConnect(label: string, suggestion: string): Thenable<string | undefined>;
  /** Resolves true when the engineer is at the node's `admin:` prompt and wants the command typed. */
  confirmReady(label: string, terminal: string, command: string): Thenable<boolean>;
}

export type SendResult = 'typed' | 'pending' | 'cancelled' | 'untrusted';

interface Session {
  terminal: vscode.Terminal;
  /** The engineer confirmed the CLI prompt once: later commands are typed at once. */
  ready: boolean;
  /** The command waiting for the prompt; a second send replaces it (never typed twice). */
  pending?: string;
  asking?: Promise<void>;
}

const REMEMBERED = 'cucmTraceLens.nodes';
/** How long a new terminal's shell gets to report itself ready before the connect command is typed anyway. */
const SHELL_READY_MS = 4000;

export const defaultTerminalDialogs: TerminalDialogs = {
  askNode: (command, last) =>
    vscode.window.showInputBox({
      title: say('connectTitle', '…'),
      prompt: say('whichNode', command),
      value: last ?? '',
      ignoreFocusOut: true,
      validateInput: (v) => (isHostName(v.trim()) ? undefined : say('nodeInvalid')),
    }),
  askConnect: (label, suggestion) =>
    vscode.window.showInputBox({
      title: say('connectTitle', label),
      prompt: say('connectPrompt', label),
      value: suggestion,
      ignoreFocusOut: true,
      validateInput: (v) => (connectProblem(v) ? say('connectInvalid') : undefined),
    }),
  async confirmReady(label, terminal, command) {
    const typeNow = say('typeNow');
    const answer = await vscode.window.showInformationMessage(say('waitForPrompt', label, terminal, command), typeNow);
    return answer === typeNow;
  },
};

export class NodeTerminals implements vscode.Disposable {
  dialogs: TerminalDialogs = defaultTerminalDialogs;
  private readonly sessions = new Map<string, Session>();
  private readonly disposables: vscode.Disposable[] = [];
  private lastNode: string | undefined;

  constructor(private readonly state: vscode.Memento) {
    this.disposables.push(
      vscode.window.onDidCloseTerminal((t) => {
        for (const [id, s] of this.sessions) if (s.terminal === t) this.sessions.delete(id);
      }),
    );
  }

  /** Names of the open node terminals (for the tests). */
  terminalNames(): string[] {
    return [...this.sessions.values()].map((s) => s.terminal.name);
  }

  async send(command: string, target: SendTarget = {}): Promise<SendResult> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(say('untrustedSend'));
      return 'untrusted';
    }
    const key = nodeFor(target.where, target.node) ?? (await this.askNode(command));
    if (!key) return 'cancelled';
    const id = nodeId(key);
    const session = this.sessions.get(id);
    if (session && session.terminal.exitStatus === undefined) return this.sendTo(session, key, command);
    if (key.kind === 'workstation') {
      const terminal = vscode.window.createTerminal({ name: terminalName(key) });
      this.sessions.set(id, { terminal, ready: true });
      terminal.show();
      await shellReady(terminal);
      return this.type(terminal, command);
    }
    const connect = await this.connectCommand(key);
    if (!connect) return 'cancelled';
    const terminal = vscode.window.createTerminal({ name: terminalName(key) });
    const fresh: Session = { terminal, ready: false, pending: command };
    this.sessions.set(id, fresh);
    terminal.show();
    await shellReady(terminal);
    // The connect command is the engineer's own (setting or prompt), so it is run; the CLI command is not.
    if (terminal.shellIntegration) terminal.shellIntegration.executeCommand(connect);
    else terminal.sendText(connect, true);
    return this.sendTo(fresh, key, command);
  }

  private async sendTo(session: Session, key: NodeKey, command: string): Promise<SendResult> {
    session.terminal.show();
    if (session.ready) return this.type(session.terminal, command);
    session.pending = command;
    session.asking ??= this.waitForPrompt(session, key);
    await session.asking;
    return session.ready ? 'typed' : 'pending';
  }

  private async waitForPrompt(session: Session, key: NodeKey): Promise<void> {
    try {
      const ok = await this.dialogs.confirmReady(label(key), session.terminal.name, session.pending ?? '');
      if (!ok || session.terminal.exitStatus !== undefined || session.pending === undefined) return;
      const command = session.pending;
      session.pending = undefined;
      session.ready = true;
      this.type(session.terminal, command);
    } finally {
      session.asking = undefined;
    }
  }

  private type(terminal: vscode.Terminal, command: string): SendResult {
    // Typed, never executed: the engineer reviews it and presses Enter.
    terminal.sendText(command, false);
    void vscode.window.setStatusBarMessage(say('typed', terminal.name), 5000);
    return 'typed';
  }

  private async askNode(command: string): Promise<NodeKey | undefined> {
    const answer = (await this.dialogs.askNode(command, this.lastNode))?.trim();
    if (!answer || !isHostName(answer)) return undefined;
    this.lastNode = answer;
    return nodeFor(undefined, answer);
  }

  /** The setting `cucmTraceLens.nodes`, else what was remembered for this workspace, else a prompt. */
  private async connectCommand(key: NodeKey): Promise<string | undefined> {
    const remembered = this.state.get<Record<string, string>>(REMEMBERED) ?? {};
    const setting = vscode.workspace.getConfiguration('cucmTraceLens').get<unknown>('nodes');
    const known = connectFor(key, setting, remembered);
    if (known) return known;
    const answer = (await this.dialogs.askConnect(label(key), suggestedConnect(key)))?.trim();
    if (!answer || connectProblem(answer)) return undefined;
    await this.state.update(REMEMBERED, { ...remembered, [nodeId(key)]: answer });
    return answer;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.sessions.clear();
  }
}

function label(key: NodeKey): string {
  if (key.kind === 'role') return say(key.role);
  return key.kind === 'workstation' ? say('workstation') : key.host;
}

/** Waits until the terminal's shell reports itself (shell integration), or a few seconds at most. */
function shellReady(terminal: vscode.Terminal): Promise<void> {
  if (terminal.shellIntegration) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    };
    const timer = setTimeout(done, SHELL_READY_MS);
    const sub = vscode.window.onDidChangeTerminalShellIntegration((e) => {
      if (e.terminal === terminal) done();
    });
  });
}
