import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { build, type Rolldown } from 'vite';
import { type BundleGraph, type ChunkNode, graphFileName } from './bundle-graph.js';
import { type WidgetEntry, widgetEntries } from './entries.js';

// `npm run build`: the widget bundles, as a host page loads them, and the two apps beside them.
//
//   dist/widgets/parley-<name>.js   one ES module per widget (+ parley.js, the engine client)
//   dist/widgets/chunks/…           code shared by several bundles (Lit, the engine client, Plot)
//   dist/widgets/assets/…           the engine worker
//   dist/embed-demo/, dist/dashboard/   the apps, static files that load ../widgets/…
//
// Every URL inside the bundles is relative to the module that holds it (`base: './'`), so the
// widgets work from any host path and from another origin; nothing needs a bundler at runtime.

/** The apps copied as they are (their `src/`) into `dist/<app>/`. */
export const staticApps = ['embed-demo', 'dashboard'] as const;

export interface BuildSiteOptions {
  /** The repository root. */
  root: string;
  /** Default `<root>/dist`. */
  outDir?: string;
  /** Default: `widgetEntries(root)`. */
  entries?: WidgetEntry[];
  /** Default true; tests and size probes may skip the apps. */
  apps?: boolean;
  /** Default true; false keeps the code readable (debugging a built bundle). */
  minify?: boolean;
}

export interface SiteBuild {
  outDir: string;
  widgetsDir: string;
  graph: BundleGraph;
  /** Files written under `widgetsDir` (source maps included). */
  files: string[];
  durationMs: number;
}

export async function buildSite(options: BuildSiteOptions): Promise<SiteBuild> {
  const started = performance.now();
  const root = resolve(options.root);
  const outDir = resolve(options.outDir ?? join(root, 'dist'));
  const widgetsDir = join(outDir, 'widgets');
  const entries = options.entries ?? widgetEntries(root);
  for (const name of ['widgets', graphFileName, ...staticApps]) rmSync(join(outDir, name), { recursive: true, force: true });

  const output = await build({
    configFile: false,
    root,
    base: './',
    publicDir: false,
    logLevel: 'warn',
    mode: 'production',
    // Written out rather than left to tsconfig discovery: Lit needs TypeScript's legacy decorators
    // and `useDefineForClassFields: false` (toolchain.md), which Vite 8 applies only for a file
    // it finds a tsconfig.json for.
    oxc: {
      decorator: { legacy: true },
      typescript: { removeClassFieldsWithoutInitializer: true },
      assumptions: { setPublicClassFields: true },
    },
    build: {
      outDir: widgetsDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: options.minify ?? true,
      sourcemap: true,
      modulePreload: false,
      // Message tables stay files fetched on demand, never inlined into the code as data: URLs.
      assetsInlineLimit: 0,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: Object.fromEntries(entries.map((entry) => [entry.name, join(root, entry.source)])),
        // An entry exports exactly its own module: code two entries share goes to a chunk, never
        // into one of them, so loading one widget never registers another.
        preserveEntrySignatures: 'strict',
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: (chunk) => `chunks/${chunkLabel(chunk.moduleIds, root)}-[hash].js`,
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
    worker: { format: 'es' },
  });
  const results = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  const outputs = results.flatMap((result) => result.output);

  const graph = bundleGraph(outputs, entries, root);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, graphFileName), `${JSON.stringify(graph, null, 2)}\n`);

  if (options.apps !== false) {
    for (const app of staticApps) {
      const source = join(root, 'apps', app, 'src');
      if (existsSync(source)) cpSync(source, join(outDir, app), { recursive: true });
    }
  }
  return { outDir, widgetsDir, graph, files: outputs.map((file) => file.fileName).sort(), durationMs: performance.now() - started };
}

function bundleGraph(outputs: (Rolldown.OutputChunk | Rolldown.OutputAsset)[], entries: WidgetEntry[], root: string): BundleGraph {
  const workers = outputs.filter((file) => file.type === 'asset' && file.fileName.endsWith('.js')).map((file) => file.fileName);
  const chunks: Record<string, ChunkNode> = {};
  const entryFiles: Record<string, string> = {};
  for (const file of outputs) {
    if (file.type !== 'chunk') continue;
    if (file.isEntry) entryFiles[file.name] = file.fileName;
    chunks[file.fileName] = {
      imports: [...file.imports],
      dynamicImports: [...file.dynamicImports],
      modules: file.moduleIds.map((id) => moduleLabel(id, root)),
      // Vite writes an asset URL as `new URL("<relative path>", import.meta.url)`.
      assets: workers.filter((worker) => file.code.includes(worker.split('/').at(-1) as string)),
      renderedBytes: Object.fromEntries(Object.entries(file.modules).map(([id, module]) => [moduleLabel(id, root), module.renderedLength])),
    };
  }
  return {
    entries: Object.fromEntries(entries.map((entry) => [entry.name, entryFiles[entry.name] ?? `${entry.name}.js`])),
    sources: Object.fromEntries(entries.map((entry) => [entry.name, entry.source])),
    chunks,
    workers,
  };
}

/** A module id relative to the repository root, `/` separated; virtual modules keep their id. */
function moduleLabel(id: string, root: string): string {
  const clean = id.replace(/^\0/, '');
  return clean.startsWith(root) ? relative(root, clean).split(sep).join('/') : clean;
}

/** The package most of a chunk's modules come from: `lit`, `engine-client`, `plot`, `d3-shape`. */
export function chunkLabel(moduleIds: readonly string[], root: string): string {
  const counts = new Map<string, number>();
  for (const id of moduleIds) {
    const label = packageLabel(moduleLabel(id, root));
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  let best = 'shared';
  let bestCount = 0;
  for (const [label, count] of counts) {
    if (count > bestCount) [best, bestCount] = [label, count];
  }
  return best;
}

function packageLabel(path: string): string {
  const inPackage = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (inPackage) {
    const name = inPackage[1];
    if (name === 'lit' || name === 'lit-html' || name === 'lit-element' || name === '@lit/reactive-element') return 'lit';
    return name.replace(/^@[^/]+\//, '');
  }
  const inProject = /^(?:libs|tools|apps)\/([^/]+)\//.exec(path);
  return inProject ? inProject[1] : 'shared';
}
