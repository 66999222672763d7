// Filters (snapshot.md §1, §4, D2-D5, D12, D20): OR within a name, AND across names, the empty value
// selects none, families take only their filters (any other active one makes their keys NA), and
// CSAT applies the filters to the rated conversation whatever its state. UTC, 2024-05-06 (Monday).
//
// Per-conversation attributes of the fixture (worked out from the records below):
// | conv | closedSource   | firstAssignee | firstResponseBy | lastAssignee | closedByTeam | closedByUser | category | openedChannel | openedSource | contactType | contact |
// | f1   | user           | u1            | u1              | u1           | t1           | u1           | billing  | ch1           | contact      | new         | k1      |
// | f2   | user           | u2            | u1              | none (unassigned) | t1      | u2           | sales    | ch2           | contact      | new         | k2      |
// | f3   | bot            | none          | none            | none (never) | none         | none         | none     | none          | user         | new         | k3      |
// | f4   | (open)         | u1            | none            | u1           | none         | none         | none     | ch1           | contact      | returning   | k1      |
// | f5   | blocked        | u2            | none            | u2           | t2           | none (D12)   | ""       | ch2           | contact      | new         | k4      |
// | f6   | contact_merged | u1            | none            | u1 (u2 after close ignored) | t1 | u1       | billing  | ch1           | contact      | new         | k5      |
// Counted closed in the period: f1 (10:00), f2 (10:30), f3 (11:00), f5 (11:30) -> list order f5, f3, f2, f1.

import { describe, expect, it } from 'vitest';
import { snapshotOfWorkspace } from '../index.js';
import type { Filters, ReportSnapshot } from '@parley/model';
import {
  agg1,
  args,
  assignment,
  contactEvent,
  conversation,
  csat,
  group,
  heatmap,
  incoming,
  may6,
  NA,
  noAgg,
  once,
  reply,
  workspace,
  type SnapshotOfWorkspace,
} from './workspace-builder.js';

const report: SnapshotOfWorkspace = snapshotOfWorkspace;

const ws = workspace({
  conversations: [
    conversation('f1', {
      contactId: 'k1',
      openedAt: may6('09:00'),
      openedChannelId: 'ch1',
      closedAt: may6('10:00'),
      closedByUserId: 'u1',
      closedByTeamId: 't1',
      category: 'billing',
    }),
    conversation('f2', {
      contactId: 'k2',
      openedAt: may6('09:30'),
      openedChannelId: 'ch2',
      closedAt: may6('10:30'),
      closedByUserId: 'u2',
      closedByTeamId: 't1',
      category: 'sales',
    }),
    conversation('f3', { contactId: 'k3', openedAt: may6('10:00'), openedChannelId: null, openedSource: 'user', closedAt: may6('11:00'), closedSource: 'bot' }),
    conversation('f4', { contactId: 'k1', openedAt: may6('10:30'), openedChannelId: 'ch1' }),
    conversation('f5', {
      contactId: 'k4',
      openedAt: may6('11:00'),
      openedChannelId: 'ch2',
      closedAt: may6('11:30'),
      closedSource: 'blocked',
      closedByUserId: 'u2',
      closedByTeamId: 't2',
      category: '',
    }),
    conversation('f6', {
      contactId: 'k5',
      openedAt: may6('11:30'),
      openedChannelId: 'ch1',
      closedAt: may6('12:00'),
      closedSource: 'contact_merged',
      closedByUserId: 'u1',
      closedByTeamId: 't1',
      category: 'billing',
    }),
  ],
  assignments: [
    assignment('a-f1', 'f1', may6('09:10'), 'u1'),
    assignment('a-f2', 'f2', may6('09:40'), 'u2'),
    assignment('a-f2-off', 'f2', may6('10:00'), null),
    assignment('a-f4', 'f4', may6('10:35'), 'u1'),
    assignment('a-f5', 'f5', may6('11:05'), 'u2'),
    assignment('a-f6', 'f6', may6('11:40'), 'u1'),
    assignment('a-f6-late', 'f6', may6('12:10'), 'u2'),
  ],
  messages: [
    incoming('mf1-in', 'f1', may6('09:00'), { contactId: 'k1', channelId: 'ch1' }),
    reply('mf1-re', 'f1', may6('09:20'), 'u1', { contactId: 'k1', channelId: 'ch1' }),
    incoming('mf2-in', 'f2', may6('09:30'), { contactId: 'k2', channelId: 'ch2' }),
    reply('mf2-re', 'f2', may6('09:45'), 'u1', { contactId: 'k2', channelId: 'ch2' }),
    incoming('mo', 'none', may6('12:30'), { conversationId: null, contactId: 'k1', channelId: 'ch3' }),
  ],
  contactEvents: [
    contactEvent('e1', { contactId: 'k1', type: 'added', at: may6('08:00'), source: 'user' }),
    contactEvent('e2', { contactId: 'k2', type: 'added', at: may6('08:30'), source: 'import' }),
    contactEvent('e3', { contactId: 'k1', type: 'connected', at: may6('09:00'), source: 'incoming', channelId: 'ch1' }),
  ],
  csat: [
    csat('s1', 'f1', may6('12:00'), 5),
    csat('s2', 'f2', may6('12:05'), 4),
    csat('s3', 'f4', may6('12:10'), 2),
    csat('s4', 'ghost', may6('12:15'), 1),
    csat('s5', 'f6', may6('12:20'), 3),
  ],
});

