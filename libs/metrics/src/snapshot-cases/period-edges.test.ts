// The period is the half-open range [startMs, endMs) (snapshot.md §1): a record exactly at startMs is
// in, one exactly at endMs is out, one 1 ms before startMs is out — for every family.
// UTC; 2024-05-06 is a Monday (weekday 0). startMs = 2024-05-06T00:00Z = 1714953600000,
// endMs = 2024-05-07T00:00Z = 1715040000000.

import { describe, expect, it } from 'vitest';
import { snapshotOfWorkspace } from '../index.js';
import {
  args,
  contactEvent,
  conversation,
  csat,
  group,
  heatmap,
  incoming,
  message,
  once,
  workspace,
  type SnapshotOfWorkspace,
} from './workspace-builder.js';

const report: SnapshotOfWorkspace = snapshotOfWorkspace;

const START = '2024-05-06T00:00:00Z';
const END = '2024-05-07T00:00:00Z';
const BEFORE_START = '2024-05-05T23:59:59.999Z';
const BEFORE_END = '2024-05-06T23:59:59.999Z';

const ws = workspace({
  conversations: [
    conversation('e-start', { openedAt: START, closedAt: BEFORE_END }),
    conversation('e-end', { openedAt: END }),
    conversation('e-before', { openedAt: BEFORE_START, closedAt: START }),
    conversation('e-closeend', { openedAt: '2024-05-06T12:00:00Z', closedAt: END }),
    conversation('e-closebefore', { openedAt: '2024-05-05T10:00:00Z', closedAt: BEFORE_START }),
  ],
  // messages without a conversation, so only the messages family sees them
  messages: [
    incoming('m-start', 'x', START, { conversationId: null, contactId: 'k1' }),
    incoming('m-end', 'x', END, { conversationId: null, contactId: 'k1' }),
    incoming('m-before', 'x', BEFORE_START, { conversationId: null, contactId: 'k1' }),
    message('m-last', { conversationId: null, contactId: 'k1', at: BEFORE_END, senderType: 'bot' }),
  ],
  contactEvents: [
    contactEvent('ev-start', { contactId: 'k1', type: 'added', at: START, source: 'user' }),
    contactEvent('ev-end', { contactId: 'k2', type: 'added', at: END, source: 'user' }),
    contactEvent('ev-before', { contactId: 'k3', type: 'added', at: BEFORE_START, source: 'user' }),
    contactEvent('ev-last', { contactId: 'k3', type: 'deleted', at: BEFORE_END, source: 'user' }),
  ],
  csat: [
    csat('s-start', 'e-start', START, 5),
    csat('s-end', 'e-start', END, 1),
    csat('s-before', 'e-start', BEFORE_START, 1),
    csat('s-last', 'e-start', BEFORE_END, 4),
  ],
});

describe('one day: records at the edges', () => {
  const snapshot = once(() => report(ws, args('2024-05-06')));

  it('the period is [local midnight, next local midnight)', () => {
    expect(snapshot().period).toStrictEqual({
      from: '2024-05-06',
      to: '2024-05-06',
      timeZone: 'UTC',
      startMs: 1714953600000,
      endMs: 1715040000000,
    });
  });

  it('openedAt = startMs is in, openedAt = endMs and startMs - 1 are out', () => {
    // opened in: e-start (00:00, h0), e-closeend (12:00, h12); out: e-end (= end), e-before (start - 1), e-closebefore
    expect(snapshot().conversations.overview.opened).toBe(2);
    expect(snapshot().conversations.openedHeatmap).toStrictEqual(
      heatmap([
        [0, 0, 1],
        [0, 12, 1],
      ]),
    );
  });

  it('closedAt = startMs and endMs - 1 are in, closedAt = endMs and startMs - 1 are out', () => {
    // closed in: e-before (closed at start, h0), e-start (closed 23:59:59.999, h23)
    // out: e-closeend (closed at end), e-closebefore (closed start - 1)
    expect(snapshot().conversations.overview.closed).toBe(2);
    expect(snapshot().conversations.closedHeatmap).toStrictEqual(
      heatmap([
        [0, 0, 1],
        [0, 23, 1],
      ]),
    );
    // closedAt desc: e-start (23:59:59.999) then e-before (00:00)
    expect(snapshot().conversations.list.map((row) => row.conversationId)).toStrictEqual(['e-start', 'e-before']);
  });

  it('messages at startMs and endMs - 1 count, at endMs and startMs - 1 do not', () => {
    // in: m-start (in, ch1), m-last (bot, out); out: m-end, m-before -> total 2
    expect(snapshot().messages).toStrictEqual({
      total: 2,
      incomingByChannel: [group('ch1', 1, 100)],
      outgoingBySource: [group('bot', 1, 100)],
    });
  });

  it('contact events at startMs and endMs - 1 count, at endMs and startMs - 1 do not', () => {
    // added: ev-start only (ev-end at end, ev-before at start - 1); deleted: ev-last (end - 1)
    expect(snapshot().contacts).toStrictEqual({
      added: 1,
      deleted: 1,
      merged: 0,
      addedBySource: [group('user', 1, 100)],
      connectedByChannel: [],
      connectedBySource: [],
    });
  });

  it('CSAT responses at startMs and endMs - 1 count, at endMs and startMs - 1 do not', () => {
    // in: s-start 5, s-last 4 -> average (5 + 4) / 2 = 4.5; 4-5 scores 2 of 2 -> 100
    expect(snapshot().csat).toStrictEqual({ responses: 2, average: 4.5, distribution: [0, 0, 0, 1, 1], csatPercent: 100 });
  });
});

