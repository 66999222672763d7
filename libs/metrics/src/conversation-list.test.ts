import type { ConversationRow, WorkspaceFile } from '@parley/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ListColumn, ListOptions, ListScope } from './conversation-list.js';
import { conversationList, conversationRow, defaultListOrder } from './conversation-list.js';
import { QueryContext } from './query-context.js';
import { assignment, contact, conversation, incoming, may6, reply, user, workspace } from './snapshot-cases/workspace-builder.js';
import { tablesFromWorkspace } from './snapshot.js';

// A tiny workspace, Monday 2024-05-06 (UTC):
//
// id   contact (name)   opened closed  source          closedByUser category assignment  messages (in / user reply)
// L1   kA (Zoe)         08:00  12:00   user            u1           b        u1 08:30    in 08:10, u1 08:40
// L2   kB (adam)        09:00  12:00   user            u2           null     -           -
// L3   kC (no record)   07:00  11:00   bot             -            a        -           -
// L4   kD (Bob)         10:00  13:00   user            u1           B        -           in 10:05, u2 10:20
// L10  kE (adam)        07:00  11:00   user            -            a        -           -
// O1   kF (Fay)         11:30  open                                 -
// M1   kG (Gil)         05:00  12:30   contact_merged                -
//
// Default list order (closedAt desc, id asc; 'L10' < 'L3' in UTF-16): L4, L1, L2, L10, L3.
// Opened scope (openedAt desc, id asc): O1, L4, L2, L1, L10, L3, M1.
const tables = tablesFromWorkspace(
  workspace({
    users: [user('u1'), user('u2')],
    contacts: [contact('kA', { name: 'Zoe' }), contact('kB', { name: 'adam' }), contact('kD', { name: 'Bob' }), contact('kE', { name: 'adam' }), contact('kF', { name: 'Fay' }), contact('kG', { name: 'Gil' })],
    conversations: [
      conversation('L1', { contactId: 'kA', openedAt: may6('08:00'), closedAt: may6('12:00'), closedByUserId: 'u1', category: 'b' }),
      conversation('L2', { contactId: 'kB', openedAt: may6('09:00'), closedAt: may6('12:00'), closedByUserId: 'u2' }),
      conversation('L3', { contactId: 'kC', openedAt: may6('07:00'), closedAt: may6('11:00'), closedSource: 'bot', category: 'a' }),
      conversation('L4', { contactId: 'kD', openedAt: may6('10:00'), closedAt: may6('13:00'), closedByUserId: 'u1', category: 'B' }),
      conversation('L10', { contactId: 'kE', openedAt: may6('07:00'), closedAt: may6('11:00'), category: 'a' }),
      conversation('O1', { contactId: 'kF', openedAt: may6('11:30') }),
      conversation('M1', { contactId: 'kG', openedAt: may6('05:00'), closedAt: may6('12:30'), closedSource: 'contact_merged' }),
    ],
    assignments: [assignment('a1', 'L1', may6('08:30'), 'u1')],
    messages: [incoming('m1', 'L1', may6('08:10')), reply('m2', 'L1', may6('08:40'), 'u1'), incoming('m3', 'L4', may6('10:05')), reply('m4', 'L4', may6('10:20'), 'u2')],
  }),
);
const ctx = new QueryContext(tables, { from: '2024-05-06', to: '2024-05-06', timeZone: 'UTC' });
const ids = (options: ListOptions = {}) => conversationList(ctx, options).rows.map((row) => row.conversationId);
const minute = 60_000;
const hour = 3_600_000;

