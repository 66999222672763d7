import { type WorkspaceFile, validateRecord } from '@parley/model';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoApi } from './demo-api.js';
import { generateWorkspaceFile } from '../generator/generate-workspace.js';
import type { DemoApiStats } from './server-state.js';
import { type Attempt, attempt, control, readAll } from './testing/page-reader.js';

const seed = 3;
const conversations = 800;
const endDate = '2024-06-30';
const root = `http://faults.test/api/demo/${seed}/${conversations}/${endDate}`;

const slept: number[] = [];
const api = demoApi({ sleep: async (ms) => void slept.push(ms) });
const server = setupServer(...api.handlers);
let file: WorkspaceFile;
let testIndex = 0;
const base = (faults: string) => `${root}/faults/${faults}/t/faults-${++testIndex}`;

async function stats(url: string): Promise<DemoApiStats> {
  const response = await fetch(`${url}/_control/stats`);
  return (await response.json()) as DemoApiStats;
}

const statusOf = (outcome: Attempt) => ('cut' in outcome ? 'cut' : outcome.status);

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  file = generateWorkspaceFile({ seed, conversations, endDate });
});
afterEach(() => {
  api.reset();
  slept.length = 0;
});
afterAll(() => server.close());

describe('demo API faults: transient', () => {
  it('429: answers the first request of each page 429 with Retry-After, then the page', async () => {
    const url = base('429,retry-after=0');
    const clean = await readAll(`${root}/t/clean-429`, 'messages', { limit: 1000 });
    const read = await readAll(url, 'messages', { limit: 1000, retries: 5 });
    expect(read.items).toEqual(clean.items);
    expect(read.attempts.map(statusOf)).toEqual(Array.from({ length: clean.pages }, () => [429, 200]).flat());
    for (const outcome of read.attempts.filter((item) => statusOf(item) === 429)) expect(outcome).toMatchObject({ retryAfter: '0' });
    const counted = await stats(url);
    expect(counted.injected['429']).toBe(clean.pages);
    expect(counted.requests.messages).toBe(clean.pages * 2);
  });

  it('429 without retry-after= says Retry-After: 1; 503 too', async () => {
    const first = await attempt(`${base('429,503')}/workspace`);
    expect(first).toMatchObject({ status: 429, retryAfter: '1' });
    const url = base('503');
    expect(await attempt(`${url}/users`)).toMatchObject({ status: 503, retryAfter: '1' });
    expect(await attempt(`${url}/users`)).toMatchObject({ status: 200, body: file.users });
  });

  it('meets 429, 500, 503 and drop in that order on each page, whatever the list order', async () => {
    const url = base('drop,503,500,429,retry-after=0');
    const read = await readAll(url, 'csat', { limit: 60, retries: 4 });
    const pages = Math.ceil(file.csat.length / 60);
    expect(read.pages).toBe(pages);
    expect(read.attempts.map(statusOf)).toEqual(Array.from({ length: pages }, () => [429, 500, 503, 'cut', 200]).flat());
    expect(new Set(read.items.map((item) => (item as { id: string }).id))).toEqual(new Set(file.csat.map((item) => item.id)));
    expect((await stats(url)).injected).toMatchObject({ '429': pages, '500': pages, '503': pages, drop: pages });
  });

  it('keys the faults by page: a new since starts a new page, the same cursor does not', async () => {
    const url = base('500');
    expect(await attempt(`${url}/contacts?limit=10`)).toMatchObject({ status: 500 });
    expect(await attempt(`${url}/contacts?limit=20`)).toMatchObject({ status: 200 });
    expect(await attempt(`${url}/contacts?limit=10&since=5`)).toMatchObject({ status: 500 });
    expect(await attempt(`${url}/conversations?limit=10`)).toMatchObject({ status: 500 });
  });

  it('drop: cuts the first answer of each page at about half its body', async () => {
    const url = base('drop');
    const cut = await attempt(`${url}/conversations?limit=500`);
    const whole = await fetch(`${url}/conversations?limit=500`);
    const text = await whole.text();
    expect(cut).toEqual({ status: 200, cut: true, bytes: Math.floor(new TextEncoder().encode(text).length / 2) });
    // What a client does with it: json() rejects.
    const again = await fetch(`${url}/conversations?cursor=${encodeURIComponent((JSON.parse(text) as { next: string }).next)}&limit=500`);
    await expect(again.json()).rejects.toThrow(/cut mid-body/);
  });

  it('is deterministic: a second base URL, or the same after a reset, meets the same faults', async () => {
    const runs = [];
    for (const url of [base('429,500,retry-after=0'), base('429,500,retry-after=0')]) {
      const read = await readAll(url, 'assignments', { limit: 250, retries: 3 });
      runs.push({ statuses: read.attempts.map(statusOf), items: read.items, injected: (await stats(url)).injected });
      await control(url, 'reset');
      const afterReset = await readAll(url, 'assignments', { limit: 250, retries: 3 });
      expect(afterReset.attempts.map(statusOf)).toEqual(read.attempts.map(statusOf));
    }
    expect(runs[1]).toEqual(runs[0]);
  });
});

