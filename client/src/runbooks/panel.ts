// The runbook webview panel: one per runbook (revealed when already open). It renders html.ts, keeps
// the engineer's progress through state.ts and acts on validated webview messages.
import * as vscode from 'vscode';
import { Commands, type OpenRunbookArgs } from '../../../common/protocol';
import type { Runbook } from '../../../engine/src/runbook-types';
import { recordContext } from '../../../engine/src/record-context';
import { commandText, type FindingView, makeNonce, renderRunbookHtml } from './html';
import { ENTRY_ID, lookupChoice, lookupCommand, parseWebviewMessage, type PanelMessage } from './messages';
import type { FindingRef, ProgressStore } from './state';
import type { Lang } from './strings';
import { say } from '../language';

export const RUNBOOK_VIEW_TYPE = 'cucmTraceLens.runbook';

/** A snapshot of one panel, returned by the `openRunbook` command and read by the tests. */
export interface RunbookPanelState {
  runbook: string;
  title: string;
  language: Lang;
  /** The step the panel was opened at or last moved to by a decision. */
  step: string | undefined;
  /** The last step the webview reported as scrolled to and highlighted. */
  revealed: string | undefined;
  /** The webview script has loaded (it reports itself). */
  ready: boolean;
  checked: string[];
  notes: Record<string, string>;
  finding: FindingRef | undefined;
  trusted: boolean;
}

/** What the panel needs from around it (the manager). */
export interface PanelHost {
  language(): Lang;
  store: ProgressStore;
  exportRunbook(id: string): Promise<unknown>;
  resetRunbook(id: string): Promise<unknown>;
}

const OPENABLE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

