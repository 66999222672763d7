import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type SiteBuild } from './build-site.js';
import { lazyClosure, staticClosure } from './bundle-graph.js';
import { clientEntry } from './entries.js';
import { checkBudgets, measureBundles } from './size-budget.js';

// A real Vite build of two stand-in widgets (src/fixtures) into a temporary directory.

const root = fileURLToPath(new URL('../../../', import.meta.url));
let outDir: string;
let site: SiteBuild;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'parley-build-'));
  site = await buildSite({
    root,
    outDir,
    apps: false,
    entries: [
      clientEntry,
      { name: 'parley-fixture-card', source: 'tools/build/src/fixtures/card/parley-card.ts' },
      { name: 'parley-fixture-chart', source: 'tools/build/src/fixtures/chart/parley-chart.ts' },
    ],
  });
}, 60_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const read = (file: string) => readFileSync(join(site.widgetsDir, file), 'utf8');

describe('buildSite', () => {
  it('writes one module per entry and shares Lit and the engine client in chunks', () => {
    const { graph } = site;
    expect(graph.entries).toEqual({ parley: 'parley.js', 'parley-fixture-card': 'parley-fixture-card.js', 'parley-fixture-chart': 'parley-fixture-chart.js' });
    const card = staticClosure(graph, 'parley-fixture-card.js');
    const chart = staticClosure(graph, 'parley-fixture-chart.js');
    const shared = card.filter((file) => chart.includes(file));
    expect(shared.every((file) => file.startsWith('chunks/'))).toBe(true);
    expect(shared.some((file) => /^chunks\/lit-/.test(file))).toBe(true);
    expect(shared.some((file) => /^chunks\/engine-client-/.test(file))).toBe(true);
    // No entry imports another entry: loading one widget never registers another.
    for (const file of Object.values(graph.entries)) expect(graph.chunks[file].imports.filter((name) => !name.startsWith('chunks/'))).toEqual([]);
  });

  it('builds the engine worker once, as an asset referenced relative to the chunk that starts it', () => {
    const { graph } = site;
    expect(graph.workers).toHaveLength(1);
    expect(graph.workers[0]).toMatch(/^assets\/engine\.worker-[\w-]+\.js$/);
    const starters = Object.entries(graph.chunks).filter(([, node]) => node.assets.length > 0);
    expect(starters.map(([file]) => file)).toEqual([expect.stringMatching(/^chunks\/engine-client-/)]);
    const [file] = starters[0];
    expect(read(file)).toContain(`new URL(\`../${graph.workers[0]}\`,import.meta.url)`);
  });

  it('compiles Lit decorators as TypeScript does (legacy, no class fields)', () => {
    const card = read('parley-fixture-card.js');
    expect(card).toContain('this.measure=`conversations.opened`');
    expect(card).not.toMatch(/@\w+\(\)\s*measure/);
  });

  it('keeps Plot out of the card and lazy in the chart', () => {
    const { graph } = site;
    const plotIn = (files: string[]) => files.some((file) => graph.chunks[file].modules.some((module) => module.includes('node_modules/@observablehq/plot/')));
    expect(plotIn(staticClosure(graph, 'parley-fixture-card.js'))).toBe(false);
    expect(plotIn(staticClosure(graph, 'parley-fixture-chart.js'))).toBe(false);
    expect(plotIn(lazyClosure(graph, 'parley-fixture-chart.js'))).toBe(true);
    expect(lazyClosure(graph, 'parley-fixture-card.js')).toEqual([]);
  });

  it('measures the bundles and checks a budget on them', () => {
    const { bundles, workers } = measureBundles(site.widgetsDir, site.graph);
    const card = bundles.find((bundle) => bundle.name === 'parley-fixture-card');
    expect(card?.staticGzipBytes).toBeGreaterThan(card?.ownGzipBytes ?? Infinity);
    expect(workers[0].gzipBytes).toBeGreaterThan(10_000);
    const verdict = (maxStaticGzipBytes: number) =>
      checkBudgets(bundles, () => true, [{ entry: 'parley-fixture-chart', maxStaticGzipBytes, forbiddenPackages: ['@observablehq/plot'] }])[0].status;
    expect(verdict(20_000)).toBe('pass');
    expect(verdict(1_000)).toBe('fail');
  });
});
