// Closures (snapshot.md §4 "counted closed", D12, D29, D31): contact_merged / contact_deleted
// closures are never counted closed but count as opened and for contact type; blocked closures have
// no closing user but keep their team. UTC, 2024-05-06 (Monday).

import { describe, expect, it } from 'vitest';
import { snapshotOfWorkspace } from '../index.js';
import {
  agg1,
  args,
  assignment,
  conversation,
  csat,
  group,
  heatmap,
  incoming,
  may6,
  noAgg,
  once,
  reply,
  workspace,
  type SnapshotOfWorkspace,
} from './workspace-builder.js';

const report: SnapshotOfWorkspace = snapshotOfWorkspace;

const ws = workspace({
  conversations: [
    conversation('m1', {
      contactId: 'k1',
      openedAt: may6('09:00'),
      closedAt: may6('10:00'),
      closedSource: 'contact_merged',
      closedByUserId: 'u1',
      closedByTeamId: 't1',
    }),
    conversation('d1', {
      openedAt: may6('09:30'),
      closedAt: may6('10:30'),
      closedSource: 'contact_deleted',
      closedByUserId: 'u1',
      closedByTeamId: 't1',
    }),
    conversation('b1', { openedAt: may6('11:00'), closedAt: may6('12:00'), closedSource: 'blocked', closedByUserId: 'u2', closedByTeamId: 't2' }),
    conversation('u1c', { contactId: 'k1', openedAt: may6('11:00'), closedAt: may6('13:00'), closedByUserId: 'u1', closedByTeamId: 't1' }),
  ],
  assignments: [assignment('b-a1', 'b1', may6('10:59'), 'u2')],
  messages: [
    // responses in the merged conversation must not reach u1's leaderboard entry
    incoming('m1-in', 'm1', may6('09:00'), { contactId: 'k1' }),
    reply('m1-re', 'm1', may6('09:10'), 'u1', { contactId: 'k1' }),
    incoming('b1-in', 'b1', may6('11:00')),
    reply('b1-re', 'b1', may6('11:05'), 'u2'),
  ],
  csat: [csat('s-m1', 'm1', may6('12:30'), 5)],
});
const snapshot = once(() => report(ws, args('2024-05-06')));

describe('merge and deletion closures', () => {
  it('count as opened, never as closed', () => {
    // opened: m1, d1, b1, u1c = 4; counted closed: b1, u1c = 2
    expect(snapshot().conversations.overview).toStrictEqual({ opened: 4, closed: 2 });
    expect(snapshot().conversations.openedVsClosed).toStrictEqual([{ date: '2024-05-06', opened: 4, closed: 2 }]);
  });

  it('are absent from the closed heatmap, closed groups and the list', () => {
    // b1 closed 12:00 (h12), u1c 13:00 (h13); m1 (10:00) and d1 (10:30) not counted
    expect(snapshot().conversations.closedHeatmap).toStrictEqual(
      heatmap([
        [0, 12, 1],
        [0, 13, 1],
      ]),
    );
    expect(snapshot().conversations.closedBySource).toStrictEqual([group('blocked', 1, 50), group('user', 1, 50)]);
    // b1 new; u1c returning (m1 of the same contact k1 opened earlier, merge closure or not)
    expect(snapshot().conversations.closedByContactType).toStrictEqual([group('new', 1, 50), group('returning', 1, 50)]);
    expect(snapshot().conversations.list.map((row) => row.conversationId)).toStrictEqual(['u1c', 'b1']);
  });

  it('still make a later conversation of the contact returning', () => {
    // new: m1, d1, b1 = 3; returning: u1c = 1 -> 75.0 / 25.0
    expect(snapshot().conversations.openedByContactType).toStrictEqual([group('new', 3, 75), group('returning', 1, 25)]);
  });

  it('are in no leaderboard entry and no user-performance row', () => {
    // u1 closed only u1c (2 h = 7,200,000, no responses); t1 likewise; t2 closed b1 (1 h, one response 300,000)
    const u1Entry = { id: 'u1', conversations: 1, responseTime: noAgg, resolutionTime: agg1(7200000) };
    const t1Entry = { id: 't1', conversations: 1, responseTime: noAgg, resolutionTime: agg1(7200000) };
    const t2Entry = { id: 't2', conversations: 1, responseTime: agg1(300000), resolutionTime: agg1(3600000) };
    expect(snapshot().leaderboard).toStrictEqual({
      byUser: { responseTime: [], resolutionTime: [u1Entry] },
      byTeam: { responseTime: [t2Entry], resolutionTime: [t2Entry, t1Entry] },
    });
    expect(snapshot().userPerformance).toStrictEqual([
      {
        userId: 'u1',
        conversationsClosed: 1,
        messagesSent: 0,
        responses: 0,
        firstResponseTime: noAgg,
        responseTime: noAgg,
        resolutionTime: agg1(7200000),
        assignments: 0,
      },
    ]);
  });

  it('keep their CSAT responses and match filters on their stored facts (D20)', () => {
    // no filter: s-m1 counts (score 5)
    expect(snapshot().csat).toStrictEqual({ responses: 1, average: 5, distribution: [0, 0, 0, 0, 1], csatPercent: 100 });
    // closedSource=contact_merged: no counted-closed conversation matches, but the rated m1 does
    const merged = report(ws, args('2024-05-06', '2024-05-06', 'UTC', { closedSource: ['contact_merged'] }));
    expect(merged.conversations.overview.closed).toBe(0);
    expect(merged.conversations.list).toStrictEqual([]);
    expect(merged.csat.responses).toBe(1);
    // closedByTeam=t1: the list has u1c only, CSAT still has m1's response
    const teamT1 = report(ws, args('2024-05-06', '2024-05-06', 'UTC', { closedByTeam: ['t1'] }));
    expect(teamT1.conversations.list.map((row) => row.conversationId)).toStrictEqual(['u1c']);
    expect(teamT1.csat.responses).toBe(1);
  });
});

