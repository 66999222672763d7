import type { WorkspaceFile } from '@parley/model';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoApi } from './demo-api.js';
import { generateWorkspaceFile } from '../generator/generate-workspace.js';
import { type PageBody, attempt, control, readAll } from './testing/page-reader.js';

// The paged API against an independent account of the same workspace: generateWorkspaceFile's
// records, split and ordered here by the contract's rule (a closed conversation first open at its
// openedAt, then final at its closedAt; every other record at its at/createdAt; ties in generation
// order), so every page is checked item by item.

const seed = 7;
const conversations = 1500;
const endDate = '2024-11-20';
const origin = 'http://demo.test';
const root = `${origin}/api/demo/${seed}/${conversations}/${endDate}`;
const pagedPaths = ['conversations', 'assignments', 'messages', 'contacts', 'contact-events', 'csat'] as const;
type PagedPath = (typeof pagedPaths)[number];
const fileCollection = {
  conversations: 'conversations',
  assignments: 'assignments',
  messages: 'messages',
  contacts: 'contacts',
  'contact-events': 'contactEvents',
  csat: 'csat',
} as const satisfies Record<PagedPath, keyof WorkspaceFile>;

type Item = Record<string, unknown>;
interface Change {
  id: string;
  /** When the change happens. */
  atMs: number;
  /** What `since` is compared with. */
  sinceKeyMs: number;
  record: Item;
}

const api = demoApi();
const server = setupServer(...api.handlers);
let file: WorkspaceFile;
let changes: Record<PagedPath, Change[]>;
let testIndex = 0;
/** A base URL of its own per test: server state is per base URL. */
const isolated = (faults = '') => `${root}${faults === '' ? '' : `/faults/${faults}`}/t/paging-${++testIndex}`;

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  file = generateWorkspaceFile({ seed, conversations, endDate });
  const openedAt = new Map(file.conversations.map((conversation) => [conversation.id, conversation.openedAt]));
  const expected = {} as Record<PagedPath, Change[]>;
  for (const path of pagedPaths) {
    const list: Change[] = [];
    for (const record of file[fileCollection[path]] as unknown as Item[]) {
      const id = record.id as string;
      if (path === 'conversations') {
        const opened = record.openedAt as number;
        if (record.closedAt !== null) {
          const open = { ...record, closedAt: null, closedSource: null, closedByUserId: null, closedByTeamId: null, category: null, summary: null };
          list.push({ id, atMs: opened, sinceKeyMs: opened, record: open });
          list.push({ id, atMs: record.closedAt as number, sinceKeyMs: opened, record });
        } else {
          list.push({ id, atMs: opened, sinceKeyMs: opened, record });
        }
      } else if (path === 'contacts') {
        list.push({ id, atMs: record.createdAt as number, sinceKeyMs: Number.POSITIVE_INFINITY, record });
      } else {
        const at = record.at as number;
        const conversationId = record.conversationId;
        const sinceKeyMs = path === 'contact-events' || typeof conversationId !== 'string' ? at : (openedAt.get(conversationId) as number);
        list.push({ id, atMs: at, sinceKeyMs, record });
      }
    }
    // Array.prototype.sort is stable: equal instants stay in generation order.
    expected[path] = list.sort((a, b) => a.atMs - b.atMs);
  }
  changes = expected;
});
afterEach(() => api.reset());
afterAll(() => server.close());

describe('demo API: whole collections', () => {
  it('describes the workspace by its demo id and zone', async () => {
    const answer = await attempt(`${root}/workspace`);
    expect(answer).toMatchObject({ status: 200 });
    expect((answer as { body: unknown }).body).toEqual({
      id: `demo-7-1500-2024-11-20`,
      name: file.workspace.name,
      timeZone: 'Europe/Paris',
    });
  });

  it('sends users, teams and channels whole', async () => {
    for (const path of ['users', 'teams', 'channels'] as const) {
      const answer = await attempt(`${root}/${path}`);
      expect(answer).toMatchObject({ status: 200, body: file[path] });
      expect(file[path].length).toBeGreaterThan(0);
    }
  });
});

