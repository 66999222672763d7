import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleGraph } from './bundle-graph.js';
import { lazyClosure, staticClosure } from './bundle-graph.js';
import { type Budget, checkBudgets, gzipBytes, measureBundles, replaceSizeSection, sectionEnd, sectionStart, sizeTable } from './size-budget.js';

// A hand-made build: two widgets sharing lit.js; the chart imports plot.js lazily, which imports
// d3.js; the card also imports format.js, which imports lit.js again (counted once).
const graph: BundleGraph = {
  entries: { 'parley-card': 'parley-card.js', 'parley-chart': 'parley-chart.js' },
  sources: {},
  chunks: {
    'parley-card.js': { imports: ['chunks/lit.js', 'chunks/format.js'], dynamicImports: [], modules: ['libs/widgets/src/card/parley-card.ts'], assets: [] },
    'parley-chart.js': { imports: ['chunks/lit.js'], dynamicImports: ['chunks/plot.js'], modules: ['libs/widgets/src/chart/parley-chart.ts'], assets: [] },
    'chunks/lit.js': { imports: [], dynamicImports: [], modules: ['node_modules/lit-html/lit-html.js'], assets: ['assets/engine.worker.js'] },
    'chunks/format.js': { imports: ['chunks/lit.js'], dynamicImports: [], modules: ['libs/ui/src/format.ts'], assets: [] },
    'chunks/plot.js': { imports: ['chunks/d3.js', 'chunks/lit.js'], dynamicImports: [], modules: ['node_modules/@observablehq/plot/src/plot.js'], assets: [] },
    'chunks/d3.js': { imports: [], dynamicImports: [], modules: ['node_modules/d3-array/src/index.js'], assets: [] },
  },
  workers: ['assets/engine.worker.js'],
};
// Incompressible contents of known sizes.
const contents: Record<string, string> = {};
let seed = 1;
const noise = (length: number) =>
  Array.from({ length }, () => {
    seed = (seed * 16807) % 2147483647;
    return String.fromCharCode(33 + (seed % 90));
  }).join('');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-size-'));
  const lengths: Record<string, number> = { 'parley-card.js': 300, 'parley-chart.js': 400, 'chunks/lit.js': 6000, 'chunks/format.js': 800, 'chunks/plot.js': 9000, 'chunks/d3.js': 3000, 'assets/engine.worker.js': 5000 };
  for (const [file, length] of Object.entries(lengths)) {
    contents[file] = noise(length);
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), contents[file]);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const gz = (...files: string[]) => files.reduce((sum, file) => sum + gzipBytes(contents[file]), 0);

describe('the static and lazy graphs', () => {
  it('follow static imports transitively, each file once', () => {
    expect(staticClosure(graph, 'parley-card.js')).toEqual(['parley-card.js', 'chunks/lit.js', 'chunks/format.js']);
    expect(staticClosure(graph, 'parley-chart.js')).toEqual(['parley-chart.js', 'chunks/lit.js']);
  });

  it('list what a dynamic import adds, without what is loaded at start', () => {
    expect(lazyClosure(graph, 'parley-chart.js').sort()).toEqual(['chunks/d3.js', 'chunks/plot.js']);
    expect(lazyClosure(graph, 'parley-card.js')).toEqual([]);
  });

  it('fail loudly on a file missing from the graph', () => {
    const broken: BundleGraph = { ...graph, chunks: { ...graph.chunks, 'parley-card.js': { ...graph.chunks['parley-card.js'], imports: ['chunks/gone.js'] } } };
    expect(() => staticClosure(broken, 'parley-card.js')).toThrow('chunks/gone.js');
  });
});

describe('measureBundles', () => {
  it('sums gzip sizes of the entry with its static imports, and of its lazy chunks', () => {
    const { bundles, workers } = measureBundles(dir, graph);
    const card = bundles.find((bundle) => bundle.name === 'parley-card');
    expect(card).toMatchObject({ ownGzipBytes: gz('parley-card.js'), staticGzipBytes: gz('parley-card.js', 'chunks/lit.js', 'chunks/format.js'), lazyGzipBytes: 0 });
    const chart = bundles.find((bundle) => bundle.name === 'parley-chart');
    expect(chart).toMatchObject({ staticGzipBytes: gz('parley-chart.js', 'chunks/lit.js'), lazyGzipBytes: gz('chunks/plot.js', 'chunks/d3.js') });
    expect(workers).toEqual([{ file: 'assets/engine.worker.js', gzipBytes: gz('assets/engine.worker.js') }]);
  });

  it('prints one table row per bundle and per worker', () => {
    const { bundles, workers } = measureBundles(dir, graph);
    const table = sizeTable(bundles, workers).split('\n');
    expect(table).toHaveLength(2 + 2 + 1);
    expect(table[3]).toMatch(/^\| `parley-chart\.js` \| \d+\.\d \| \d+\.\d \| \d+\.\d \(2 files\) \|$/);
    expect(table[4]).toContain('engine worker');
  });
});

describe('checkBudgets', () => {
  const budget = (entry: string, maxStaticGzipBytes: number): Budget => ({ entry, maxStaticGzipBytes, forbiddenPackages: ['@observablehq/plot'] });

  it('passes within the budget, fails over it', () => {
    const { bundles } = measureBundles(dir, graph);
    const within = gz('parley-card.js', 'chunks/lit.js', 'chunks/format.js');
    expect(checkBudgets(bundles, () => true, [budget('parley-card', within)])[0].status).toBe('pass');
    const over = checkBudgets(bundles, () => true, [budget('parley-card', within - 1)])[0];
    expect(over.status).toBe('fail');
    expect(over.message).toContain('over the');
  });

  it('fails when a forbidden package is in the static graph, not when it is lazy', () => {
    const eagerPlot: BundleGraph = { ...graph, chunks: { ...graph.chunks, 'parley-chart.js': { ...graph.chunks['parley-chart.js'], imports: ['chunks/lit.js', 'chunks/plot.js'] } } };
    expect(checkBudgets(measureBundles(dir, graph).bundles, () => true, [budget('parley-chart', 1e9)])[0].status).toBe('pass');
    const result = checkBudgets(measureBundles(dir, eagerPlot).bundles, () => true, [budget('parley-chart', 1e9)])[0];
    expect(result.status).toBe('fail');
    expect(result.message).toContain('@observablehq/plot');
  });

  it('skips a missing entry only while its source does not exist', () => {
    const { bundles } = measureBundles(dir, graph);
    const [skipped] = checkBudgets(bundles, () => false, [budget('parley-metric-card', 20_000)]);
    expect(skipped.status).toBe('skip');
    expect(skipped.message).toContain('SKIPPED');
    expect(checkBudgets(bundles, () => true, [budget('parley-metric-card', 20_000)])[0].status).toBe('fail');
  });
});

describe('replaceSizeSection', () => {
  it('appends the section once, then replaces it in place', () => {
    const first = replaceSizeSection('# Benchmarks\n\ntext\n', '## Bundle sizes\n\nv1');
    expect(first).toBe(`# Benchmarks\n\ntext\n\n${sectionStart}\n## Bundle sizes\n\nv1\n${sectionEnd}\n`);
    const second = replaceSizeSection(`${first}\n## Later\n`, '## Bundle sizes\n\nv2');
    expect(second).toBe(`# Benchmarks\n\ntext\n\n${sectionStart}\n## Bundle sizes\n\nv2\n${sectionEnd}\n\n## Later\n`);
  });
});