function run(filters: Filters): ReportSnapshot {
  return report(ws, args('2024-05-06', '2024-05-06', 'UTC', filters));
}

function listIds(snapshot: ReportSnapshot): string[] {
  return snapshot.conversations.list.map((row) => row.conversationId);
}

/** Dotted paths of every value that is "not-applicable", sorted (a checker, not a computation). */
function naPaths(value: unknown, path = ''): string[] {
  if (value === NA) return [path];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value)
    .flatMap(([key, inner]) => naPaths(inner, path === '' ? key : `${path}.${key}`))
    .sort();
}

const openedFamilyPaths = [
  'byTag',
  'conversations.openedByChannel',
  'conversations.openedByContactType',
  'conversations.openedBySource',
  'conversations.openedHeatmap',
  'conversations.openedVsClosed',
  'conversations.overview.opened',
  'origin',
];
const contactsAndMessagesPaths = [
  'contacts.added',
  'contacts.addedBySource',
  'contacts.connectedByChannel',
  'contacts.connectedBySource',
  'contacts.deleted',
  'contacts.merged',
  'messages.incomingByChannel',
  'messages.outgoingBySource',
  'messages.total',
];

describe('no filters', () => {
  const snapshot = once(() => run({}));

  it('counts every family', () => {
    expect(snapshot().filters).toStrictEqual([]);
    // opened f1..f6 = 6; counted closed f1, f2, f3, f5 = 4 (f4 open, f6 merge closure)
    expect(snapshot().conversations.overview).toStrictEqual({ opened: 6, closed: 4 });
    expect(listIds(snapshot())).toStrictEqual(['f5', 'f3', 'f2', 'f1']);
    expect(naPaths(snapshot())).toStrictEqual([]);
    // messages mf1-in, mf1-re, mf2-in, mf2-re, mo = 5
    expect(snapshot().messages.total).toBe(5);
  });

  it('CSAT counts a response whose conversation is unknown when no filter is active (D20)', () => {
    // s1 5, s2 4, s3 2, s4 1 (ghost), s5 3: sum 15 / 5 = 3; 4-5: s1, s2 = 2 of 5 = 40.0
    expect(snapshot().csat).toStrictEqual({ responses: 5, average: 3, distribution: [1, 1, 1, 1, 1], csatPercent: 40 });
  });
});

describe('not-applicable rules', () => {
  it('a closed-only filter makes every opened, openedVsClosed, origin, byTag, contacts and messages key NA', () => {
    const snapshot = run({ closedSource: ['user'] });
    expect(naPaths(snapshot)).toStrictEqual([...contactsAndMessagesPaths, ...openedFamilyPaths].sort());
    // closed, leaderboard, userPerformance and csat keep numbers: f1, f2 closed by source user
    expect(snapshot.conversations.overview).toStrictEqual({ opened: NA, closed: 2 });
    expect(listIds(snapshot)).toStrictEqual(['f2', 'f1']);
    // CSAT: s1 (f1, 5), s2 (f2, 4); f4 is open and never matches closedSource=user -> average 4.5, 100 %
    expect(snapshot.csat).toStrictEqual({ responses: 2, average: 4.5, distribution: [0, 0, 0, 1, 1], csatPercent: 100 });
  });

  it('an opened-family filter makes only contacts and messages NA', () => {
    const snapshot = run({ openedSource: ['contact'] });
    expect(naPaths(snapshot)).toStrictEqual(contactsAndMessagesPaths);
    // opened with source contact: f1, f2, f4, f5, f6 = 5; closed: f1, f2, f5 = 3
    expect(snapshot.conversations.overview).toStrictEqual({ opened: 5, closed: 3 });
  });

  it('the conversationId filter makes contacts and messages NA too', () => {
    const snapshot = run({ conversationId: ['f1', 'f6', 'nope'] });
    expect(naPaths(snapshot)).toStrictEqual(contactsAndMessagesPaths);
    // opened f1, f6 (nope matches nothing); closed f1 (f6 is a merge closure)
    expect(snapshot.conversations.overview).toStrictEqual({ opened: 2, closed: 1 });
    // CSAT: s1 (f1, 5) and s5 (f6, 3) -> 8 / 2 = 4; 4-5: 1 of 2 = 50.0
    expect(snapshot.csat).toStrictEqual({ responses: 2, average: 4, distribution: [0, 0, 1, 0, 1], csatPercent: 50 });
  });

  it('the contact filter applies to every family, so nothing is NA', () => {
    const snapshot = run({ contact: ['k1'] });
    expect(naPaths(snapshot)).toStrictEqual([]);
  });
});

