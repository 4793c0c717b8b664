import { analyze, builtinCatalog, TextIndex, type Locale } from '../../engine/src/index';
import { isProblem, readTraceFileSync, readTraceStream, type TraceRead } from '../../common/node/read-trace';
import { version as VERSION } from '../../package.json';
import { earlyLocale, parseArgs, UsageError, type Args } from './args';
import { loadConfig, type SeverityOverride } from './config';
import { jsonReport, sarifReport } from './machine';
import { msg, TEXT, USAGE } from './messages';
import { recordInfos } from './record-time';
import { problemLine, textReport, type FileResult, type ReportOptions } from './report';
import { escapeTerminal, painter, useColor } from './terminal';
import { STDIN, walkPaths, type PathProblem } from './walk';

/** Exit codes, as `--help` and docs/cli.md document them. */
export const EXIT = { clean: 0, errorFindings: 1, usageOrUnreadable: 2 } as const;

const err = (line: string) => process.stderr.write(`${line}\n`);

async function readInput(input: string, locale: Locale, quiet: boolean): Promise<TraceRead> {
  if (input !== STDIN) return readTraceFileSync(input);
  if (process.stdin.isTTY && !quiet) err(`cucm-trace-lens: ${msg(locale, TEXT.stdinTty)}`);
  return readTraceStream(process.stdin);
}

/** Reads, analyzes and reports every input; returns the exit code. */
async function scan(args: Args, overrides: SeverityOverride[]): Promise<number> {
  const walked = walkPaths(args.paths);
  const problems: PathProblem[] = [...walked.problems];
  const results: FileResult[] = [];
  for (const input of walked.inputs) {
    const read = await readInput(input, args.locale, args.quiet);
    if (isProblem(read)) {
      problems.push({ path: input, problem: read.problem });
      continue;
    }
    const findings = analyze(read.text, { severityOverrides: overrides }).findings;
    results.push({
      file: input,
      encoding: read.encoding,
      gzip: read.gzip,
      ...(read.note ? { note: read.note } : {}),
      findings,
      records: recordInfos(new TextIndex(read.text), findings),
    });
  }
  // Every unreadable input is said on stderr whatever the format; skipped ones (binary) unless --quiet.
  for (const p of problems) if (p.problem.level === 'error' || !args.quiet) err(problemLine(p, args.locale));

  const code = problems.some((p) => p.problem.level === 'error')
    ? EXIT.usageOrUnreadable
    : results.some((r) => r.findings.some((f) => f.severity === 'error'))
      ? EXIT.errorFindings
      : EXIT.clean;
  const o: ReportOptions = { locale: args.locale, byId: builtinCatalog().byId, max: args.max, quiet: args.quiet };
  const out =
    args.format === 'json'
      ? jsonReport(results, problems, o, VERSION)
      : args.format === 'sarif'
        ? sarifReport(results, problems, o, VERSION, code)
        : textReport(results, problems, o, painter(useColor(args.color, !!process.stdout.isTTY, process.env)));
  process.stdout.write(out + '\n');
  return code;
}

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  const locale = earlyLocale(argv, process.env);
  try {
    args = parseArgs(argv, process.env);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`cucm-trace-lens: ${escapeTerminal(msg(locale, e.text, ...e.args))}\n`);
    process.stderr.write(USAGE[locale]);
    return EXIT.usageOrUnreadable;
  }
  if (args === 'help') {
    process.stdout.write(USAGE[locale]);
    return EXIT.clean;
  }
  if (args === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return EXIT.clean;
  }
  const config = loadConfig(args.config, process.cwd());
  if (config.problems.length) {
    for (const p of config.problems)
      err(`cucm-trace-lens: ${msg(args.locale, TEXT.badConfig, config.file ?? '', p[args.locale])}`);
    return EXIT.usageOrUnreadable;
  }
  return scan(args, config.severityOverrides);
}

// `cucm-trace-lens scan … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // A bug of ours: one line, not a stack trace; CUCM_TRACE_LENS_DEBUG=1 shows the stack.
    err(`cucm-trace-lens: internal error: ${escapeTerminal(e instanceof Error ? e.message : String(e))}`);
    if (process.env.CUCM_TRACE_LENS_DEBUG && e instanceof Error && e.stack) err(e.stack);
    process.exitCode = EXIT.usageOrUnreadable;
  },
);
