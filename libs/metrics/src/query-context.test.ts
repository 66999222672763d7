import type { Filters, ReportFamily } from '@parley/model';
import { describe, expect, it } from 'vitest';
import { lowerBound, QueryContext, resolvePeriod } from './query-context.js';
import { assignment, channel, contact, conversation, incoming, may6, reply, team, user, workspace } from './snapshot-cases/workspace-builder.js';
import { tablesFromWorkspace } from './snapshot.js';
import { TimeArgumentError } from './time-zone.js';

const utc = (iso: string): number => Date.parse(iso);

describe('resolvePeriod', () => {
  it('UTC: one day', () => {
    // 2024-05-06 = day 19849 (19723 + 121 + 5); 19849 * 86400000 = 1714953600000
    expect(resolvePeriod('2024-05-06', '2024-05-06', 'UTC')).toStrictEqual({
      from: '2024-05-06',
      to: '2024-05-06',
      timeZone: 'UTC',
      startMs: 1714953600000,
      endMs: 1715040000000,
      firstDay: 19849,
      dayCount: 1,
    });
  });

  it('UTC: across a year end', () => {
    // 2024-12-31 = 19723 + 365 = 20088 (2024 has 366 days)
    const period = resolvePeriod('2024-12-31', '2025-01-01', 'UTC');
    expect([period.startMs, period.endMs, period.firstDay, period.dayCount]).toStrictEqual([utc('2024-12-31T00:00:00Z'), utc('2025-01-02T00:00:00Z'), 20088, 2]);
  });

  it('Europe/Paris: 23- and 25-hour days and a whole month', () => {
    // 2024-03-31 00:00 CET = 2024-03-30T23:00Z = 1711839600000; 2024-04-01 00:00 CEST = 2024-03-31T22:00Z = 1711922400000
    const spring = resolvePeriod('2024-03-31', '2024-03-31', 'Europe/Paris');
    expect([spring.startMs, spring.endMs]).toStrictEqual([1711839600000, 1711922400000]);
    // 2024-10-27 00:00 CEST = 2024-10-26T22:00Z = 20022 * 86400000 + 22 h = 1729980000000
    // 2024-10-28 00:00 CET = 2024-10-27T23:00Z = 20023 * 86400000 + 23 h = 1730070000000 (25 h later)
    const autumn = resolvePeriod('2024-10-27', '2024-10-27', 'Europe/Paris');
    expect([autumn.startMs, autumn.endMs, autumn.dayCount]).toStrictEqual([1729980000000, 1730070000000, 1]);
    // March 2024: 2024-03-01 = 19723 + 31 + 29 = 19783, 31 days
    const march = resolvePeriod('2024-03-01', '2024-03-31', 'Europe/Paris');
    expect([march.startMs, march.endMs, march.firstDay, march.dayCount]).toStrictEqual([utc('2024-02-29T23:00:00Z'), utc('2024-03-31T22:00:00Z'), 19783, 31]);
  });

  it('America/New_York and Asia/Kolkata', () => {
    const fallBack = resolvePeriod('2024-11-03', '2024-11-03', 'America/New_York');
    expect([fallBack.startMs, fallBack.endMs]).toStrictEqual([utc('2024-11-03T04:00:00Z'), utc('2024-11-04T05:00:00Z')]);
    const spring = resolvePeriod('2024-03-09', '2024-03-10', 'America/New_York');
    expect([spring.startMs, spring.endMs, spring.dayCount]).toStrictEqual([utc('2024-03-09T05:00:00Z'), utc('2024-03-11T04:00:00Z'), 2]);
    const kolkata = resolvePeriod('2024-05-06', '2024-05-06', 'Asia/Kolkata');
    expect([kolkata.startMs, kolkata.endMs]).toStrictEqual([utc('2024-05-05T18:30:00Z'), utc('2024-05-06T18:30:00Z')]);
  });

  it('rejects from > to, malformed dates and unknown zones', () => {
    expect(() => resolvePeriod('2024-05-07', '2024-05-06', 'UTC')).toThrow(TimeArgumentError);
    expect(() => resolvePeriod('2024-05-07', '2024-05-06', 'UTC')).toThrow(/after/);
    expect(() => resolvePeriod('2024-02-30', '2024-03-01', 'UTC')).toThrow(TimeArgumentError);
    expect(() => resolvePeriod('2024-05-06', '2024-5-6', 'UTC')).toThrow(TimeArgumentError);
    expect(() => resolvePeriod('2024-05-06', '2024-05-06', 'Mars/Olympus')).toThrow(TimeArgumentError);
  });
});

