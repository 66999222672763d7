import { describe, expect, it } from 'vitest';
import type { SkippedItem } from '@parley/model';
import { TableBuilder } from '@parley/metrics';
import { AuthRequiredError, HttpSync, retryAfterMs, SyncError } from './http-sync.js';

// HttpSync against a small scripted server: each test says what every URL answers, in order.

type Answer = Response | Error;

function server(routes: Record<string, Answer[] | (() => Answer)>) {
  const calls: string[] = [];
  const fetch = async (url: string) => {
    const { pathname, search } = new URL(url);
    const key = pathname.replace('/api', '') + search;
    calls.push(key);
    const route = routes[key] ?? routes[pathname.replace('/api', '')];
    if (!route) return ['/users', '/teams', '/channels'].includes(pathname.replace('/api', '')) ? json([]) : json({ items: [], next: 'end', hasMore: false, total: 0 });
    const answer = typeof route === 'function' ? route() : (route.shift() ?? json({ items: [], next: 'end', hasMore: false }));
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { fetch, calls };
}

const json = (body: unknown, init: ResponseInit = {}) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' }, ...init });
const workspace = { id: 'w1', name: 'W', timeZone: 'UTC' };
const conversation = (id: string, openedAt: number, extra: Record<string, unknown> = {}) => ({ id, openedAt, contactId: 'k1', openedSource: 'contact', ...extra });

/** A response whose body errors half-way, like a connection dropped mid-body. */
function cutBody(): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"items":[{"id":'));
      controller.error(new TypeError('network error'));
    },
  });
  return new Response(stream, { status: 200 });
}

function sync(fetch: (url: string) => Promise<Response>, extra: { sleeps?: number[]; skipped?: SkippedItem[] } = {}) {
  return new HttpSync({
    fetch,
    headers: async () => ({ authorization: 'Bearer t' }),
    sleep: async (ms) => void extra.sleeps?.push(ms),
    random: () => 1,
    retry: { baseDelayMs: 100, maxDelayMs: 1_000, maxAttempts: 4 },
    onSkipped: (items) => extra.skipped?.push(...items),
  });
}

