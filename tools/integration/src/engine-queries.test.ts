import { describe, expect, it } from 'vitest';
import type { ContactMatch, FilterOptions, WeekHourHeatmap } from '@parley/model';
import { compareStrings } from '@parley/model';
import { snapshotOfWorkspace } from '@parley/metrics';
import { demoApiPath, demoWorkspaceId, generateWorkspaceFile } from '@parley/mocks';
import { demoOrigin, harness, plain, until } from './engine-harness.js';

// The queries widgets need beyond the snapshot's sections: filter options, contact search, list
// drill-down cells and sorting. Expected values from the generated file, by hand.

const seed = 6;
const conversations = 800;
const endDate = '2024-11-20';
const period = { from: '2024-10-22', to: '2024-11-20' };
const timeZone = 'Europe/Paris';
const file = generateWorkspaceFile({ seed, conversations, endDate });

async function synced() {
  const engine = harness().engine();
  await engine.configure({ baseUrl: demoOrigin + demoApiPath({ seed, conversations, endDate, token: 'queries' }), workspace: demoWorkspaceId(seed, conversations, endDate) });
  await until(engine, (s) => s.phase === 'up-to-date');
  return engine;
}

describe('engine queries for the widgets', () => {
  it('lists every channel, user and category present, with names, and none', async () => {
    const engine = await synced();
    const options = plain<FilterOptions>((await engine.query({ section: 'filterOptions', period, timeZone })).value);
    const channelIds = new Set(file.conversations.map((c) => c.openedChannelId).filter((id): id is string => typeof id === 'string' && id !== ''));
    file.messages.forEach((m) => typeof m.channelId === 'string' && m.channelId !== '' && channelIds.add(m.channelId));
    file.contactEvents.forEach((e) => typeof e.channelId === 'string' && e.channelId !== '' && channelIds.add(e.channelId));
    file.channels.forEach((c) => channelIds.add(c.id));
    expect(options.openedChannel.map((o) => o.value).sort()).toEqual(['', ...channelIds].sort());
    for (const option of options.openedChannel) {
      if (option.value !== '') expect(option.label).toBe(file.channels.find((c) => c.id === option.value)?.name ?? null);
    }
    const categories = new Set(file.conversations.map((c) => c.category).filter((c): c is string => typeof c === 'string' && c !== ''));
    expect(options.category.map((o) => o.value)).toEqual([...[...categories].sort((a, b) => compareStrings(a.toLowerCase(), b.toLowerCase())), '']);
    expect(options.contactType.map((o) => o.value)).toEqual(['new', 'returning']);
    expect(options.firstAssignee.at(-1)).toEqual({ value: '', label: null });
  });

  it('finds contacts by a fragment of their name or id', async () => {
    const engine = await synced();
    const someone = file.contacts[3];
    const fragment = someone.name.slice(1, 4).toUpperCase();
    const found = plain<ContactMatch[]>((await engine.query({ section: 'contactSearch', period, timeZone, search: { text: fragment, limit: 500 } })).value);
    const expected = file.contacts.filter((c) => c.name.toLowerCase().includes(fragment.toLowerCase()) || c.id.toLowerCase().includes(fragment.toLowerCase()));
    expect(found.map((c) => c.id).sort()).toEqual(expected.map((c) => c.id).sort());
    expect(found.find((c) => c.id === someone.id)?.name).toBe(someone.name);
  });

  it('drills into a heatmap cell and a day, and sorts by any column', async () => {
    const engine = await synced();
    const expected = snapshotOfWorkspace(file, { ...period, timeZone, filters: {} });
    const heatmap = plain<WeekHourHeatmap>((await engine.query({ section: 'conversations.closedHeatmap', period, timeZone })).value);
    const busiest = heatmap.flatMap((hours, weekday) => hours.map((count, hour) => ({ weekday, hour, count }))).sort((a, b) => b.count - a.count)[0];
    const cell = await engine.query({ section: 'conversations.list', period, timeZone, list: { scope: 'closed', weekday: busiest.weekday, hour: busiest.hour } });
    expect(cell.rowCount).toBe(busiest.count);
    const day = (expected.conversations.openedVsClosed as { date: string; opened: number }[])[5];
    const opened = await engine.query({ section: 'conversations.list', period, timeZone, list: { scope: 'opened', date: day.date } });
    expect(opened.rowCount).toBe(day.opened);
    const sorted = plain<{ resolutionTimeMs: number | null; conversationId: string }[]>(
      (await engine.query({ section: 'conversations.list', period, timeZone, list: { sortBy: 'resolutionTimeMs', descending: true, limit: 5 } })).value,
    );
    const byResolution = [...expected.conversations.list].sort((a, b) => (b.resolutionTimeMs ?? -1) - (a.resolutionTimeMs ?? -1));
    expect(sorted.map((r) => r.resolutionTimeMs)).toEqual(byResolution.slice(0, 5).map((r) => r.resolutionTimeMs));
    await expect(engine.query({ section: 'conversations.list', period, timeZone, list: { weekday: 2 } })).rejects.toThrow(/needs an hour/);
  });
});
