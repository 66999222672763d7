// Contacts, Messages and CSAT reports (snapshot.md §5, D20-D22, D26). UTC, 2024-05-06 (Monday).

import { describe, expect, it } from 'vitest';
import { snapshotOfWorkspace } from '../index.js';
import type { CsatResponse } from '@parley/model';
import {
  args,
  contactEvent,
  conversation,
  csat,
  group,
  incoming,
  may6,
  ms,
  once,
  outgoing,
  reply,
  workspace,
  type SnapshotOfWorkspace,
} from './workspace-builder.js';

const report: SnapshotOfWorkspace = snapshotOfWorkspace;

describe('contacts', () => {
  const ws = workspace({
    contactEvents: [
      contactEvent('e1', { contactId: 'k1', type: 'added', at: may6('09:00'), source: 'incoming' }),
      contactEvent('e2', { contactId: 'k2', type: 'added', at: may6('09:10'), source: 'import' }),
      contactEvent('e3', { contactId: 'k3', type: 'added', at: may6('09:20'), source: null }),
      contactEvent('e4', { contactId: 'k4', type: 'added', at: '2024-05-05T23:00:00Z', source: 'incoming' }),
      contactEvent('e5', { contactId: 'k2', type: 'deleted', at: may6('10:00'), source: 'user', userId: 'u1' }),
      contactEvent('e6', { contactId: 'k1', type: 'merged', at: may6('10:30'), source: 'user', mergedFromIds: ['k5', 'k6'] }),
      // (k1, ch1): first connection on 05-01, so e8 never counts
      contactEvent('e7', { contactId: 'k1', type: 'connected', at: '2024-05-01T10:00:00Z', source: 'incoming', channelId: 'ch1' }),
      contactEvent('e8', { contactId: 'k1', type: 'connected', at: may6('11:00'), source: 'broadcast', channelId: 'ch1' }),
      // (k1, ch2): first connection, in the period
      contactEvent('e9', { contactId: 'k1', type: 'connected', at: may6('11:00'), source: 'api', channelId: 'ch2' }),
      // (k2, ch1): first connection, in the period
      contactEvent('e10', { contactId: 'k2', type: 'connected', at: may6('12:00'), source: 'incoming', channelId: 'ch1' }),
      // (k3, ch1): two at the same instant -> (at, id) order: ec-a (echo) first
      contactEvent('ec-b', { contactId: 'k3', type: 'connected', at: may6('13:00'), source: 'user', channelId: 'ch1' }),
      contactEvent('ec-a', { contactId: 'k3', type: 'connected', at: may6('13:00'), source: 'echo', channelId: 'ch1' }),
      // (k4, ch2): first connection exactly at the period end -> out of 05-06, in 05-07
      contactEvent('e12', { contactId: 'k4', type: 'connected', at: '2024-05-07T00:00:00Z', source: 'incoming', channelId: 'ch2' }),
      // a second `added` event for k1: counts are events, not contacts
      contactEvent('e13', { contactId: 'k1', type: 'added', at: may6('14:00'), source: 'user' }),
    ],
  });

  it('counts events in the period and connections by the first event of each (contact, channel) over all time', () => {
    const snapshot = report(ws, args('2024-05-06'));
    // added: e1 (incoming), e2 (import), e3 (null), e13 (user) = 4 (e4 is the day before); 1000/4 = 250 each
    // deleted: e5; merged: e6 (one event, whatever mergedFromIds holds)
    // connected: e9 (k1 ch2 api), e10 (k2 ch1 incoming), ec-a (k3 ch1 echo) = 3
    //   by channel: ch1 2, ch2 1 -> 2000/3 = 666 r 2, 1000/3 = 333 r 1 -> 66.7, 33.3
    //   by source: api, echo, incoming 1 each -> 33.4, 33.3, 33.3
    expect(snapshot.contacts).toStrictEqual({
      added: 4,
      deleted: 1,
      merged: 1,
      addedBySource: [group('import', 1, 25), group('incoming', 1, 25), group('user', 1, 25), group(null, 1, 25)],
      connectedByChannel: [group('ch1', 2, 66.7), group('ch2', 1, 33.3)],
      connectedBySource: [group('api', 1, 33.4), group('echo', 1, 33.3), group('incoming', 1, 33.3)],
    });
  });

  it('a first connection counts in its own period', () => {
    const may1 = report(ws, args('2024-05-01'));
    expect(may1.contacts.connectedByChannel).toStrictEqual([group('ch1', 1, 100)]);
    expect(may1.contacts.connectedBySource).toStrictEqual([group('incoming', 1, 100)]);
    const may7 = report(ws, args('2024-05-07'));
    expect(may7.contacts).toStrictEqual({
      added: 0,
      deleted: 0,
      merged: 0,
      addedBySource: [],
      connectedByChannel: [group('ch2', 1, 100)],
      connectedBySource: [group('incoming', 1, 100)],
    });
  });

  it('the contact filter matches the event contactId; a merge belongs to the surviving contact (D26)', () => {
    const k1 = report(ws, args('2024-05-06', '2024-05-06', 'UTC', { contact: ['k1'] }));
    // k1: added e1 (incoming), e13 (user); merged e6; connected e9 (ch2, api)
    expect(k1.contacts).toStrictEqual({
      added: 2,
      deleted: 0,
      merged: 1,
      addedBySource: [group('incoming', 1, 50), group('user', 1, 50)],
      connectedByChannel: [group('ch2', 1, 100)],
      connectedBySource: [group('api', 1, 100)],
    });
    const k5 = report(ws, args('2024-05-06', '2024-05-06', 'UTC', { contact: ['k5'] }));
    expect(k5.contacts).toStrictEqual({
      added: 0,
      deleted: 0,
      merged: 0,
      addedBySource: [],
      connectedByChannel: [],
      connectedBySource: [],
    });
  });
});