describe('lowerBound', () => {
  const sorted = Float64Array.of(1, 3, 3, 5);
  it.each([
    [0, 0],
    [1, 0],
    [2, 1],
    [3, 1],
    [4, 3],
    [5, 3],
    [6, 4],
  ])('first index >= %d is %d', (target, index) => {
    expect(lowerBound(sorted, target)).toBe(index);
  });

  it('empty column, and NaN sorting last', () => {
    expect(lowerBound(new Float64Array(0), 5)).toBe(0);
    const withNaN = Float64Array.of(1, 2, NaN, NaN);
    expect(lowerBound(withNaN, 2)).toBe(1);
    expect(lowerBound(withNaN, 3)).toBe(2);
    expect(lowerBound(withNaN, Infinity)).toBe(2);
  });
});

// A tiny workspace. All instants on Monday 2024-05-06 (UTC).
//
// id  contact opened  closed  openedSource openedChannel closedSource    closedByUser closedByTeam category  assignments          first response
// c5  k2      07:00   12:00   contact      ch1           contact_merged  -            -            sales     -                    -
// c1  k1      08:00   09:00   contact      ch1           user            u1           t1           sales     u1 08:10             u1
// c2  k2      08:30   10:00   user         null          bot             -            -            null      -                    u2
// c3  k1      09:00   11:00   workflow     ch2           blocked         u2 (→ none)  -            ""        u2 09:10, none 09:20 -
// c4  k3      10:00   open    contact      ""            -               -            -            support   -                    -
// c6  k4      22:30   23:00   api          ch2           user            u1           -            support   -                    -
//
// Contact type (by openedAt, id): k1: c1 new, c3 returning; k2: c5 new, c2 returning; c4, c6 new.
// Last assignee: c1 u1; c3 none (unassigned); the others never assigned.
const tables = tablesFromWorkspace(
  workspace({
    users: [user('u1'), user('u2')],
    teams: [team('t1')],
    channels: [channel('ch1'), channel('ch2')],
    contacts: [contact('k1'), contact('k2'), contact('k3'), contact('k4')],
    conversations: [
      conversation('c1', {
        contactId: 'k1',
        openedAt: may6('08:00'),
        closedAt: may6('09:00'),
        openedChannelId: 'ch1',
        closedByUserId: 'u1',
        closedByTeamId: 't1',
        category: 'sales',
      }),
      conversation('c2', { contactId: 'k2', openedAt: may6('08:30'), closedAt: may6('10:00'), openedSource: 'user', openedChannelId: null, closedSource: 'bot' }),
      conversation('c3', {
        contactId: 'k1',
        openedAt: may6('09:00'),
        closedAt: may6('11:00'),
        openedSource: 'workflow',
        openedChannelId: 'ch2',
        closedSource: 'blocked',
        closedByUserId: 'u2',
        category: '',
      }),
      conversation('c4', { contactId: 'k3', openedAt: may6('10:00'), openedChannelId: '', category: 'support' }),
      conversation('c5', { contactId: 'k2', openedAt: may6('07:00'), closedAt: may6('12:00'), closedSource: 'contact_merged', category: 'sales' }),
      conversation('c6', {
        contactId: 'k4',
        openedAt: may6('22:30'),
        closedAt: may6('23:00'),
        openedSource: 'api',
        openedChannelId: 'ch2',
        closedByUserId: 'u1',
        category: 'support',
      }),
    ],
    assignments: [assignment('a1', 'c1', may6('08:10'), 'u1'), assignment('a2', 'c3', may6('09:10'), 'u2'), assignment('a3', 'c3', may6('09:20'), null)],
    messages: [incoming('m1', 'c1', may6('08:01')), reply('m2', 'c1', may6('08:05'), 'u1'), incoming('m3', 'c2', may6('08:31')), reply('m4', 'c2', may6('08:40'), 'u2')],
  }),
);

