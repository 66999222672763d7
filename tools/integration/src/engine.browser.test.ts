import { expect } from '@open-wc/testing';
import type { EngineAnswer, EngineQuery, ReportSnapshot, SyncState } from '@parley/model';
import { isListColumns, listRows } from '@parley/model';
import type { Parley as ParleyObject } from '@parley/engine-client';
import { snapshotOfWorkspace } from '@parley/metrics';
import { demoApiPath, demoWorkspaceId, generateWorkspaceFile } from '@parley/mocks';

// The engine in Chromium as pages use it: each test page is an iframe with its own engine client,
// so its own worker; the demo API is the test server's (the same MSW handlers, from Node); the
// cache is the browser's IndexedDB. Expected numbers: `parley report`'s code over the generated file,
// computed here in the test page, independently of the worker.

type ParleyApi = typeof ParleyObject;

const seed = 11;
const conversations = 1_500;
const endDate = '2024-11-20';
const period = { from: '2024-10-22', to: '2024-11-20' };
const timeZone = 'Europe/Paris';
const workspace = demoWorkspaceId(seed, conversations, endDate);
const file = generateWorkspaceFile({ seed, conversations, endDate });
const expected = snapshotOfWorkspace(file, { ...period, timeZone, filters: {} });
const run = Math.random().toString(36).slice(2, 8);

function base(token: string, faults?: string): string {
  return demoApiPath({ seed, conversations, endDate, token: `${run}-${token}`, ...(faults ? { faults } : {}) });
}