describe('three days: from and to are both inclusive', () => {
  const snapshot = once(() => report(ws, args('2024-05-05', '2024-05-07')));

  it('the period runs from 05-05 00:00 to 05-08 00:00', () => {
    // 1714953600000 - 86,400,000 = 1714867200000; 1715040000000 + 86,400,000 = 1715126400000
    expect(snapshot().period.startMs).toBe(1714867200000);
    expect(snapshot().period.endMs).toBe(1715126400000);
  });

  it('openedVsClosed has a row per date, each series by its own timestamp', () => {
    // 05-05 opened: e-before (23:59:59.999), e-closebefore (10:00); closed: e-closebefore (23:59:59.999)
    // 05-06 opened: e-start, e-closeend; closed: e-start, e-before
    // 05-07 opened: e-end (00:00); closed: e-closeend (00:00)
    expect(snapshot().conversations.openedVsClosed).toStrictEqual([
      { date: '2024-05-05', opened: 2, closed: 1 },
      { date: '2024-05-06', opened: 2, closed: 2 },
      { date: '2024-05-07', opened: 1, closed: 1 },
    ]);
    expect(snapshot().conversations.overview).toStrictEqual({ opened: 5, closed: 4 });
  });

  it('messages, contact events and CSAT of the whole range count', () => {
    // all four messages are in [05-05 00:00, 05-08 00:00)
    expect(snapshot().messages.total).toBe(4);
    // added: ev-start, ev-end, ev-before = 3; deleted: ev-last = 1
    expect(snapshot().contacts.added).toBe(3);
    expect(snapshot().contacts.deleted).toBe(1);
    // scores 5, 1, 1, 4: sum 11 / 4 = 2.75; 4-5: 2 of 4 = 50
    expect(snapshot().csat).toStrictEqual({ responses: 4, average: 2.75, distribution: [2, 0, 0, 1, 1], csatPercent: 50 });
  });
});

it('a period with no activity keeps its zero day in openedVsClosed (D34)', () => {
  const snapshot = report(ws, args('2024-06-01'));
  expect(snapshot.conversations.openedVsClosed).toStrictEqual([{ date: '2024-06-01', opened: 0, closed: 0 }]);
  expect(snapshot.conversations.openedHeatmap).toStrictEqual(heatmap([]));
  expect(snapshot.conversations.closedHeatmap).toStrictEqual(heatmap([]));
});

it('instants before 1970 bucket like any other (negative epoch ms)', () => {
  // 1969-12-31 (a Wednesday, weekday 2: 1970-01-01 was a Thursday): start = -86,400,000, end = 0
  const before1970 = workspace({
    conversations: [
      // -1,800,000 = 1969-12-31T23:30Z -> Wednesday hour 23
      conversation('old', { openedAt: '1969-12-31T23:30:00Z', closedAt: '1969-12-31T23:45:00Z' }),
      // 0 = 1970-01-01T00:00Z: the end instant, out
      conversation('epoch', { openedAt: 0 }),
    ],
  });
  const snapshot = report(before1970, args('1969-12-31'));
  expect([snapshot.period.startMs, snapshot.period.endMs]).toStrictEqual([-86400000, 0]);
  expect(snapshot.conversations.openedHeatmap).toStrictEqual(heatmap([[2, 23, 1]]));
  expect(snapshot.conversations.closedHeatmap).toStrictEqual(heatmap([[2, 23, 1]]));
  // resolution 23:45 - 23:30 = 900,000
  expect(snapshot.conversations.list.map((row) => row.resolutionTimeMs)).toStrictEqual([900000]);
});