const context = (filters: Filters = {}, timeZone = 'UTC', from = '2024-05-06', to = from) => new QueryContext(tables, { from, to, timeZone, filters });
const idsOf = (rows: ArrayLike<number>) => Array.from(rows, (row) => tables.conversations.ids[row]);
/** Ids of every conversation (any period) that passes the filters, in id order. */
const matching = (filters: Filters) => {
  const ctx = context(filters);
  const ids: string[] = [];
  for (let row = 0; row < tables.conversations.count; row++) if (ctx.matches(row)) ids.push(tables.conversations.ids[row]);
  return ids.sort();
};

describe('QueryContext filters', () => {
  it.each<[string, Filters, string[]]>([
    ['no filters', {}, ['c1', 'c2', 'c3', 'c4', 'c5', 'c6']],
    ['an inactive (empty) filter', { category: [] }, ['c1', 'c2', 'c3', 'c4', 'c5', 'c6']],
    ['one value', { category: ['sales'] }, ['c1', 'c5']],
    ['values OR-ed within a name', { category: ['sales', 'support'] }, ['c1', 'c4', 'c5', 'c6']],
    ['the empty value: null and ""', { category: [''] }, ['c2', 'c3']],
    ['the empty value OR a value', { category: ['sales', ''] }, ['c1', 'c2', 'c3', 'c5']],
    ['an unknown value matches nothing', { category: ['nope'] }, []],
    ['an unknown value next to a known one', { category: ['nope', 'sales'] }, ['c1', 'c5']],
    ['names AND-ed', { category: ['sales'], contact: ['k1'] }, ['c1']],
    ['three names AND-ed', { contactType: ['new'], openedChannel: ['ch1'], category: ['sales'] }, ['c1', 'c5']],
    ['four names AND-ed', { contactType: ['new'], openedChannel: ['ch1'], category: ['sales'], closedSource: ['user'] }, ['c1']],
    ['contact', { contact: ['k1'] }, ['c1', 'c3']],
    ['contact, two values', { contact: ['k1', 'k4'] }, ['c1', 'c3', 'c6']],
    ['openedChannel: by hand (null) and ""', { openedChannel: [''] }, ['c2', 'c4']],
    ['openedChannel', { openedChannel: ['ch2'] }, ['c3', 'c6']],
    ['openedSource', { openedSource: ['user', 'workflow'] }, ['c2', 'c3']],
    ['closedByUser: a blocked closure has no closing user (D12)', { closedByUser: ['u2'] }, []],
    ['closedByUser', { closedByUser: ['u1'] }, ['c1', 'c6']],
    ['closedByUser none: bot, blocked, open, merged without user', { closedByUser: [''] }, ['c2', 'c3', 'c4', 'c5']],
    ['closedByTeam', { closedByTeam: ['t1'] }, ['c1']],
    ['closedByTeam none', { closedByTeam: [''] }, ['c2', 'c3', 'c4', 'c5', 'c6']],
    ['closedSource as stored (merged included)', { closedSource: ['contact_merged'] }, ['c5']],
    ['closedSource none: still open', { closedSource: [''] }, ['c4']],
    ['closedSource, two values', { closedSource: ['user', 'blocked'] }, ['c1', 'c3', 'c6']],
    ['firstAssignee', { firstAssignee: ['u2'] }, ['c3']],
    ['firstAssignee none', { firstAssignee: [''] }, ['c2', 'c4', 'c5', 'c6']],
    ['lastAssignee: unassigned at the end is none', { lastAssignee: ['u2'] }, []],
    ['lastAssignee', { lastAssignee: ['u1'] }, ['c1']],
    ['lastAssignee none: never assigned or unassigned', { lastAssignee: [''] }, ['c2', 'c3', 'c4', 'c5', 'c6']],
    ['firstResponseBy', { firstResponseBy: ['u2'] }, ['c2']],
    ['firstResponseBy none', { firstResponseBy: [''] }, ['c3', 'c4', 'c5', 'c6']],
    ['contactType returning', { contactType: ['returning'] }, ['c2', 'c3']],
    ['contactType new', { contactType: ['new'] }, ['c1', 'c4', 'c5', 'c6']],
    ['contactType both', { contactType: ['new', 'returning'] }, ['c1', 'c2', 'c3', 'c4', 'c5', 'c6']],
    ['contactType: the empty value matches nothing (never none)', { contactType: [''] }, []],
    ['contactType: an unknown value', { contactType: ['old'] }, []],
    ['conversationId, an unknown id among them', { conversationId: ['c2', 'c4', 'zzz'] }, ['c2', 'c4']],
    ['conversationId: the empty value matches nothing', { conversationId: [''] }, []],
    ['user ids are not contact ids', { contact: ['u1'] }, []],
  ])('%s', (_, filters, ids) => {
    expect(matching(filters)).toStrictEqual(ids);
  });

  it('normalises the active filters: canonical names, values unique and sorted, empty ones dropped', () => {
    const ctx = context({ contact: ['k4', 'k1', 'k4'], category: [], closedSource: ['user'] });
    expect(ctx.filters).toStrictEqual({ closedSource: ['user'], contact: ['k1', 'k4'] });
    expect(Object.keys(ctx.filters)).toStrictEqual(['closedSource', 'contact']);
    expect(ctx.hasFilters).toBe(true);
    expect(context({ category: [] }).hasFilters).toBe(false);
  });

  it('contactFilter: the contact filter over contact codes, or null', () => {
    expect(context().contactFilter()).toBe(null);
    expect(context({ category: ['sales'] }).contactFilter()).toBe(null);
    const allowed = context({ contact: ['k1', 'k3', 'zzz'] }).contactFilter();
    const contacts = tables.dictionaries.contacts;
    expect(allowed).not.toBe(null);
    const allowedIds = contacts.values.filter((_, code) => allowed?.[code] === 1);
    expect(allowedIds).toStrictEqual(['k1', 'k3']);
  });
});

