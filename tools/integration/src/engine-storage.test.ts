import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IndexedDbStore } from '@parley/store';
import { describe, expect, it } from 'vitest';
import type { ReportSnapshot } from '@parley/model';
import { snapshotOfWorkspace } from '@parley/metrics';
import { demoApiPath, demoWorkspaceId, generateWorkspaceFile } from '@parley/mocks';
import { demoOrigin, harness, plain, until } from './engine-harness.js';

// Without a usable IndexedDB (private mode, blocked storage) the engine keeps the data in memory
// for the session: the numbers stay right and the sync state says why nothing is cached.

const seed = 2;
const conversations = 600;
const endDate = '2024-11-20';
const period = { from: '2024-10-22', to: '2024-11-20' };
const timeZone = 'Europe/Paris';

/** An IDBFactory whose open() fails the way Firefox's private mode did. */
class BrokenFactory extends IDBFactory {
  override open(): IDBOpenDBRequest {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }
}

describe('engine without IndexedDB', () => {
  it('syncs into memory, answers right, and reports the storage problem', async () => {
    const h = harness();
    const engine = h.engine({ indexedDB: new BrokenFactory() });
    await engine.configure({ baseUrl: demoOrigin + demoApiPath({ seed, conversations, endDate, token: 'memory' }), workspace: demoWorkspaceId(seed, conversations, endDate) });
    const state = await until(engine, (s) => s.phase === 'up-to-date');
    expect(state.storage).toBe('memory');
    expect(state.error).toMatch(/SecurityError.*kept in memory/);
    const expected = snapshotOfWorkspace(generateWorkspaceFile({ seed, conversations, endDate }), { ...period, timeZone, filters: {} });
    const overview = plain<ReportSnapshot['conversations']['overview']>((await engine.query({ section: 'conversations.overview', period, timeZone })).value);
    expect(overview).toEqual(expected.conversations.overview);
    expect(plain((await engine.query({ section: 'messages', period, timeZone })).value)).toEqual(expected.messages);
  });
});

describe('Parley.purge', () => {
  it('deletes the source cache: a reload with the API gone has nothing to show', async () => {
    const h = harness();
    const baseUrl = demoOrigin + demoApiPath({ seed, conversations, endDate, token: 'purge' });
    const workspace = demoWorkspaceId(seed, conversations, endDate);
    const engine = h.engine();
    await engine.configure({ baseUrl, workspace });
    await until(engine, (s) => s.phase === 'up-to-date');
    expect((await h.indexedDB.databases()).map((db) => db.name)).toContain(`parley:${baseUrl}#${workspace}`);
    await engine.purge();
    expect((await engine.syncState()).version).toBe(0);
    const offline = h.engine({ fetch: async () => Promise.reject(new TypeError('Failed to fetch')), retry: { baseDelayMs: 1, maxDelayMs: 1, maxAttempts: 1 } });
    await offline.configure({ baseUrl, workspace });
    await until(offline, (s) => s.phase === 'error');
    await expect(offline.query({ section: 'conversations.overview', period, timeZone })).rejects.toThrow(/Failed to fetch/);
  });
});

describe('cold-start prefetch', () => {
  it('remembers the columns each section read on cold tables, and a later cold start reads them at once', async () => {
    const h = harness();
    const baseUrl = demoOrigin + demoApiPath({ seed, conversations, endDate, token: 'hints' });
    const workspace = demoWorkspaceId(seed, conversations, endDate);
    const first = h.engine();
    await first.configure({ baseUrl, workspace });
    await until(first, (s) => s.phase === 'up-to-date');
    const expected = snapshotOfWorkspace(generateWorkspaceFile({ seed, conversations, endDate }), { ...period, timeZone, filters: {} });
    const offline = { fetch: async () => Promise.reject(new TypeError('Failed to fetch')), retry: { baseDelayMs: 1, maxDelayMs: 1, maxAttempts: 1 } };

    const cold = h.engine(offline);
    await cold.configure({ baseUrl, workspace });
    expect(plain((await cold.query({ section: 'conversations.closedBySource', period, timeZone })).value)).toEqual(expected.conversations.closedBySource);
    const store = await IndexedDbStore.open(`parley:${baseUrl}#${workspace}`, { indexedDB: h.indexedDB, IDBKeyRange });
    const hints = await store.readHints();
    store.close();
    // The closed-order column it counts, the closed index's times for the period, the value names.
    expect([...hints['conversations.closedBySource']].sort()).toEqual(['closed.closedAt', 'closed.closedSource', 'dictionaries.closedSources']);

    // A second cold start prefetches them (and still answers right).
    const again = h.engine(offline);
    await again.configure({ baseUrl, workspace });
    expect(plain((await again.query({ section: 'conversations.closedBySource', period, timeZone })).value)).toEqual(expected.conversations.closedBySource);
    expect(plain((await again.query({ section: 'conversations.openedHeatmap', period, timeZone })).value)).toEqual(expected.conversations.openedHeatmap);
  });
});