describe('the empty value selects "none" (D4)', () => {
  it('lastAssignee="" selects conversations never assigned or unassigned before close', () => {
    const snapshot = run({ lastAssignee: [''] });
    // f2 (unassigned 10:00 before close 10:30), f3 (never assigned)
    expect(listIds(snapshot)).toStrictEqual(['f3', 'f2']);
    expect(snapshot.conversations.overview).toStrictEqual({ opened: NA, closed: 2 });
    // f2 closed 10:30 (h10), f3 11:00 (h11)
    expect(snapshot.conversations.closedHeatmap).toStrictEqual(
      heatmap([
        [0, 10, 1],
        [0, 11, 1],
      ]),
    );
    expect(snapshot.conversations.closedBySource).toStrictEqual([group('bot', 1, 50), group('user', 1, 50)]);
    // leaderboard: f2 closed by u2 / t1 (f3 has neither). f2 resolution 09:30 -> 10:30 = 3,600,000;
    // its only response mf2-re is by u1 (09:45 - 09:30 = 900,000): not u2's, but the team's.
    const u2Entry = { id: 'u2', conversations: 1, responseTime: noAgg, resolutionTime: agg1(3600000) };
    const t1Entry = { id: 't1', conversations: 1, responseTime: agg1(900000), resolutionTime: agg1(3600000) };
    expect(snapshot.leaderboard).toStrictEqual({
      byUser: { responseTime: [], resolutionTime: [u2Entry] },
      byTeam: { responseTime: [t1Entry], resolutionTime: [t1Entry] },
    });
    // u2: FRT of f2 = 09:45 - 09:30 = 900,000 (whoever answered); assignments of f2 = 2 (a-f2, a-f2-off)
    expect(snapshot.userPerformance).toStrictEqual([
      {
        userId: 'u2',
        conversationsClosed: 1,
        messagesSent: 0,
        responses: 0,
        firstResponseTime: agg1(900000),
        responseTime: noAgg,
        resolutionTime: agg1(3600000),
        assignments: 2,
      },
    ]);
    // CSAT: rated f2 matches (s2, 4); f3 has no rating
    expect(snapshot.csat).toStrictEqual({ responses: 1, average: 4, distribution: [0, 0, 0, 1, 0], csatPercent: 100 });
  });

  it('openedChannel="" selects conversations opened by hand, in the opened family too', () => {
    const snapshot = run({ openedChannel: [''] });
    // f3 only (openedChannelId null)
    expect(snapshot.conversations.overview).toStrictEqual({ opened: 1, closed: 1 });
    expect(snapshot.conversations.openedByChannel).toStrictEqual([group(null, 1, 100)]);
    expect(snapshot.origin).toStrictEqual([group('inbox', 1, 100)]);
    expect(naPaths(snapshot)).toStrictEqual(contactsAndMessagesPaths);
    // f3 has no rating -> no responses
    expect(snapshot.csat).toStrictEqual({ responses: 0, average: null, distribution: [0, 0, 0, 0, 0], csatPercent: null });
  });

  it('category="" selects null and "" categories', () => {
    // f5 (""), f3 (null)
    expect(listIds(run({ category: [''] }))).toStrictEqual(['f5', 'f3']);
  });

  it('closedByUser="" selects bot and blocked closures; a blocked closure never matches its stored user (D12)', () => {
    expect(listIds(run({ closedByUser: [''] }))).toStrictEqual(['f5', 'f3']);
    expect(listIds(run({ closedByUser: ['u2'] }))).toStrictEqual(['f2']);
  });

  it('firstResponseBy="" selects conversations without a response', () => {
    expect(listIds(run({ firstResponseBy: [''] }))).toStrictEqual(['f5', 'f3']);
    expect(listIds(run({ firstResponseBy: ['u1'] }))).toStrictEqual(['f2', 'f1']);
    expect(listIds(run({ firstAssignee: ['u2'] }))).toStrictEqual(['f5', 'f2']);
  });
});