describe('QueryContext.applies (snapshot.md §4)', () => {
  const families: ReportFamily[] = ['opened', 'openedVsClosed', 'closed', 'messages', 'contacts', 'csat'];
  it.each<[string, Filters, boolean[]]>([
    // [filters, applies to: opened, openedVsClosed, closed, messages, contacts, csat]
    ['no filters', {}, [true, true, true, true, true, true]],
    ['an inactive filter', { closedSource: [] }, [true, true, true, true, true, true]],
    ['contact', { contact: ['k1'] }, [true, true, true, true, true, true]],
    ['openedChannel', { openedChannel: ['ch1'] }, [true, true, true, false, false, true]],
    ['openedSource', { openedSource: ['user'] }, [true, true, true, false, false, true]],
    ['contactType and conversationId', { contactType: ['new'], conversationId: ['c1'] }, [true, true, true, false, false, true]],
    ['closedSource', { closedSource: ['user'] }, [false, false, true, false, false, true]],
    ['contact and lastAssignee', { contact: ['k1'], lastAssignee: ['u1'] }, [false, false, true, false, false, true]],
    ['category', { category: ['sales'] }, [false, false, true, false, false, true]],
    ['firstAssignee, firstResponseBy, closedByTeam, closedByUser', { firstAssignee: ['u1'], firstResponseBy: ['u1'], closedByTeam: ['t1'], closedByUser: ['u1'] }, [false, false, true, false, false, true]],
  ])('%s', (_, filters, applies) => {
    const ctx = context(filters);
    expect(families.map((family) => ctx.applies(family))).toStrictEqual(applies);
  });
});

