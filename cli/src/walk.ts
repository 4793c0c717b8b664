import * as fs from 'node:fs';
import * as path from 'node:path';
import { errnoProblem, type TraceProblem } from '../../common/node/read-trace';
import { say, READ_MESSAGES } from '../../common/node/read-messages';
import type { Localized } from '../../engine/src/index';

/** `-` stands for standard input, as in grep and rg. */
export const STDIN = '-';
const SKIP_DIRS = new Set(['node_modules', '.git', '.svn', '.hg']);

export interface PathProblem {
  path: string;
  problem: TraceProblem;
}

export interface Walked {
  /** Files to read (and `-` for standard input), each once, in the order given and by name inside folders. */
  inputs: string[];
  problems: PathProblem[];
}

const LOOP: Localized = {
  en: 'symbolic link loop: leads back to {0}, which is already being scanned; not followed',
  ja: 'シンボリック リンクのループ: スキャン中の {0} に戻るため、たどりませんでした',
};
const UNLISTABLE: Localized = {
  en: 'folder cannot be listed: {0}',
  ja: 'フォルダーの中身を一覧できません: {0}',
};
const FOLDER_DENIED: Localized = {
  en: 'permission denied: the folder cannot be listed',
  ja: 'アクセスが拒否されました。フォルダーの中身を一覧できません',
};

/**
 * Every file under the given paths. Folders are walked recursively, symbolic links followed, but each
 * real folder is entered once and each real file read once, so link loops end. FIFOs, sockets and devices are
 * reported without being opened (opening a FIFO would wait for a writer forever).
 */
export function walkPaths(paths: string[]): Walked {
  const inputs: string[] = [];
  const problems: PathProblem[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  const report = (p: string, problem: TraceProblem) => problems.push({ path: p, problem });
  const dangling = (p: string): boolean => {
    try {
      return fs.lstatSync(p).isSymbolicLink();
    } catch {
      return false;
    }
  };

  const walkDir = (dir: string, real: string, ancestors: Set<string>): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      const why = errnoProblem(err).problem;
      report(dir, { ...why, message: why.kind === 'permission' ? FOLDER_DENIED : listMessage(why.message) });
      return;
    }
    ancestors.add(real);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
      const child = path.join(dir, entry.name);
      // The entry's own type: a FIFO or device is reported from its directory entry, never stat-ed through.
      if (entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice())
        report(child, special());
      else visit(child, ancestors);
    }
    ancestors.delete(real);
  };

  const visit = (p: string, ancestors: Set<string>): void => {
    let st: fs.Stats;
    let real: string;
    try {
      st = fs.statSync(p);
      real = fs.realpathSync(p);
    } catch (err) {
      report(p, errnoProblem(err, dangling(p)).problem);
      return;
    }
    if (st.isDirectory()) {
      if (ancestors.has(real)) report(p, { kind: 'link-loop', level: 'warning', message: say(LOOP, real) });
      else if (!seenDirs.has(real)) {
        seenDirs.add(real);
        walkDir(p, real, ancestors);
      }
    } else if (st.isFile()) {
      if (!seenFiles.has(real)) {
        seenFiles.add(real);
        inputs.push(p);
      }
    } else report(p, special());
  };

  let stdin = false;
  for (const p of paths) {
    if (p === STDIN) {
      if (!stdin) inputs.push(STDIN);
      stdin = true;
    } else visit(p, new Set());
  }
  return { inputs, problems };
}

const special = (): TraceProblem => ({ kind: 'special-file', level: 'error', message: READ_MESSAGES.special });

/** "folder cannot be listed: <reason>" in both languages. */
function listMessage(why: Localized): Localized {
  return { en: UNLISTABLE.en.replace('{0}', why.en), ja: UNLISTABLE.ja.replace('{0}', why.ja) };
}