describe('messages', () => {
  const ws = workspace({
    conversations: [conversation('mc1', { openedAt: may6('09:00'), closedAt: may6('14:00'), closedByUserId: 'u1' })],
    messages: [
      incoming('a', 'mc1', may6('09:00')),
      reply('b', 'mc1', may6('09:05'), 'u1'),
      outgoing('c', 'mc1', may6('09:06'), 'bot'),
      outgoing('d', null, may6('10:00'), 'broadcast', { contactId: 'k2', channelId: 'ch2' }),
      incoming('e', 'x', may6('10:30'), { conversationId: null, contactId: 'k2', channelId: 'ch2' }),
      outgoing('f', 'mc1', may6('11:00'), 'broadcast'),
      incoming('g', 'mc1', '2024-05-05T23:59:59.999Z'),
      outgoing('h', 'mc1', may6('12:00'), 'echo'),
      incoming('i', 'mc1', may6('13:00'), { channelId: null }),
    ],
  });
  const snapshot = once(() => report(ws, args('2024-05-06')));

  it('total counts both directions, broadcasts and messages without a conversation; incoming by channel, outgoing by sender', () => {
    // in the period: a b c d e f h i = 8 (g is the day before)
    // incoming: a (ch1), e (ch2), i (null) -> 33.4, 33.3, 33.3 (null last)
    // outgoing: broadcast d f = 2, bot c, echo h, user b = 1 each; total 5 -> 40, 20, 20, 20
    expect(snapshot().messages).toStrictEqual({
      total: 8,
      incomingByChannel: [group('ch1', 1, 33.4), group('ch2', 1, 33.3), group(null, 1, 33.3)],
      outgoingBySource: [group('broadcast', 2, 40), group('bot', 1, 20), group('echo', 1, 20), group('user', 1, 20)],
    });
  });

  it('the conversation columns count every message of the conversation, whatever the period (D11)', () => {
    // incoming: g (05-05), a, i = 3; outgoing without broadcast: b, c, h = 3 (f is a broadcast)
    // order: g, a, b -> b answers g and a: 09:05 - 05-05 23:59:59.999 = 9 h 5 min + 1 ms = 32,400,000 + 300,000 + 1 = 32,700,001
    // FRT = 09:05 - opened 09:00 = 300,000
    const row = snapshot().conversations.list[0];
    expect([row.incomingMessages, row.outgoingMessages, row.responses]).toStrictEqual([3, 3, 1]);
    expect([row.firstResponseTimeMs, row.averageResponseTimeMs]).toStrictEqual([300000, 32700001]);
  });

  it('the contact filter uses the message contactId', () => {
    const k2 = report(ws, args('2024-05-06', '2024-05-06', 'UTC', { contact: ['k2'] }));
    // d (broadcast, ch2), e (incoming, ch2)
    expect(k2.messages).toStrictEqual({
      total: 2,
      incomingByChannel: [group('ch2', 1, 100)],
      outgoingBySource: [group('broadcast', 1, 100)],
    });
  });
});