describe('combining values and names', () => {
  it('values of one name are OR-ed, the empty value included', () => {
    const snapshot = run({ openedChannel: ['ch2', ''] });
    // opened: f2 (ch2), f3 (none), f5 (ch2); closed: the same three
    expect(snapshot.conversations.overview).toStrictEqual({ opened: 3, closed: 3 });
    expect(listIds(snapshot)).toStrictEqual(['f5', 'f3', 'f2']);
  });

  it('different names are AND-ed', () => {
    const byTeam = run({ openedChannel: ['ch1', 'ch2'], closedByTeam: ['t1'] });
    // ch1 or ch2, and team t1: f1, f2 (f6 is not counted closed)
    expect(listIds(byTeam)).toStrictEqual(['f2', 'f1']);
    expect(byTeam.conversations.overview.opened).toBe(NA);
    const newOnCh1 = run({ contactType: ['new'], openedChannel: ['ch1'] });
    // ch1: f1 (new), f4 (returning), f6 (new) -> opened f1, f6; closed f1
    expect(newOnCh1.conversations.overview).toStrictEqual({ opened: 2, closed: 1 });
  });
});

describe('the contact filter across families (D2, D26)', () => {
  it('restricts conversations, messages, contact events and CSAT to the contact', () => {
    const snapshot = run({ contact: ['k1'] });
    // conversations of k1: f1 (closed), f4 (open)
    expect(snapshot.conversations.overview).toStrictEqual({ opened: 2, closed: 1 });
    // messages of k1: mf1-in (ch1), mf1-re (user), mo (ch3, no conversation)
    expect(snapshot.messages).toStrictEqual({
      total: 3,
      incomingByChannel: [group('ch1', 1, 50), group('ch3', 1, 50)],
      outgoingBySource: [group('user', 1, 100)],
    });
    // events of k1: e1 added (user), e3 connected ch1 (incoming, first of its pair)
    expect(snapshot.contacts).toStrictEqual({
      added: 1,
      deleted: 0,
      merged: 0,
      addedBySource: [group('user', 1, 100)],
      connectedByChannel: [group('ch1', 1, 100)],
      connectedBySource: [group('incoming', 1, 100)],
    });
    // CSAT of k1's conversations: s1 (f1, 5), s3 (f4 open, 2): 7 / 2 = 3.5; 4-5: 1 of 2 = 50.0
    expect(snapshot.csat).toStrictEqual({ responses: 2, average: 3.5, distribution: [0, 1, 0, 0, 1], csatPercent: 50 });
  });

  it('several contacts are OR-ed in every family', () => {
    const snapshot = run({ contact: ['k2', 'k1'] });
    // messages: all 5; added: e1 (user), e2 (import)
    expect(snapshot.messages.total).toBe(5);
    expect(snapshot.contacts.addedBySource).toStrictEqual([group('import', 1, 50), group('user', 1, 50)]);
  });
});

describe('CSAT with filters (D20)', () => {
  it('counts responses of open and merge-closed conversations that match', () => {
    const snapshot = run({ lastAssignee: ['u1'] });
    // closed list: f1 only
    expect(listIds(snapshot)).toStrictEqual(['f1']);
    // rated conversations with last assignee u1: f1 (s1 5), f4 open (s3 2), f6 merge-closed (s5 3; a-f6-late after close ignored)
    // average 10 / 3 = 3.333 -> 3.33; 4-5: 1 of 3 = 33.33 -> 33.3
    expect(snapshot.csat).toStrictEqual({ responses: 3, average: 3.33, distribution: [0, 1, 1, 0, 1], csatPercent: 33.3 });
  });

  it('excludes a response whose conversation is unknown once a filter is active', () => {
    const snapshot = run({ conversationId: ['ghost'] });
    expect(snapshot.csat).toStrictEqual({ responses: 0, average: null, distribution: [0, 0, 0, 0, 0], csatPercent: null });
  });
});

describe('the filters output', () => {
  it('lists active names in canonical order with de-duplicated, sorted values', () => {
    const snapshot = run({ conversationId: ['b', 'a', 'b'], closedSource: ['user', 'bot', 'user'], lastAssignee: ['u2', '', 'u1'] });
    expect(snapshot.filters).toStrictEqual([
      { name: 'closedSource', values: ['bot', 'user'] },
      { name: 'lastAssignee', values: ['', 'u1', 'u2'] },
      { name: 'conversationId', values: ['a', 'b'] },
    ]);
  });

  it('sorts values in UTF-16 order, not locale order', () => {
    // 'B' (0x42) < 'a' (0x61) < 'b'; '\u00e9' (0xE9) after ASCII
    const snapshot = run({ category: ['b', '\u00e9', 'a', 'B'] });
    expect(snapshot.filters).toStrictEqual([{ name: 'category', values: ['B', 'a', 'b', '\u00e9'] }]);
  });

  it('a name given with no values is not active', () => {
    // model/filters.ts: "A name with no values is inactive" (the CLI cannot produce it)
    const snapshot = run({ openedSource: [] });
    expect(snapshot.filters).toStrictEqual([]);
    expect(naPaths(snapshot)).toStrictEqual([]);
  });
});
