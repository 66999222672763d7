import { defaultSizes } from './bench-config.js';

// `npm run bench -- [--sizes 100000,1000000] [--json] [--fresh] [--runs N] [--messages-per-conversation M]`

export interface BenchOptions {
  sizes: number[];
  /** Print only the JSON array of result rows on stdout. */
  json: boolean;
  /** Ignore (and rewrite) the table cache. */
  fresh: boolean;
  /** Minimum timed runs per query and engine (at least 10). */
  minRuns: number;
  /** Mean messages per conversation per size; absent = the generator's default. */
  messagesPerConversation: Map<number, number>;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/** `--help`: not an error, the usage goes to stdout. */
export class HelpRequested extends Error {
  override name = 'HelpRequested';
}

export const usage = `usage: npm run bench -- [--sizes 100000,1000000,5000000] [--json] [--fresh] [--runs N]
                        [--messages-per-conversation M | SIZE:M,SIZE:M]`;

function positiveInteger(text: string, what: string): number {
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value <= 0) throw new UsageError(`${what} must be a positive integer, got "${text}"`);
  return value;
}

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { sizes: [...defaultSizes], json: false, fresh: false, minRuns: 10, messagesPerConversation: new Map() };
  let allSizesMessages: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      return next;
    };
    switch (name) {
      case '--sizes':
        options.sizes = value()
          .split(',')
          .filter((part) => part.trim() !== '')
          .map((part) => positiveInteger(part.trim(), '--sizes'));
        if (options.sizes.length === 0) throw new UsageError('--sizes needs at least one size');
        break;
      case '--json':
        options.json = true;
        break;
      case '--fresh':
        options.fresh = true;
        break;
      case '--runs':
        options.minRuns = Math.max(10, positiveInteger(value(), '--runs'));
        break;
      case '--messages-per-conversation': {
        const text = value();
        if (!text.includes(':')) allSizesMessages = Number(text);
        else {
          for (const pair of text.split(',')) {
            const [size, messages] = pair.split(':');
            if (!(Number(messages) > 0)) throw new UsageError(`--messages-per-conversation: "${pair}" needs SIZE:M with M > 0`);
            options.messagesPerConversation.set(positiveInteger(size, 'size'), Number(messages));
          }
        }
        break;
      }
      case '--help':
      case '-h':
        throw new HelpRequested(usage);
      default:
        throw new UsageError(`unknown option ${arg}\n${usage}`);
    }
  }
  if (allSizesMessages !== null) {
    if (!(allSizesMessages > 0)) throw new UsageError('--messages-per-conversation must be > 0');
    for (const size of options.sizes) if (!options.messagesPerConversation.has(size)) options.messagesPerConversation.set(size, allSizesMessages);
  }
  return options;
}
