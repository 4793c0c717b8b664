// A minimal LSP client over stdio for protocol tests: starts the built server exactly as any editor would.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';

export interface PublishDiagnosticsParams {
  uri: string;
  version?: number;
  diagnostics: Array<{
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity: number;
    code: string;
    source: string;
    message: string;
    codeDescription?: { href: string };
    relatedInformation?: Array<{ location: { uri: string; range: unknown }; message: string }>;
    data?: unknown;
  }>;
}

export class TestClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  private readonly waiters: Array<{ uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }> =
    [];
  readonly published: PublishDiagnosticsParams[] = [];
  stderr = '';

  constructor(configuration?: Record<string, unknown>) {
    const server = path.resolve(__dirname, '../../../dist/server.js');
    this.proc = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.conn = createMessageConnection(
      new StreamMessageReader(this.proc.stdout!),
      new StreamMessageWriter(this.proc.stdin!),
    );
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const w = this.waiters[i];
        if (w.uri === p.uri && (w.version === undefined || w.version === p.version)) {
          this.waiters.splice(i, 1);
          w.resolve(p);
        }
      }
    });
    this.conn.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
      params.items.map(() => configuration ?? null),
    );
    this.conn.onNotification('window/logMessage', () => undefined);
    this.conn.listen();
  }

  async initialize(locale: string, extra: Record<string, unknown> = {}): Promise<unknown> {
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      locale,
      capabilities: {
        workspace: { configuration: true },
        textDocument: { publishDiagnostics: { relatedInformation: true }, hover: { contentFormat: ['markdown'] } },
      },
      ...extra,
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  /** Resolves on the next diagnostics for `uri` (and `version`), or rejects after `ms`. */
  diagnostics(uri: string, version?: number, ms = 10000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no diagnostics for ${uri} within ${ms} ms; stderr: ${this.stderr}`)),
        ms,
      );
      this.waiters.push({ uri, version, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  async open(uri: string, text: string, languageId = 'cucm-mivr', version = 1): Promise<PublishDiagnosticsParams> {
    const wait = this.diagnostics(uri, version);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return wait;
  }

  async close(): Promise<void> {
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    this.conn.dispose();
    this.proc.kill();
  }
}
