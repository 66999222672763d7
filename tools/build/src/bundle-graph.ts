import { readFileSync } from 'node:fs';

// What the size check needs to know about a build of `dist/widgets/` that the minified files no
// longer say: which source modules went into which chunk. Written by `buildSite` beside the
// widgets (not inside, so it is not served).

/** One JavaScript file of the widgets directory. */
export interface ChunkNode {
  /** Files this one imports statically (relative to the widgets directory). */
  imports: string[];
  /** Files it may import later (`import()`): not part of its static graph. */
  dynamicImports: string[];
  /** Source modules bundled into it, relative to the repository root (`node_modules/lit-html/…`). */
  modules: string[];
  /** Assets its code refers to by URL (the engine worker). */
  assets: string[];
  /** Bytes each module contributes before minification (rolldown's rendered length), by module. */
  renderedBytes?: Record<string, number>;
}

export interface BundleGraph {
  /** Entry name (`parley-metric-card`) → its file (`parley-metric-card.js`). */
  entries: Record<string, string>;
  /** Source of each entry, relative to the repository root. */
  sources: Record<string, string>;
  /** Every JavaScript file of the build (entries and chunks) by file name. */
  chunks: Record<string, ChunkNode>;
  /** JavaScript assets started as workers (`assets/engine.worker-….js`). */
  workers: string[];
}

/** The graph file of a dist directory: `dist/widgets.graph.json`. */
export const graphFileName = 'widgets.graph.json';

export function readBundleGraph(file: string): BundleGraph {
  return JSON.parse(readFileSync(file, 'utf8')) as BundleGraph;
}

/** `file` and every file it imports statically, transitively, each once, in visiting order. */
export function staticClosure(graph: BundleGraph, file: string): string[] {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const node = graph.chunks[name];
    if (node === undefined) throw new Error(`${graphFileName}: ${name} is imported but not in the graph`);
    for (const imported of node.imports) visit(imported);
  };
  visit(file);
  return [...seen];
}

/**
 * The files an entry may load later and not at start: every dynamic import reachable from it, with
 * their static closures, minus what it loads at start.
 */
export function lazyClosure(graph: BundleGraph, file: string): string[] {
  const eager = new Set(staticClosure(graph, file));
  const lazy = new Set<string>();
  const pending = [...eager].flatMap((name) => graph.chunks[name]?.dynamicImports ?? []);
  while (pending.length > 0) {
    const next = pending.pop() as string;
    for (const name of staticClosure(graph, next)) {
      if (eager.has(name) || lazy.has(name)) continue;
      lazy.add(name);
      pending.push(...(graph.chunks[name]?.dynamicImports ?? []));
    }
  }
  return [...lazy];
}
