// Assignment facts (metrics.md "Per-conversation facts", snapshot.md §6, D13-D16), checked on whole
// list rows. UTC, 2024-05-06 (a Monday); every conversation opens at 10:00 unless said otherwise.
// Minutes to ms: 1 min = 60,000.

import { describe, expect, it } from 'vitest';
import { snapshotOfWorkspace } from '../index.js';
import {
  agg,
  agg1,
  args,
  assignment,
  contact,
  conversation,
  incoming,
  may6,
  once,
  reply,
  workspace,
  type SnapshotOfWorkspace,
} from './workspace-builder.js';

const report: SnapshotOfWorkspace = snapshotOfWorkspace;

describe('before open, exactly at open, unassigned before close, after close', () => {
  const ws = workspace({
    contacts: [contact('k-a', { name: 'Ann' }), contact('k-c', { name: 'Cid' })],
    conversations: [
      conversation('a-before', {
        contactId: 'k-a',
        openedAt: may6('10:00'),
        closedAt: may6('10:30'),
        closedByUserId: 'u1',
        closedByTeamId: 't1',
        category: 'billing',
        summary: 'done',
      }),
      conversation('b-equal', { openedAt: may6('10:00'), closedAt: may6('10:20'), closedByUserId: 'u1' }),
      conversation('c-unassigned', { contactId: 'k-c', openedAt: may6('10:00'), closedAt: may6('10:40'), closedSource: 'bot' }),
      conversation('d-after', { openedAt: may6('10:00'), closedAt: may6('10:30'), closedByUserId: 'u2', closedByTeamId: 't2' }),
      conversation('e-late', { openedAt: may6('10:00'), closedAt: may6('10:30'), closedByUserId: 'u1' }),
    ],
    assignments: [
      assignment('a1', 'a-before', may6('09:55'), 'u1', 't1'),
      assignment('b1', 'b-equal', may6('10:00'), 'u1'),
      assignment('c1', 'c-unassigned', may6('10:05'), 'u1'),
      assignment('c2', 'c-unassigned', may6('10:20'), null, 't1'),
      assignment('d1', 'd-after', may6('10:10'), 'u1'),
      assignment('d2', 'd-after', may6('10:30'), 'u3'),
      assignment('d3', 'd-after', may6('10:45'), 'u2'),
      assignment('e1', 'e-late', may6('10:50'), 'u1'),
    ],
    messages: [
      incoming('b-m1', 'b-equal', may6('10:01')),
      reply('b-m2', 'b-equal', may6('10:03'), 'u1'),
      incoming('c-m1', 'c-unassigned', may6('10:01'), { contactId: 'k-c' }),
      reply('c-m2', 'c-unassigned', may6('10:10'), 'u1', { contactId: 'k-c' }),
    ],
  });
  const snapshot = once(() => report(ws, args('2024-05-06')));
  const rowOf = (id: string) => snapshot().conversations.list.find((row) => row.conversationId === id);

  it('list order is closedAt desc then id asc', () => {
    // c-unassigned 10:40; a-before, d-after, e-late all 10:30 (id asc); b-equal 10:20
    expect(snapshot().conversations.list.map((row) => row.conversationId)).toStrictEqual([
      'c-unassigned',
      'a-before',
      'd-after',
      'e-late',
      'b-equal',
    ]);
  });

  it('an assignment before openedAt moves to openedAt, gives no time to first assignment, and last = first', () => {
    // a1 at 09:55 < opened 10:00 -> firstAssignmentAt = lastAssignmentAt = 10:00, TTFA null
    // resolution = firstAssignmentToClose = lastAssignmentToClose = 10:30 - 10:00 = 30 min = 1,800,000
    expect(rowOf('a-before')).toStrictEqual({
      closedAt: may6('10:30'),
      closedSource: 'user',
      closedByUserId: 'u1',
      closedByTeamId: 't1',
      openedAt: may6('10:00'),
      openedSource: 'contact',
      openedChannelId: 'ch1',
      conversationId: 'a-before',
      contactId: 'k-a',
      contactName: 'Ann',
      firstAssignmentAt: may6('10:00'),
      firstAssigneeId: 'u1',
      firstResponseAt: null,
      firstResponseById: null,
      lastAssignmentAt: may6('10:00'),
      lastAssigneeId: 'u1',
      timeToFirstAssignmentMs: null,
      firstResponseTimeMs: null,
      firstAssignmentToFirstResponseMs: null,
      lastAssignmentToResponseMs: null,
      resolutionTimeMs: 1800000,
      firstAssignmentToCloseMs: 1800000,
      lastAssignmentToCloseMs: 1800000,
      averageResponseTimeMs: null,
      assignments: 1,
      incomingMessages: 0,
      outgoingMessages: 0,
      responses: 0,
      category: 'billing',
      summary: 'done',
      contactType: 'new',
    });
  });

  it('an assignment exactly at openedAt counts as before open (D16): no time to first assignment', () => {
    // b1 at 10:00 = openedAt -> firstAssignmentAt 10:00, TTFA null
    // response b-m2 10:03 answers b-m1 10:01: response time 2 min = 120,000; FRT = 10:03 - 10:00 = 180,000
    // firstAssignmentToFirstResponse = 10:03 - 10:00 = 180,000
    // lastAssignmentToResponse: b-m2 by u1 (= last assignee) answers b-m1 at 10:01 >= 10:00 -> 10:03 - 10:00 = 180,000
    // resolution = 10:20 - 10:00 = 1,200,000 = firstAssignmentToClose = lastAssignmentToClose
    // contact k-b-equal is not in the contacts collection -> contactName null
    expect(rowOf('b-equal')).toStrictEqual({
      closedAt: may6('10:20'),
      closedSource: 'user',
      closedByUserId: 'u1',
      closedByTeamId: null,
      openedAt: may6('10:00'),
      openedSource: 'contact',
      openedChannelId: 'ch1',
      conversationId: 'b-equal',
      contactId: 'k-b-equal',
      contactName: null,
      firstAssignmentAt: may6('10:00'),
      firstAssigneeId: 'u1',
      firstResponseAt: may6('10:03'),
      firstResponseById: 'u1',
      lastAssignmentAt: may6('10:00'),
      lastAssigneeId: 'u1',
      timeToFirstAssignmentMs: null,
      firstResponseTimeMs: 180000,
      firstAssignmentToFirstResponseMs: 180000,
      lastAssignmentToResponseMs: 180000,
      resolutionTimeMs: 1200000,
      firstAssignmentToCloseMs: 1200000,
      lastAssignmentToCloseMs: 1200000,
      averageResponseTimeMs: 120000,
      assignments: 1,
      incomingMessages: 1,
      outgoingMessages: 1,
      responses: 1,
      category: null,
      summary: null,
      contactType: 'new',
    });
  });

  it('an unassignment before close leaves the last assignee none, lastAssignmentToResponse none, lastAssignmentToClose computed', () => {
    // c1 u1 10:05, c2 unassign 10:20, closed 10:40 by a bot
    // TTFA = 10:05 - 10:00 = 300,000; response c-m2 10:10 - c-m1 10:01 = 540,000; FRT = 10:10 - 10:00 = 600,000
    // FA2FR = 10:10 - 10:05 = 300,000; last = unassignment at 10:20 -> lastAssigneeId null, LA2R null
    // resolution 40 min = 2,400,000; FA2C = 10:40 - 10:05 = 35 min = 2,100,000; LA2C = 10:40 - 10:20 = 1,200,000
    expect(rowOf('c-unassigned')).toStrictEqual({
      closedAt: may6('10:40'),
      closedSource: 'bot',
      closedByUserId: null,
      closedByTeamId: null,
      openedAt: may6('10:00'),
      openedSource: 'contact',
      openedChannelId: 'ch1',
      conversationId: 'c-unassigned',
      contactId: 'k-c',
      contactName: 'Cid',
      firstAssignmentAt: may6('10:05'),
      firstAssigneeId: 'u1',
      firstResponseAt: may6('10:10'),
      firstResponseById: 'u1',
      lastAssignmentAt: may6('10:20'),
      lastAssigneeId: null,
      timeToFirstAssignmentMs: 300000,
      firstResponseTimeMs: 600000,
      firstAssignmentToFirstResponseMs: 300000,
      lastAssignmentToResponseMs: null,
      resolutionTimeMs: 2400000,
      firstAssignmentToCloseMs: 2100000,
      lastAssignmentToCloseMs: 1200000,
      averageResponseTimeMs: 540000,
      assignments: 2,
      incomingMessages: 1,
      outgoingMessages: 1,
      responses: 1,
      category: null,
      summary: null,
      contactType: 'new',
    });
  });

  it('an assignment exactly at closedAt counts, one after closedAt is ignored (D13)', () => {
    // d1 u1 10:10, d2 u3 10:30 (= closedAt, kept), d3 u2 10:45 (after close, ignored)
    // TTFA = 600,000; last = u3 at 10:30 -> LA2C 0; FA2C = 10:30 - 10:10 = 1,200,000; resolution 1,800,000; assignments 2
    expect(rowOf('d-after')).toStrictEqual({
      closedAt: may6('10:30'),
      closedSource: 'user',
      closedByUserId: 'u2',
      closedByTeamId: 't2',
      openedAt: may6('10:00'),
      openedSource: 'contact',
      openedChannelId: 'ch1',
      conversationId: 'd-after',
      contactId: 'k-d-after',
      contactName: null,
      firstAssignmentAt: may6('10:10'),
      firstAssigneeId: 'u1',
      firstResponseAt: null,
      firstResponseById: null,
      lastAssignmentAt: may6('10:30'),
      lastAssigneeId: 'u3',
      timeToFirstAssignmentMs: 600000,
      firstResponseTimeMs: null,
      firstAssignmentToFirstResponseMs: null,
      lastAssignmentToResponseMs: null,
      resolutionTimeMs: 1800000,
      firstAssignmentToCloseMs: 1200000,
      lastAssignmentToCloseMs: 0,
      averageResponseTimeMs: null,
      assignments: 2,
      incomingMessages: 0,
      outgoingMessages: 0,
      responses: 0,
      category: null,
      summary: null,
      contactType: 'new',
    });
  });

  it('a conversation whose only assignment is after close was never assigned', () => {
    // e1 at 10:50 > closedAt 10:30 -> no events: first/last none, assignments 0, assignment durations none
    expect(rowOf('e-late')).toStrictEqual({
      closedAt: may6('10:30'),
      closedSource: 'user',
      closedByUserId: 'u1',
      closedByTeamId: null,
      openedAt: may6('10:00'),
      openedSource: 'contact',
      openedChannelId: 'ch1',
      conversationId: 'e-late',
      contactId: 'k-e-late',
      contactName: null,
      firstAssignmentAt: null,
      firstAssigneeId: null,
      firstResponseAt: null,
      firstResponseById: null,
      lastAssignmentAt: null,
      lastAssigneeId: null,
      timeToFirstAssignmentMs: null,
      firstResponseTimeMs: null,
      firstAssignmentToFirstResponseMs: null,
      lastAssignmentToResponseMs: null,
      resolutionTimeMs: 1800000,
      firstAssignmentToCloseMs: null,
      lastAssignmentToCloseMs: null,
      averageResponseTimeMs: null,
      assignments: 0,
      incomingMessages: 0,
      outgoingMessages: 0,
      responses: 0,
      category: null,
      summary: null,
      contactType: 'new',
    });
  });

  it('durations aggregate the non-null column values of the listed conversations', () => {
    expect(snapshot().conversations.durations).toStrictEqual({
      // TTFA: c 300,000, d 600,000 -> mean 450,000; median rank ceil(1) = 1 -> 300,000; p90 rank ceil(1.8) = 2 -> 600,000
      timeToFirstAssignment: agg(2, 450000, 300000, 600000),
      // FRT: b 180,000, c 600,000 -> mean 390,000
      firstResponseTime: agg(2, 390000, 180000, 600000),
      // FA2FR: b 180,000, c 300,000 -> mean 240,000
      firstAssignmentToFirstResponse: agg(2, 240000, 180000, 300000),
      // LA2R: b 180,000 only
      lastAssignmentToResponse: agg1(180000),
      // resolution: 1.2M, 1.8M, 1.8M, 1.8M, 2.4M -> 9,000,000 / 5 = 1,800,000; median rank 3 -> 1.8M; p90 rank ceil(4.5) = 5 -> 2.4M
      resolutionTime: agg(5, 1800000, 1800000, 2400000),
      // FA2C: a 1.8M, b 1.2M, c 2.1M, d 1.2M -> sorted 1.2M, 1.2M, 1.8M, 2.1M; 6,300,000 / 4 = 1,575,000; rank 2 -> 1.2M; rank ceil(3.6) = 4 -> 2.1M
      firstAssignmentToClose: agg(4, 1575000, 1200000, 2100000),
      // LA2C: a 1.8M, b 1.2M, c 1.2M, d 0 -> sorted 0, 1.2M, 1.2M, 1.8M; 4,200,000 / 4 = 1,050,000; rank 2 -> 1.2M; rank 4 -> 1.8M
      lastAssignmentToClose: agg(4, 1050000, 1200000, 1800000),
      // responses: b 120,000, c 540,000 -> mean 330,000; rank 1 -> 120,000; rank 2 -> 540,000
      responseTime: agg(2, 330000, 120000, 540000),
    });
  });

  it('assignment filters use the facts after D13: lastAssignee="" is never assigned or unassigned', () => {
    const none = report(ws, args('2024-05-06', '2024-05-06', 'UTC', { lastAssignee: [''] }));
    // c-unassigned (unassigned before close), e-late (never: its only assignment is after close)
    expect(none.conversations.list.map((row) => row.conversationId)).toStrictEqual(['c-unassigned', 'e-late']);
    // d3 (u2) came after close, so no conversation has last assignee u2
    const u2 = report(ws, args('2024-05-06', '2024-05-06', 'UTC', { lastAssignee: ['u2'] }));
    expect(u2.conversations.overview.closed).toBe(0);
    // first assignee u1: a-before, b-equal, c-unassigned, d-after (not e-late)
    const firstU1 = report(ws, args('2024-05-06', '2024-05-06', 'UTC', { firstAssignee: ['u1'] }));
    expect(firstU1.conversations.list.map((row) => row.conversationId)).toStrictEqual([
      'c-unassigned',
      'a-before',
      'd-after',
      'b-equal',
    ]);
  });
});

