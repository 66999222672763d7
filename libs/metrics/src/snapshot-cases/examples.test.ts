// The shared worked examples (../shared/examples beside the repository, see its README): every
// `expected` path of every run must hold in the engine's snapshot. Path syntax: `a.b[2]` indexes an
// array, `x[*].y` is the list of `y` over every element of `x`, `x@sum` sums the numbers of array `x`
// (nested arrays such as heatmap rows included).

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { snapshotOfWorkspace } from '../index.js';
import { conversationFilterNames, type ConversationFilterName, type Filters, type WorkspaceFile } from '@parley/model';
import { once, type SnapshotOfWorkspace } from './workspace-builder.js';

const report: SnapshotOfWorkspace = snapshotOfWorkspace;

// this file: <root>/main/libs/metrics/src/snapshot-cases/ -> five levels up is <root>, the examples are <root>/shared/examples
const examplesDir = new URL('../../../../../shared/examples/', import.meta.url);

interface ExampleRun {
  args: { from: string; to: string; tz: string; filters: unknown[] };
  expected: Record<string, unknown>;
}

interface ExampleFile {
  name: string;
  notes: string[];
  workspace: WorkspaceFile;
  runs: ExampleRun[];
}

type PathToken = { kind: 'key'; name: string } | { kind: 'index'; index: number } | { kind: 'all' };

/** Splits `a.b[2]`, `x[*].y` into tokens; throws on anything it does not understand. */
function tokenize(path: string): PathToken[] {
  const tokens: PathToken[] = [];
  let rebuilt = '';
  for (const match of path.matchAll(/\.?([^.[\]@]+)|\[(\d+|\*)\]/g)) {
    rebuilt += match[0];
    if (match[1] !== undefined) tokens.push({ kind: 'key', name: match[1] });
    else if (match[2] === '*') tokens.push({ kind: 'all' });
    else tokens.push({ kind: 'index', index: Number(match[2]) });
  }
  if (rebuilt !== path || tokens.length === 0 || tokens[0].kind !== 'key') throw new Error(`unsupported path: ${path}`);
  return tokens;
}

function walk(value: unknown, tokens: PathToken[], path: string): unknown {
  if (tokens.length === 0) return value;
  const [token, ...rest] = tokens;
  if (token.kind === 'key') {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !(token.name in value)) {
      throw new Error(`${path}: no key "${token.name}" in ${JSON.stringify(value)?.slice(0, 80)}`);
    }
    return walk((value as Record<string, unknown>)[token.name], rest, path);
  }
  if (!Array.isArray(value)) throw new Error(`${path}: not an array: ${JSON.stringify(value)?.slice(0, 80)}`);
  if (token.kind === 'all') return value.map((element: unknown) => walk(element, rest, path));
  if (token.index >= value.length) throw new Error(`${path}: index ${token.index} beyond length ${value.length}`);
  return walk(value[token.index], rest, path);
}

function sumOf(value: unknown, path: string): number {
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.reduce((total: number, element: unknown) => total + sumOf(element, path), 0);
  throw new Error(`${path}: @sum over a non-number ${JSON.stringify(value)}`);
}

/** The value at an `expected` path of the examples. */
function evaluate(root: unknown, path: string): unknown {
  const summed = path.endsWith('@sum');
  const base = summed ? path.slice(0, -'@sum'.length) : path;
  const value = walk(root, tokenize(base), path);
  return summed ? sumOf(value, path) : value;
}

/** Example filters: `"name=value"` strings (the CLI form) or `{name, values}` objects. */
function filtersOf(list: unknown[]): Filters {
  const filters: Partial<Record<ConversationFilterName, string[]>> = {};
  const add = (name: string, values: string[]) => {
    if (!(conversationFilterNames as readonly string[]).includes(name)) throw new Error(`unknown filter ${name}`);
    const key = name as ConversationFilterName;
    filters[key] = [...(filters[key] ?? []), ...values];
  };
  for (const item of list) {
    if (typeof item === 'string') {
      const at = item.indexOf('=');
      add(item.slice(0, at), [item.slice(at + 1)]);
    } else if (item !== null && typeof item === 'object' && 'name' in item && 'values' in item) {
      add(String(item.name), (item.values as unknown[]).map(String));
    } else {
      throw new Error(`unsupported example filter ${JSON.stringify(item)}`);
    }
  }
  return filters;
}

describe('the path evaluator', () => {
  const sample = { a: { b: [10, 20, 30] }, x: [{ y: 1 }, { y: 2 }], m: [[1, 2], [3]] };
  it('reads keys, indexes, [*] projections and @sum', () => {
    expect(evaluate(sample, 'a.b[2]')).toBe(30);
    expect(evaluate(sample, 'x[*].y')).toStrictEqual([1, 2]);
    expect(evaluate(sample, 'a.b@sum')).toBe(60);
    expect(evaluate(sample, 'm@sum')).toBe(6);
    expect(evaluate(sample, 'm[1][0]')).toBe(3);
    expect(evaluate(sample, 'a')).toStrictEqual({ b: [10, 20, 30] });
  });
  it('fails loudly on a missing key or index', () => {
    expect(() => evaluate(sample, 'a.c')).toThrow();
    expect(() => evaluate(sample, 'a.b[3]')).toThrow();
    expect(() => evaluate(sample, 'a..b')).toThrow();
  });
});

const examplesPath = fileURLToPath(examplesDir);
const files = readdirSync(examplesPath)
  .filter((name) => name.endsWith('.json'))
  .sort();

it('the examples folder holds both worked examples', () => {
  expect(files).toStrictEqual(['a_single_conversation.json', 'c_dst_paris.json']);
});

for (const file of files) {
  const example = JSON.parse(readFileSync(new URL(file, examplesDir), 'utf8')) as ExampleFile;
  describe(`example ${example.name}`, () => {
    example.runs.forEach((run, index) => {
      const { from, to, tz } = run.args;
      describe(`run ${index}: ${from}..${to} ${tz} [${run.args.filters.map(String).join(', ')}]`, () => {
        const snapshot = once(() => report(example.workspace, { from, to, timeZone: tz, filters: filtersOf(run.args.filters) }));
        for (const [path, expected] of Object.entries(run.expected)) {
          it(`${path} is as worked out by hand`, () => {
            expect(evaluate(snapshot(), path)).toStrictEqual(expected);
          });
        }
      });
    });
  });
}
