// Browser tests (Chromium) of every `*.browser.test.ts`, with the settings of toolchain.md.
// `npx web-test-runner` runs them all; `--files <glob>` runs a subset.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import commonjs from '@rollup/plugin-commonjs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import {
  allowAnyOrigin,
  browserBundles,
  demoApi,
  exceptBuiltBundles,
  chromiumRun,
  mockServiceWorker,
  resolveDexie,
  secondOrigin,
} from './tools/browser-tests/plugins.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const demoApiMiddleware = await demoApi(root);

export default {
  rootDir: root,
  files: ['libs/**/src/**/*.browser.test.ts', 'tools/**/src/**/*.browser.test.ts'],
  nodeResolve: { exportConditions: ['browser'] },
  concurrency: 1,
  testsFinishTimeout: 10 * 60_000,
  testFramework: { config: { timeout: 30_000 } },
  middleware: [allowAnyOrigin(), mockServiceWorker(root), ...(demoApiMiddleware ? [demoApiMiddleware] : [])],
  plugins: [
    resolveDexie(),
    exceptBuiltBundles(esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(root, 'tsconfig.base.json') })),
    fromRollup(commonjs)({ include: ['**/node_modules/interval-tree-1d/**', '**/node_modules/binary-search-bounds/**'], strictRequires: false }),
    secondOrigin(),
    browserBundles({
      root,
      bundles: {
        'client-a': { 'engine-client': 'libs/engine-client/src/index.ts' },
        'client-b': { 'engine-client': 'libs/engine-client/src/index.ts' },
      },
    }),
  ],
  ...(chromiumRun({ root, name: 'wtr' })),
};