describe('demo API faults: slow, 401, malformed', () => {
  it('slow: delays every data answer, 600 ms unless slow=MS, never the control calls', async () => {
    await attempt(`${base('slow')}/workspace`);
    const url = base('slow=25');
    await attempt(`${url}/teams`);
    await attempt(`${url}/messages?limit=5`);
    await stats(url);
    expect(slept).toEqual([600, 25, 25]);
    expect((await stats(url)).injected.slow).toBe(2);
  });

  it('401: refuses data requests without the demo bearer token until a control call lifts it', async () => {
    const url = base('401');
    const refused = await fetch(`${url}/workspace`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('WWW-Authenticate')).toContain('Bearer');
    expect((await fetch(`${url}/messages`, { headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await fetch(`${url}/messages`, { headers: { Authorization: 'Bearer demo' } })).status).toBe(200);
    // Control calls are never refused.
    expect((await stats(url)).injected['401']).toBe(2);
    expect(await control(url, 'faults', { faults: '' })).toEqual({ faults: '' });
    expect((await fetch(`${url}/workspace`)).status).toBe(200);
    await control(url, 'reset');
    expect((await fetch(`${url}/workspace`)).status).toBe(401);
  });

  it.each([
    ['conversations', 'conversations'],
    ['messages', 'messages'],
    ['assignments', 'assignments'],
    ['contacts', 'contacts'],
    ['contact-events', 'contactEvents'],
    ['csat', 'csat'],
  ] as const)('malformed: serves every 97th generated record of %s invalid, always the same', async (path, collection) => {
    const url = base('malformed');
    const read = await readAll(url, path, { limit: 1000 });
    const records = file[collection] as unknown as { id: string }[];
    const damagedIds = new Set(records.filter((_, index) => (index + 1) % 97 === 0).map((record) => record.id));
    expect(damagedIds.size).toBeGreaterThan(0);
    const invalid = read.items.filter((item) => validateRecord(collection, item) !== null);
    const valid = read.items.filter((item) => validateRecord(collection, item) === null) as { id: string }[];
    // Closed conversations come twice (open, then closed): both damaged.
    const damagedChanges = collection === 'conversations' ? file.conversations.filter((c, index) => (index + 1) % 97 === 0 && c.closedAt !== null).length : 0;
    expect(invalid).toHaveLength(damagedIds.size + damagedChanges);
    expect(valid.some((item) => damagedIds.has(item.id))).toBe(false);
    expect(new Set(valid.map((item) => item.id)).size).toBe(records.length - damagedIds.size);
    if (collection !== 'contacts') expect(new Set(invalid.map((item) => (item as { id: string }).id))).toEqual(damagedIds);
    expect((await stats(url)).injected.malformed).toBe(invalid.length);

    const again = await readAll(base('malformed'), path, { limit: 333 });
    expect(again.items).toEqual(read.items);
  });

  it('malformed=N picks every Nth record', async () => {
    const read = await readAll(base('malformed=5'), 'csat', { limit: 5000 });
    const invalid = read.items.filter((item) => validateRecord('csat', item) !== null) as { id: string }[];
    expect(invalid.map((item) => item.id).sort()).toEqual(file.csat.filter((_, index) => (index + 1) % 5 === 0).map((item) => item.id).sort());
  });
});
