// Dev-server plugins, middleware, reporters and the Chromium launcher of the browser tests
// (web-test-runner.config.mjs and web-test-runner.built.config.mjs).
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromeLauncher, defaultReporter } from '@web/test-runner';
import { junitReporter } from '@web/test-runner-junit-reporter';

/** @typedef {import('koa').Middleware} Middleware */
/** @typedef {import('@web/dev-server-core').Plugin} Plugin */

/**
 * Lets pages of other origins import the served modules (a bundle from a CDN, its worker).
 * @returns {Middleware}
 */
export function allowAnyOrigin() {
  return async (ctx, next) => {
    ctx.set('Access-Control-Allow-Origin', '*');
    await next();
  };
}

/**
 * Serves MSW's service worker (that of the installed msw) at the origin root, so its scope covers
 * every test page.
 * @param {string} root
 * @returns {Middleware}
 */
export function mockServiceWorker(root) {
  const file = join(root, 'node_modules/msw/lib/mockServiceWorker.js');
  return async (ctx, next) => {
    if (ctx.path !== '/mockServiceWorker.js') return next();
    ctx.type = 'application/javascript';
    ctx.body = createReadStream(file);
  };
}

/**
 * Hands requests under `prefix` to a connect-style `(req, res, next)` middleware. `req.url` (and
 * `req.originalUrl`, as Express sets it) keep the full path.
 * @param {string} prefix
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: (error?: unknown) => void) => void} handler
 * @returns {Middleware}
 */
export function mountConnect(prefix, handler) {
  return async (ctx, next) => {
    if (ctx.path !== prefix && !ctx.path.startsWith(`${prefix}/`)) return next();
    Object.assign(ctx.req, { originalUrl: ctx.req.url });
    ctx.respond = false;
    let answered = () => {};
    const passed = await new Promise((done, fail) => {
      answered = () => done(false);
      ctx.res.once('close', answered);
      ctx.res.once('finish', answered);
      try {
        handler(ctx.req, ctx.res, (error) => (error ? fail(error) : done(true)));
      } catch (error) {
        fail(error);
      }
    }).finally(() => {
      ctx.res.off('close', answered);
      ctx.res.off('finish', answered);
    });
    if (passed) {
      ctx.respond = true;
      await next();
    }
  };
}

/**
 * The demo API (`demoApiMiddleware` of tools/demo-server) at `/api/demo`, or null while that tool
 * does not exist yet.
 * @param {string} root
 * @returns {Promise<Middleware | null>}
 */
export async function demoApi(root) {
  const file = join(root, 'tools/demo-server/src/index.ts');
  if (!existsSync(file)) {
    console.warn('[browser-tests] tools/demo-server/src/index.ts not found: /api/demo is not served');
    return null;
  }
  const { tsImport } = await import('tsx/esm/api');
  const { demoApiMiddleware } = await tsImport(pathToFileURL(file).href, import.meta.url);
  return mountConnect('/api/demo', demoApiMiddleware());
}

/**
 * `dexie`'s exports point at a UMD wrapper the dev server cannot import; use its ES module.
 * @returns {Plugin}
 */
export function resolveDexie() {
  return {
    name: 'parley-resolve-dexie',
    resolveImport({ source }) {
      if (source === 'dexie') return '/node_modules/dexie/dist/dexie.mjs';
    },
  };
}

export const secondOriginPath = '/__parley/second-origin.json';

/**
 * A second origin for cross-origin tests: an HTTP server on 127.0.0.1 and another port that
 * proxies every request to the test server. Pages learn its origin from `secondOriginPath`.
 * @returns {Plugin}
 */
