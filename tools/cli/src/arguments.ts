import { parseArgs } from 'node:util';

// Argument parsing for every command: node:util parseArgs in strict mode, its errors turned into
// one clear line.

export class UsageError extends Error {
  override name = 'UsageError';
}

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export function parseOptions(argv: string[], options: OptionSpec, required: string[]): OptionValues {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: false, tokens: true });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0].replace(/\. To specify a positional argument.*$/, '');
    throw new UsageError(message);
  }
  const values = parsed.values as Record<string, unknown>;
  for (const name of required) {
    if (values[name] === undefined) throw new UsageError(`missing --${name}`);
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name) && !options[token.name]?.multiple) throw new UsageError(`--${token.name} given more than once`);
    seen.add(token.name);
  }
  return values as OptionValues;
}
