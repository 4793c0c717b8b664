// Extension-host test entry (extensionTestsPath = dist/test/suite/index.js), shared by
// test/runner/run-offline.mjs (code-server, no internet) and test/runner/run-electron.mjs
// (@vscode/test-electron). Runs every sibling *.test.js with mocha (BDD), prints the spec output
// to the console and writes a JSON result file for the runner:
//   $CUCM_TEST_RESULT_FILE, or <extension root>/.vscode-test/suite-result.json when unset.
// $CUCM_TEST_GREP filters tests (mocha grep).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';

interface TestRecord {
  title: string;
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface SuiteResult {
  passes: number;
  failures: number;
  pending: number;
  tests: TestRecord[];
  output: string;
}

/** dist/test/suite -> extension root */
const extensionRoot = path.resolve(__dirname, '..', '..', '..');

export function resultFilePath(): string {
  return process.env.CUCM_TEST_RESULT_FILE || path.join(extensionRoot, '.vscode-test', 'suite-result.json');
}

function writeResult(result: SuiteResult): void {
  const file = resultFilePath();
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // write then rename, so a runner polling the file never reads half of it
    fs.writeFileSync(file + '.tmp', JSON.stringify(result, null, 2));
    fs.renameSync(file + '.tmp', file);
  } catch (e) {
    console.error(`[test] could not write ${file}: ${String(e)}`);
  }
}

function errorText(err: unknown): string {
  if (!err) return '';
  const e = err as { stack?: string; message?: string };
  return e.stack || e.message || String(err);
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: Number(process.env.CUCM_TEST_TIMEOUT_MS) || 20000,
    reporter: 'spec',
  });
  const grep = process.env.CUCM_TEST_GREP;
  if (grep) mocha.grep(grep);

  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  // Capture what the spec reporter prints (it goes through Base.consoleLog), still printing it.
  const Base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const originalLog = Base.consoleLog;
  const lines: string[] = [];
  Base.consoleLog = (...args: unknown[]) => {
    lines.push(util.format(...args));
    originalLog.apply(console, args);
  };

  const tests: TestRecord[] = [];
  return new Promise<void>((resolve, reject) => {
    const finish = (result: SuiteResult, error?: Error) => {
      Base.consoleLog = originalLog;
      writeResult(result);
      if (error) reject(error);
      else resolve();
    };
    try {
      if (files.length === 0) {
        const output = `no *.test.js files in ${__dirname}`;
        console.error(output);
        finish({ passes: 0, failures: 1, pending: 0, tests: [], output }, new Error(output));
        return;
      }
      const runner = mocha.run((failures) => {
        const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
        const result: SuiteResult = {
          passes: stats.passes,
          failures,
          pending: stats.pending,
          tests,
          output: lines.join('\n'),
        };
        finish(result, failures > 0 ? new Error(`${failures} test(s) failed.`) : undefined);
      });
      runner.on('pass', (t) =>
        tests.push({ title: t.title, fullTitle: t.fullTitle(), state: 'passed', durationMs: t.duration }),
      );
      runner.on('fail', (t, err) =>
        tests.push({ title: t.title, fullTitle: t.fullTitle(), state: 'failed', error: errorText(err) }),
      );
      runner.on('pending', (t) => tests.push({ title: t.title, fullTitle: t.fullTitle(), state: 'pending' }));
    } catch (err) {
      // e.g. a test file that throws while loading
      const output = lines.join('\n') + '\n' + errorText(err);
      console.error(errorText(err));
      finish(
        { passes: 0, failures: 1, pending: 0, tests, output },
        err instanceof Error ? err : new Error(String(err)),
      );
    }
  });
}
