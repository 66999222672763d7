import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateWorkspaceFile } from '@parley/mocks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApiMiddleware } from './demo-api-middleware.js';
import { type DemoServer, startDemoServer } from './demo-server.js';

// The demo API over real HTTP: Node's fetch against a server on a free port.

const seed = 5;
const conversations = 600;
const endDate = '2024-11-20';
const path = `/api/demo/${seed}/${conversations}/${endDate}`;
let demo: DemoServer;
let testIndex = 0;
const base = (faults = '') => `${demo.url}${path}${faults === '' ? '' : `/faults/${faults}`}/t/http-${++testIndex}`;

interface Page {
  items: { id: string }[];
  next: string;
  hasMore: boolean;
  total: number;
}

/** Reads a body to its end; a cut connection makes this reject, with what arrived so far. */
async function readBody(response: Response): Promise<{ text: string; cut: boolean }> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
    return { text, cut: false };
  } catch {
    return { text, cut: true };
  }
}

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
});
afterAll(() => demo.close());

describe('startDemoServer', () => {
  it('serves a whole collection page by page, every record once in its final state', async () => {
    const expected = generateWorkspaceFile({ seed, conversations, endDate });
    const url = base();
    const workspace = await (await fetch(`${url}/workspace`)).json();
    expect(workspace).toEqual({ id: `demo-5-600-2024-11-20`, name: expected.workspace.name, timeZone: 'Europe/Paris' });
    const lastById = new Map<string, unknown>();
    let cursor: string | null = null;
    let pages = 0;
    let items = 0;
    for (;;) {
      const response = await fetch(`${url}/conversations?limit=250${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as Page;
      for (const item of page.items) lastById.set(item.id, item);
      items += page.items.length;
      pages++;
      cursor = page.next;
      if (!page.hasMore) break;
    }
    const closed = expected.conversations.filter((conversation) => conversation.closedAt !== null).length;
    expect(items).toBe(conversations + closed);
    expect(pages).toBe(Math.ceil((conversations + closed) / 250));
    expect(lastById.size).toBe(conversations);
    for (const conversation of expected.conversations) expect(lastById.get(conversation.id)).toEqual(conversation);
  });

  it('drop: the client sees a 200 whose body is cut at half, then the page whole', async () => {
    const url = `${base('drop')}/messages?limit=800`;
    const dropped = await fetch(url);
    expect(dropped.status).toBe(200);
    const partial = await readBody(dropped);
    const whole = await readBody(await fetch(url));
    expect(partial.cut).toBe(true);
    expect(whole.cut).toBe(false);
    expect(partial.text.length).toBeGreaterThan(1000);
    expect(whole.text.startsWith(partial.text)).toBe(true);
    expect(partial.text.length).toBe(Math.floor(whole.text.length / 2));
    expect((JSON.parse(whole.text) as Page).items).toHaveLength(800);

    // What a client does: json() rejects on the next page's first answer.
    const next = (JSON.parse(whole.text) as Page).next;
    await expect((await fetch(`${base('drop')}/messages?cursor=${encodeURIComponent(next)}`)).json()).rejects.toThrow();
  });

  it('429: answers with Retry-After (1 s by default, retry-after=0 in tests), then the page', async () => {
    const slowUrl = base('429');
    const first = await fetch(`${slowUrl}/workspace`);
    expect(first.status).toBe(429);
    expect(first.headers.get('Retry-After')).toBe('1');
    expect(first.headers.get('Access-Control-Expose-Headers')).toContain('Retry-After');
    expect(((await first.json()) as { error: string }).error).toContain('429');

    const url = base('429,retry-after=0');
    const statuses: number[] = [];
    for (const attempt of [1, 2]) {
      const response = await fetch(`${url}/csat?limit=5000`);
      statuses.push(response.status);
      if (attempt === 1) expect(response.headers.get('Retry-After')).toBe('0');
      else expect(((await response.json()) as Page).hasMore).toBe(false);
    }
    expect(statuses).toEqual([429, 200]);
  });

  it('takes control calls with a JSON body over HTTP', async () => {
    const url = base();
    const clock = await fetch(`${url}/_control/clock`, { method: 'POST', body: JSON.stringify({ nowMs: Date.UTC(2024, 7, 25) }) });
    expect(await clock.json()).toEqual({ nowMs: Date.UTC(2024, 7, 25) });
    const changes = await fetch(`${url}/_control/changes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ collection: 'csat', items: [{ id: 's-x', deleted: true }] }),
    });
    expect(changes.status).toBe(200);
    const page = (await (await fetch(`${url}/csat`)).json()) as Page;
    expect(page.items).toEqual([{ id: 's-x', deleted: true }]);
    const stats = await (await fetch(`${url}/_control/stats`)).json();
    expect(stats).toMatchObject({ nowMs: Date.UTC(2024, 7, 25), requests: { csat: 1 }, appended: { csat: 1 } });
  });

  it('answers / with a usage text and other paths with 404', async () => {
    const usage = await fetch(`${demo.url}/`);
    expect(await usage.text()).toContain('/api/demo/{seed}/{conversations}/{end}');
    expect((await fetch(`${demo.url}/elsewhere`)).status).toBe(404);
  });
});

describe('demoApiMiddleware', () => {
  it('passes other paths to next, and works mounted under /api/demo (connect-style originalUrl)', async () => {
    const middleware = demoApiMiddleware();
    const server = createServer((req: IncomingMessage & { originalUrl?: string }, res) => {
      if (req.url?.startsWith('/api/demo/')) {
        // What Express/connect do for app.use('/api/demo', middleware).
        req.originalUrl = req.url;
        req.url = req.url.slice('/api/demo'.length);
      }
      void middleware(req, res, (error) => {
        res.statusCode = error === undefined ? 418 : 500;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
    const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
    try {
      expect((await fetch(`${origin}/static/app.js`)).status).toBe(418);
      const teams = await fetch(`${origin}${path}/teams`);
      expect(teams.status).toBe(200);
      expect(await teams.json()).toEqual(generateWorkspaceFile({ seed, conversations, endDate }).teams);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
