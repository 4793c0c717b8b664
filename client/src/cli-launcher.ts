// The text of "CUCM: Set Up Command-Line Tool…": how to run the CLI bundled in the installed extension
// (dist/cli.js) with Node, and the small launcher script the user may ask us to write. Pure: no `vscode`,
// no I/O, so every platform's text is unit-tested on any machine.

export type Platform = 'win32' | 'posix';

export const LAUNCHER_NAME = 'cucm-trace-lens';

export function platformOf(nodePlatform: string): Platform {
  return nodePlatform === 'win32' ? 'win32' : 'posix';
}

/** One argument for the user's shell: POSIX single quotes, Windows double quotes (paths hold no `"` there). */
export function quoteArg(arg: string, platform: Platform): string {
  // a backslash is a path separator on Windows but an escape character in sh
  const plain = platform === 'win32' ? /^[\w./:\\@+-]+$/ : /^[\w./:@+-]+$/;
  if (plain.test(arg)) return arg;
  return platform === 'win32' ? `"${arg}"` : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** What to type in a terminal to scan a folder with the bundled CLI. */
export function cliCommandLine(cliPath: string, platform: Platform): string {
  return `node ${quoteArg(cliPath, platform)} scan .`;
}

export function launcherFileName(platform: Platform): string {
  return platform === 'win32' ? `${LAUNCHER_NAME}.cmd` : LAUNCHER_NAME;
}

/**
 * A launcher that runs the bundled CLI with the `node` on PATH. It names the exact extension folder, which
 * changes when the extension is updated, so it says in one line how to recreate itself when that folder is gone.
 */
export function launcherScript(cliPath: string, platform: Platform): string {
  const gone = `the CUCM Trace Lens extension was updated or removed: run "CUCM: Set Up Command-Line Tool..." in VS Code again`;
  if (platform === 'win32') {
    // `%` would be expanded by cmd.exe even inside quotes
    const cli = cliPath.replace(/%/g, '%%');
    return [
      '@echo off',
      'rem Written by the VS Code extension CUCM Trace Lens (CUCM: Set Up Command-Line Tool...).',
      'rem Runs the command-line tool bundled with the installed extension. Delete this file to remove it.',
      `set "CUCM_TRACE_LENS_CLI=${cli}"`,
      'if not exist "%CUCM_TRACE_LENS_CLI%" (',
      `  echo cucm-trace-lens: ${gone} 1>&2`,
      '  exit /b 2',
      ')',
      'node "%CUCM_TRACE_LENS_CLI%" %*',
      '',
    ].join('\r\n');
  }
  return [
    '#!/bin/sh',
    '# Written by the VS Code extension CUCM Trace Lens (CUCM: Set Up Command-Line Tool...).',
    '# Runs the command-line tool bundled with the installed extension. Delete this file to remove it.',
    `cli=${quoteArg(cliPath, 'posix')}`,
    'if [ ! -f "$cli" ]; then',
    `  echo 'cucm-trace-lens: ${gone}' >&2`,
    '  exit 2',
    'fi',
    'if ! command -v node >/dev/null 2>&1; then',
    "  echo 'cucm-trace-lens: needs Node.js 20 or later on PATH (https://nodejs.org)' >&2",
    '  exit 2',
    'fi',
    'exec node "$cli" "$@"',
    '',
  ].join('\n');
}

/** Whether `folder` is one of the PATH entries (case-insensitive on Windows, trailing separators ignored). */
export function isOnPath(folder: string, pathVar: string | undefined, platform: Platform): boolean {
  const sep = platform === 'win32' ? ';' : ':';
  const norm = (p: string) => {
    const trimmed = p.replace(/[\\/]+$/, '');
    return platform === 'win32' ? trimmed.toLowerCase() : trimmed;
  };
  const want = norm(folder);
  return (pathVar ?? '').split(sep).some((entry) => entry !== '' && norm(entry) === want);
}
