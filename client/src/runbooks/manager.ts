// The runbook commands (Open Runbook…, Export Runbook as Markdown, Reset Runbook Progress) and the open
// panels, one per runbook. Runbooks come from the language server (RunbookListRequest / RunbookRequest).
import * as os from 'node:os';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import {
  Commands,
  RunbookListRequest,
  RunbookRequest,
  type RunbookListItem,
  type RunbookParams,
} from '../../../common/protocol';
import type { Runbook } from '../../../engine/src/runbook-types';
import { exportFileName, renderRunbookMarkdown } from './export';
import { parseOpenArgs, RUNBOOK_ID } from './messages';
import { type PanelHost, RUNBOOK_VIEW_TYPE, RunbookPanel, type RunbookPanelState, findingView } from './panel';
import { ProgressStore, stateKey } from './state';
import type { Lang } from './strings';
import { say, uiLanguage } from '../language';

/** The two questions the runbook commands ask; tests replace them (no modal dialog in a test run). */
export interface RunbookDialogs {
  confirmReset(title: string): Thenable<boolean>;
  saveTarget(defaultUri: vscode.Uri): Thenable<vscode.Uri | undefined>;
}

/** Reaches into the runbook UI from the extension-host tests (exported by activate() outside production). */
export interface RunbookTestApi {
  panel(id: string): RunbookPanel | undefined;
  dialogs: RunbookDialogs;
  workspaceState(key: string): unknown;
  stateKey(id: string): string;
  /** What VS Code's serializer does after a window reload. */
  restore(panel: vscode.WebviewPanel, state: unknown): Promise<RunbookPanelState | undefined>;
}

export const defaultDialogs: RunbookDialogs = {
  async confirmReset(title) {
    const reset = say('resetButton');
    const answer = await vscode.window.showWarningMessage(
      say('resetConfirm', title),
      { modal: true, detail: say('resetDetail') },
      reset,
    );
    return answer === reset;
  },
  // VS Code's own save dialog asks before it overwrites an existing file.
  saveTarget: (defaultUri) =>
    vscode.window.showSaveDialog({
      defaultUri,
      filters: { Markdown: ['md'] },
      saveLabel: say('exportButton'),
      title: say('exportTitle'),
    }),
};