describe('QueryContext period rows', () => {
  it('UTC 2024-05-06: opened rows by (openedAt, id); counted-closed rows by closedAt (merged left out)', () => {
    const ctx = context();
    expect(idsOf(ctx.openedRows())).toStrictEqual(['c5', 'c1', 'c2', 'c3', 'c4', 'c6']);
    expect(idsOf(ctx.closedRows())).toStrictEqual(['c1', 'c2', 'c3', 'c6']);
  });

  it('Europe/Paris 2024-05-06 = [2024-05-05T22:00Z, 2024-05-06T22:00Z): c6 (22:30Z / 23:00Z) falls out', () => {
    const ctx = context({}, 'Europe/Paris');
    expect([ctx.period.startMs, ctx.period.endMs]).toStrictEqual([utc('2024-05-05T22:00:00Z'), utc('2024-05-06T22:00:00Z')]);
    expect(idsOf(ctx.openedRows())).toStrictEqual(['c5', 'c1', 'c2', 'c3', 'c4']);
    expect(idsOf(ctx.closedRows())).toStrictEqual(['c1', 'c2', 'c3']);
  });

  it('America/New_York: 2024-05-05 = [05-05T04:00Z, 05-06T04:00Z) holds nothing; 2024-05-06 holds everything', () => {
    const before = context({}, 'America/New_York', '2024-05-05');
    expect([idsOf(before.openedRows()), idsOf(before.closedRows())]).toStrictEqual([[], []]);
    const day = context({}, 'America/New_York', '2024-05-06');
    expect(idsOf(day.openedRows())).toStrictEqual(['c5', 'c1', 'c2', 'c3', 'c4', 'c6']);
    expect(idsOf(day.closedRows())).toStrictEqual(['c1', 'c2', 'c3', 'c6']);
  });

  it('rows pass the filters', () => {
    const byContact = context({ contact: ['k1', 'k2'] });
    expect(idsOf(byContact.openedRows())).toStrictEqual(['c5', 'c1', 'c2', 'c3']);
    expect(idsOf(byContact.closedRows())).toStrictEqual(['c1', 'c2', 'c3']);
    expect(idsOf(context({ category: ['support'] }).closedRows())).toStrictEqual(['c6']);
    expect(idsOf(context({ closedSource: ['contact_merged'] }).closedRows())).toStrictEqual([]);
  });

  it('closed rows with equal closedAt come in id-descending order (the list reads them backwards)', () => {
    const tied = tablesFromWorkspace(
      workspace({
        conversations: [
          conversation('x1', { openedAt: may6('08:00'), closedAt: may6('10:00') }),
          conversation('x3', { openedAt: may6('08:00'), closedAt: may6('10:00') }),
          conversation('x2', { openedAt: may6('07:00'), closedAt: may6('10:00') }),
          conversation('x0', { openedAt: may6('09:00'), closedAt: may6('09:30') }),
        ],
      }),
    );
    const ctx = new QueryContext(tied, { from: '2024-05-06', to: '2024-05-06', timeZone: 'UTC' });
    expect(Array.from(ctx.closedRows(), (row) => tied.conversations.ids[row])).toStrictEqual(['x0', 'x3', 'x2', 'x1']);
    // opened rows: (openedAt, id): x2 07:00, x1 and x3 08:00, x0 09:00
    expect(Array.from(ctx.openedRows(), (row) => tied.conversations.ids[row])).toStrictEqual(['x2', 'x1', 'x3', 'x0']);
  });

  it('periodRange of a sorted column', () => {
    const ctx = context({}, 'Europe/Paris');
    // period [2024-05-05T22:00Z, 2024-05-06T22:00Z)
    const at = Float64Array.of(utc('2024-05-05T21:59:59.999Z'), utc('2024-05-05T22:00:00Z'), utc('2024-05-06T12:00:00Z'), utc('2024-05-06T22:00:00Z'), NaN);
    expect(ctx.periodRange(at)).toStrictEqual([1, 3]);
  });

  it('period, dates and buckets', () => {
    const ctx = context({}, 'Europe/Paris', '2024-02-28', '2024-03-01');
    expect(ctx.period).toStrictEqual({
      from: '2024-02-28',
      to: '2024-03-01',
      timeZone: 'Europe/Paris',
      startMs: utc('2024-02-27T23:00:00Z'),
      endMs: utc('2024-03-01T23:00:00Z'),
    });
    // 2024-02-28 = 19723 + 31 + 27 = 19781
    expect([ctx.firstDay, ctx.dayCount]).toStrictEqual([19781, 3]);
    expect(ctx.dates()).toStrictEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(ctx.zone.timeZone).toBe('Europe/Paris');
    expect(ctx.buckets).toBe(ctx.buckets);
    expect([ctx.buckets.startMs, ctx.buckets.endMs, ctx.buckets.firstDay]).toStrictEqual([utc('2024-02-27T23:00:00Z'), utc('2024-03-01T23:00:00Z'), 19781]);
    // 2024-02-29T12:00Z = 13:00 CET on Thursday 2024-02-29: cell 3 * 24 + 13, second date of the period
    expect([ctx.buckets.cell(utc('2024-02-29T12:00:00Z')), ctx.buckets.dayIndex(utc('2024-02-29T12:00:00Z'))]).toStrictEqual([85, 1]);
  });

  it('an invalid spec throws like resolvePeriod', () => {
    expect(() => context({}, 'UTC', '2024-05-07', '2024-05-06')).toThrow(TimeArgumentError);
    expect(() => context({}, 'Nowhere/Town')).toThrow(TimeArgumentError);
  });
});
