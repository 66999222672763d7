import { createReadStream, type Stats, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { type DemoApi, type DemoApiOptions, demoApi } from '@parley/mocks';
import { demoApiMiddleware, type NodeMiddleware } from './demo-api-middleware.js';
import { listen } from './listen.js';

// elements.md "The demo, reproducibly": one port serving the built site (`npm run build`'s dist/)
// and the demo API — no bundler, no service worker.
//
//   /api/demo/…    the demo API (the MSW handlers the tests use)
//   /widgets/…     dist/widgets: the widget bundles, open to every origin (as from a CDN)
//   /embed-demo/   dist/embed-demo: the CRM page embedding single widgets
//   /              dist/dashboard: the Reports app; a path without extension that is not a file
//                  gets its index.html (the app's own routes)

export interface DemoSiteOptions extends DemoApiOptions {
  /** 0 picks a free port. */
  port: number;
  /** Default `localhost`. */
  host?: string;
  /** The build output: the directory holding `widgets/`, `embed-demo/` and `dashboard/`. */
  root: string;
}

export interface DemoSite {
  /** `http://{host}:{port}`, no trailing slash. */
  readonly url: string;
  readonly server: Server;
  readonly api: DemoApi;
  close(): Promise<void>;
}

/** Content types of what the build writes (and a host might add). */
export const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** Which directory of the build serves a path, and the file path inside it. */
export function siteRoute(pathname: string): { dir: string; path: string; cors: boolean; appRoutes: boolean } | 'redirect' {
  if (pathname === '/embed-demo') return 'redirect';
  if (pathname.startsWith('/widgets/')) return { dir: 'widgets', path: pathname.slice('/widgets'.length), cors: true, appRoutes: false };
  if (pathname.startsWith('/embed-demo/')) return { dir: 'embed-demo', path: pathname.slice('/embed-demo'.length), cors: false, appRoutes: false };
  return { dir: 'dashboard', path: pathname, cors: false, appRoutes: true };
}

export interface DemoSiteMiddlewareOptions extends DemoApiOptions {
  /** The build output: the directory holding `widgets/`, `embed-demo/` and `dashboard/`. */
  root: string;
  /** Serve this API instance; default: a new one built from the options. */
  api?: DemoApi;
}

/**
 * The whole site as one connect-style middleware: the demo API, then the built files. It answers
 * every GET/HEAD (404 when nothing matches) and calls `next` only with an error, so a host server
 * may mount it under a prefix (`/widgets`, `/embed-demo`, `/api/demo`) and keep its other routes.
 */
export function demoSiteMiddleware(options: DemoSiteMiddlewareOptions): NodeMiddleware {
  const apiMiddleware = demoApiMiddleware({ ...options, api: options.api ?? demoApi(options) });
  const root = resolve(options.root);
  return (req, res, next) =>
    apiMiddleware(req, res, (error) => {
      if (error === undefined) serveStatic(root, req, res);
      else next(error);
    });
}

export async function startDemoSite(options: DemoSiteOptions): Promise<DemoSite> {
  const api = demoApi(options);
  const middleware = demoSiteMiddleware({ ...options, api });
  const server = createServer((req, res) => {
    void middleware(req, res, (error) => {
      if (res.headersSent) res.destroy();
      else sendText(res, 500, String(error));
    });
  });
  const listening = await listen(server, options.port, options.host ?? 'localhost');
  return {
    url: listening.url,
    server,
    api,
    close: listening.close,
  };
}

function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendText(res, 405, 'method not allowed');
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://site').pathname);
  } catch {
    sendText(res, 400, 'bad path');
    return;
  }
  const route = siteRoute(pathname);
  if (route === 'redirect') {
    res.statusCode = 301;
    res.setHeader('Location', '/embed-demo/');
    res.end();
    return;
  }
  const dir = join(root, route.dir);
  const file = normalize(join(dir, route.path));
  if (file !== dir && !file.startsWith(dir + sep)) {
    sendText(res, 403, 'outside the site');
    return;
  }
  if (route.cors) res.setHeader('Access-Control-Allow-Origin', '*');
  const found = existingFile(file) ?? existingFile(join(file, 'index.html')) ?? (route.appRoutes && extname(file) === '' ? existingFile(join(dir, 'index.html')) : undefined);
  if (found === undefined) {
    sendText(res, 404, statOrNull(dir) === null ? `${route.dir}/ is not built: run npm run build` : `not found: ${pathname}`);
    return;
  }
  if (pathname.endsWith('/') === false && found.path === join(file, 'index.html')) {
    // `/embed-demo/notes` → `/embed-demo/notes/` so the page's relative URLs resolve inside it.
    res.statusCode = 301;
    res.setHeader('Location', `${pathname}/`);
    res.end();
    return;
  }
  const type = contentTypes[extname(found.path).toLowerCase()] ?? 'application/octet-stream';
  res.statusCode = 200;
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', found.stats.size);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // The build names every chunk and asset by its content hash: those never change. Entries and
  // pages keep their names, so they are revalidated.
  const hashed = route.dir === 'widgets' && /^\/(chunks|assets)\//.test(route.path);
  res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
  res.setHeader('Last-Modified', found.stats.mtime.toUTCString());
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(found.path)
    .on('error', () => res.destroy())
    .pipe(res);
}

function existingFile(path: string): { path: string; stats: Stats } | undefined {
  const stats = statOrNull(path);
  return stats?.isFile() ? { path, stats } : undefined;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(`${text}\n`);
}
