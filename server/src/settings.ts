import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type ServerSettings } from '../../common/protocol';

/** Per-document settings, pulled from the client when it supports `workspace/configuration`. */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  canPull = false;

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<ServerSettings> {
    if (!this.canPull) return Promise.resolve(DEFAULT_SETTINGS);
    const cached = this.cache.get(uri);
    if (cached) return cached;
    const p = this.connection.workspace
      .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
      .then((raw: Partial<ServerSettings> | null) => normalize(raw))
      .catch(() => DEFAULT_SETTINGS);
    this.cache.set(uri, p);
    return p;
  }

  clear(uri?: string): void {
    if (uri) this.cache.delete(uri);
    else this.cache.clear();
  }
}

function normalize(raw: Partial<ServerSettings> | null): ServerSettings {
  const max = Number(raw?.maxDiagnostics);
  return {
    maxDiagnostics: Number.isFinite(max) && max >= 1 ? Math.floor(max) : DEFAULT_SETTINGS.maxDiagnostics,
    severityOverrides: Array.isArray(raw?.severityOverrides)
      ? raw!.severityOverrides.filter((o) => o && typeof o.rule === 'string' && typeof o.severity === 'string')
      : [],
  };
}