describe('conversationRow', () => {
  it('L1, every column by hand', () => {
    const row = conversationRow(tables, tables.conversations.ids.indexOf('L1'));
    expect(row).toStrictEqual({
      closedAt: may6('12:00'),
      closedSource: 'user',
      closedByUserId: 'u1',
      closedByTeamId: null,
      openedAt: may6('08:00'),
      openedSource: 'contact',
      openedChannelId: 'ch1',
      conversationId: 'L1',
      contactId: 'kA',
      contactName: 'Zoe',
      firstAssignmentAt: may6('08:30'),
      firstAssigneeId: 'u1',
      firstResponseAt: may6('08:40'),
      firstResponseById: 'u1',
      lastAssignmentAt: may6('08:30'),
      lastAssigneeId: 'u1',
      timeToFirstAssignmentMs: 30 * minute, // 08:30 - 08:00
      firstResponseTimeMs: 40 * minute, // 08:40 - 08:00
      firstAssignmentToFirstResponseMs: 10 * minute, // 08:40 - 08:30
      // D15: u1's only response answers 08:10, before the last assignment (08:30)
      lastAssignmentToResponseMs: null,
      resolutionTimeMs: 4 * hour, // 12:00 - 08:00
      firstAssignmentToCloseMs: 3.5 * hour, // 12:00 - 08:30
      lastAssignmentToCloseMs: 3.5 * hour,
      averageResponseTimeMs: 30 * minute, // 08:40 - 08:10
      assignments: 1,
      incomingMessages: 1,
      outgoingMessages: 1,
      responses: 1,
      category: 'b',
      summary: null,
      contactType: 'new',
    });
  });

  it('L3: an unknown contact has no name; a bot closure no closing user; O1 is open', () => {
    const l3 = conversationRow(tables, tables.conversations.ids.indexOf('L3'));
    expect([l3.contactId, l3.contactName, l3.closedSource, l3.closedByUserId, l3.firstResponseAt, l3.averageResponseTimeMs, l3.assignments]).toStrictEqual([
      'kC',
      null,
      'bot',
      null,
      null,
      null,
      0,
    ]);
    const o1 = conversationRow(tables, tables.conversations.ids.indexOf('O1'));
    expect([o1.closedAt, o1.closedSource, o1.resolutionTimeMs, o1.contactName]).toStrictEqual([null, null, null, 'Fay']);
  });

  it('a measure other than calendar time', () => {
    const doubled = (fromMs: number, toMs: number) => 2 * (toMs - fromMs);
    const l4 = conversationRow(tables, tables.conversations.ids.indexOf('L4'), doubled);
    // resolution 3 h -> 6 h; first response 20 min -> 40 min; one response of 15 min (10:05 -> 10:20) -> 30 min
    expect([l4.resolutionTimeMs, l4.firstResponseTimeMs, l4.averageResponseTimeMs]).toStrictEqual([6 * hour, 40 * minute, 30 * minute]);
  });
});

describe('conversationList: default order, paging', () => {
  it('closed scope: closedAt desc, id asc (UTF-16)', () => {
    expect(ids()).toStrictEqual(['L4', 'L1', 'L2', 'L10', 'L3']);
    expect(Array.from(defaultListOrder(ctx, 'closed'), (row) => tables.conversations.ids[row])).toStrictEqual(['L4', 'L1', 'L2', 'L10', 'L3']);
  });

  it('opened scope: openedAt desc, id asc; open and merged conversations included', () => {
    expect(ids({ scope: 'opened' })).toStrictEqual(['O1', 'L4', 'L2', 'L1', 'L10', 'L3', 'M1']);
    expect(Array.from(defaultListOrder(ctx, 'opened'), (row) => tables.conversations.ids[row])).toStrictEqual(['O1', 'L4', 'L2', 'L1', 'L10', 'L3', 'M1']);
  });

  it('offset and limit page through it; rowCount is every row of the scope', () => {
    expect(conversationList(ctx, { offset: 1, limit: 2 }).rows.map((row) => row.conversationId)).toStrictEqual(['L1', 'L2']);
    expect(conversationList(ctx, { offset: 1, limit: 2 }).rowCount).toBe(5);
    expect(ids({ offset: 4, limit: 10 })).toStrictEqual(['L3']);
    expect(ids({ offset: 5 })).toStrictEqual([]);
    expect(ids({ limit: 0 })).toStrictEqual([]);
    expect(ids({ limit: 1 })).toStrictEqual(['L4']);
    expect(conversationList(ctx, { limit: 1 }).rowCount).toBe(5);
    expect(conversationList(ctx, { scope: 'opened', offset: 2, limit: 3 })).toMatchObject({ rowCount: 7 });
    expect(ids({ scope: 'opened', offset: 2, limit: 3 })).toStrictEqual(['L2', 'L1', 'L10']);
  });

  it('an empty period', () => {
    const empty = new QueryContext(tables, { from: '2024-05-07', to: '2024-05-07', timeZone: 'UTC' });
    expect(conversationList(empty)).toStrictEqual({ rowCount: 0, rows: [] });
    expect(conversationList(empty, { sortBy: 'category', limit: 3 })).toStrictEqual({ rowCount: 0, rows: [] });
  });

  it('filters apply', () => {
    const filtered = new QueryContext(tables, { from: '2024-05-06', to: '2024-05-06', timeZone: 'UTC', filters: { category: ['a', 'b'] } });
    expect(conversationList(filtered).rows.map((row) => row.conversationId)).toStrictEqual(['L1', 'L10', 'L3']);
  });
});