/** A fresh page: an iframe with its own engine client (and so, its own worker). */
async function page(): Promise<{ Parley: ParleyApi; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<script type="module">window.client = await import('/libs/engine-client/src/index.ts'); parent.postMessage('ready', '*');</script>`;
  const ready = new Promise<void>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source === frame.contentWindow && event.data === 'ready') {
        window.removeEventListener('message', onMessage);
        resolve();
      }
    };
    window.addEventListener('message', onMessage);
  });
  document.body.append(frame);
  await ready;
  return { Parley: (frame.contentWindow as unknown as { client: { Parley: ParleyApi } }).client.Parley, frame };
}

async function settled(Parley: ParleyApi): Promise<SyncState> {
  for (let i = 0; i < 600; i++) {
    const state = await Parley.syncState();
    if (state.phase !== 'syncing' && state.phase !== 'idle') return state;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`sync did not settle: ${JSON.stringify(await Parley.syncState())}`);
}

async function value<T>(Parley: ParleyApi, query: Omit<EngineQuery, 'period' | 'timeZone'>): Promise<T> {
  const answer: EngineAnswer = await Parley.query({ period, timeZone, ...query });
  return (isListColumns(answer.value) ? listRows(answer.value) : answer.value) as T;
}

async function control(path: string, action: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${path}/_control/${action}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
  expect(response.status).to.equal(200);
  return response.json();
}

async function ids(Parley: ParleyApi): Promise<string[]> {
  const rows = await value<{ conversationId: string }[]>(Parley, { section: 'conversations.list', list: { scope: 'opened' } });
  return rows.map((row) => row.conversationId);
}

const expectedOpenedIds = () => {
  const { startMs, endMs } = expected.period;
  return file.conversations
    .filter((c) => c.openedAt >= startMs && c.openedAt < endMs)
    .map((c) => c.id)
    .sort();
};

describe('the engine in Chromium', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('answers typed queries with the numbers of parley report', async () => {
    const { Parley } = await page();
    await Parley.configure({ baseUrl: base('numbers'), workspace });
    expect((await settled(Parley)).phase).to.equal('up-to-date');
    expect(await value(Parley, { section: 'conversations.overview' })).to.deep.equal(expected.conversations.overview);
    expect(await value(Parley, { section: 'conversations.openedHeatmap' })).to.deep.equal(expected.conversations.openedHeatmap);
    expect(await value(Parley, { section: 'conversations.closedBySource' })).to.deep.equal(expected.conversations.closedBySource);
    expect(await value(Parley, { section: 'conversations.durations' })).to.deep.equal(expected.conversations.durations);
    expect(await value(Parley, { section: 'leaderboard' })).to.deep.equal(expected.leaderboard);
    expect(await value(Parley, { section: 'csat' })).to.deep.equal(expected.csat);
    expect(await value(Parley, { section: 'conversations.list' })).to.deep.equal(expected.conversations.list);
  });

  it('keeps the data across a reload: a fresh worker in a fresh iframe reads IndexedDB with the API gone', async () => {
    const path = base('reload');
    const first = await page();
    await first.Parley.configure({ baseUrl: path, workspace });
    await settled(first.Parley);
    first.frame.remove();
    // The API now refuses everything: whatever the next page shows comes from the cache.
    await control(path, 'faults', { faults: '500' });
    const servedBefore = ((await control(path, 'stats')) as { served: Record<string, number> }).served;
    const second = await page();
    await second.Parley.configure({ baseUrl: path, workspace });
    expect(await value(second.Parley, { section: 'conversations.overview' })).to.deep.equal(expected.conversations.overview);
    expect(await value(second.Parley, { section: 'messages' })).to.deep.equal(expected.messages);
    expect((await value<ReportSnapshot['input']>(second.Parley, { section: 'input' })).loaded).to.deep.equal(expected.input.loaded);
    const servedAfter = ((await control(path, 'stats')) as { served: Record<string, number> }).served;
    expect(servedAfter).to.deep.equal(servedBefore);
  });

  it('resumes a sync whose bodies are cut mid-way: every record once, none lost', async () => {
    const { Parley } = await page();
    await Parley.configure({ baseUrl: base('drop', 'drop'), workspace });
    expect((await settled(Parley)).phase).to.equal('up-to-date');
    const stats = (await control(base('drop', 'drop'), 'stats')) as { injected: Record<string, number> };
    expect(stats.injected.drop).to.be.greaterThan(5);
    expect((await value<ReportSnapshot['input']>(Parley, { section: 'input' })).loaded).to.deep.equal(expected.input.loaded);
    const seen = await ids(Parley);
    expect(new Set(seen).size).to.equal(seen.length);
    expect([...seen].sort()).to.deep.equal(expectedOpenedIds());
  });

  it('ends a 429/500 storm with the full data', async () => {
    const path = base('storm', '429,500,retry-after=0');
    const { Parley } = await page();
    await Parley.configure({ baseUrl: path, workspace });
    expect((await settled(Parley)).phase).to.equal('up-to-date');
    const stats = (await control(path, 'stats')) as { injected: Record<string, number> };
    expect(stats.injected['429']).to.be.greaterThan(5);
    expect(stats.injected['500']).to.be.greaterThan(5);
    expect((await value<ReportSnapshot['input']>(Parley, { section: 'input' })).loaded).to.deep.equal(expected.input.loaded);
    expect(await value(Parley, { section: 'conversations.closedByCategory' })).to.deep.equal(expected.conversations.closedByCategory);
  });

  it('reports invalid items and skips them, keeping the rest', async () => {
    const path = base('malformed', 'malformed');
    const { Parley } = await page();
    await Parley.configure({ baseUrl: path, workspace });
    const state = await settled(Parley);
    const stats = (await control(path, 'stats')) as { injected: Record<string, number> };
    expect(state.phase).to.equal('up-to-date');
    expect(state.skipped).to.equal(stats.injected.malformed);
    expect(state.recentSkipped[0]).to.include.keys('collection', 'cursor', 'index', 'id', 'field', 'reason');
    const input = await value<ReportSnapshot['input']>(Parley, { section: 'input' });
    const loaded = Object.values(input.loaded).reduce((a, b) => a + b, 0);
    const all = Object.values(expected.input.loaded).reduce((a, b) => a + b, 0);
    // A record served invalid once may come valid later (a conversation's open, then closed state).
    expect(loaded).to.be.within(all - state.skipped, all - 1);
    expect(Object.values(input.rejected).reduce((a, b) => a + b, 0)).to.equal(state.skipped);
  });

  it('ends a record updated after it was synced in its new state', async () => {
    const path = base('update');
    const { Parley } = await page();
    await Parley.configure({ baseUrl: path, workspace });
    await settled(Parley);
    const open = file.conversations.find((c) => c.closedAt === null && c.openedAt >= expected.period.startMs);
    if (!open) throw new Error('the generated workspace has no open conversation in the period');
    const closed = { ...open, closedAt: open.openedAt + 600_000, closedSource: 'user', closedByUserId: 'u-01', category: 'Billing' };
    await control(path, 'changes', { collection: 'conversations', items: [closed] });
    const versions: number[] = [];
    const stop = Parley.onVersion((version) => versions.push(version));
    expect((await Parley.sync()).version).to.equal(2);
    const edited = { ...file, conversations: file.conversations.map((c) => (c.id === open.id ? closed : c)) };
    const after = snapshotOfWorkspace(edited, { ...period, timeZone, filters: {} });
    expect(await value(Parley, { section: 'conversations.overview' })).to.deep.equal(after.conversations.overview);
    expect(await value(Parley, { section: 'conversations.closedByCategory' })).to.deep.equal(after.conversations.closedByCategory);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(versions).to.include(2);
    stop();
  });

  it('runs one sync for two iframes on one origin', async () => {
    const path = base('two-frames');
    const [a, b] = await Promise.all([page(), page()]);
    await Promise.all([a.Parley.configure({ baseUrl: path, workspace }), b.Parley.configure({ baseUrl: path, workspace })]);
    await Promise.all([settled(a.Parley), settled(b.Parley)]);
    const stats = (await control(path, 'stats')) as { requests: Record<string, number>; served: Record<string, number> };
    // One round: the workspace asked once, every item sent once.
    expect(stats.requests.workspace).to.equal(1);
    const served = Object.values(stats.served).reduce((x, y) => x + y, 0);
    const total = ['contacts', 'conversations', 'assignments', 'messages', 'csat', 'contactEvents'].reduce((sum, name) => sum + (file as unknown as Record<string, unknown[]>)[name].length, 0);
    expect(served).to.be.at.least(total);
    expect(served).to.be.below(total * 1.5);
    expect(await value(b.Parley, { section: 'conversations.overview' })).to.deep.equal(expected.conversations.overview);
    expect(await value(a.Parley, { section: 'conversations.overview' })).to.deep.equal(expected.conversations.overview);

    // A version one frame commits reaches the other over BroadcastChannel, without a sync of its own.
    const gone = file.conversations.find((c) => c.openedAt >= expected.period.startMs) as { id: string };
    await control(path, 'changes', { collection: 'conversations', items: [{ id: gone.id, deleted: true }] });
    const heard = new Promise<number>((resolve) => {
      const stop = b.Parley.onVersion((version) => {
        if (version < 2) return;
        stop();
        resolve(version);
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const workspaceRequests = stats.requests.workspace;
    expect((await a.Parley.sync()).version).to.equal(2);
    expect(await heard).to.equal(2);
    const overview = await value<{ opened: number }>(b.Parley, { section: 'conversations.overview' });
    expect(overview.opened).to.equal((expected.conversations.overview.opened as number) - 1);
    const after = (await control(path, 'stats')) as { requests: Record<string, number> };
    expect(after.requests.workspace).to.equal(workspaceRequests + 1);
  });
});
