// Responses (metrics.md "response", snapshot.md §6, D10, D11): only `out` + senderType `user` with a
// non-empty pending list is a response, measured from the earliest pending incoming message; every
// other sender neither responds nor clears pending; status is ignored; messages before openedAt and
// after closedAt count. UTC, 2024-05-06 (Monday).

import { describe, expect, it } from 'vitest';
import { snapshotOfWorkspace } from '../index.js';
import {
  agg,
  args,
  conversation,
  group,
  incoming,
  may6,
  once,
  outgoing,
  reply,
  workspace,
  type SnapshotOfWorkspace,
} from './workspace-builder.js';

const report: SnapshotOfWorkspace = snapshotOfWorkspace;

describe('responses with every kind of sender', () => {
  const ws = workspace({
    conversations: [
      conversation('r1', { openedAt: may6('10:00'), closedAt: may6('11:00'), closedByUserId: 'u1' }),
      conversation('r2', { openedAt: may6('10:00'), closedAt: may6('10:30'), closedByUserId: 'u1' }),
      conversation('r3', { openedAt: may6('10:00'), closedAt: may6('10:30'), closedSource: 'bot' }),
    ],
    messages: [
      // r1
      incoming('m01', 'r1', may6('09:58')), // before openedAt: starts the clock (D11)
      outgoing('m02', 'r1', may6('10:00'), 'bot'),
      outgoing('m03', 'r1', may6('10:01'), 'workflow'),
      outgoing('m04', 'r1', may6('10:02'), 'broadcast'),
      outgoing('m05', 'r1', may6('10:03'), 'api'),
      outgoing('m06', 'r1', may6('10:04'), 'zapier'),
      outgoing('m07', 'r1', may6('10:05'), 'make'),
      outgoing('m08', 'r1', may6('10:06'), 'echo'),
      incoming('m09', 'r1', may6('10:07')),
      reply('m10', 'r1', may6('10:10'), 'u1', { status: 'failed' }), // response: 10:10 - 09:58 = 720,000
      reply('m11', 'r1', may6('10:11'), 'u1'), // nothing pending: not a response
      incoming('m12', 'r1', may6('10:20')),
      incoming('m13', 'r1', may6('10:25')),
      reply('m14', 'r1', may6('10:30'), 'u2'), // response: 10:30 - 10:20 = 600,000 (answers m12, m13)
      incoming('m15', 'r1', may6('11:10')), // after closedAt
      reply('m16', 'r1', may6('11:15'), 'u1'), // response after closing: 300,000
      // r2: same instant, (at, id) order -> n1 (reply, nothing pending) before n2 (incoming)
      incoming('n2', 'r2', may6('10:00')),
      reply('n1', 'r2', may6('10:00'), 'u1'),
      reply('n3', 'r2', may6('10:05'), 'u1'), // response: 10:05 - 10:00 = 300,000
      // r3: only automated answers
      incoming('o1', 'r3', may6('10:00')),
      outgoing('o2', 'r3', may6('10:01'), 'bot'),
      outgoing('o3', 'r3', may6('10:02'), 'workflow'),
    ],
  });
  const snapshot = once(() => report(ws, args('2024-05-06')));
  const rowOf = (id: string) => snapshot().conversations.list.find((row) => row.conversationId === id);

  it('bot, workflow, broadcast, api, zapier, make and echo messages never respond nor clear pending; failed user messages respond', () => {
    // responses: m10 720,000 (from m01, the first unanswered, not m09), m14 600,000, m16 300,000
    // average (720,000 + 600,000 + 300,000) / 3 = 1,620,000 / 3 = 540,000
    // FRT = m10 10:10 - opened 10:00 = 600,000 by u1
    // incoming: m01, m09, m12, m13, m15 = 5; outgoing without broadcast: m02 m03 m05 m06 m07 m08 m10 m11 m14 m16 = 10
    expect(rowOf('r1')).toStrictEqual({
      closedAt: may6('11:00'),
      closedSource: 'user',
      closedByUserId: 'u1',
      closedByTeamId: null,
      openedAt: may6('10:00'),
      openedSource: 'contact',
      openedChannelId: 'ch1',
      conversationId: 'r1',
      contactId: 'k-r1',
      contactName: null,
      firstAssignmentAt: null,
      firstAssigneeId: null,
      firstResponseAt: may6('10:10'),
      firstResponseById: 'u1',
      lastAssignmentAt: null,
      lastAssigneeId: null,
      timeToFirstAssignmentMs: null,
      firstResponseTimeMs: 600000,
      firstAssignmentToFirstResponseMs: null,
      lastAssignmentToResponseMs: null,
      resolutionTimeMs: 3600000,
      firstAssignmentToCloseMs: null,
      lastAssignmentToCloseMs: null,
      averageResponseTimeMs: 540000,
      assignments: 0,
      incomingMessages: 5,
      outgoingMessages: 10,
      responses: 3,
      category: null,
      summary: null,
      contactType: 'new',
    });
  });

  it('messages at the same instant are ordered by id', () => {
    // n1 (reply, nothing pending) then n2 (incoming) then n3 (response 300,000): 1 response, 1 in, 2 out
    const row = rowOf('r2');
    expect(row && [row.responses, row.incomingMessages, row.outgoingMessages, row.averageResponseTimeMs]).toStrictEqual([1, 1, 2, 300000]);
    expect(row && [row.firstResponseAt, row.firstResponseById, row.firstResponseTimeMs]).toStrictEqual([may6('10:05'), 'u1', 300000]);
  });

  it('a conversation answered only by automation has no response', () => {
    const row = rowOf('r3');
    expect(row && [row.responses, row.incomingMessages, row.outgoingMessages]).toStrictEqual([0, 1, 2]);
    expect(row && [row.firstResponseAt, row.firstResponseById, row.firstResponseTimeMs, row.averageResponseTimeMs]).toStrictEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('durations.responseTime is response-weighted over every listed conversation', () => {
    // r1: 720,000, 600,000, 300,000; r2: 300,000 -> sorted 300k, 300k, 600k, 720k
    // mean 1,920,000 / 4 = 480,000; median rank ceil(2) = 2 -> 300,000; p90 rank ceil(3.6) = 4 -> 720,000
    expect(snapshot().conversations.durations.responseTime).toStrictEqual(agg(4, 480000, 300000, 720000));
    // FRT: r1 600,000, r2 300,000 -> mean 450,000; rank 1 -> 300,000; rank 2 -> 600,000
    expect(snapshot().conversations.durations.firstResponseTime).toStrictEqual(agg(2, 450000, 300000, 600000));
  });

  it('the messages report counts every sender, broadcasts included in outgoingBySource', () => {
    // total: r1 16 + r2 3 + r3 3 = 22; incoming: r1 5 + r2 1 + r3 1 = 7, all on ch1
    // outgoing: user 6 (m10 m11 m14 m16 n1 n3), bot 2 (m02 o2), workflow 2 (m03 o3), api/broadcast/echo/make/zapier 1 each = 15
    // tenths: 6000/15 = 400 r 0; 2000/15 = 133 r 5 (x2); 1000/15 = 66 r 10 (x5); sum 400 + 266 + 330 = 996
    // 4 left over -> the four first r-10 groups in order (api, broadcast, echo, make); zapier keeps 66
    expect(snapshot().messages).toStrictEqual({
      total: 22,
      incomingByChannel: [group('ch1', 7, 100)],
      outgoingBySource: [
        group('user', 6, 40),
        group('bot', 2, 13.3),
        group('workflow', 2, 13.3),
        group('api', 1, 6.7),
        group('broadcast', 1, 6.7),
        group('echo', 1, 6.7),
        group('make', 1, 6.7),
        group('zapier', 1, 6.6),
      ],
    });
  });

  it('firstResponseBy filters on the first response user', () => {
    const byU1 = report(ws, args('2024-05-06', '2024-05-06', 'UTC', { firstResponseBy: ['u1'] }));
    // r1 (m10 by u1), r2 (n3 by u1); r3 has none -> closedAt desc: r1 11:00, r2 10:30
    expect(byU1.conversations.list.map((row) => row.conversationId)).toStrictEqual(['r1', 'r2']);
    const byNone = report(ws, args('2024-05-06', '2024-05-06', 'UTC', { firstResponseBy: [''] }));
    expect(byNone.conversations.list.map((row) => row.conversationId)).toStrictEqual(['r3']);
  });
});