export class RunbookPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<RunbookPanelState>();
  private readonly disposed = new vscode.EventEmitter<void>();
  /** Fires after every change of state (message handled, step revealed, progress reset). */
  readonly onDidChangeState = this.changed.event;
  readonly onDidDispose = this.disposed.event;
  private step: string | undefined;
  private revealed: string | undefined;
  private ready = false;
  private pendingReveal: string | undefined;
  private isDisposed = false;

  constructor(
    readonly runbook: Runbook,
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly host: PanelHost,
  ) {
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m) => void this.handleMessage(m)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Webview options, shared by new panels and panels VS Code restores after a reload. */
  static options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
      // A decision or a quick fix may post to a panel in a background tab; keep its page alive.
      retainContextWhenHidden: true,
    };
  }

  /** Adopts a panel VS Code restored after a window reload. */
  static restore(runbook: Runbook, panel: vscode.WebviewPanel, extensionUri: vscode.Uri, host: PanelHost): RunbookPanel {
    panel.webview.options = RunbookPanel.options(extensionUri);
    panel.title = runbook.title[host.language()];
    return new RunbookPanel(runbook, panel, extensionUri, host);
  }

  static create(
    runbook: Runbook,
    extensionUri: vscode.Uri,
    host: PanelHost,
    viewColumn: vscode.ViewColumn,
  ): RunbookPanel {
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(
      RUNBOOK_VIEW_TYPE,
      runbook.title[host.language()],
      { viewColumn, preserveFocus: false },
      RunbookPanel.options(extensionUri),
    );
    panel.iconPath = {
      light: vscode.Uri.joinPath(media, 'runbook-light.svg'),
      dark: vscode.Uri.joinPath(media, 'runbook-dark.svg'),
    };
    return new RunbookPanel(runbook, panel, extensionUri, host);
  }

  get id(): string {
    return this.runbook.id;
  }

  get active(): boolean {
    return !this.isDisposed && this.panel.active;
  }

  get webviewPanel(): vscode.WebviewPanel {
    return this.panel;
  }

  /** The HTML currently rendered (tests look for the finding's values in it). */
  get html(): string {
    return this.panel.webview.html;
  }

  get state(): RunbookPanelState {
    const progress = this.host.store.get(this.id);
    return {
      runbook: this.id,
      title: this.runbook.title[this.host.language()],
      language: this.host.language(),
      step: this.step,
      revealed: this.revealed,
      ready: this.ready,
      checked: progress.checked,
      notes: progress.notes,
      finding: progress.finding,
      trusted: vscode.workspace.isTrusted,
    };
  }

  /** Shows the panel, records the finding (when given) and moves to the step (when it exists). */
  async show(args: OpenRunbookArgs | undefined, fresh: boolean): Promise<void> {
    const step = args?.step && this.runbook.steps.some((s) => s.id === args.step) ? args.step : undefined;
    let findingChanged = false;
    if (args?.uri !== undefined && args.line !== undefined) {
      const finding: FindingRef = { uri: args.uri, line: args.line, captures: args.captures ?? {} };
      if (args.entry) finding.entry = args.entry;
      const context = contextOf(args.uri, args.line);
      if (context.recordTime) finding.time = context.recordTime;
      if (context.login) finding.login = context.login;
      findingChanged = JSON.stringify(finding) !== JSON.stringify(this.host.store.get(this.id).finding);
      if (findingChanged) await this.host.store.setFinding(this.id, finding);
    }
    if (step) this.step = step;
    if (fresh || findingChanged) {
      this.render(step);
    } else {
      this.panel.reveal(undefined, false);
      if (step) this.revealStep(step);
    }
    this.fire();
  }

  /** Re-renders the page (language, trust or progress changed), keeping the current step in view. */
  refresh(): void {
    this.render();
    this.fire();
  }

  private render(initialStep = this.step): void {
    if (this.isDisposed) return;
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const lang = this.host.language();
    this.panel.title = this.runbook.title[lang];
    this.ready = false;
    this.pendingReveal = undefined;
    const progress = this.host.store.get(this.id);
    webview.html = renderRunbookHtml({
      runbook: this.runbook,
      lang,
      progress,
      finding: progress.finding ? findingView(progress.finding) : undefined,
      initialStep,
      trusted: vscode.workspace.isTrusted,
      nonce: makeNonce(),
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'runbook.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'runbook.css')).toString(),
    });
  }

  private revealStep(step: string): void {
    if (!this.ready) {
      this.pendingReveal = step;
      return;
    }
    void this.post({ type: 'reveal', step });
  }

  private post(message: PanelMessage): Thenable<boolean> {
    return this.isDisposed ? Promise.resolve(false) : this.panel.webview.postMessage(message);
  }

  /**
   * Handles one message from the webview (also called directly by the tests to simulate one).
   * Resolves to false when the message was malformed or named something the runbook does not have.
   */
  async handleMessage(raw: unknown): Promise<boolean> {
    const msg = parseWebviewMessage(raw);
    if (!msg || this.isDisposed) return false;
    const stepExists = (id: string) => this.runbook.steps.some((s) => s.id === id);
    switch (msg.type) {
      case 'ready': {
        this.ready = true;
        const pending = this.pendingReveal;
        this.pendingReveal = undefined;
        if (pending) void this.post({ type: 'reveal', step: pending });
        break;
      }
      case 'revealed':
        if (!stepExists(msg.step)) return false;
        this.revealed = msg.step;
        break;
      case 'check':
        if (!stepExists(msg.step)) return false;
        await this.host.store.setChecked(this.id, msg.step, msg.checked);
        break;
      case 'note':
        if (!stepExists(msg.step)) return false;
        await this.host.store.setNote(this.id, msg.step, msg.text);
        break;
      case 'choice': {
        const choice = lookupChoice(this.runbook, msg.step, msg.index);
        if (!choice) return false;
        this.step = choice.goto;
        this.revealStep(choice.goto);
        break;
      }
      case 'copy':
      case 'send': {
        const command = lookupCommand(this.runbook, msg.step, msg.index);
        if (!command) return false;
        if (msg.type === 'send' && !vscode.workspace.isTrusted) {
          void vscode.window.showWarningMessage(
            say('untrustedSend'),
          );
          return false;
        }
        // Filled with what the finding read; copied, or typed (never run) into the node's terminal.
        const finding = this.host.store.get(this.id).finding;
        const text = commandText(command.command, finding);
        if (msg.type === 'copy') await vscode.commands.executeCommand(Commands.copyCommand, text);
        else await vscode.commands.executeCommand(Commands.sendToTerminal, text, { where: command.where, node: nodeOf(finding) });
        break;
      }
      case 'openFinding':
        return this.openFinding();
      case 'openReference': {
        const entry = this.host.store.get(this.id).finding?.entry;
        if (!entry || !ENTRY_ID.test(entry)) return false;
        await vscode.commands.executeCommand(Commands.openReference, entry);
        break;
      }
      case 'export':
        await this.host.exportRunbook(this.id);
        break;
      case 'reset':
        await this.host.resetRunbook(this.id);
        break;
    }
    this.fire();
    return true;
  }

  private async openFinding(): Promise<boolean> {
    const finding = this.host.store.get(this.id).finding;
    if (!finding) return false;
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(finding.uri, true);
    } catch {
      return false;
    }
    if (!OPENABLE_SCHEMES.has(uri.scheme)) return false;
    const pos = new vscode.Position(finding.line, 0);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const column =
      visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, selection: new vscode.Range(pos, pos) });
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
    return true;
  }

  private fire(): void {
    if (!this.isDisposed) this.changed.fire(this.state);
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.disposed.fire();
    this.panel.dispose();
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
    this.disposed.dispose();
  }
}

export function findingView(f: FindingRef): FindingView {
  let fileName = f.uri;
  let path = f.uri;
  try {
    const uri = vscode.Uri.parse(f.uri, true);
    fileName = uri.path.split('/').pop() || uri.path;
    path = vscode.workspace.asRelativePath(uri, false);
  } catch {
    /* shown as given (escaped) */
  }
  const view: FindingView = { fileName, path, line: f.line, captures: f.captures };
  if (f.entry) view.entry = f.entry;
  if (f.time) view.time = f.time;
  if (f.login) view.login = f.login;
  return view;
}

/** The node a finding names (the replication counter's node, the report's server), for its terminal. */
function nodeOf(finding: FindingRef | undefined): string | undefined {
  const c = finding?.captures ?? {};
  return c.node ?? c.server ?? c.hostname;
}

/** What an open document says around a line: the record time and the JTAPI login (engine recordContext). */
function contextOf(uri: string, line: number): Record<string, string> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  if (!doc || line >= doc.lineCount) return {};
  return recordContext((i) => doc.lineAt(i).text, doc.lineCount, line);
}
