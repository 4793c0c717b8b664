// Runs the built CLI (dist/cli.js) as a user does: a child process with a clean locale and colour environment.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as path from 'node:path';

export const root = path.resolve(__dirname, '../../..');
export const cliPath = path.join(root, 'dist/cli.js');

export interface RunOptions {
  env?: Record<string, string>;
  cwd?: string;
  input?: string | Buffer;
  /** Run as this user (only root may ask): how a permission test works when the suite runs as root. */
  uid?: number;
  gid?: number;
}

/** Variables that change the CLI's language or colour; every run starts without them. */
const LOCALE_VARS = ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE', 'NO_COLOR', 'TERM', 'CUCM_TRACE_LENS_DEBUG'];

export function runCli(args: string[], options: RunOptions = {}): SpawnSyncReturns<string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !LOCALE_VARS.includes(k)) env[k] = v;
  Object.assign(env, { LANG: 'C' }, options.env ?? {});
  return spawnSync(process.execPath, [cliPath, ...args], {
    encoding: 'utf8',
    env,
    cwd: options.cwd ?? root,
    input: options.input ?? '',
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
    // A hang (a FIFO opened, a link loop followed) fails the test instead of blocking the suite.
    timeout: 30_000,
  });
}
