// The command line's options: one table per command, read with node:util's parseArgs (the
// tokenizer) and checked here, so that an option a command does not take ("figures --corpus") is a
// usage error in the user's language, not silently ignored.

import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { pickLocale, t, type Locale, type MessageKey } from '../core/l10n';
import { isCalendarDay } from '../core/text';

export type Command = 'index' | 'check' | 'places' | 'figures' | 'explain';
export const COMMANDS: readonly Command[] = ['index', 'check', 'places', 'figures', 'explain'];

export type Format = 'text' | 'json' | 'markdown';

export interface Args {
  command: Command | '';
  positional: string[];
  corpus: string[];
  format: Format;
  locale: Locale;
  cacheDir: string | null;
  help: boolean;
  /** The drafts' present (YYYY-MM-DD), from --date. */
  date: string | null;
  /** List every skipped archive file or line (index always does). */
  verbose: boolean;
  /** A shared index (PostgreSQL connection string), from --store or BRONVAST_STORE; null: none. */
  store: string | null;
  /** index: keep running and write every change of the archive into the store. */
  watch: boolean;
  /** index --watch: poll the archive instead of waiting for file-system events (a network share). */
  poll: boolean;
}

/** A usage error: exit 2, the message in the user's language, then the command's usage. */
export class UsageError extends Error {
  /** Print the command's usage after the message (not for a missing file or an empty archive). */
  readonly showUsage: boolean = true;
  constructor(message: string, readonly command: Command | '' = '', readonly locale?: Locale) { super(message); }
}

/** Bad input named on a well-formed command line (a missing file, an empty archive): exit 2, no usage text. */
export class InputError extends UsageError {
  override readonly showUsage = false;
}

type Option = 'corpus' | 'store' | 'watch' | 'poll' | 'format' | 'lang' | 'date' | 'cache-dir' | 'no-cache' | 'verbose' | 'help';

const CONFIG = {
  corpus: { type: 'string', short: 'c', multiple: true },
  store: { type: 'string' },
  watch: { type: 'boolean', short: 'w' },
  poll: { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  lang: { type: 'string' },
  date: { type: 'string' },
  'cache-dir': { type: 'string' },
  'no-cache': { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

const COMMON: Option[] = ['lang', 'help'];

/** Which options each command takes, and which output formats. */
export const COMMAND_OPTIONS: Record<Command, { options: Option[]; formats: Format[] }> = {
  index: { options: ['store', 'watch', 'poll', 'format', 'cache-dir', 'no-cache'], formats: ['text', 'json'] },
  check: { options: ['corpus', 'store', 'date', 'format', 'cache-dir', 'no-cache', 'verbose'], formats: ['text', 'json'] },
  places: { options: ['corpus', 'store', 'format', 'cache-dir', 'no-cache', 'verbose'], formats: ['text', 'json'] },
  figures: { options: ['format', 'verbose'], formats: ['text', 'json'] },
  explain: { options: ['corpus', 'store', 'format', 'cache-dir', 'no-cache', 'verbose'], formats: ['text', 'json', 'markdown'] },
};

/** Usage-error wording, Dutch and English (in the server's one catalog, core/l10n.ts). */
export function usageMessage(locale: Locale, key: MessageKey, p: Record<string, string> = {}): string {
  return t(locale, key, p);
}



/**
 * Read the command line. `env` gives the default language (BRONVAST_LANG, LC_ALL, LANG) and the
 * default cache folder. Throws UsageError, worded in the language asked for when it could be read.
 */
export function readArgs(argv: string[], env: { locale: string | undefined; cacheDir: string | null; store?: string | null }): Args {
  const { tokens } = parseArgs({ args: argv, options: CONFIG, strict: false, allowPositionals: true, tokens: true });
  const args: Args = {
    command: '', positional: [], corpus: [], format: 'text', locale: pickLocale(env.locale),
    cacheDir: env.cacheDir, help: false, date: null, verbose: false, store: null, watch: false, poll: false,
  };
  // The language first, so that every later error is worded in it.
  for (const tk of tokens) {
    if (tk.kind === 'option' && tk.name === 'lang' && (tk.value === 'nl' || tk.value === 'en')) args.locale = tk.value;
  }
  const fail = (key: MessageKey, p: Record<string, string> = {}): never => {
    throw new UsageError(usageMessage(args.locale, key, p), args.command, args.locale);
  };
  const seenOptions: { name: Option; rawName: string }[] = [];
  for (const tk of tokens) {
    if (tk.kind === 'positional') {
      if (!args.command) {
        if (!(COMMANDS as readonly string[]).includes(tk.value)) fail('unknownCommand', { name: tk.value });
        args.command = tk.value as Command;
      } else args.positional.push(tk.value);
      continue;
    }
    if (tk.kind === 'option-terminator') continue;
    const name = tk.name as Option;
    if (!Object.hasOwn(CONFIG, name)) fail('unknownOption', { name: tk.rawName });
    const type = CONFIG[name].type;
    // "--corpus --date x": the next option is not a folder named "--date".
    if (type === 'string' && (!tk.value || (!tk.inlineValue && tk.value.startsWith('--')))) fail('needsValue', { name: tk.rawName });
    if (type === 'boolean' && tk.inlineValue) fail('noValue', { name: tk.rawName });
    seenOptions.push({ name, rawName: tk.rawName });
    const v = tk.value ?? '';
    switch (name) {
      case 'help': args.help = true; break;
      case 'corpus': args.corpus.push(v); break;
      case 'store':
        if (!isStoreUrl(v)) fail('badStore', { value: v });
        args.store = v;
        break;
      case 'format':
        if (v !== 'text' && v !== 'json' && v !== 'markdown') fail('badFormat', { value: v, allowed: 'text, json or markdown' });
        args.format = v as Format;
        break;
      case 'lang':
        if (v !== 'nl' && v !== 'en') fail('badLang', { value: v });
        break;
      case 'date':
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !isCalendarDay(v)) fail('badDate', { value: v });
        args.date = v;
        break;
      case 'cache-dir': args.cacheDir = path.resolve(v); break;
      case 'no-cache': args.cacheDir = null; break;
      case 'verbose': args.verbose = true; break;
      case 'watch': args.watch = true; break;
      case 'poll': args.poll = true; break;
    }
  }
  if (args.command) {
    const allowed = COMMAND_OPTIONS[args.command];
    for (const o of seenOptions) {
      if (!COMMON.includes(o.name) && !allowed.options.includes(o.name)) fail('notForCommand', { command: args.command, name: o.rawName });
    }
    // BRONVAST_STORE: for every command that takes a store, unless --corpus names files instead.
    if (!args.store && env.store && allowed.options.includes('store') && !(args.command !== 'index' && args.corpus.length)) {
      if (!isStoreUrl(env.store)) fail('badStore', { value: env.store });
      args.store = env.store;
    }
    if (args.store && args.corpus.length) fail('storeAndCorpus');
    if (args.watch && !args.store) fail('watchNeedsStore');
    if (args.poll && !args.watch) fail('pollNeedsWatch');
    if (!allowed.formats.includes(args.format)) {
      const or = ` ${t(args.locale, 'or')} `;
      fail('badFormat', { value: args.format, allowed: allowed.formats.slice(0, -1).join(', ') + or + allowed.formats[allowed.formats.length - 1] });
    }
  }
  return args;
}

/** A PostgreSQL connection string as libpq reads it: a URI (postgres:// or postgresql://) or key=value pairs. */
export function isStoreUrl(v: string): boolean {
  return /^postgres(ql)?:\/\//.test(v) || /^\s*\w+\s*=/.test(v);
}
