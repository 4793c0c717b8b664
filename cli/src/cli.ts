import { analyze, builtinCatalog, toLocale, type Locale } from '../../engine/src/index';
import { collectFiles, readTraceFile } from './files';
import { jsonReport, sarifReport, textReport, type FileReport } from './report';

const VERSION = '0.1.0';
const USAGE = `Usage: cucm-trace-lens scan PATH... [--format text|json|sarif] [--locale en|ja] [--max N]

Finds known Cisco CUCM / UCCX problems in trace, log and CLI-output files (folders are scanned
recursively, .gz traces are unpacked). Exit code: 0 no error-level finding, 1 at least one, 2 bad usage.

  --format   text (default), json, or sarif (SARIF 2.1.0)
  --locale   language of messages: en (default) or ja; LANG=ja_* also selects Japanese
  --max      findings reported per file (default: all)
`;

interface Args {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  locale: Locale;
  max?: number;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args | 'help' | 'version' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  if (argv.includes('--version')) return 'version';
  const [cmd, ...rest] = argv;
  if (cmd !== 'scan') throw new UsageError(cmd ? `unknown command "${cmd}"` : 'missing command');
  const args: Args = { paths: [], format: 'text', locale: toLocale(process.env.LC_ALL || process.env.LANG) };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = (): string => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json' && v !== 'sarif')
        throw new UsageError(`--format must be text, json or sarif, not "${v}"`);
      args.format = v;
    } else if (a === '--locale') {
      const v = value();
      if (v !== 'en' && v !== 'ja') throw new UsageError(`--locale must be en or ja, not "${v}"`);
      args.locale = v;
    } else if (a === '--max') {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 1) throw new UsageError('--max must be a positive whole number');
      args.max = v;
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else args.paths.push(a);
  }
  if (args.paths.length === 0) throw new UsageError('scan needs at least one file or folder');
  return args;
}

function main(argv: string[]): number {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`cucm-trace-lens: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (args === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const { files, missing } = collectFiles(args.paths);
  for (const m of missing) process.stderr.write(`cucm-trace-lens: ${m}: no such file or folder\n`);
  if (missing.length > 0 && files.length === 0) return 2;

  const catalog = builtinCatalog();
  const reports: FileReport[] = [];
  for (const file of files) {
    const read = readTraceFile(file);
    if (read.error || read.text === undefined) {
      const why = read.error ?? `skipped: ${read.note?.[args.locale] ?? 'not a text file'}`;
      process.stderr.write(`cucm-trace-lens: ${file}: ${why}\n`);
      reports.push({ file, encoding: read.encoding, error: why, findings: [], total: 0 });
      continue;
    }
    const result = analyze(read.text, { maxFindings: args.max });
    reports.push({
      file,
      encoding: read.encoding,
      note: read.note?.[args.locale],
      findings: result.findings,
      total: result.total,
    });
  }
  const out =
    args.format === 'json'
      ? jsonReport(reports, catalog.byId, args.locale)
      : args.format === 'sarif'
        ? sarifReport(reports, catalog.byId, args.locale, VERSION)
        : textReport(reports, catalog.byId, args.locale);
  process.stdout.write(out + '\n');
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
