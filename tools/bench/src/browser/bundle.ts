import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Rollup } from 'vite';

// The bench pages bundled as a host would ship them: Vite (the repository's bundler, which turns
// `new Worker(new URL('./engine.worker.ts', import.meta.url), …)` into a worker chunk, as for the
// widgets), minified, `base: './'`. Kept in memory and served by the bench server.

export const pageEntries = {
  client: fileURLToPath(new URL('./page/client-page.ts', import.meta.url)),
  bench: fileURLToPath(new URL('./page/bench-page.ts', import.meta.url)),
} as const;

export type PageName = keyof typeof pageEntries;

export interface BenchBundle {
  /** Path under the bundle root (`client.js`, `assets/engine.worker-….js`) → content. */
  files: Map<string, string | Uint8Array>;
  /** Bytes of each file, for the report. */
  sizes: Record<string, number>;
  buildMs: number;
}

const root = fileURLToPath(new URL('../../../../', import.meta.url));

export async function bundlePages(): Promise<BenchBundle> {
  const start = performance.now();
  const result = await build({
    configFile: false,
    root,
    base: './',
    publicDir: false,
    logLevel: 'warn',
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      modulePreload: false,
      copyPublicDir: false,
      rolldownOptions: {
        input: pageEntries,
        preserveEntrySignatures: 'strict',
        output: { entryFileNames: '[name].js' },
      },
    },
    worker: { format: 'es' },
  });
  const files = new Map<string, string | Uint8Array>();
  const sizes: Record<string, number> = {};
  for (const output of [result].flat() as Rollup.RollupOutput[]) {
    for (const file of output.output) {
      const content = file.type === 'chunk' ? file.code : file.source;
      files.set(file.fileName, content);
      sizes[file.fileName] = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
    }
  }
  return { files, sizes, buildMs: performance.now() - start };
}
