import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoSite, startDemoSite } from './demo-site.js';

// The site `npm start` serves, over a stand-in build in a temporary directory.

let dist: string;
let site: DemoSite;
const files: Record<string, string> = {
  'dashboard/index.html': '<!doctype html><title>Reports</title>',
  'dashboard/dashboard.css': 'body{}',
  'embed-demo/index.html': '<!doctype html><title>CRM</title>',
  'embed-demo/crm.css': 'body{}',
  'widgets/parley-metric-card.js': 'export{};',
  'widgets/chunks/lit-AbCd1234.js': 'export{};',
  'widgets/chunks/lit-AbCd1234.js.map': '{}',
  'widgets/assets/engine.worker-XyZ98765.js': 'self;',
  'secret.txt': 'not served',
};

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'parley-site-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(dist, file, '..'), { recursive: true });
    writeFileSync(join(dist, file), content);
  }
  site = await startDemoSite({ port: 0, root: dist });
});
afterAll(async () => {
  await site.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (path: string, init?: RequestInit) => fetch(`${site.url}${path}`, { redirect: 'manual', ...init });

describe('startDemoSite', () => {
  it('serves the Reports app at /, its files, and its index for its own routes', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toContain('Reports');
    expect((await get('/dashboard.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await (await get('/conversations')).text()).toContain('Reports');
    expect((await get('/missing.js')).status).toBe(404);
  });

  it('serves the embed demo at /embed-demo/ (and redirects /embed-demo there)', async () => {
    const redirect = await get('/embed-demo');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/embed-demo/');
    const page = await get('/embed-demo/?seed=2&conversations=500');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('CRM');
    expect((await get('/embed-demo/crm.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('serves the widget bundles as JavaScript to any origin; hashed chunks are immutable', async () => {
    const entry = await get('/widgets/parley-metric-card.js');
    expect(entry.status).toBe(200);
    expect(entry.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(entry.headers.get('access-control-allow-origin')).toBe('*');
    expect(entry.headers.get('cache-control')).toBe('no-cache');
    const chunk = await get('/widgets/chunks/lit-AbCd1234.js');
    expect(chunk.headers.get('cache-control')).toContain('immutable');
    expect((await get('/widgets/chunks/lit-AbCd1234.js.map')).headers.get('content-type')).toBe('application/json; charset=utf-8');
    const worker = await get('/widgets/assets/engine.worker-XyZ98765.js', { method: 'HEAD' });
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(worker.headers.get('content-length')).toBe(String(files['widgets/assets/engine.worker-XyZ98765.js'].length));
  });

  it('answers the demo API under /api/demo', async () => {
    const response = await get('/api/demo/3/200/2024-11-20/workspace');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: 'demo-3-200-2024-11-20', timeZone: 'Europe/Paris' });
  });

  it('never serves a file outside the three directories', async () => {
    for (const path of ['/widgets/../secret.txt', '/widgets/%2e%2e/secret.txt', '/%2e%2e/secret.txt', '/embed-demo/..%2f..%2fsecret.txt']) {
      const response = await get(path);
      expect([403, 404]).toContain(response.status);
      expect(await response.text()).not.toContain('not served');
    }
    expect((await get('/', { method: 'POST' })).status).toBe(405);
  });

  it('says to build when dist/ is empty', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'parley-site-empty-'));
    const bare = await startDemoSite({ port: 0, root: empty });
    try {
      const response = await fetch(`${bare.url}/widgets/parley-metric-card.js`);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('npm run build');
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
