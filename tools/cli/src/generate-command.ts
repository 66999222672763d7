import { generateWorkspace } from '@parley/mocks';
import { dayOfDate, TimeArgumentError } from '@parley/metrics';
import { parseOptions, UsageError } from './arguments.js';
import { workspaceFileWriter } from './workspace-writer.js';

// `parley generate`: the demo workspace of (seed, conversations, end date), written to a file or a
// directory, identical to what the demo API serves.

export interface GenerateArgs {
  seed: number;
  conversations: number;
  endDate: string;
  out: string;
}

function integerOption(name: string, text: string, min: number): number {
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) < min) {
    throw new UsageError(`--${name} must be a whole number ≥ ${min} (got "${text}")`);
  }
  return Number(text);
}

export function parseGenerateArgs(argv: string[]): GenerateArgs {
  const values = parseOptions(
    argv,
    { seed: { type: 'string' }, conversations: { type: 'string' }, end: { type: 'string' }, out: { type: 'string' } },
    ['seed', 'conversations', 'end', 'out'],
  );
  try {
    dayOfDate(values.end as string);
  } catch (error) {
    if (error instanceof TimeArgumentError) throw new UsageError(`--end: ${error.message}`);
    throw error;
  }
  return {
    seed: integerOption('seed', values.seed as string, 0),
    conversations: integerOption('conversations', values.conversations as string, 0),
    endDate: values.end as string,
    out: values.out as string,
  };
}

/** Progress every 5% for large workspaces; nothing for small ones. */
export function progressReporter(total: number, stderr: NodeJS.WritableStream, label: string): (done: number) => void {
  if (total < 100_000) return () => {};
  const step = Math.ceil(total / 20);
  const started = Date.now();
  return (done) => {
    if (done % step !== 0 && done !== total) return;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    stderr.write(`${label}: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} conversations (${seconds} s)\n`);
  };
}

export async function generateCommand(argv: string[], stderr: NodeJS.WritableStream): Promise<number> {
  const args = parseGenerateArgs(argv);
  const writer = workspaceFileWriter(args.out);
  const progress = progressReporter(args.conversations, stderr, 'generate');
  let conversations = 0;
  generateWorkspace(
    { seed: args.seed, conversations: args.conversations, endDate: args.endDate },
    {
      workspace: (info) => writer.workspace(info),
      record(collection, record) {
        writer.record(collection, record);
        if (collection === 'conversations') progress(++conversations);
      },
    },
  );
  writer.close();
  stderr.write(`wrote ${args.conversations} conversations to ${args.out}\n`);
  return 0;
}