describe('the empty contact value', () => {
  it('selects messages whose contactId is null or "" and no conversation, event or rating (their contactId is required)', () => {
    const ws = workspace({
      conversations: [conversation('c1', { openedAt: may6('10:00') })],
      messages: [
        outgoing('b1', null, may6('10:00'), 'broadcast', { contactId: null }),
        outgoing('b2', null, may6('10:01'), 'api', { contactId: '' }),
        incoming('i1', 'c1', may6('10:02')),
      ],
      contactEvents: [contactEvent('e1', { contactId: 'k1', type: 'added', at: may6('09:00'), source: 'user' })],
      csat: [csat('s1', 'c1', may6('11:00'), 5)],
    });
    const snapshot = report(ws, args('2024-05-06', '2024-05-06', 'UTC', { contact: [''] }));
    // b1 (null), b2 ("") -> 2 outgoing: api 1, broadcast 1
    expect(snapshot.messages).toStrictEqual({
      total: 2,
      incomingByChannel: [],
      outgoingBySource: [group('api', 1, 50), group('broadcast', 1, 50)],
    });
    expect(snapshot.conversations.overview).toStrictEqual({ opened: 0, closed: 0 });
    expect(snapshot.contacts.added).toBe(0);
    expect(snapshot.csat.responses).toBe(0);
  });
});

describe('CSAT', () => {
  it('counts responses in the period, an unknown conversation included without filters', () => {
    const ws = workspace({
      conversations: [conversation('cs1', { openedAt: '2024-04-01T10:00:00Z' }), conversation('cs2', { openedAt: '2024-04-01T10:00:00Z' })],
      csat: [
        csat('q1', 'cs1', may6('09:00'), 5),
        csat('q2', 'cs1', may6('10:00'), 4),
        csat('q3', 'ghost', may6('11:00'), 1),
        csat('q4', 'cs2', '2024-05-07T00:00:00Z', 2),
        csat('q5', 'cs2', '2024-05-06T00:00:00Z', 3),
        csat('q6', 'cs2', may6('12:00'), 4),
      ],
    });
    const snapshot = report(ws, args('2024-05-06'));
    // in: q1 5, q2 4, q3 1, q5 3, q6 4 (q4 at the end instant is out): sum 17 / 5 = 3.4
    // distribution: 1 -> q3, 3 -> q5, 4 -> q2 q6, 5 -> q1; 4-5: 3 of 5 = 60.0
    expect(snapshot.csat).toStrictEqual({ responses: 5, average: 3.4, distribution: [1, 0, 1, 2, 1], csatPercent: 60 });
  });

  it('average rounds to 2 decimals half away from zero: 33 / 8 = 4.125 -> 4.13', () => {
    const scores: CsatResponse['score'][] = [5, 5, 4, 4, 4, 4, 4, 3];
    const ws = workspace({ csat: scores.map((score, i) => csat(`r${i}`, 'c1', may6(`10:0${i}`), score)) });
    // sum 5+5+4*5+3 = 33; 33 / 8 = 4.125 -> 4.13; 4-5: 7 of 8 = 87.5
    expect(report(ws, args('2024-05-06')).csat).toStrictEqual({
      responses: 8,
      average: 4.13,
      distribution: [0, 0, 1, 5, 2],
      csatPercent: 87.5,
    });
  });

  it('CSAT % rounds to 1 decimal half away from zero: 1 / 16 = 6.25 % -> 6.3', () => {
    const scores: CsatResponse['score'][] = [4, ...Array.from({ length: 15 }, (): CsatResponse['score'] => 1)];
    const ws = workspace({ csat: scores.map((score, i) => csat(`r${i}`, 'c1', ms('2024-05-06T10:00:00Z') + i * 1000, score)) });
    // sum 4 + 15 = 19; 19 / 16 = 1.1875 -> 1.19; 4-5: 1 of 16 = 6.25 -> 6.3
    expect(report(ws, args('2024-05-06')).csat).toStrictEqual({
      responses: 16,
      average: 1.19,
      distribution: [15, 0, 0, 1, 0],
      csatPercent: 6.3,
    });
  });

  it('repeating decimals round to the nearest: 14 / 3 = 4.67, 2 / 3 = 66.7 %', () => {
    const ws = workspace({ csat: [csat('x1', 'c1', may6('10:00'), 5), csat('x2', 'c1', may6('10:01'), 5), csat('x3', 'c1', may6('10:02'), 2)] });
    // scores 5, 5, 2: average 12 / 3 = 4; 4-5: 2 of 3 = 66.67 -> 66.7
    expect(report(ws, args('2024-05-06')).csat).toStrictEqual({ responses: 3, average: 4, distribution: [0, 1, 0, 0, 2], csatPercent: 66.7 });
    const ws2 = workspace({ csat: [csat('y1', 'c1', may6('10:00'), 5), csat('y2', 'c1', may6('10:01'), 5), csat('y3', 'c1', may6('10:02'), 4)] });
    // scores 5, 5, 4: 14 / 3 = 4.6667 -> 4.67; 4-5: 3 of 3 = 100
    expect(report(ws2, args('2024-05-06')).csat).toStrictEqual({ responses: 3, average: 4.67, distribution: [0, 0, 0, 1, 2], csatPercent: 100 });
  });
});
