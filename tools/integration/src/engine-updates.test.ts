import { describe, expect, it } from 'vitest';
import type { ReportSnapshot, WorkspaceFile } from '@parley/model';
import { snapshotOfWorkspace } from '@parley/metrics';
import { demoApiPath, demoWorkspaceId, generateWorkspaceFile } from '@parley/mocks';
import { demoOrigin, harness, plain, until } from './engine-harness.js';

// What happens after the first sync: records that change or go away on the server, and a round
// cut off half-way that a reloaded page finishes. Expected values: `parley report` over the
// generated file edited the same way by hand.

const seed = 8;
const conversations = 1_200;
const endDate = '2024-11-20';
const period = { from: '2024-10-22', to: '2024-11-20' };
const timeZone = 'Europe/Paris';
const args = { ...period, timeZone, filters: {} };
const workspace = demoWorkspaceId(seed, conversations, endDate);
const base = (token: string) => demoOrigin + demoApiPath({ seed, conversations, endDate, token });

async function control(h: ReturnType<typeof harness>, token: string, action: string, body: unknown) {
  const response = await h.api.handle(new Request(`${base(token)}/_control/${action}`, { method: 'POST', body: JSON.stringify(body) }));
  expect(response?.status, action).toBe(200);
}

type Conversation = WorkspaceFile['conversations'][number];

describe('engine after the first sync', () => {
  const file = generateWorkspaceFile({ seed, conversations, endDate });
  const startMs = Date.parse('2024-10-25T00:00:00Z');
  const open = file.conversations.find((c) => c.closedAt === null && c.openedAt > startMs) as Conversation;
  const closedOne = file.conversations.find((c) => c.closedAt !== null && c.openedAt > startMs) as Conversation;

  it('takes a record changed on the server in its new state, and drops one a tombstone removes', async () => {
    expect(open).toBeDefined();
    const h = harness();
    const engine = h.engine();
    await engine.configure({ baseUrl: base('updates'), workspace });
    await until(engine, (s) => s.phase === 'up-to-date');
    const before = plain<ReportSnapshot['conversations']['overview']>((await engine.query({ section: 'conversations.overview', period, timeZone })).value);
    expect(before).toEqual(snapshotOfWorkspace(file, args).conversations.overview);

    const closed: Conversation = { ...open, closedAt: open.openedAt + 3_600_000, closedSource: 'user', closedByUserId: 'u-01', category: 'Billing' };
    await control(h, 'updates', 'changes', { collection: 'conversations', items: [closed, { id: closedOne.id, deleted: true }] });
    const versions: number[] = [];
    await engine.subscribe((event) => event.type === 'version' && versions.push(event.version));
    const state = await engine.sync();
    expect(state).toMatchObject({ phase: 'up-to-date', version: 2 });
    expect(versions).toEqual([2]);

    const edited: WorkspaceFile = { ...file, conversations: file.conversations.filter((c) => c.id !== closedOne.id).map((c) => (c.id === open.id ? closed : c)) };
    const expected = snapshotOfWorkspace(edited, args);
    for (const section of ['conversations.overview', 'conversations.closedByCategory', 'conversations.list', 'leaderboard'] as const) {
      const value = plain((await engine.query({ section, period, timeZone })).value);
      const [, key] = section.split('.');
      expect(value, section).toEqual(key ? (expected.conversations as Record<string, unknown>)[key] : expected.leaderboard);
    }
    // Nothing new: the next round commits no version.
    expect((await engine.sync()).version).toBe(2);
  });

  it('finishes, after a reload, a round cut off half-way: from the stored cursors, nothing lost', async () => {
    const h = harness();
    let allowed = 14;
    const cut = h.engine({
      checkpointEveryMs: 0,
      retry: { baseDelayMs: 1, maxDelayMs: 1, maxAttempts: 2 },
      fetch: async (url, init) => {
        if (allowed-- <= 0) throw new TypeError('Failed to fetch');
        return (await h.api.handle(new Request(url, init))) as Response;
      },
    });
    await cut.configure({ baseUrl: base('resume'), workspace });
    const failed = await until(cut, (s) => s.phase === 'error');
    expect(failed.version).toBe(0);

    const seenBefore = h.requests.length;
    const reloaded = h.engine();
    await reloaded.configure({ baseUrl: base('resume'), workspace });
    await until(reloaded, (s) => s.phase === 'up-to-date');
    const after = h.requests.slice(seenBefore);
    // Collections the cut round had started go on from a cursor, not from the start.
    expect(after.filter((r) => /\/(contacts|conversations|assignments|messages)\?limit=\d+$/.test(r))).toEqual([]);
    const expected = snapshotOfWorkspace(file, args);
    const input = plain<ReportSnapshot['input']>((await reloaded.query({ section: 'input', period, timeZone })).value);
    expect(input).toEqual(expected.input);
    expect(plain((await reloaded.query({ section: 'conversations.list', period, timeZone })).value)).toEqual(expected.conversations.list);
  });
});
