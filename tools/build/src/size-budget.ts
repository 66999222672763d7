import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BundleGraph, lazyClosure, staticClosure } from './bundle-graph.js';

// The size budget: what a host page downloads before a widget can paint — the entry and
// every chunk it imports statically — gzipped. Lazy chunks (charts load Plot themselves) and the
// engine worker (one per page) are listed apart.

/** Bytes per KB in the budget and the table (as Vite prints kB). */
export const kilobyte = 1000;

export interface Budget {
  entry: string;
  /** Largest allowed gzipped size of the entry with its static imports. */
  maxStaticGzipBytes: number;
  /** Packages none of whose modules may be in the static graph. */
  forbiddenPackages: string[];
}

export const budgets: readonly Budget[] = [
  { entry: 'parley-metric-card', maxStaticGzipBytes: 20 * kilobyte, forbiddenPackages: ['@observablehq/plot'] },
];

export interface BundleSize {
  name: string;
  file: string;
  ownGzipBytes: number;
  /** The entry and every file it imports statically, each once. */
  staticFiles: string[];
  staticGzipBytes: number;
  /** Files it may import later, with their own static imports, minus `staticFiles`. */
  lazyFiles: string[];
  lazyGzipBytes: number;
  /** Source modules of `staticFiles`. */
  staticModules: string[];
}

export interface WorkerSize {
  file: string;
  gzipBytes: number;
}

export interface BudgetResult {
  entry: string;
  status: 'pass' | 'fail' | 'skip';
  message: string;
}

export function gzipBytes(content: Uint8Array | string): number {
  return gzipSync(content, { level: 9 }).length;
}

/** Sizes of every entry of `graph`, read from the files in `widgetsDir`. */
export function measureBundles(widgetsDir: string, graph: BundleGraph): { bundles: BundleSize[]; workers: WorkerSize[] } {
  const cache = new Map<string, number>();
  const size = (file: string): number => {
    let bytes = cache.get(file);
    if (bytes === undefined) {
      const path = join(widgetsDir, file);
      if (!existsSync(path)) throw new Error(`${path} is in the bundle graph but not on disk: rebuild with npm run build`);
      bytes = gzipBytes(readFileSync(path));
      cache.set(file, bytes);
    }
    return bytes;
  };
  const sum = (files: string[]) => files.reduce((total, file) => total + size(file), 0);
  const bundles = Object.entries(graph.entries).map(([name, file]): BundleSize => {
    const staticFiles = staticClosure(graph, file);
    const lazyFiles = lazyClosure(graph, file);
    return {
      name,
      file,
      ownGzipBytes: size(file),
      staticFiles,
      staticGzipBytes: sum(staticFiles),
      lazyFiles,
      lazyGzipBytes: sum(lazyFiles),
      staticModules: staticFiles.flatMap((chunk) => graph.chunks[chunk]?.modules ?? []),
    };
  });
  return { bundles, workers: graph.workers.map((file) => ({ file, gzipBytes: size(file) })) };
}

/**
 * Checks each budget against the built bundles. A budget's entry may be missing from the build
 * only while its source does not exist yet (`sourceExists`): that is a skip, said out loud; an
 * entry whose source exists but was not built is a failure (a stale `dist/`).
 */
export function checkBudgets(bundles: readonly BundleSize[], sourceExists: (entry: string) => boolean, list: readonly Budget[] = budgets): BudgetResult[] {
  return list.map((budget): BudgetResult => {
    const bundle = bundles.find((candidate) => candidate.name === budget.entry);
    if (bundle === undefined) {
      return sourceExists(budget.entry)
        ? { entry: budget.entry, status: 'fail', message: `${budget.entry}: its source exists but dist/ has no ${budget.entry}.js — run npm run build` }
        : { entry: budget.entry, status: 'skip', message: `${budget.entry}: SKIPPED, no widget entry ${budget.entry}.ts under libs/widgets/src yet — budget not checked` };
    }
    const problems: string[] = [];
    if (bundle.staticGzipBytes > budget.maxStaticGzipBytes) {
      problems.push(`${kb(bundle.staticGzipBytes)} KB gzipped with its static imports, over the ${kb(budget.maxStaticGzipBytes)} KB budget (${bundle.staticFiles.join(', ')})`);
    }
    for (const name of budget.forbiddenPackages) {
      const found = bundle.staticModules.filter((module) => module.includes(`node_modules/${name}/`));
      if (found.length > 0) problems.push(`${found.length} module(s) of ${name} in its static graph, e.g. ${found[0]}`);
    }
    const limits = `≤ ${kb(budget.maxStaticGzipBytes)} KB gz, no ${budget.forbiddenPackages.join(', ')}`;
    return problems.length > 0
      ? { entry: budget.entry, status: 'fail', message: `${budget.entry}: ${problems.join('; ')}` }
      : { entry: budget.entry, status: 'pass', message: `${budget.entry}: ${kb(bundle.staticGzipBytes)} KB gz with its static imports (${limits})` };
  });
}

/** The modules of `files` by size before minification, largest first: what to trim first. */
export function largestModules(graph: BundleGraph, files: readonly string[], top = 12): { module: string; file: string; renderedBytes: number }[] {
  return files
    .flatMap((file) => Object.entries(graph.chunks[file]?.renderedBytes ?? {}).map(([module, renderedBytes]) => ({ module, file, renderedBytes })))
    .sort((a, b) => b.renderedBytes - a.renderedBytes)
    .slice(0, top);
}

export function kb(bytes: number): string {
  return (bytes / kilobyte).toFixed(1);
}

/** The Markdown table of BENCHMARKS.md "Bundle sizes". */
export function sizeTable(bundles: readonly BundleSize[], workers: readonly WorkerSize[]): string {
  const rows = [
    '| bundle | own (KB gz) | with static imports (KB gz) | lazy chunks (KB gz) |',
    '|---|--:|--:|--:|',
    ...bundles.map((bundle) => {
      const lazy = bundle.lazyFiles.length === 0 ? '–' : `${kb(bundle.lazyGzipBytes)} (${bundle.lazyFiles.length} file${bundle.lazyFiles.length === 1 ? '' : 's'})`;
      return `| \`${bundle.file}\` | ${kb(bundle.ownGzipBytes)} | ${kb(bundle.staticGzipBytes)} | ${lazy} |`;
    }),
    ...workers.map((worker) => `| \`${worker.file}\` (engine worker, once per page) | ${kb(worker.gzipBytes)} | – | – |`),
  ];
  return rows.join('\n');
}

export const sectionStart = '<!-- bundle-sizes:start -->';
export const sectionEnd = '<!-- bundle-sizes:end -->';

/** `markdown` with its "Bundle sizes" section replaced by `section` (appended when absent). */
export function replaceSizeSection(markdown: string, section: string): string {
  const block = `${sectionStart}\n${section.trim()}\n${sectionEnd}`;
  const start = markdown.indexOf(sectionStart);
  const end = markdown.indexOf(sectionEnd);
  if (start >= 0 && end > start) return `${markdown.slice(0, start)}${block}${markdown.slice(end + sectionEnd.length)}`;
  return `${markdown.trimEnd()}\n\n${block}\n`;
}