export function secondOrigin() {
  /** @type {import('node:http').Server | undefined} */
  let server;
  let origin = '';
  return {
    name: 'parley-second-origin',
    async serverStart({ config }) {
      const targetHost = ['localhost', '127.0.0.1', undefined].includes(config.hostname) ? '127.0.0.1' : config.hostname;
      const targetPort = config.port;
      server = createServer((req, res) => {
        const upstream = request(
          { host: targetHost, port: targetPort, method: req.method, path: req.url, headers: { ...req.headers, host: `${targetHost}:${targetPort}` } },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on('error', (error) => {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(String(error));
        });
        req.pipe(upstream);
      });
      await new Promise((done, fail) => {
        server.once('error', fail);
        server.listen(0, '127.0.0.1', () => done(undefined));
      });
      const address = server.address();
      origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    },
    async serverStop() {
      server?.closeAllConnections();
      await new Promise((done) => (server ? server.close(() => done(undefined)) : done(undefined)));
    },
    serve(context) {
      if (context.path === secondOriginPath) return { body: JSON.stringify({ origin }), type: 'json' };
    },
  };
}

/** Where the built bundles are served (from memory: parallel runs never share files). */
export const bundlesPath = '/__parley/bundles';

/**
 * Leaves the built bundles as built: with a `target`, the esbuild plugin transforms every JS file
 * and could hide a bundle that browsers cannot run (toolchain.md).
 * @param {Plugin} plugin
 * @returns {Plugin}
 */
export function exceptBuiltBundles(plugin) {
  const transform = plugin.transform?.bind(plugin);
  if (transform) plugin.transform = (context) => (context.path.startsWith(`${bundlesPath}/`) ? undefined : transform(context));
  return plugin;
}

/**
 * Builds separately bundled copies of entry points with Vite at server start, as a host page would
 * load them (`base: './'`, the worker as its own chunk), and serves them at
 * `/__parley/bundles/<name>/<entry name>.js`. Tests import them by URL, from this origin or the
 * second one.
 * @param {{ root: string, bundles: Record<string, Record<string, string>> }} options  name → entry name → source file
 * @returns {Plugin}
 */
export function browserBundles({ root, bundles }) {
  /** @type {Map<string, string | Uint8Array>} */
  const files = new Map();
  return {
    name: 'parley-browser-bundles',
    async serverStart({ logger }) {
      const { build } = await import('vite');
      const started = Date.now();
      for (const [name, input] of Object.entries(bundles)) {
        const result = await build({
          configFile: false,
          root,
          base: './',
          publicDir: false,
          logLevel: 'warn',
          build: {
            write: false,
            target: 'es2022',
            minify: false,
            modulePreload: false,
            copyPublicDir: false,
            rolldownOptions: {
              input: Object.fromEntries(Object.entries(input).map(([entry, file]) => [entry, resolve(root, file)])),
              preserveEntrySignatures: 'strict',
              output: { entryFileNames: '[name].js' },
            },
          },
          worker: { format: 'es' },
        });
        for (const output of [result].flat()) {
          for (const file of output.output) {
            files.set(`${bundlesPath}/${name}/${file.fileName}`, file.type === 'chunk' ? file.code : file.source);
          }
        }
      }
      logger.log(`[browser-tests] built ${Object.keys(bundles).join(', ')} (${files.size} files) in ${Date.now() - started} ms`);
    },
    serve(context) {
      const file = files.get(context.path);
      if (file === undefined) return;
      return { body: typeof file === 'string' ? file : Buffer.from(file).toString('utf8'), type: context.path.endsWith('.map') ? 'json' : 'js' };
    },
  };
}

/**
 * Writes the test files that failed outside any test (did not load, uncaught error, timed out,
 * browser crashed) — the junit report has no test case for them.
 * @param {{ outputPath: string }} options
 * @returns {import('@web/test-runner-core').Reporter}
 */
export function fileErrorsReporter({ outputPath }) {
  return {
    onTestRunFinished({ sessions }) {
      const failed = sessions
        .filter((session) => session.errors.length > 0)
        .map((session) => ({ testFile: session.testFile, browser: session.browser.name, errors: session.errors.map((error) => error.message) }));
      mkdirSync(dirname(outputPath), { recursive: true });
      writeFileSync(outputPath, `${JSON.stringify({ failedFiles: failed }, null, 2)}\n`);
    },
  };
}

/**
 * What both configs run: Debian's Chromium (toolchain.md: no browser download here), headless,
 * and the reporters CI reads (console, JUnit, and files that failed to load), under one name.
 * @param {{ root: string, name: string }} options
 */
export function chromiumRun({ root, name }) {
  return {
    browsers: [
      chromeLauncher({
        launchOptions: {
          executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
          headless: true,
          args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
        },
      }),
    ],
    reporters: [
      defaultReporter(),
      junitReporter({ outputPath: `reports/${name}-junit.xml`, rootDir: root }),
      fileErrorsReporter({ outputPath: join(root, `reports/${name}-file-errors.json`) }),
    ],
  };
}