describe('demo API: paging', () => {
  it.each(pagedPaths)('serves every change of %s once, in modification order, each record last in its final state', async (path) => {
    const read = await readAll(isolated(), path, { limit: 400 });
    const expected = changes[path];
    expect(read.items).toEqual(expected.map((change) => change.record));
    expect(read.pages).toBe(Math.max(1, Math.ceil(expected.length / 400)));
    expect(new Set(read.totals)).toEqual(new Set([expected.length]));

    // By id, independently of order: each generated record once, in its final state.
    const lastById = new Map<string, unknown>();
    for (const item of read.items as Item[]) lastById.set(item.id as string, item);
    const records = file[fileCollection[path]] as unknown as Item[];
    expect(lastById.size).toBe(records.length);
    for (const record of records) expect(lastById.get(record.id as string)).toEqual(record);
  });

  it('sends a closed conversation open first and closed later, and some conversations stay open', async () => {
    const read = await readAll(isolated(), 'conversations', { limit: 5000 });
    const seen = new Map<string, Item>();
    let updates = 0;
    for (const item of read.items as Item[]) {
      const previous = seen.get(item.id as string);
      if (previous !== undefined) {
        updates++;
        expect(previous.closedAt).toBeNull();
        expect(previous.category).toBeNull();
        expect(typeof item.closedAt).toBe('number');
      }
      seen.set(item.id as string, item);
    }
    const closed = file.conversations.filter((conversation) => conversation.closedAt !== null).length;
    expect(updates).toBe(closed);
    expect(closed).toBeGreaterThan(conversations / 2);
    expect(closed).toBeLessThan(conversations);
  });

  it('answers a caught-up cursor with no items and the same cursor, until something changes', async () => {
    const base = isolated();
    const read = await readAll(base, 'csat', { limit: 1000 });
    const again = await attempt(`${base}/csat?cursor=${encodeURIComponent(read.next)}`);
    expect(again).toMatchObject({ status: 200, body: { items: [], next: read.next, hasMore: false, total: changes.csat.length } });
  });

  it('pages by 1000 by default and by at most 5000', async () => {
    const base = isolated();
    expect(changes.messages.length).toBeGreaterThan(6000);
    const first = (await attempt(`${base}/messages`)) as { body: PageBody };
    expect(first.body.items).toHaveLength(1000);
    expect(first.body.hasMore).toBe(true);
    const capped = (await attempt(`${base}/messages?limit=99999`)) as { body: PageBody };
    expect(capped.body.items).toHaveLength(5000);
  });

  it('leaves out, with since, conversations opened before it with their records, and contact events before it', async () => {
    const sinceMs = Date.UTC(2024, 9, 15, 8);
    for (const path of pagedPaths) {
      const read = await readAll(isolated(), path, { limit: 700, since: sinceMs });
      const expected = changes[path].filter((change) => change.sinceKeyMs >= sinceMs);
      expect(read.items).toEqual(expected.map((change) => change.record));
      expect(new Set(read.totals)).toEqual(new Set([expected.length]));
      if (path === 'contacts') expect(expected).toHaveLength(changes.contacts.length);
      else expect(expected.length).toBeLessThan(changes[path].length);
    }
  });

  it('serves, as the clock advances, exactly the changes up to it: nothing twice, nothing lost', async () => {
    const base = isolated();
    const clocks = [Date.UTC(2024, 8, 10), Date.UTC(2024, 9, 1, 12, 30), Date.UTC(2024, 10, 20, 23)];
    for (const path of pagedPaths) {
      let cursor: string | undefined;
      let previousMs = Number.NEGATIVE_INFINITY;
      for (const nowMs of clocks) {
        await control(base, 'clock', { nowMs });
        const read = await readAll(base, path, { limit: 300, cursor });
        const expected = changes[path].filter((change) => change.atMs > previousMs && change.atMs <= nowMs);
        expect(read.items).toEqual(expected.map((change) => change.record));
        expect(read.totals.at(-1)).toBe(changes[path].filter((change) => change.atMs <= nowMs).length);
        cursor = read.next;
        previousMs = nowMs;
      }
      expect(previousMs).toBeGreaterThanOrEqual(Math.max(...changes[path].map((change) => change.atMs)));
    }
  });

  it('takes the clock as an ISO instant or a step, and keeps it per base URL', async () => {
    const base = isolated();
    const other = isolated();
    expect(await control(base, 'clock', { now: '2024-10-01T00:00:00Z' })).toEqual({ nowMs: Date.UTC(2024, 9, 1) });
    expect(await control(base, 'clock', { advanceMs: 3_600_000 })).toEqual({ nowMs: Date.UTC(2024, 9, 1, 1) });
    const early = await readAll(base, 'contact-events', { limit: 5000 });
    const full = await readAll(other, 'contact-events', { limit: 5000 });
    expect(early.items).toHaveLength(changes['contact-events'].filter((change) => change.atMs <= Date.UTC(2024, 9, 1, 1)).length);
    expect(full.items).toHaveLength(changes['contact-events'].length);
    await control(base, 'reset');
    expect((await readAll(base, 'contact-events', { limit: 5000 })).items).toHaveLength(changes['contact-events'].length);
  });
});