describe('conversationList: sortBy', () => {
  it.each<[ListColumn, boolean, string[]]>([
    // category: L4 'B', L1 'b', L2 null, L10 'a', L3 'a'; 'B' (0x42) < 'a' < 'b'; null last both ways
    ['category', false, ['L4', 'L10', 'L3', 'L1', 'L2']],
    ['category', true, ['L1', 'L10', 'L3', 'L4', 'L2']],
    // resolution: L4 3 h, L1 4 h, L2 3 h, L10 4 h, L3 4 h; ties keep the default order
    ['resolutionTimeMs', false, ['L4', 'L2', 'L1', 'L10', 'L3']],
    ['resolutionTimeMs', true, ['L1', 'L10', 'L3', 'L4', 'L2']],
    // first response time: L1 40 min, L4 20 min, the rest null (last in both directions)
    ['firstResponseTimeMs', false, ['L4', 'L1', 'L2', 'L10', 'L3']],
    ['firstResponseTimeMs', true, ['L1', 'L4', 'L2', 'L10', 'L3']],
    // average response time: L1 30 min, L4 15 min
    ['averageResponseTimeMs', false, ['L4', 'L1', 'L2', 'L10', 'L3']],
    ['averageResponseTimeMs', true, ['L1', 'L4', 'L2', 'L10', 'L3']],
    // contact name: L4 Bob, L1 Zoe, L2 adam, L10 adam, L3 null ('B' < 'Z' < 'a')
    ['contactName', false, ['L4', 'L1', 'L2', 'L10', 'L3']],
    ['contactName', true, ['L2', 'L10', 'L1', 'L4', 'L3']],
    ['conversationId', false, ['L1', 'L10', 'L2', 'L3', 'L4']],
    ['conversationId', true, ['L4', 'L3', 'L2', 'L10', 'L1']],
    // closedAt: L10, L3 11:00; L1, L2 12:00; L4 13:00
    ['closedAt', false, ['L10', 'L3', 'L1', 'L2', 'L4']],
    ['closedAt', true, ['L4', 'L1', 'L2', 'L10', 'L3']],
    // openedAt: L10 07:00, L3 07:00, L1 08:00, L2 09:00, L4 10:00
    ['openedAt', false, ['L10', 'L3', 'L1', 'L2', 'L4']],
    ['openedAt', true, ['L4', 'L2', 'L1', 'L10', 'L3']],
    // closing user: L4 u1, L1 u1, L2 u2, L10 null, L3 null (bot)
    ['closedByUserId', false, ['L4', 'L1', 'L2', 'L10', 'L3']],
    ['closedByUserId', true, ['L2', 'L4', 'L1', 'L10', 'L3']],
    // assignments: L1 1, the rest 0
    ['assignments', false, ['L4', 'L2', 'L10', 'L3', 'L1']],
    ['assignments', true, ['L1', 'L4', 'L2', 'L10', 'L3']],
    // responses: L1 1, L4 1, the rest 0
    ['responses', false, ['L2', 'L10', 'L3', 'L4', 'L1']],
    ['responses', true, ['L4', 'L1', 'L2', 'L10', 'L3']],
    // every value null: the default order both ways
    ['lastAssignmentToResponseMs', false, ['L4', 'L1', 'L2', 'L10', 'L3']],
    ['lastAssignmentToResponseMs', true, ['L4', 'L1', 'L2', 'L10', 'L3']],
    // first assignee: L1 u1, the rest null
    ['firstAssigneeId', true, ['L1', 'L4', 'L2', 'L10', 'L3']],
    // closed source: L3 bot, the rest user -> bot first ascending
    ['closedSource', false, ['L3', 'L4', 'L1', 'L2', 'L10']],
  ])('%s (descending: %s)', (sortBy, descending, expected) => {
    expect(ids({ sortBy, descending })).toStrictEqual(expected);
  });

  it('descending defaults to false', () => {
    expect(ids({ sortBy: 'category' })).toStrictEqual(['L4', 'L10', 'L3', 'L1', 'L2']);
  });

  it('pages of a sorted list', () => {
    expect(ids({ sortBy: 'category', offset: 1, limit: 2 })).toStrictEqual(['L10', 'L3']);
    expect(ids({ sortBy: 'category', descending: true, offset: 3 })).toStrictEqual(['L4', 'L2']);
    expect(conversationList(ctx, { sortBy: 'category', offset: 1, limit: 2 }).rowCount).toBe(5);
  });

  it('opened scope sorted by closedAt: open conversations last both ways', () => {
    // closedAt: O1 null, L4 13:00, L2 12:00, L1 12:00, L10 11:00, L3 11:00, M1 12:30; ties in opened order (L2 before L1)
    expect(ids({ scope: 'opened', sortBy: 'closedAt' })).toStrictEqual(['L10', 'L3', 'L2', 'L1', 'M1', 'L4', 'O1']);
    expect(ids({ scope: 'opened', sortBy: 'closedAt', descending: true })).toStrictEqual(['L4', 'M1', 'L2', 'L1', 'L10', 'L3', 'O1']);
  });

  it('every column, both directions, both scopes: ordered by the column, nulls last, ties in default order', () => {
    const columns = Object.keys(conversationList(ctx).rows[0]) as ListColumn[];
    expect(columns.length).toBe(31);
    for (const scope of ['closed', 'opened'] as ListScope[]) {
      const position = new Map(ids({ scope }).map((id, i) => [id, i]));
      for (const sortBy of columns) {
        for (const descending of [false, true]) {
          const rows = conversationList(ctx, { scope, sortBy, descending }).rows;
          expect(rows.length).toBe(position.size);
          expectSorted(rows, sortBy, descending, position);
        }
      }
    }
  });
});

