// Leaderboard and user performance (snapshot.md §5 Entry/Perf, D17, D18), Agg rounding and nearest
// rank (§3, D19, D35), list order (§5). UTC, 2024-05-06 (Monday).

import { describe, expect, it } from 'vitest';
import { snapshotOfWorkspace } from '../index.js';
import type { Message } from '@parley/model';
import {
  agg,
  agg1,
  args,
  assignment,
  conversation,
  incoming,
  may6,
  noAgg,
  once,
  reply,
  user,
  workspace,
  type SnapshotOfWorkspace,
} from './workspace-builder.js';

const report: SnapshotOfWorkspace = snapshotOfWorkspace;

describe('leaderboard and user performance over six closings', () => {
  // L1 u1/t1 09:00-10:00 (3,600,000): responses u1 120,000 (09:02), u2 180,000 (09:13), u1 600,000 (09:30);
  //    u1 also sends 09:31 with nothing pending (sent, not a response); 1 assignment
  // L2 u1/t1 09:00-09:30 (1,800,000): response u1 300,000 (09:05); 2 assignments
  // L3 u2/t2 10:00-10:15 (900,000): response u1 60,001 (10:01:00.001)
  // L4 u3/no team 11:00-13:00 (7,200,000): no messages
  // L5 bot (no user)/t2 11:00-11:10 (600,000): response u3 240,000 (11:04)
  // L6 'ghost' (not in users)/t1 12:00-12:15 (900,000): response ghost 450,000 (12:07:30)
  const ws = workspace({
    users: [user('u1'), user('u2'), user('u3')],
    conversations: [
      conversation('L1', { openedAt: may6('09:00'), closedAt: may6('10:00'), closedByUserId: 'u1', closedByTeamId: 't1' }),
      conversation('L2', { openedAt: may6('09:00'), closedAt: may6('09:30'), closedByUserId: 'u1', closedByTeamId: 't1' }),
      conversation('L3', { openedAt: may6('10:00'), closedAt: may6('10:15'), closedByUserId: 'u2', closedByTeamId: 't2' }),
      conversation('L4', { openedAt: may6('11:00'), closedAt: may6('13:00'), closedByUserId: 'u3' }),
      conversation('L5', { openedAt: may6('11:00'), closedAt: may6('11:10'), closedSource: 'bot', closedByTeamId: 't2' }),
      conversation('L6', { openedAt: may6('12:00'), closedAt: may6('12:15'), closedByUserId: 'ghost', closedByTeamId: 't1' }),
    ],
    assignments: [
      assignment('L1-a', 'L1', may6('09:01'), 'u1'),
      assignment('L2-a', 'L2', may6('09:00'), 'u2'),
      assignment('L2-b', 'L2', may6('09:03'), 'u1'),
    ],
    messages: [
      incoming('L1-1', 'L1', may6('09:00')),
      reply('L1-2', 'L1', may6('09:02'), 'u1'),
      incoming('L1-3', 'L1', may6('09:10')),
      reply('L1-4', 'L1', may6('09:13'), 'u2'),
      incoming('L1-5', 'L1', may6('09:20')),
      reply('L1-6', 'L1', may6('09:30'), 'u1'),
      reply('L1-7', 'L1', may6('09:31'), 'u1'),
      incoming('L2-1', 'L2', may6('09:00')),
      reply('L2-2', 'L2', may6('09:05'), 'u1'),
      incoming('L3-1', 'L3', may6('10:00')),
      reply('L3-2', 'L3', may6('10:01:00') + 1, 'u1'),
      incoming('L5-1', 'L5', may6('11:00')),
      reply('L5-2', 'L5', may6('11:04'), 'u3'),
      incoming('L6-1', 'L6', may6('12:00')),
      reply('L6-2', 'L6', may6('12:07:30'), 'ghost'),
    ],
  });
  const snapshot = once(() => report(ws, args('2024-05-06')));

  // u1: its own responses in L1, L2: 120,000, 600,000, 300,000 -> sorted 120k, 300k, 600k; 1,020,000 / 3 = 340,000;
  //     median rank ceil(1.5) = 2 -> 300,000; p90 rank ceil(2.7) = 3 -> 600,000
  //     resolution 3,600,000, 1,800,000 -> mean 2,700,000; rank 1 -> 1,800,000; rank ceil(1.8) = 2 -> 3,600,000
  const u1 = { id: 'u1', conversations: 2, responseTime: agg(3, 340000, 300000, 600000), resolutionTime: agg(2, 2700000, 1800000, 3600000) };
  // u2 closed L3, where only u1 answered -> no response time; u2's reply in L1 is not in a conversation u2 closed
  const u2 = { id: 'u2', conversations: 1, responseTime: noAgg, resolutionTime: agg1(900000) };
  const u3 = { id: 'u3', conversations: 1, responseTime: noAgg, resolutionTime: agg1(7200000) };
  const ghost = { id: 'ghost', conversations: 1, responseTime: agg1(450000), resolutionTime: agg1(900000) };
  // t1: L1, L2, L6, every response: 120k, 180k, 600k, 300k, 450k -> sorted 120k 180k 300k 450k 600k; 1,650,000 / 5 = 330,000;
  //     median rank ceil(2.5) = 3 -> 300,000; p90 rank ceil(4.5) = 5 -> 600,000
  //     resolution 3.6M, 1.8M, 0.9M -> sorted 0.9M 1.8M 3.6M; 6,300,000 / 3 = 2,100,000; rank 2 -> 1.8M; rank ceil(2.7) = 3 -> 3.6M
  const t1 = { id: 't1', conversations: 3, responseTime: agg(5, 330000, 300000, 600000), resolutionTime: agg(3, 2100000, 1800000, 3600000) };
  // t2: L3, L5: 60,001 and 240,000 -> 300,001 / 2 = 150,000.5 -> 150,001 (half away from zero); rank 1 -> 60,001; rank 2 -> 240,000
  //     resolution 900,000, 600,000 -> mean 750,000; rank 1 -> 600,000; rank 2 -> 900,000
  const t2 = { id: 't2', conversations: 2, responseTime: agg(2, 150001, 60001, 240000), resolutionTime: agg(2, 750000, 600000, 900000) };

  it('byUser: user response time over the responses that user sent in the conversations it closed (D17)', () => {
    // responseTime list: entries with responses, mean asc: u1 340,000, ghost 450,000
    // resolutionTime list: ghost 900,000 and u2 900,000 tie -> id asc ('ghost' < 'u2'); u1 2,700,000; u3 7,200,000
    expect(snapshot().leaderboard.byUser).toStrictEqual({
      responseTime: [u1, ghost],
      resolutionTime: [ghost, u2, u1, u3],
    });
  });

  it('byTeam: team response time over every response in the conversations it closed; no team -> no entry', () => {
    // L4 has no team; L5 (bot closure) still belongs to t2
    expect(snapshot().leaderboard.byTeam).toStrictEqual({
      responseTime: [t2, t1],
      resolutionTime: [t2, t1],
    });
  });

  it('userPerformance: one row per closing user sorted by id, deleted or unknown ids included (D18)', () => {
    expect(snapshot().userPerformance).toStrictEqual([
      {
        userId: 'ghost',
        conversationsClosed: 1,
        messagesSent: 1,
        responses: 1,
        // L6 FRT = 12:07:30 - 12:00 = 450,000
        firstResponseTime: agg1(450000),
        responseTime: agg1(450000),
        resolutionTime: agg1(900000),
        assignments: 0,
      },
      {
        userId: 'u1',
        conversationsClosed: 2,
        // u1's user messages in L1 (L1-2, L1-6, L1-7) and L2 (L2-2) = 4, one of them not a response
        messagesSent: 4,
        responses: 3,
        // FRT L1 = 09:02 - 09:00 = 120,000; L2 = 09:05 - 09:00 = 300,000 -> mean 210,000; rank 1 -> 120,000; rank 2 -> 300,000
        firstResponseTime: agg(2, 210000, 120000, 300000),
        responseTime: agg(3, 340000, 300000, 600000),
        resolutionTime: agg(2, 2700000, 1800000, 3600000),
        // L1 1 + L2 2
        assignments: 3,
      },
      {
        userId: 'u2',
        conversationsClosed: 1,
        messagesSent: 0,
        responses: 0,
        // L3 FRT = 10:01:00.001 - 10:00 = 60,001, whoever answered
        firstResponseTime: agg1(60001),
        responseTime: noAgg,
        resolutionTime: agg1(900000),
        assignments: 0,
      },
      {
        userId: 'u3',
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

  it('durations.responseTime takes every response of the listed conversations', () => {
    // 60,001 120,000 180,000 240,000 300,000 450,000 600,000: sum 1,950,001 / 7 = 278,571.57 -> 278,572
    // median rank ceil(3.5) = 4 -> 240,000; p90 rank ceil(6.3) = 7 -> 600,000
    expect(snapshot().conversations.durations.responseTime).toStrictEqual(agg(7, 278572, 240000, 600000));
  });

  it('the closedByTeam filter restricts both lists', () => {
    const onlyT2 = report(ws, args('2024-05-06', '2024-05-06', 'UTC', { closedByTeam: ['t2'] }));
    // t2 closed L3 (u2) and L5 (bot)
    expect(onlyT2.leaderboard).toStrictEqual({
      byUser: { responseTime: [], resolutionTime: [u2] },
      byTeam: { responseTime: [t2], resolutionTime: [t2] },
    });
    expect(onlyT2.userPerformance.map((row) => row.userId)).toStrictEqual(['u2']);
  });
});

describe('Agg: nearest rank and rounding', () => {
  it('median and p90 are nearest-rank values, not interpolated (n = 10)', () => {
    // ten exchanges: incoming at 10:0k, reply k seconds later -> response times 1,000 .. 10,000
    const messages: Message[] = [];
    for (let k = 1; k <= 10; k++) {
      const asked = may6('10:00') + (k - 1) * 60000;
      messages.push(incoming(`q${k}`, 'P', asked), reply(`a${k}`, 'P', asked + k * 1000, 'u1'));
    }
    const ws = workspace({
      conversations: [conversation('P', { openedAt: may6('10:00'), closedAt: may6('11:00'), closedByUserId: 'u1' })],
      messages,
    });
    const snapshot = report(ws, args('2024-05-06'));
    // sum 55,000 / 10 = 5,500; median rank ceil(5) = 5 -> 5,000 (interpolation would give 5,500);
    // p90 rank ceil(9) = 9 -> 9,000 (interpolation would give 9,100)
    expect(snapshot.conversations.durations.responseTime).toStrictEqual(agg(10, 5500, 5000, 9000));
    expect(snapshot.conversations.list[0].averageResponseTimeMs).toBe(5500);
    expect(snapshot.leaderboard.byUser.responseTime[0].responseTime).toStrictEqual(agg(10, 5500, 5000, 9000));
  });

  it('a negative mean rounds half away from zero: mean of -1 and -2 is -2 (D35)', () => {
    // replies before openedAt (inconsistent data) give negative first response times
    const ws = workspace({
      conversations: [
        conversation('N1', { openedAt: may6('10:00'), closedAt: may6('10:10'), closedByUserId: 'u1' }),
        conversation('N2', { openedAt: may6('10:00'), closedAt: may6('10:10'), closedByUserId: 'u1' }),
      ],
      messages: [
        incoming('N1-in', 'N1', may6('09:59')),
        reply('N1-re', 'N1', may6('10:00') - 1, 'u1'),
        incoming('N2-in', 'N2', may6('09:59')),
        reply('N2-re', 'N2', may6('10:00') - 2, 'u1'),
      ],
    });
    const snapshot = report(ws, args('2024-05-06'));
    // FRT: N1 -1, N2 -2 (reported as computed); list order id asc at equal closedAt
    expect(snapshot.conversations.list.map((row) => [row.conversationId, row.firstResponseTimeMs])).toStrictEqual([
      ['N1', -1],
      ['N2', -2],
    ]);
    // mean (-1 + -2) / 2 = -1.5 -> -2 (Math.round would give -1); sorted -2, -1: rank 1 -> -2, rank 2 -> -1
    expect(snapshot.conversations.durations.firstResponseTime).toStrictEqual(agg(2, -2, -2, -1));
    expect(snapshot.userPerformance[0].firstResponseTime).toStrictEqual(agg(2, -2, -2, -1));
    // response times: N1 10:00 - 1 ms - 09:59 = 59,999; N2 59,998 -> 119,997 / 2 = 59,998.5 -> 59,999; rank 1 59,998; rank 2 59,999
    expect(snapshot.conversations.durations.responseTime).toStrictEqual(agg(2, 59999, 59998, 59999));
  });
});

describe('negative resolution times (D35)', () => {
  it('are reported as computed and averaged half away from zero', () => {
    // closedAt before openedAt (inconsistent data): R1 -1 ms, R2 -2 ms
    const ws = workspace({
      conversations: [
        conversation('R1', { openedAt: may6('10:00') + 1, closedAt: may6('10:00'), closedByUserId: 'u1' }),
        conversation('R2', { openedAt: may6('10:00') + 2, closedAt: may6('10:00'), closedByUserId: 'u1' }),
      ],
    });
    const snapshot = report(ws, args('2024-05-06'));
    expect(snapshot.conversations.list.map((row) => [row.conversationId, row.resolutionTimeMs])).toStrictEqual([
      ['R1', -1],
      ['R2', -2],
    ]);
    // (-1 + -2) / 2 = -1.5 -> -2; sorted -2, -1: median rank 1 -> -2; p90 rank 2 -> -1
    expect(snapshot.conversations.durations.resolutionTime).toStrictEqual(agg(2, -2, -2, -1));
    expect(snapshot.leaderboard.byUser.resolutionTime).toStrictEqual([
      { id: 'u1', conversations: 2, responseTime: noAgg, resolutionTime: agg(2, -2, -2, -1) },
    ]);
  });
});

describe('conversation list order', () => {
  it('sorts by closedAt desc, then conversation id in UTF-16 order', () => {
    const ws = workspace({
      conversations: [
        conversation('c9', { openedAt: may6('10:00'), closedAt: may6('11:00') }),
        conversation('b', { openedAt: may6('10:00'), closedAt: may6('11:00') }),
        conversation('z', { openedAt: may6('10:00'), closedAt: may6('11:00:00') + 1 }),
        conversation('a', { openedAt: may6('10:00'), closedAt: may6('11:00') }),
        conversation('c10', { openedAt: may6('10:00'), closedAt: may6('11:00') }),
        conversation('B', { openedAt: may6('10:00'), closedAt: may6('11:00') }),
      ],
    });
    // z closed 1 ms later comes first; then 'B' (0x42) < 'a' < 'b' < 'c10' < 'c9' ('1' < '9')
    expect(report(ws, args('2024-05-06')).conversations.list.map((row) => row.conversationId)).toStrictEqual([
      'z',
      'B',
      'a',
      'b',
      'c10',
      'c9',
    ]);
  });
});