describe('demo API: appended changes', () => {
  it('serves appended tombstones and invalid items after the generated changes', async () => {
    const base = isolated();
    const caughtUp = await readAll(base, 'messages', { limit: 5000 });
    const victim = file.messages[10].id;
    const appended = [{ id: victim, deleted: true }, { id: 'm-broken', direction: 'in', senderType: 'contact' }, 'not even an object'];
    expect(await control(base, 'changes', { collection: 'messages', items: appended })).toEqual({ collection: 'messages', appended: 3, length: 3 });

    const more = await readAll(base, 'messages', { cursor: caughtUp.next });
    expect(more.items).toEqual(appended);
    expect(more.totals).toEqual([changes.messages.length + 3]);
    const fresh = await readAll(base, 'messages', { limit: 5000 });
    expect(fresh.items).toEqual([...changes.messages.map((change) => change.record), ...appended]);
  });

  it('places changes appended at an earlier clock before the generated changes that come after it', async () => {
    const base = isolated();
    const nowMs = Date.UTC(2024, 9, 1);
    await control(base, 'clock', { nowMs });
    const tombstone = { id: file.conversations[0].id, deleted: true };
    // The model's name of a collection is accepted too.
    await control(base, 'changes', { collection: 'contactEvents', items: [{ id: 'e-x', deleted: true }] });
    await control(base, 'changes', { collection: 'conversations', items: [tombstone] });
    await control(base, 'clock', { nowMs: Date.UTC(2024, 10, 21) });

    const read = await readAll(base, 'conversations', { limit: 333 });
    const before = changes.conversations.filter((change) => change.atMs <= nowMs).map((change) => change.record);
    const after = changes.conversations.filter((change) => change.atMs > nowMs).map((change) => change.record);
    expect(read.items).toEqual([...before, tombstone, ...after]);
    const events = await readAll(base, 'contact-events', { limit: 5000 });
    expect(events.items).toContainEqual({ id: 'e-x', deleted: true });
    expect(await attempt(`${base}/_control/stats`)).toMatchObject({ body: { appended: { conversations: 1, 'contact-events': 1 } } });
  });

  it('applies since to appended records by the same rule, and always sends tombstones', async () => {
    const base = isolated();
    const sinceMs = Date.UTC(2024, 10, 1);
    const conversation = file.conversations.find((item) => item.openedAt >= sinceMs);
    const oldConversation = file.conversations.find((item) => item.openedAt < sinceMs);
    expect(conversation && oldConversation).toBeTruthy();
    const kept = { id: 'm-new', conversationId: conversation?.id, at: sinceMs - 1, direction: 'out', senderType: 'user' };
    const left = { id: 'm-old', conversationId: oldConversation?.id, at: sinceMs + 1, direction: 'out', senderType: 'user' };
    const tombstone = { id: 'm-gone', deleted: true };
    await control(base, 'changes', { collection: 'messages', items: [kept, left, tombstone] });
    const read = await readAll(base, 'messages', { limit: 5000, since: sinceMs });
    expect(read.items.slice(-2)).toEqual([kept, tombstone]);
    expect(read.items).toHaveLength(changes.messages.filter((change) => change.sinceKeyMs >= sinceMs).length + 2);
  });
});

describe('demo API: refusals', () => {
  const refusals: [string, number, string | null][] = [
    ['/messages?limit=0', 400, 'limit'],
    ['/messages?limit=ten', 400, 'limit'],
    ['/messages?cursor=nonsense', 400, 'cursor'],
    ['/messages?cursor=conversations:0:0', 400, 'cursor'],
    ['/messages?cursor=messages:99999999:0', 400, 'past the end'],
    ['/messages?cursor=messages:0:1', 400, 'past the end'],
    ['/messages?cursor=messages:0:0&since=0', 400, 'since'],
    ['/messages?since=yesterday', 400, 'since'],
    ['/messages/extra', 404, 'no route'],
    ['/nothing', 404, 'no route'],
    ['/faults/429,teapot/messages', 400, 'unknown fault'],
    ['/faults/slow=fast/messages', 400, 'slow=fast'],
  ];
  it.each(refusals)('GET {base}%s → %i', async (suffix, status, words) => {
    const [path, query] = suffix.split('?');
    const url = path.startsWith('/faults/') ? `${root}${path}${query ? `?${query}` : ''}` : `${isolated()}${suffix}`;
    const answer = (await attempt(url)) as { status: number; body: { error: string } };
    expect(answer.status).toBe(status);
    expect(answer.body.error).toContain(words);
  });

  it.each([
    ['/api/demo/x/10/2024-11-20/workspace', 400],
    ['/api/demo/1/10/2024-02-30/workspace', 400],
    ['/api/demo/1/2000000/2024-11-20/workspace', 400],
    ['/api/demo/1/10/workspace', 400],
    ['/api/demo/1/workspace', 404],
  ] as const)('GET %s → %i', async (path, status) => {
    const answer = (await attempt(`${origin}${path}`)) as { status: number; body: { error: string } };
    expect(answer.status).toBe(status);
    expect(typeof answer.body.error).toBe('string');
  });

  it('refuses other methods on data routes, unknown controls and bad control bodies', async () => {
    const base = isolated();
    expect((await fetch(`${base}/messages`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${base}/_control/stats`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${base}/_control/clock`)).status).toBe(405);
    expect((await fetch(`${base}/_control/teleport`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${base}/_control/clock`, { method: 'POST', body: '{"nowMs":"soon"}' })).status).toBe(400);
    expect((await fetch(`${base}/_control/clock`, { method: 'POST', body: 'not json' })).status).toBe(400);
    expect((await fetch(`${base}/_control/changes`, { method: 'POST', body: '{"collection":"users","items":[]}' })).status).toBe(400);
    expect((await fetch(`${base}/_control/changes`, { method: 'POST', body: '{"collection":"messages"}' })).status).toBe(400);
  });

  it('answers a CORS preflight', async () => {
    const response = await fetch(`${root}/messages`, { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Headers')).toContain('Authorization');
  });
});
