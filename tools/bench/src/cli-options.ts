import { defaultSizes } from './bench-config.js';
import { defaultBrowserPlan } from './browser/browser-plan.js';

// `npm run bench -- [--sizes 100000,1000000] [--json] [--fresh] [--runs N] [--messages-per-conversation M]
//                   [--browser-only | --no-browser] [--browser-sizes 100000,1000000] [--ingest-conversations N]
//                   [--empty-builder-state]`

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
  /** Which parts run: the Node engines (`node`), the browser benchmarks (`browser`), or both. */
  parts: { node: boolean; browser: boolean };
  /** Browser cold-start sizes (the largest also gets the roundtrips, the smallest the per-row comparison). */
  browserSizes: number[];
  /** Conversations of the browser ingest (sync and import); 0 = no ingest. */
  ingestConversations: number;
  /** Fill the browser cache from the cached tables with an empty builder state (faster set-up). */
  emptyBuilderState: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/** `--help`: not an error, the usage goes to stdout. */
export class HelpRequested extends Error {
  override name = 'HelpRequested';
}

export const usage = `usage: npm run bench -- [--sizes 100000,1000000,5000000] [--json] [--fresh] [--runs N]
                        [--messages-per-conversation M | SIZE:M,SIZE:M]
                        [--browser-only | --no-browser] [--browser-sizes 100000,1000000]
                        [--ingest-conversations N] [--empty-builder-state]`;

function sizeList(text: string, what: string): number[] {
  const sizes = text
    .split(',')
    .filter((part) => part.trim() !== '')
    .map((part) => positiveInteger(part.trim(), what));
  if (sizes.length === 0) throw new UsageError(`${what} needs at least one size`);
  return sizes;
}

function positiveInteger(text: string, what: string): number {
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value <= 0) throw new UsageError(`${what} must be a positive integer, got "${text}"`);
  return value;
}

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = {
    sizes: [...defaultSizes],
    json: false,
    fresh: false,
    minRuns: 10,
    messagesPerConversation: new Map(),
    parts: { node: true, browser: true },
    browserSizes: [...defaultBrowserPlan.sizes],
    ingestConversations: defaultBrowserPlan.ingestConversations,
    emptyBuilderState: false,
  };
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
        options.sizes = sizeList(value(), '--sizes');
        break;
      case '--browser-only':
        options.parts = { node: false, browser: true };
        break;
      case '--no-browser':
        options.parts = { node: true, browser: false };
        break;
      case '--browser-sizes':
        options.browserSizes = sizeList(value(), '--browser-sizes');
        break;
      case '--ingest-conversations': {
        const text = value();
        options.ingestConversations = text === '0' ? 0 : positiveInteger(text, '--ingest-conversations');
        break;
      }
      case '--empty-builder-state':
        options.emptyBuilderState = true;
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
  if (argv.includes('--browser-only') && argv.includes('--no-browser')) throw new UsageError('--browser-only and --no-browser exclude each other');
  if (allSizesMessages !== null) {
    if (!(allSizesMessages > 0)) throw new UsageError('--messages-per-conversation must be > 0');
    for (const size of options.sizes) if (!options.messagesPerConversation.has(size)) options.messagesPerConversation.set(size, allSizesMessages);
  }
  return options;
}