describe('HttpSync', () => {
  it('reads every page from the cursors, upserts by id and applies tombstones', async () => {
    const { fetch, calls } = server({
      '/workspace': [json(workspace)],
      '/conversations?limit=1000': [json({ items: [conversation('c1', 1000), conversation('c2', 2000)], next: 'p2', hasMore: true, total: 4 })],
      '/conversations?limit=1000&cursor=p2': [json({ items: [conversation('c1', 1000, { closedAt: 5000, closedSource: 'user' }), { id: 'c2', deleted: true }], next: 'p3', hasMore: false, total: 4 })],
    });
    const builder = new TableBuilder();
    const result = await sync(fetch).round({ baseUrl: 'https://x.test/api', workspace: 'w1', builder, cursors: {} });
    expect(result.cursors.conversations).toBe('p3');
    expect(result.applied).toBe(4);
    const tables = builder.finish();
    expect(tables.conversations.ids).toEqual(['c1']);
    expect(tables.conversations.closedAt[0]).toBe(5000);
    expect(calls).toContain('/contact-events?limit=1000');
  });

  it('resumes from stored cursors and sends since only to collections read from the start', async () => {
    const { fetch, calls } = server({ '/workspace': [json(workspace)] });
    await sync(fetch).round({ baseUrl: 'https://x.test/api/', workspace: 'w1', builder: new TableBuilder(), cursors: { messages: 'm9' }, sinceFor: () => 777 });
    expect(calls).toContain('/messages?limit=1000&cursor=m9');
    expect(calls).toContain('/conversations?limit=1000&since=777');
  });

  it('retries 429 after Retry-After, 5xx and cut bodies with backoff, and ends with the data', async () => {
    const sleeps: number[] = [];
    const { fetch } = server({
      '/workspace': [json(workspace)],
      '/conversations?limit=1000': [
        new Response('slow down', { status: 429, headers: { 'Retry-After': '3' } }),
        new Response('oops', { status: 503 }),
        cutBody(),
        json({ items: [conversation('c1', 1000)], next: 'p2', hasMore: false }),
      ],
    });
    const builder = new TableBuilder();
    await sync(fetch, { sleeps }).round({ baseUrl: 'https://x.test/api', workspace: 'w1', builder, cursors: {} });
    // Retry-After 3 s, then backoff 100 ms · 2^(attempt-1) (random() = 1: no jitter shortening).
    expect(sleeps).toEqual([3000, 200, 400]);
    expect(builder.finish().conversations.ids).toEqual(['c1']);
  });

  it('gives up after maxAttempts with the last problem in the message', async () => {
    const { fetch } = server({ '/workspace': () => new Response('down', { status: 500 }) });
    await expect(sync(fetch).round({ baseUrl: 'https://x.test/api', workspace: 'w1', builder: new TableBuilder(), cursors: {} })).rejects.toThrow(/failed 4 times \(last: HTTP 500\)/);
  });

  it('stops at once on 401 and 403', async () => {
    for (const status of [401, 403]) {
      const { fetch, calls } = server({ '/workspace': [new Response('no', { status })] });
      const error = await sync(fetch)
        .round({ baseUrl: 'https://x.test/api', workspace: 'w1', builder: new TableBuilder(), cursors: {} })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthRequiredError);
      expect((error as AuthRequiredError).status).toBe(status);
      expect(calls).toHaveLength(1);
    }
  });

  it('skips and reports invalid items with collection, cursor, index and id; keeps the rest', async () => {
    const skipped: SkippedItem[] = [];
    const { fetch } = server({
      '/workspace': [json(workspace)],
      '/conversations?limit=1000&cursor=p1': [json({ items: [conversation('c1', 1000), conversation('c2', Number.NaN, { openedAt: 'yesterday' }), 42], next: 'p2', hasMore: false })],
    });
    const builder = new TableBuilder();
    const result = await sync(fetch, { skipped }).round({ baseUrl: 'https://x.test/api', workspace: 'w1', builder, cursors: { conversations: 'p1' } });
    expect(result.skipped).toBe(2);
    expect(skipped.map(({ collection, cursor, index, id, field }) => ({ collection, cursor, index, id, field }))).toEqual([
      { collection: 'conversations', cursor: 'p1', index: 1, id: 'c2', field: 'openedAt' },
      { collection: 'conversations', cursor: 'p1', index: 2, id: null, field: '(record)' },
    ]);
    const tables = builder.finish();
    expect(tables.conversations.ids).toEqual(['c1']);
    expect(tables.rejected.conversations).toBe(2);
  });

  it('refuses another workspace and answers that break the contract', async () => {
    const other = server({ '/workspace': [json({ ...workspace, id: 'w2' })] });
    await expect(sync(other.fetch).round({ baseUrl: 'https://x.test/api', workspace: 'w1', builder: new TableBuilder(), cursors: {} })).rejects.toThrow(/answered workspace "w2", configured "w1"/);
    const broken = server({ '/workspace': [json(workspace)], '/contacts?limit=1000': [json({ items: [] })] });
    await expect(sync(broken.fetch).round({ baseUrl: 'https://x.test/api', workspace: 'w1', builder: new TableBuilder(), cursors: {} })).rejects.toThrow(SyncError);
  });

  it('restores the builder only when the round brings something', async () => {
    const users = [{ id: 'u-1', name: 'Ana', teamIds: [], deleted: false }];
    const routes = () => ({ '/workspace': [json(workspace)], '/users': [json(users)] });
    let restored = 0;
    const builder = new TableBuilder();
    const lazy = async () => {
      restored++;
      return builder;
    };
    const first = await sync(server(routes()).fetch).round({ baseUrl: 'https://x.test/api', workspace: 'w1', builder: lazy, cursors: {} });
    expect(restored).toBe(1);
    expect(first.applied).toBe(1);
    // Same users, empty pages: nothing to apply, the (large) stored builder stays unread.
    const second = await sync(server(routes()).fetch).round({ baseUrl: 'https://x.test/api', workspace: 'w1', builder: lazy, cursors: first.cursors });
    expect(restored).toBe(1);
    expect(second.applied).toBe(0);
    // A changed user list is applied again.
    const changed = { '/workspace': [json(workspace)], '/users': [json([{ ...users[0], name: 'Ana B.' }])] };
    const third = await sync(server(changed).fetch).round({ baseUrl: 'https://x.test/api', workspace: 'w1', builder: lazy, cursors: second.cursors });
    expect(restored).toBe(2);
    expect(third.applied).toBe(1);
    expect(builder.finish().directory.users).toEqual([{ id: 'u-1', name: 'Ana B.', deleted: false }]);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(retryAfterMs(null)).toBeNull();
    expect(retryAfterMs('soon')).toBeNull();
  });
});
