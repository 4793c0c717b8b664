// The one global VS Code gives a webview page (media/runbook.js): type-checked there through tsconfig.scripts.json.
interface VsCodeWebviewApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState<T>(state: T): T;
}
declare function acquireVsCodeApi(): VsCodeWebviewApi;
