// Browser tests of the BUILT site (`npm run build` → dist/), as a host page gets it: no esbuild
// plugin (toolchain.md: with a target it transforms every JS file and would hide a broken bundle),
// and dist/ served by the same middleware as `npm start` — /widgets/, /embed-demo/, /api/demo/.
// `npm run build && npx web-test-runner --config web-test-runner.built.config.mjs`
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { allowAnyOrigin, chromiumRun, mountConnect, secondOrigin } from './tools/browser-tests/plugins.mjs';
import { crossOriginEmbedPage } from './tools/build/built-tests/plugins.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'widgets.graph.json'))) throw new Error('dist/ is not built: run npm run build first');

const { tsImport } = await import('tsx/esm/api');
const { demoSiteMiddleware } = await tsImport(pathToFileURL(join(root, 'tools/demo-server/src/index.ts')).href, import.meta.url);
const site = demoSiteMiddleware({ root: dist, retryAfterSeconds: 0 });

export default {
  rootDir: root,
  files: ['tools/build/built-tests/**/*.built.test.js'],
  nodeResolve: { exportConditions: ['browser'] },
  concurrency: 1,
  testsFinishTimeout: 5 * 60_000,
  testFramework: { config: { timeout: 30_000 } },
  middleware: [
    allowAnyOrigin(),
    crossOriginEmbedPage(dist),
    mountConnect('/api/demo', site),
    mountConnect('/widgets', site),
    mountConnect('/embed-demo', site),
  ],
  plugins: [secondOrigin()],
  ...(chromiumRun({ root, name: 'wtr-built' })),
};
