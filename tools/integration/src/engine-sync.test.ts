import { describe, expect, it } from 'vitest';
import type { EngineApi, QuerySection, ReportSnapshot } from '@parley/model';
import { querySections } from '@parley/model';
import { snapshotOfWorkspace } from '@parley/metrics';
import { demoApiPath, demoWorkspaceId, generateWorkspaceFile } from '@parley/mocks';
import { demoOrigin, harness, plain, until } from './engine-harness.js';

// The engine end to end in Node: sync from the demo API into a (fake) IndexedDB, then every
// section equals `parley report` of the same generated workspace (computed here from the file the
// generator writes, not from anything the API or the engine produced).

const seed = 5;
const conversations = 1_500;
const endDate = '2024-11-20';
const period = { from: '2024-10-22', to: '2024-11-20' };
const timeZone = 'Europe/Paris';

function sectionOf(snapshot: ReportSnapshot, section: QuerySection): unknown {
  if (section === 'input') return snapshot.input;
  if (section === 'conversations.list') return snapshot.conversations.list;
  const [head, tail] = section.split('.');
  const top = (snapshot as unknown as Record<string, Record<string, unknown>>)[head];
  return tail === undefined ? top : tail === 'overview' ? snapshot.conversations.overview : top[tail];
}

async function configured(engine: EngineApi, token: string, faults?: string) {
  const baseUrl = demoOrigin + demoApiPath({ seed, conversations, endDate, token, ...(faults ? { faults } : {}) });
  await engine.configure({ baseUrl, workspace: demoWorkspaceId(seed, conversations, endDate) });
  return until(engine, (state) => state.phase !== 'syncing' && state.phase !== 'idle');
}

describe('engine over the demo API (Node, fake IndexedDB)', () => {
  const expected = snapshotOfWorkspace(generateWorkspaceFile({ seed, conversations, endDate }), { ...period, timeZone, filters: {} });
  const filtered = snapshotOfWorkspace(generateWorkspaceFile({ seed, conversations, endDate }), { ...period, timeZone, filters: { openedChannel: ['ch-wa-sales'] } });

  it('answers every section as parley report does, and again from the cache with the network off', async () => {
    const h = harness();
    const engine = h.engine();
    const state = await configured(engine, 'sections');
    expect(state).toMatchObject({ phase: 'up-to-date', version: 1, error: null, skipped: 0 });
    for (const section of querySections.filter((name) => name !== 'filterOptions' && name !== 'contactSearch' && name !== 'conversations.dateHourHeatmap')) {
      const answer = await engine.query({ section, period, timeZone });
      expect(plain(answer.value), section).toEqual(sectionOf(expected, section));
    }
    const list = await engine.query({ section: 'conversations.list', period, timeZone, list: { limit: 20 } });
    expect(list.rowCount).toBe(expected.conversations.list.length);
    const channel = await engine.query({ section: 'conversations.durations', period, timeZone, filters: { openedChannel: ['ch-wa-sales'] } });
    expect(channel.value).toEqual(filtered.conversations.durations);

    // A fresh engine (a reloaded page) with every request failing: the cache alone answers.
    const offline = h.engine({ fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    await offline.configure({ baseUrl: demoOrigin + demoApiPath({ seed, conversations, endDate, token: 'sections' }), workspace: demoWorkspaceId(seed, conversations, endDate) });
    for (const section of ['conversations.openedHeatmap', 'conversations.closedByCategory', 'messages', 'csat', 'contacts', 'conversations.list'] as const) {
      expect(plain((await offline.query({ section, period, timeZone })).value), section).toEqual(sectionOf(expected, section));
    }
    const after = await until(offline, (s) => s.phase === 'error' || s.phase === 'offline');
    expect(after.version).toBe(1);
  });

  it('ends with the full data through 429, 500 and cut bodies, each record once', async () => {
    const h = harness();
    const engine = h.engine();
    const state = await configured(engine, 'storm', '429,500,drop,retry-after=0');
    expect(state.phase).toBe('up-to-date');
    const input = plain<ReportSnapshot['input']>((await engine.query({ section: 'input', period, timeZone })).value);
    expect(input.loaded).toEqual(expected.input.loaded);
    expect(plain((await engine.query({ section: 'conversations.list', period, timeZone })).value)).toEqual(expected.conversations.list);
    expect(h.requests.filter((r) => r.includes('/messages?')).length).toBeGreaterThan(3);
  });

  it('skips and reports malformed items and keeps everything else', async () => {
    const h = harness();
    const engine = h.engine();
    const state = await configured(engine, 'malformed', 'malformed');
    expect(state.phase).toBe('up-to-date');
    expect(state.skipped).toBeGreaterThan(0);
    const item = state.recentSkipped[0];
    expect(item.cursor === null || typeof item.cursor === 'string').toBe(true);
    expect(typeof item.index).toBe('number');
    expect(item.field).not.toBe('');
    const input = plain<ReportSnapshot['input']>((await engine.query({ section: 'input', period, timeZone })).value);
    const rejected = Object.values(input.rejected).reduce((a, b) => a + b, 0);
    expect(rejected).toBe(state.skipped);
  });

  it('stops on 401 and says so', async () => {
    const h = harness();
    const engine = h.engine();
    const state = await configured(engine, 'auth', '401');
    expect(state).toMatchObject({ phase: 'auth-required', status: 401 });
    await expect(engine.query({ section: 'conversations.overview', period, timeZone })).rejects.toThrow(/401/);
  });
});