/** Checks the order of a sorted page: by the column's value, nulls last, ties in the default order. */
function expectSorted(rows: ConversationRow[], column: ListColumn, descending: boolean, defaultPosition: Map<string, number>): void {
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1], rows[i]];
    const [x, y] = [a[column], b[column]];
    const where = `${column} ${descending ? 'desc' : 'asc'} at ${i}: ${a.conversationId} (${String(x)}) then ${b.conversationId} (${String(y)})`;
    let order: number;
    if (x === null || y === null) order = x === null ? (y === null ? 0 : 1) : -1;
    else {
      order = typeof x === 'number' && typeof y === 'number' ? Math.sign(x - y) : x < y ? -1 : x > y ? 1 : 0;
      if (descending) order = -order;
    }
    expect(order <= 0, where).toBe(true);
    if (order === 0) expect((defaultPosition.get(a.conversationId) ?? -1) < (defaultPosition.get(b.conversationId) ?? -1), where).toBe(true);
  }
}

describe('conversationList: a small page of many rows (bounded heap) = the same page of a full sort', () => {
  const columns: ListColumn[] = [
    'closedAt',
    'openedAt',
    'conversationId',
    'contactId',
    'contactName',
    'category',
    'closedSource',
    'closedByUserId',
    'openedSource',
    'firstAssigneeId',
    'lastAssigneeId',
    'firstAssignmentAt',
    'resolutionTimeMs',
    'timeToFirstAssignmentMs',
    'firstResponseTimeMs',
    'averageResponseTimeMs',
    'assignments',
    'incomingMessages',
    'responses',
    'summary',
    'contactType',
  ];

  // 32..48 conversations closed in the period (every one counted closed) plus a few open or merged,
  // with small value pools so that keys tie and nulls are frequent.
  const arbitraryCase = fc
    .record({
      closed: fc.array(
        fc.record({
          openedHour: fc.integer({ min: 0, max: 5 }),
          durationHours: fc.integer({ min: 1, max: 4 }),
          closedSource: fc.constantFrom('user', 'bot', 'blocked'),
          closedBy: fc.constantFrom('u1', 'u2', '', null),
          category: fc.constantFrom('a', 'B', 'b', '', null),
          contact: fc.constantFrom('k1', 'k2', 'k3', 'kUnknown'),
          assignee: fc.constantFrom('u1', 'u2', null, undefined),
          replies: fc.integer({ min: 0, max: 2 }),
          summary: fc.constantFrom('x', 'Y', null),
        }),
        { minLength: 32, maxLength: 48 },
      ),
      others: fc.array(fc.record({ openedHour: fc.integer({ min: 0, max: 5 }), merged: fc.boolean() }), { maxLength: 6 }),
      prefixes: fc.array(fc.constantFrom('c', 'C', '\u{1F600}', '\uFF5E'), { minLength: 60, maxLength: 60 }),
    })
    .map(({ closed, others, prefixes }) => {
      const file: WorkspaceFile = workspace({
        contacts: [contact('k1', { name: 'ann' }), contact('k2', { name: 'Bea' }), contact('k3', { name: 'ann' })],
      });
      closed.forEach((c, i) => {
        const id = `${prefixes[i]}${i}`;
        const openedAt = may6('00:00') + c.openedHour * hour;
        file.conversations.push(
          conversation(id, {
            contactId: c.contact,
            openedAt,
            closedAt: openedAt + c.durationHours * hour,
            closedSource: c.closedSource,
            closedByUserId: c.closedBy,
            category: c.category,
            summary: c.summary,
          }),
        );
        if (c.assignee !== undefined) file.assignments.push(assignment(`a${i}`, id, openedAt + 10 * minute, c.assignee));
        for (let r = 0; r < c.replies; r++) {
          file.messages.push(incoming(`in${i}-${r}`, id, openedAt + (20 + 10 * r) * minute));
          file.messages.push(reply(`out${i}-${r}`, id, openedAt + (25 + 10 * r + c.openedHour) * minute, r % 2 === 0 ? 'u1' : 'u2'));
        }
      });
      others.forEach((o, i) => {
        const openedAt = may6('00:00') + o.openedHour * hour;
        file.conversations.push(conversation(`o${i}`, o.merged ? { openedAt, closedAt: openedAt + hour, closedSource: 'contact_merged' } : { openedAt }));
      });
      return file;
    });

  const pageArgs = fc.record({
    scope: fc.constantFrom<ListScope>('closed', 'opened'),
    sortBy: fc.constantFrom(...columns),
    descending: fc.boolean(),
    // offset + limit <= 7 < 32 / 4: always the bounded selection
    offset: fc.integer({ min: 0, max: 3 }),
    limit: fc.integer({ min: 1, max: 4 }),
  });

  it('property', () => {
    fc.assert(
      fc.property(arbitraryCase, fc.array(pageArgs, { minLength: 1, maxLength: 8 }), (file, pages) => {
        const caseTables = tablesFromWorkspace(file);
        const caseCtx = new QueryContext(caseTables, { from: '2024-05-06', to: '2024-05-06', timeZone: 'UTC' });
        for (const { scope, sortBy, descending, offset, limit } of pages) {
          const full = conversationList(caseCtx, { scope, sortBy, descending });
          expect(full.rowCount).toBeGreaterThanOrEqual(32);
          const page = conversationList(caseCtx, { scope, sortBy, descending, offset, limit });
          expect(page.rowCount).toBe(full.rowCount);
          expect(page.rows).toStrictEqual(full.rows.slice(offset, offset + limit));
        }
      }),
      { numRuns: 150 },
    );
  });
});