describe('blocked closures', () => {
  it('have closedByUserId null in the row while the team is kept; D15 equality counts', () => {
    // b-a1 at 10:59 < opened 11:00 -> first = last = 11:00 (clamped), TTFA null
    // response b1-re 11:05 - b1-in 11:00 = 300,000 = FRT = FA2FR (11:05 - 11:00)
    // LA2R: b1-re by u2 (last assignee) answers b1-in at 11:00 >= lastAssignmentAt 11:00 -> 11:05 - 11:00 = 300,000
    // resolution = FA2C = LA2C = 12:00 - 11:00 = 3,600,000
    expect(snapshot().conversations.list[1]).toStrictEqual({
      closedAt: may6('12:00'),
      closedSource: 'blocked',
      closedByUserId: null,
      closedByTeamId: 't2',
      openedAt: may6('11:00'),
      openedSource: 'contact',
      openedChannelId: 'ch1',
      conversationId: 'b1',
      contactId: 'k-b1',
      contactName: null,
      firstAssignmentAt: may6('11:00'),
      firstAssigneeId: 'u2',
      firstResponseAt: may6('11:05'),
      firstResponseById: 'u2',
      lastAssignmentAt: may6('11:00'),
      lastAssigneeId: 'u2',
      timeToFirstAssignmentMs: null,
      firstResponseTimeMs: 300000,
      firstAssignmentToFirstResponseMs: 300000,
      lastAssignmentToResponseMs: 300000,
      resolutionTimeMs: 3600000,
      firstAssignmentToCloseMs: 3600000,
      lastAssignmentToCloseMs: 3600000,
      averageResponseTimeMs: 300000,
      assignments: 1,
      incomingMessages: 1,
      outgoingMessages: 1,
      responses: 1,
      category: null,
      summary: null,
      contactType: 'new',
    });
  });

  it('match closedByUser="" and not the stored closing user', () => {
    const none = report(ws, args('2024-05-06', '2024-05-06', 'UTC', { closedByUser: [''] }));
    expect(none.conversations.list.map((row) => row.conversationId)).toStrictEqual(['b1']);
    const u2 = report(ws, args('2024-05-06', '2024-05-06', 'UTC', { closedByUser: ['u2'] }));
    expect(u2.conversations.overview.closed).toBe(0);
    expect(u2.userPerformance).toStrictEqual([]);
    const t2 = report(ws, args('2024-05-06', '2024-05-06', 'UTC', { closedByTeam: ['t2'] }));
    expect(t2.conversations.list.map((row) => row.conversationId)).toStrictEqual(['b1']);
  });
});
