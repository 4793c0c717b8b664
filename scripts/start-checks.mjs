// What `npm start` checks before it launches anything, each answer one sentence a newcomer can act on.
// Pure functions over (platform, env, file tests) so the unit tests try Windows and macOS here too.
import fs from 'node:fs';
import path from 'node:path';

export const DEBIAN_PACKAGES =
  'chromium ripgrep libkrb5-dev build-essential python3 fonts-ipafont-gothic git ca-certificates';
export const CODE_SERVER_VERSION = '4.100.3';

const isFile = (p) => {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
};

/** Like `which`/`where`: the first PATH entry holding `names[i]` (Windows: PATH is `Path` or `PATH`). */
export function findOnPath(names, { platform = process.platform, env = process.env, exists = isFile } = {}) {
  const pathVar = platform === 'win32' ? (env.Path ?? env.PATH ?? '') : (env.PATH ?? '');
  const sep = platform === 'win32' ? ';' : ':';
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  for (const dir of pathVar.split(sep)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = join(dir.replace(/^"(.*)"$/, '$1'), name);
      if (exists(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Desktop VS Code's `code` launcher: PATH first, then where the installers put it. */
export function findDesktopCode({ platform = process.platform, env = process.env, exists = isFile } = {}) {
  const names = platform === 'win32' ? ['code.cmd'] : ['code'];
  const onPath = findOnPath(names, { platform, env, exists });
  if (onPath) return onPath;
  const usual =
    platform === 'win32'
      ? [env.LOCALAPPDATA, env.ProgramFiles]
          .filter((base) => typeof base === 'string' && base !== '')
          .map((base) => /** @type {string} */ (base))
          .flatMap((base) => [
            path.win32.join(base, 'Programs', 'Microsoft VS Code', 'bin', 'code.cmd'),
            path.win32.join(base, 'Microsoft VS Code', 'bin', 'code.cmd'),
          ])
      : platform === 'darwin'
        ? ['/Applications', path.posix.join(env.HOME ?? '/nonexistent', 'Applications')].map((base) =>
            path.posix.join(base, 'Visual Studio Code.app', 'Contents', 'Resources', 'app', 'bin', 'code'),
          )
        : [];
  return usual.find((p) => exists(p));
}

/** `PORT` for code-server: undefined when unset; an error sentence when it is not a port number. */
export function parsePort(value) {
  if (value === undefined || value === '') return { port: 8080 };
  const n = Number(value);
  if (!/^\d{1,5}$/.test(value) || n < 1 || n > 65535) {
    return { error: `PORT must be a port number from 1 to 65535, not "${value}".` };
  }
  return { port: n };
}

/** Why code-server cannot run here (platform or Node version), or undefined. */
export function codeServerProblem({ platform = process.platform, nodeVersion = process.version } = {}) {
  if (platform !== 'linux') {
    return (
      'npm start found no desktop VS Code: install it from https://code.visualstudio.com and make sure the `code` ' +
      'command is on PATH (the code-server fallback runs on Linux only).'
    );
  }
  if (nodeVersion.replace(/^v/, '').split('.')[0] !== '20') {
    return (
      `npm start found no desktop VS Code, and its fallback, code-server ${CODE_SERVER_VERSION}, needs Node 20 ` +
      `(this is Node ${nodeVersion}): switch to Node 20 (for example \`nvm use 20\`) or install desktop VS Code.`
    );
  }
  return undefined;
}

/** Debian tools and headers install-code-server.sh needs to build code-server's native modules. */
export function missingBuildTools({ env = process.env, exists = isFile } = {}) {
  const missing = [];
  const has = (tool) => findOnPath([tool], { platform: 'linux', env, exists }) !== undefined;
  if (!has('rg')) missing.push('ripgrep');
  if (!exists('/usr/include/gssapi/gssapi.h') && !exists('/usr/include/gssapi.h')) missing.push('libkrb5-dev');
  if (!has('make') || !has('g++')) missing.push('build-essential');
  if (!has('python3')) missing.push('python3');
  if (!has('tar')) missing.push('tar');
  return missing;
}

export function missingToolsSentence(missing) {
  return (
    `npm start needs ${missing.join(', ')} to install code-server (the offline VS Code) the first time: ` +
    `run \`sudo apt-get update && sudo apt-get install -y ${DEBIAN_PACKAGES}\`, or install desktop VS Code.`
  );
}