describe('reassignment, reply before assignment, unassignments only, ties', () => {
  const ws = workspace({
    conversations: [
      conversation('f-reassign', { openedAt: may6('10:00'), closedAt: may6('10:10'), closedByUserId: 'u2', closedByTeamId: 't1' }),
      conversation('g-reassign-later', { openedAt: may6('10:00'), closedAt: may6('10:10'), closedByUserId: 'u2' }),
      conversation('h-replyfirst', { openedAt: may6('10:00'), closedAt: may6('10:20'), closedByUserId: 'u1' }),
      conversation('i-onlyunassign', { openedAt: may6('10:00'), closedAt: may6('10:30'), closedByUserId: 'u1' }),
      conversation('j-beforeopen-unassign', { openedAt: may6('10:00'), closedAt: may6('10:30'), closedByUserId: 'u1' }),
      conversation('k-tie', { openedAt: may6('10:00'), closedAt: may6('10:15'), closedByUserId: 'u1' }),
    ],
    assignments: [
      assignment('f1', 'f-reassign', may6('10:01'), 'u1'),
      assignment('f2', 'f-reassign', may6('10:02'), 'u2'),
      assignment('g1', 'g-reassign-later', may6('10:01'), 'u1'),
      assignment('g2', 'g-reassign-later', may6('10:02'), 'u2'),
      assignment('h1', 'h-replyfirst', may6('10:05'), 'u1'),
      assignment('i1', 'i-onlyunassign', may6('10:05'), null, 't1'),
      assignment('i2', 'i-onlyunassign', may6('10:10'), null),
      assignment('j1', 'j-beforeopen-unassign', may6('09:50'), 'u1'),
      assignment('j2', 'j-beforeopen-unassign', may6('09:55'), null),
      // same instant: (at, id) order puts kt-1 (u2) before kt-2 (u1), whatever the array order
      assignment('kt-2', 'k-tie', may6('10:05'), 'u1'),
      assignment('kt-1', 'k-tie', may6('10:05'), 'u2'),
    ],
    messages: [
      incoming('f-m1', 'f-reassign', may6('10:00')),
      reply('f-m2', 'f-reassign', may6('10:05'), 'u2'),
      incoming('g-m1', 'g-reassign-later', may6('10:00')),
      reply('g-m2', 'g-reassign-later', may6('10:05'), 'u2'),
      incoming('g-m3', 'g-reassign-later', may6('10:06')),
      reply('g-m4', 'g-reassign-later', may6('10:07'), 'u1'),
      incoming('g-m5', 'g-reassign-later', may6('10:08')),
      reply('g-m6', 'g-reassign-later', may6('10:09'), 'u2'),
      incoming('h-m1', 'h-replyfirst', may6('10:00')),
      reply('h-m2', 'h-replyfirst', may6('10:02'), 'u1'),
    ],
  });
  const snapshot = once(() => report(ws, args('2024-05-06')));
  const rowOf = (id: string) => snapshot().conversations.list.find((row) => row.conversationId === id);

  it('list order is closedAt desc then id asc', () => {
    // 10:30: i-onlyunassign, j-beforeopen-unassign; 10:20: h; 10:15: k; 10:10: f-reassign, g-reassign-later
    expect(snapshot().conversations.list.map((row) => row.conversationId)).toStrictEqual([
      'i-onlyunassign',
      'j-beforeopen-unassign',
      'h-replyfirst',
      'k-tie',
      'f-reassign',
      'g-reassign-later',
    ]);
  });

  it('seed 000: assigned A, reassigned B, B answers the message that came before -> lastAssignmentToResponse none', () => {
    // f-m1 10:00, A=u1 10:01, B=u2 10:02, f-m2 by u2 10:05 answers f-m1 (10:00 < 10:02) -> LA2R null
    // TTFA 60,000; response 300,000 = FRT; FA2FR = 10:05 - 10:01 = 240,000
    // resolution 600,000; FA2C = 10:10 - 10:01 = 540,000; LA2C = 10:10 - 10:02 = 480,000
    expect(rowOf('f-reassign')).toStrictEqual({
      closedAt: may6('10:10'),
      closedSource: 'user',
      closedByUserId: 'u2',
      closedByTeamId: 't1',
      openedAt: may6('10:00'),
      openedSource: 'contact',
      openedChannelId: 'ch1',
      conversationId: 'f-reassign',
      contactId: 'k-f-reassign',
      contactName: null,
      firstAssignmentAt: may6('10:01'),
      firstAssigneeId: 'u1',
      firstResponseAt: may6('10:05'),
      firstResponseById: 'u2',
      lastAssignmentAt: may6('10:02'),
      lastAssigneeId: 'u2',
      timeToFirstAssignmentMs: 60000,
      firstResponseTimeMs: 300000,
      firstAssignmentToFirstResponseMs: 240000,
      lastAssignmentToResponseMs: null,
      resolutionTimeMs: 600000,
      firstAssignmentToCloseMs: 540000,
      lastAssignmentToCloseMs: 480000,
      averageResponseTimeMs: 300000,
      assignments: 2,
      incomingMessages: 1,
      outgoingMessages: 1,
      responses: 1,
      category: null,
      summary: null,
      contactType: 'new',
    });
  });

  it('lastAssignmentToResponse is the first response by the last assignee to a message at or after the last assignment', () => {
    // responses: g-m2 u2 10:05 (answers g-m1 10:00 < 10:02: not eligible), 300,000
    //            g-m4 u1 10:07 (answers g-m3 10:06 >= 10:02 but u1 is not the last assignee), 60,000
    //            g-m6 u2 10:09 (answers g-m5 10:08 >= 10:02, by u2) -> LA2R = 10:09 - 10:02 = 420,000; 60,000
    // average (300,000 + 60,000 + 60,000) / 3 = 140,000
    expect(rowOf('g-reassign-later')).toStrictEqual({
      closedAt: may6('10:10'),
      closedSource: 'user',
      closedByUserId: 'u2',
      closedByTeamId: null,
      openedAt: may6('10:00'),
      openedSource: 'contact',
      openedChannelId: 'ch1',
      conversationId: 'g-reassign-later',
      contactId: 'k-g-reassign-later',
      contactName: null,
      firstAssignmentAt: may6('10:01'),
      firstAssigneeId: 'u1',
      firstResponseAt: may6('10:05'),
      firstResponseById: 'u2',
      lastAssignmentAt: may6('10:02'),
      lastAssigneeId: 'u2',
      timeToFirstAssignmentMs: 60000,
      firstResponseTimeMs: 300000,
      firstAssignmentToFirstResponseMs: 240000,
      lastAssignmentToResponseMs: 420000,
      resolutionTimeMs: 600000,
      firstAssignmentToCloseMs: 540000,
      lastAssignmentToCloseMs: 480000,
      averageResponseTimeMs: 140000,
      assignments: 2,
      incomingMessages: 3,
      outgoingMessages: 3,
      responses: 3,
      category: null,
      summary: null,
      contactType: 'new',
    });
  });

  it('a reply before the first assignment gives no firstAssignmentToFirstResponse (negative)', () => {
    // h-m2 10:02 answers h-m1 10:00: response 120,000 = FRT; first assignment 10:05 -> 10:02 - 10:05 < 0 -> null
    // LA2R: the only response answered 10:00 < 10:05 -> null
    // TTFA 300,000; resolution 1,200,000; FA2C = LA2C = 10:20 - 10:05 = 900,000
    expect(rowOf('h-replyfirst')).toStrictEqual({
      closedAt: may6('10:20'),
      closedSource: 'user',
      closedByUserId: 'u1',
      closedByTeamId: null,
      openedAt: may6('10:00'),
      openedSource: 'contact',
      openedChannelId: 'ch1',
      conversationId: 'h-replyfirst',
      contactId: 'k-h-replyfirst',
      contactName: null,
      firstAssignmentAt: may6('10:05'),
      firstAssigneeId: 'u1',
      firstResponseAt: may6('10:02'),
      firstResponseById: 'u1',
      lastAssignmentAt: may6('10:05'),
      lastAssigneeId: 'u1',
      timeToFirstAssignmentMs: 300000,
      firstResponseTimeMs: 120000,
      firstAssignmentToFirstResponseMs: null,
      lastAssignmentToResponseMs: null,
      resolutionTimeMs: 1200000,
      firstAssignmentToCloseMs: 900000,
      lastAssignmentToCloseMs: 900000,
      averageResponseTimeMs: 120000,
      assignments: 1,
      incomingMessages: 1,
      outgoingMessages: 1,
      responses: 1,
      category: null,
      summary: null,
      contactType: 'new',
    });
  });

  it('only unassignments: no first assignee, last "Unassigned", events counted, lastAssignmentToClose computed (D16)', () => {
    // i1 null 10:05, i2 null 10:10 -> first none; last = i2 at 10:10, assignee null
    // LA2C = 10:30 - 10:10 = 1,200,000; resolution 1,800,000; assignments 2
    expect(rowOf('i-onlyunassign')).toStrictEqual({
      closedAt: may6('10:30'),
      closedSource: 'user',
      closedByUserId: 'u1',
      closedByTeamId: null,
      openedAt: may6('10:00'),
      openedSource: 'contact',
      openedChannelId: 'ch1',
      conversationId: 'i-onlyunassign',
      contactId: 'k-i-onlyunassign',
      contactName: null,
      firstAssignmentAt: null,
      firstAssigneeId: null,
      firstResponseAt: null,
      firstResponseById: null,
      lastAssignmentAt: may6('10:10'),
      lastAssigneeId: null,
      timeToFirstAssignmentMs: null,
      firstResponseTimeMs: null,
      firstAssignmentToFirstResponseMs: null,
      lastAssignmentToResponseMs: null,
      resolutionTimeMs: 1800000,
      firstAssignmentToCloseMs: null,
      lastAssignmentToCloseMs: 1200000,
      averageResponseTimeMs: null,
      assignments: 2,
      incomingMessages: 0,
      outgoingMessages: 0,
      responses: 0,
      category: null,
      summary: null,
      contactType: 'new',
    });
  });

  it('assigned then unassigned before open: first assignee kept, last unassigned, both clamped to openedAt (D14, D16)', () => {
    // j1 u1 09:50, j2 null 09:55 -> first u1 at max(09:50, 10:00) = 10:00, TTFA null
    // last = j2 at max(09:55, 10:00) = 10:00, assignee null; FA2C = LA2C = resolution = 1,800,000
    expect(rowOf('j-beforeopen-unassign')).toStrictEqual({
      closedAt: may6('10:30'),
      closedSource: 'user',
      closedByUserId: 'u1',
      closedByTeamId: null,
      openedAt: may6('10:00'),
      openedSource: 'contact',
      openedChannelId: 'ch1',
      conversationId: 'j-beforeopen-unassign',
      contactId: 'k-j-beforeopen-unassign',
      contactName: null,
      firstAssignmentAt: may6('10:00'),
      firstAssigneeId: 'u1',
      firstResponseAt: null,
      firstResponseById: null,
      lastAssignmentAt: may6('10:00'),
      lastAssigneeId: null,
      timeToFirstAssignmentMs: null,
      firstResponseTimeMs: null,
      firstAssignmentToFirstResponseMs: null,
      lastAssignmentToResponseMs: null,
      resolutionTimeMs: 1800000,
      firstAssignmentToCloseMs: 1800000,
      lastAssignmentToCloseMs: 1800000,
      averageResponseTimeMs: null,
      assignments: 2,
      incomingMessages: 0,
      outgoingMessages: 0,
      responses: 0,
      category: null,
      summary: null,
      contactType: 'new',
    });
  });

  it('assignments at the same instant are ordered by id', () => {
    // kt-1 (u2) then kt-2 (u1), both 10:05: first u2, last u1; TTFA 300,000; FA2C = LA2C = 10:15 - 10:05 = 600,000
    expect(rowOf('k-tie')).toStrictEqual({
      closedAt: may6('10:15'),
      closedSource: 'user',
      closedByUserId: 'u1',
      closedByTeamId: null,
      openedAt: may6('10:00'),
      openedSource: 'contact',
      openedChannelId: 'ch1',
      conversationId: 'k-tie',
      contactId: 'k-k-tie',
      contactName: null,
      firstAssignmentAt: may6('10:05'),
      firstAssigneeId: 'u2',
      firstResponseAt: null,
      firstResponseById: null,
      lastAssignmentAt: may6('10:05'),
      lastAssigneeId: 'u1',
      timeToFirstAssignmentMs: 300000,
      firstResponseTimeMs: null,
      firstAssignmentToFirstResponseMs: null,
      lastAssignmentToResponseMs: null,
      resolutionTimeMs: 900000,
      firstAssignmentToCloseMs: 600000,
      lastAssignmentToCloseMs: 600000,
      averageResponseTimeMs: null,
      assignments: 2,
      incomingMessages: 0,
      outgoingMessages: 0,
      responses: 0,
      category: null,
      summary: null,
      contactType: 'new',
    });
  });
});
