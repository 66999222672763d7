import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOfDay, dayOfDate } from '@parley/metrics';
import { referenceSnapshot } from '@parley/metrics/testing';
import { conversationFilterNames } from '@parley/model';
import type { WorkspaceFile } from '@parley/model';
import { generateWorkspaceFile } from '@parley/mocks';
import { runCli, temporaryDirectory, writeJson } from './testing/run-cli.js';

// `parley report` on realistic generated workspaces against the row-by-row reference
// implementation: random seeds, sizes, periods inside the 90-day window, zones and filters.

const zones = ['Europe/Paris', 'America/New_York', 'UTC', 'Asia/Kolkata', 'Australia/Lord_Howe'];

/** Values a filter can take in this workspace, plus "none" and a value that matches nothing. */
function filterCandidates(workspace: WorkspaceFile, name: (typeof conversationFilterNames)[number]): string[] {
  const ids = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => typeof v === 'string'))].slice(0, 6);
  const conversations = workspace.conversations;
  const byName: Record<string, string[]> = {
    closedSource: ids(conversations.map((c) => c.closedSource)),
    firstAssignee: ids(workspace.users.map((u) => u.id)),
    firstResponseBy: ids(workspace.users.map((u) => u.id)),
    lastAssignee: ids(workspace.users.map((u) => u.id)),
    closedByTeam: ids(workspace.teams.map((t) => t.id)),
    closedByUser: ids(workspace.users.map((u) => u.id)),
    category: ids(conversations.map((c) => c.category)),
    openedChannel: ids(workspace.channels.map((c) => c.id)),
    openedSource: ids(conversations.map((c) => c.openedSource)),
    contactType: ['new', 'returning'],
    contact: ids(conversations.slice(0, 30).map((c) => c.contactId)),
    conversationId: ids(conversations.slice(0, 30).map((c) => c.id)),
  };
  return [...byName[name], '', 'nobody'];
}

const caseArbitrary = fc
  .record({
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    conversations: fc.integer({ min: 20, max: 300 }),
    endDate: fc.constantFrom('2024-11-20', '2024-04-15', '2025-03-31'),
  })
  .chain(({ seed, conversations, endDate }) => {
    const workspace = generateWorkspaceFile({ seed, conversations, endDate });
    const lastDay = dayOfDate(endDate);
    const names = fc.subarray([...conversationFilterNames], { maxLength: 2 });
    return fc.record({
      workspace: fc.constant(workspace),
      firstDay: fc.integer({ min: lastDay - 95, max: lastDay }),
      length: fc.integer({ min: 1, max: 40 }),
      timeZone: fc.constantFrom(...zones),
      filters: names.chain((chosen) =>
        fc.tuple(...chosen.map((name) => fc.subarray(filterCandidates(workspace, name), { minLength: 1, maxLength: 2 }))).map((values) =>
          Object.fromEntries(chosen.map((name, i) => [name, values[i]])),
        ),
      ),
    });
  });

describe('parley report on generated workspaces = the row-by-row reference', () => {
  it('agrees byte for byte on random seeds, sizes, periods, zones and filters', async () => {
    const directory = temporaryDirectory();
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async ({ workspace, firstDay, length, timeZone, filters }) => {
        const from = dateOfDay(firstDay);
        const to = dateOfDay(firstDay + length - 1);
        const file = writeJson(directory, 'w.json', workspace);
        const argv = ['report', '--data', file, '--from', from, '--to', to, '--tz', timeZone];
        for (const [name, values] of Object.entries(filters)) for (const value of values) argv.push('--filter', `${name}=${value}`);
        const result = await runCli(argv);
        expect(result.code).toBe(0);
        const expected = JSON.stringify(referenceSnapshot(workspace, { from, to, timeZone, filters }), null, 2) + "\n";
        expect(result.stdout).toBe(expected);
      }),
      { numRuns: Number(process.env.PARLEY_PROPERTY_RUNS ?? 40) },
    );
  }, 300_000);
});
