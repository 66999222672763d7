/**
 * Evaluates the snapshot paths used by the `expected` maps of /shared/examples (examples/README.md):
 * `a.b[2]` indexes an array, `x[*].y` is the list of `y` over every element of array `x`, and a
 * trailing `@sum` adds up every number in the result, nested arrays (heatmap rows) included.
 * A path that does not exist in the snapshot throws, naming the path, so a test fails with a reason.
 */

type PathStep = { kind: 'key'; name: string } | { kind: 'index'; index: number } | { kind: 'all' };

function parsePath(path: string): { steps: PathStep[]; sum: boolean } {
  let body = path;
  let sum = false;
  if (body.endsWith('@sum')) {
    sum = true;
    body = body.slice(0, -'@sum'.length);
  }
  const steps: PathStep[] = [];
  for (const segment of body.split('.')) {
    const match = /^([^[\]]*)((?:\[(?:\d+|\*)\])*)$/.exec(segment);
    if (!match) throw new Error(`example path ${JSON.stringify(path)}: cannot parse segment ${JSON.stringify(segment)}`);
    if (match[1] !== '') steps.push({ kind: 'key', name: match[1] });
    for (const bracket of match[2].match(/\[(\d+|\*)\]/g) ?? []) {
      const inner = bracket.slice(1, -1);
      steps.push(inner === '*' ? { kind: 'all' } : { kind: 'index', index: Number(inner) });
    }
  }
  return { steps, sum };
}

function describe(steps: readonly PathStep[]): string {
  return steps.map((s) => (s.kind === 'key' ? `.${s.name}` : s.kind === 'all' ? '[*]' : `[${s.index}]`)).join('');
}

function walk(value: unknown, steps: readonly PathStep[], done: readonly PathStep[]): unknown {
  if (steps.length === 0) return value;
  const [step, ...rest] = steps;
  const here = [...done, step];
  if (step.kind === 'key') {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, step.name)) {
      throw new Error(`snapshot has no ${describe(here)}`);
    }
    return walk((value as Record<string, unknown>)[step.name], rest, here);
  }
  if (!Array.isArray(value)) throw new Error(`snapshot ${describe(done) || '(root)'} is not an array`);
  if (step.kind === 'index') {
    if (step.index >= value.length) throw new Error(`snapshot ${describe(done)} has ${value.length} elements, no [${step.index}]`);
    return walk(value[step.index], rest, here);
  }
  return value.map((element, index) => walk(element, rest, [...done, { kind: 'index', index }]));
}

function sumOf(value: unknown, path: string): number {
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.reduce((total: number, element: unknown) => total + sumOf(element, path), 0);
  throw new Error(`example path ${JSON.stringify(path)}: @sum over a non-number ${JSON.stringify(value)}`);
}

/** The value at `path` in `snapshot` (see the file comment for the path syntax). */
export function evaluateExamplePath(snapshot: unknown, path: string): unknown {
  const { steps, sum } = parsePath(path);
  const value = walk(snapshot, steps, []);
  return sum ? sumOf(value, path) : value;
}
