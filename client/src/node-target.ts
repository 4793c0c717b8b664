// Which node a CLI command is for, and how the engineer reaches it: pure decisions behind "Send to
// terminal" (no `vscode` import, unit-tested). Host names come from logs, so only strict shapes are used.
import { isHostName } from '../../engine/src/fill-commands';

/** Where a catalog or runbook command runs (RunbookCommand['where'] and CliCommand['where']). */
export type Where = 'publisher' | 'subscribers' | 'every-node' | 'uccx' | 'any' | 'workstation' | 'node';

/** The terminal a command goes to: a role (publisher, UCCX), a named node, or the local workstation. */
export type NodeKey =
  { kind: 'workstation' } | { kind: 'role'; role: 'publisher' | 'uccx' } | { kind: 'node'; host: string };

/** Longest connect command accepted (one line; ssh, a jump host and options fit easily). */
export const MAX_CONNECT = 300;

/**
 * The node a command runs on: the publisher and UCCX by role, the workstation locally; a command for
 * "the node concerned" goes to the node the finding names, if it has a host name's shape; otherwise
 * undefined and the engineer is asked.
 */
export function nodeFor(where: string | undefined, findingNode: string | undefined): NodeKey | undefined {
  if (where === 'workstation') return { kind: 'workstation' };
  if (where === 'publisher' || where === 'uccx') return { kind: 'role', role: where };
  const host = findingNode?.trim();
  return host && isHostName(host) ? { kind: 'node', host } : undefined;
}

/** The key under which a node's connect command is stored: `publisher`, `uccx` or the host name. */
export function nodeId(key: NodeKey): string {
  return key.kind === 'workstation' ? 'workstation' : key.kind === 'role' ? key.role : key.host.toLowerCase();
}

/** The terminal's name: one terminal per node. */
export function terminalName(key: NodeKey): string {
  return `CUCM: ${nodeId(key)}`;
}

/** What the connect prompt offers first: `ssh admin@<host>` with the host when it is known. */
export function suggestedConnect(key: NodeKey): string {
  return key.kind === 'node' ? `ssh admin@${key.host}` : 'ssh admin@';
}

/**
 * Why a connect command is refused (undefined when it is fine): one printable line, not too long, and
 * no password in it (ssh asks for one; a password in a setting or in workspace state would be stored).
 */
export function connectProblem(command: string): 'empty' | 'invalid' | undefined {
  const c = command.trim();
  if (c === '') return 'empty';
  // eslint-disable-next-line no-control-regex
  if (c.length > MAX_CONNECT || /[\u0000-\u001f\u007f]/.test(c)) return 'invalid';
  if (/\bsshpass\b|\bpassword\s*=|:\/\/[^/\s:@]+:[^/\s@]+@/i.test(c)) return 'invalid';
  return undefined;
}

/** The connect command for a node: the setting `cucmTraceLens.nodes`, else what was remembered. */
export function connectFor(
  key: NodeKey,
  setting: unknown,
  remembered: Record<string, string> | undefined,
): string | undefined {
  const id = nodeId(key);
  const fromSetting =
    setting && typeof setting === 'object' && !Array.isArray(setting)
      ? Object.entries(setting as Record<string, unknown>).find(([k]) => k.toLowerCase() === id)?.[1]
      : undefined;
  for (const candidate of [fromSetting, remembered?.[id]])
    if (typeof candidate === 'string' && connectProblem(candidate) === undefined) return candidate.trim();
  return undefined;
}
