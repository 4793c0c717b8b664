import type { Locale, Localized } from '../../engine/src/index';
import { localeFromEnv, USAGE_ERRORS as E } from './messages';
import type { ColorMode } from './terminal';

export interface Args {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  locale: Locale;
  max?: number;
  quiet: boolean;
  color: ColorMode;
  config?: string;
}

/** A mistake on the command line: exit 2 with the message and the usage. */
export class UsageError extends Error {
  constructor(
    readonly text: Localized,
    readonly args: Array<string | number> = [],
  ) {
    super(text.en);
  }
}

function choice<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(E.badChoice, [option, allowed.join('|'), value]);
  return value as T;
}

/** `--opt value` and `--opt=value`; `--` ends the options; `-` alone is a path (standard input). */
export function parseArgs(argv: string[], env: NodeJS.ProcessEnv): Args | 'help' | 'version' {
  const args: Args = { paths: [], format: 'text', locale: localeFromEnv(env), quiet: false, color: 'auto' };
  const [cmd, ...rest] = argv;
  if (cmd === '--help' || cmd === '-h' || rest.includes('--help') || rest.includes('-h')) return 'help';
  if (cmd === '--version') return 'version';
  if (cmd !== 'scan') throw new UsageError(cmd ? E.unknownCommand : E.missingCommand, [cmd ?? '']);
  let optionsEnded = false;
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i];
    if (optionsEnded || token === '-' || !token.startsWith('-')) {
      args.paths.push(token);
      continue;
    }
    if (token === '--') {
      optionsEnded = true;
      continue;
    }
    const eq = token.indexOf('=');
    const name = eq > 0 ? token.slice(0, eq) : token;
    const value = (): string => {
      const v = eq > 0 ? token.slice(eq + 1) : rest[++i];
      if (v === undefined) throw new UsageError(E.needsValue, [name]);
      return v;
    };
    if (name === '--format') args.format = choice(name, value(), ['text', 'json', 'sarif'] as const);
    else if (name === '--locale') args.locale = choice(name, value(), ['en', 'ja'] as const);
    else if (name === '--color' || name === '--colour')
      args.color = choice(name, value(), ['auto', 'always', 'never'] as const);
    else if (name === '--config') args.config = value();
    else if (name === '--max') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new UsageError(E.badMax);
      args.max = n;
    } else if (name === '--quiet' || name === '-q') args.quiet = true;
    else if (name === '--version') return 'version';
    else throw new UsageError(E.unknownOption, [name]);
  }
  if (args.paths.length === 0) throw new UsageError(E.noPaths);
  return args;
}

/** The language for messages before the arguments are known to be valid (help and usage errors). */
export function earlyLocale(argv: string[], env: NodeJS.ProcessEnv): Locale {
  const i = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  const v = i < 0 ? undefined : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  return v === 'ja' || v === 'en' ? v : localeFromEnv(env);
}
