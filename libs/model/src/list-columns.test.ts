import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConversationRow } from './snapshot.js';
import { listRowAt, listRows, listTransferables, toListColumns } from './list-columns.js';

const text = fc.option(fc.constantFrom('', 'a', 'b', 'é', 'c-1', 'x y'), { nil: null });
const time = fc.option(fc.integer({ min: 0, max: 2 ** 42 }), { nil: null });
const row: fc.Arbitrary<ConversationRow> = fc.record({
  closedAt: time,
  closedSource: text,
  closedByUserId: text,
  closedByTeamId: text,
  openedAt: fc.integer({ min: 0, max: 2 ** 42 }),
  openedSource: text,
  openedChannelId: text,
  conversationId: fc.string(),
  contactId: fc.string(),
  contactName: text,
  firstAssignmentAt: time,
  firstAssigneeId: text,
  firstResponseAt: time,
  firstResponseById: text,
  lastAssignmentAt: time,
  lastAssigneeId: text,
  timeToFirstAssignmentMs: time,
  firstResponseTimeMs: time,
  firstAssignmentToFirstResponseMs: time,
  lastAssignmentToResponseMs: time,
  resolutionTimeMs: time,
  firstAssignmentToCloseMs: time,
  lastAssignmentToCloseMs: time,
  averageResponseTimeMs: fc.option(fc.double({ min: 0, max: 1e9, noNaN: true }), { nil: null }),
  assignments: fc.nat(),
  incomingMessages: fc.nat(),
  outgoingMessages: fc.nat(),
  responses: fc.nat(),
  category: text,
  summary: text,
  contactType: fc.constantFrom('new' as const, 'returning' as const),
});

describe('list columns', () => {
  it('give back every row, keys in the snapshot order, "" kept apart from null', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const columns = toListColumns(rows);
        const back = listRows(structuredClone(columns));
        expect(back).toEqual(rows);
        back.forEach((r, i) => expect(JSON.stringify(r)).toBe(JSON.stringify(rows[i])));
      }),
    );
  });

  it('hold every value in a transferable buffer or a small value table', () => {
    const rows = fc.sample(row, { numRuns: 50, seed: 1 });
    const columns = toListColumns(rows);
    expect(listTransferables(columns)).toHaveLength(31);
    expect(listRowAt(columns, 7)).toEqual(rows[7]);
  });
});