export class RunbookManager implements PanelHost, vscode.Disposable {
  readonly store: ProgressStore;
  dialogs: RunbookDialogs = defaultDialogs;
  private readonly panels = new Map<string, RunbookPanel>();
  private readonly opening = new Map<string, Promise<RunbookPanel | undefined>>();
  private lastActive: string | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => LanguageClient | undefined,
  ) {
    this.store = new ProgressStore(context.workspaceState);
  }

  language(): Lang {
    return uiLanguage();
  }

  register(): void {
    const { context } = this;
    context.subscriptions.push(
      this,
      vscode.commands.registerCommand(Commands.openRunbook, (args?: unknown) => this.open(args)),
      vscode.commands.registerCommand(Commands.exportRunbook, (args?: unknown) => this.exportRunbook(args)),
      vscode.commands.registerCommand(Commands.resetRunbook, (args?: unknown) => this.resetRunbook(args)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('cucmTraceLens.language')) this.renderAll();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.renderAll()),
      vscode.window.registerWebviewPanelSerializer(RUNBOOK_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state) => void (await this.restore(panel, state)),
      }),
    );
  }

  /** A runbook panel that was open before a window reload comes back at the step it showed. */
  async restore(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<RunbookPanelState | undefined> {
    const saved = (state ?? {}) as { runbook?: unknown; step?: unknown };
    const id = typeof saved.runbook === 'string' && RUNBOOK_ID.test(saved.runbook) ? saved.runbook : undefined;
    const runbook = id && !this.panels.has(id) ? await this.fetchWhenReady(id).catch(() => null) : null;
    if (!id || !runbook) {
      webviewPanel.dispose();
      return undefined;
    }
    const panel = RunbookPanel.restore(runbook, webviewPanel, this.context.extensionUri, this);
    this.track(id, panel);
    const step = typeof saved.step === 'string' ? saved.step : undefined;
    await panel.show({ runbook: id, ...(step ? { step } : {}) }, true);
    return panel.state;
  }

  /** After a reload VS Code restores panels while the language server may still be starting. */
  private async fetchWhenReady(id: string): Promise<Runbook | null> {
    const client = this.client();
    if (client && !client.isRunning()) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => (sub.dispose(), reject(new Error('language server did not start'))), 30000);
        const sub = client.onDidChangeState((e) => {
          if (e.newState === State.Running) {
            clearTimeout(timer);
            sub.dispose();
            resolve();
          }
        });
        if (client.isRunning()) {
          clearTimeout(timer);
          sub.dispose();
          resolve();
        }
      });
    }
    return this.fetch(id);
  }

  testApi(): RunbookTestApi {
    const api = {
      panel: (id: string) => this.panels.get(id),
      workspaceState: (key: string) => this.context.workspaceState.get(key),
      stateKey,
      restore: (panel: vscode.WebviewPanel, state: unknown) => this.restore(panel, state),
    };
    // `dialogs` reads and replaces the manager's own (tests swap in answers for the modal and the save dialog)
    return Object.defineProperty(api, 'dialogs', {
      get: () => this.dialogs,
      set: (d: RunbookDialogs) => (this.dialogs = d),
      enumerable: true,
    }) as RunbookTestApi;
  }

  private renderAll(): void {
    for (const p of this.panels.values()) p.refresh();
  }

  private async list(): Promise<RunbookListItem[]> {
    const client = this.client();
    if (!client) throw new Error(say('serverNotRunning'));
    return client.sendRequest<RunbookListItem[]>(RunbookListRequest);
  }

  private async fetch(id: string): Promise<Runbook | null> {
    const client = this.client();
    if (!client) throw new Error(say('serverNotRunning'));
    const params: RunbookParams = { id };
    return client.sendRequest<Runbook | null>(RunbookRequest, params);
  }

  /** Quick pick of every runbook, searchable by title and symptom, in the panel language. */
  private async pick(placeHolder: string, only?: (id: string) => boolean): Promise<string | undefined> {
    const lang = this.language();
    const items = (await this.list())
      .filter((r) => !only || only(r.id))
      .map((r) => ({ label: r.title[lang], description: r.id, detail: r.symptom[lang].replace(/\s+/g, ' '), id: r.id }))
      .sort((a, b) => a.label.localeCompare(b.label, lang));
    const picked = await vscode.window.showQuickPick(items, {
      placeHolder,
      matchOnDescription: true,
      matchOnDetail: true,
    });
    return picked?.id;
  }

  /**
   * The runbook the export/reset commands act on: a runbook id (or OpenRunbookArgs) argument, else the
   * active panel, else a pick. Menus (editor/title on the panel) pass their own context objects, which
   * are not runbook arguments: those fall through to the active panel.
   */
  private async target(arg: unknown, placeHolder: string, only?: (id: string) => boolean): Promise<string | undefined> {
    const parsed = parseOpenArgs(arg);
    if (parsed) return parsed.runbook;
    const explicit = typeof arg === 'string' || (typeof arg === 'object' && arg !== null && 'runbook' in arg);
    if (explicit) return undefined;
    const active =
      [...this.panels.values()].find((p) => p.active) ?? (this.lastActive && this.panels.get(this.lastActive));
    if (active) return active.id;
    return this.pick(placeHolder, only);
  }

  /** `cucmTraceLens.openRunbook`: with OpenRunbookArgs (or a runbook id), opens it at the step; else asks. */
  async open(arg?: unknown): Promise<RunbookPanelState | undefined> {
    try {
      let args = arg === undefined ? undefined : parseOpenArgs(arg);
      if (arg !== undefined && !args) return undefined;
      if (!args) {
        const id = await this.pick(say('searchRunbooks'));
        if (!id) return undefined;
        args = { runbook: id };
      }
      const existing = this.panels.get(args.runbook);
      const panel = existing ?? (await this.createPanel(args.runbook, args.uri !== undefined));
      if (!panel) return undefined;
      await panel.show(args, !existing);
      return panel.state;
    } catch (e) {
      void vscode.window.showErrorMessage(say('runbookOpenFailed', String((e as Error)?.message ?? e)));
      return undefined;
    }
  }

  private createPanel(id: string, besideEditor: boolean): Promise<RunbookPanel | undefined> {
    const pending = this.opening.get(id);
    if (pending) return pending;
    const creating = (async () => {
      const runbook = await this.fetch(id);
      if (!runbook) {
        void vscode.window.showErrorMessage(say('noSuchRunbook', id));
        return undefined;
      }
      const column =
        besideEditor && vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
      const panel = RunbookPanel.create(runbook, this.context.extensionUri, this, column);
      this.track(id, panel);
      return panel;
    })();
    this.opening.set(id, creating);
    return creating.finally(() => this.opening.delete(id));
  }

  private track(id: string, panel: RunbookPanel): void {
    this.panels.set(id, panel);
    panel.webviewPanel.onDidChangeViewState((e) => {
      if (e.webviewPanel.active) this.lastActive = id;
    });
    panel.onDidDispose(() => {
      this.panels.delete(id);
      if (this.lastActive === id) this.lastActive = undefined;
    });
  }

  /** `cucmTraceLens.exportRunbook`: Markdown with progress, notes and finding; asks where to save. */
  async exportRunbook(arg?: unknown): Promise<vscode.Uri | undefined> {
    try {
      const id = await this.target(arg, say('whichRunbookExport'));
      if (!id || !RUNBOOK_ID.test(id)) return undefined;
      const runbook = this.panels.get(id)?.runbook ?? (await this.fetch(id));
      if (!runbook) {
        void vscode.window.showErrorMessage(say('noSuchRunbook', id));
        return undefined;
      }
      const progress = this.store.get(id);
      const now = new Date();
      const finding = progress.finding ? findingView(progress.finding) : undefined;
      const markdown = renderRunbookMarkdown({
        runbook,
        lang: this.language(),
        progress,
        finding: finding && {
          path: finding.path,
          line: finding.line,
          entry: finding.entry,
          captures: finding.captures,
          time: finding.time,
          login: finding.login,
        },
        date: now,
      });
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
      const target = await this.dialogs.saveTarget(vscode.Uri.joinPath(folder, exportFileName(id, now)));
      if (!target) return undefined;
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(markdown));
      const open = say('openButton');
      void vscode.window
        .showInformationMessage(say('exportedTo', vscode.workspace.asRelativePath(target)), open)
        .then((a) => (a === open ? vscode.window.showTextDocument(target) : undefined));
      return target;
    } catch (e) {
      void vscode.window.showErrorMessage(say('exportFailed', String((e as Error)?.message ?? e)));
      return undefined;
    }
  }

  /** `cucmTraceLens.resetRunbook`: after a confirmation, forgets checked steps and notes. */
  async resetRunbook(arg?: unknown): Promise<boolean> {
    try {
      const id = await this.target(arg, say('whichRunbookReset'), (rid) =>
        this.store.hasProgress(rid),
      );
      if (!id || !RUNBOOK_ID.test(id)) return false;
      const panel = this.panels.get(id);
      const title = panel?.runbook.title[this.language()] ?? id;
      if (!(await this.dialogs.confirmReset(title))) return false;
      await this.store.reset(id);
      panel?.refresh();
      return true;
    } catch (e) {
      void vscode.window.showErrorMessage(String((e as Error)?.message ?? e));
      return false;
    }
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
    this.panels.clear();
  }
}
