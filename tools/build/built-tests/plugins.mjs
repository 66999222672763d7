// Middleware of web-test-runner.built.config.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const crossOriginEmbedPath = '/embed-demo/__cross-origin.html';

/**
 * The built embed demo with its widget bundles loaded from another origin, as from a CDN:
 * `/embed-demo/__cross-origin.html?widgets-origin=http://127.0.0.1:PORT&seed=…` answers
 * dist/embed-demo/index.html with every `src="/widgets/…"` pointing at that origin. The page keeps
 * its own origin (its API calls and relative URLs stay here).
 * @param {string} dist
 * @returns {import('koa').Middleware}
 */
export function crossOriginEmbedPage(dist) {
  return async (ctx, next) => {
    if (ctx.path !== crossOriginEmbedPath) return next();
    const origin = ctx.query['widgets-origin'];
    if (typeof origin !== 'string' || !/^http:\/\/127\.0\.0\.1:\d+$/.test(origin)) {
      ctx.status = 400;
      ctx.body = 'widgets-origin=http://127.0.0.1:PORT required';
      return;
    }
    const page = readFileSync(join(dist, 'embed-demo/index.html'), 'utf8');
    ctx.type = 'html';
    ctx.body = page.replaceAll('src="/widgets/', `src="${origin}/widgets/`);
  };
}
