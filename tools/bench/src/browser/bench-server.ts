import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoApiMiddleware } from '@parley/demo-server';
import type { BenchBundle, PageName } from './bundle.js';

// The bench's origin on 127.0.0.1: the bundled pages under /b/, data files under /data/ (the
// cached encoded tables, the workspace file to import), the demo API under /api/demo/ (the demo
// server's middleware), and /api-401/…, an API that refuses every request (cold starts read the
// cache; their sync stops at once with auth-required). Every response is cross-origin isolated
// (COOP/COEP), so performance.now() in the pages and workers has its fine resolution.

export interface BenchServer {
  origin: string;
  pageUrl(page: PageName, search?: Record<string, string>): string;
  /** Serves a file of the disk at /data/{name}. */
  addFile(name: string, path: string): string;
  close(): Promise<void>;
}

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.bin': 'application/octet-stream',
};

const typeOf = (path: string): string => types[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream';

const pageHtml = (page: PageName): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>parley bench ${page}</title><script type="module" src="./${page}.js"></script></head><body></body></html>`;

export async function startBenchServer(bundle: BenchBundle): Promise<BenchServer> {
  const files = new Map<string, string>();
  const demo = demoApiMiddleware();
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    res.setHeader('Cache-Control', 'no-store');
    const path = new URL(req.url ?? '/', 'http://bench.invalid').pathname;
    if (path.startsWith('/b/')) {
      const name = path.slice(3);
      const page = name.endsWith('.html') ? (name.slice(0, -5) as PageName) : null;
      const body = page !== null && bundle.files.has(`${page}.js`) ? pageHtml(page) : bundle.files.get(name);
      if (body === undefined) return notFound(res, path);
      res.setHeader('Content-Type', typeOf(name));
      res.end(body);
      return;
    }
    if (path.startsWith('/data/')) {
      const file = files.get(path.slice(6));
      if (file === undefined) return notFound(res, path);
      res.setHeader('Content-Type', typeOf(file));
      res.setHeader('Content-Length', String(statSync(file).size));
      createReadStream(file).pipe(res);
      return;
    }
    if (path === '/favicon.ico') {
      res.statusCode = 204;
      res.end();
      return;
    }
    if (path.startsWith('/api-401/')) {
      res.statusCode = 401;
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('WWW-Authenticate', 'Bearer realm="parley-bench"');
      res.end('{"error":"authentication required (bench cold-start source)"}');
      return;
    }
    demo(req, res, (error) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error === undefined) notFound(res, path);
      else {
        res.statusCode = 500;
        res.end(String(error));
      }
    });
  };
  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    pageUrl: (page, search = {}) => {
      const url = new URL(`/b/${page}.html`, origin);
      for (const [name, value] of Object.entries(search)) url.searchParams.set(name, value);
      return url.href;
    },
    addFile: (name, path) => {
      files.set(name, path);
      return `${origin}/data/${name}`;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function notFound(res: ServerResponse, path: string): void {
  res.statusCode = 404;
  res.setHeader('Content-Type', 'text/plain');
  res.end(`no ${path}`);
}
