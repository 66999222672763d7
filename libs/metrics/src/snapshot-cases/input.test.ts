// Input validation and duplicate ids (snapshot.md §2, D27, D28): a record is rejected only for the
// listed rules; a later valid record replaces an earlier one with the same id, a later invalid one is
// rejected and replaces nothing; input.loaded = distinct ids kept, input.rejected = records rejected.
// UTC, 2024-05-06 (Monday).

import { describe, expect, it } from 'vitest';
import { snapshotOfWorkspace } from '../index.js';
import {
  args,
  assignment,
  channel,
  contact,
  contactEvent,
  conversation,
  csat,
  group,
  heatmap,
  incoming,
  may6,
  once,
  rawWorkspace,
  reply,
  team,
  user,
  without,
  type SnapshotOfWorkspace,
} from './workspace-builder.js';

const report: SnapshotOfWorkspace = snapshotOfWorkspace;

/** Values as JSON.parse gives them, so `5.0` really comes from a file text. */
function parsed(json: string): unknown {
  return JSON.parse(json) as unknown;
}

const ws = rawWorkspace({
  users: [
    user('u1'),
    user('u1', { name: 'Second' }), // duplicate, valid: replaces (still one id)
    { name: 'no id' }, // rejected: no id
    { id: '' }, // rejected: empty id
    { id: 7 }, // rejected: id not a string
    42, // rejected: not an object
    null, // rejected: not an object
    'u9', // rejected: not an object
    [], // rejected: not an object (an array has no id either)
  ],
  teams: [team('t1'), { id: ['t2'] }], // second rejected: id not a string
  channels: [channel('ch1'), { id: 'ch2', type: 'carrier-pigeon' }], // other fields are not validated
  contacts: [contact('k1'), { id: 'k2' }],
  contactEvents: [
    contactEvent('ev1', { contactId: 'k1', type: 'added', at: may6('09:00'), source: 'user' }),
    { ...contactEvent('ev2', { contactId: 'k1', type: 'added', at: may6('09:00') }), type: 'born' }, // rejected: type
    contactEvent('ev3', { contactId: '', type: 'added', at: may6('09:00') }), // rejected: empty contactId
    { ...contactEvent('ev4', { contactId: 'k1', type: 'added', at: 0 }), at: '2024-05-06' }, // rejected: at not a number
    { ...contactEvent('ev5', { contactId: 'k1', type: 'added', at: 0 }), at: 1.5 }, // rejected: at not an integer
    contactEvent('ev6', { contactId: 'k1', type: 'connected', at: may6('09:00'), source: 'incoming', channelId: 'ch1' }),
  ],
  conversations: [
    conversation('c1', { openedAt: may6('10:00'), closedAt: may6('10:30') }),
    conversation('c1', { openedAt: may6('11:00') }), // later valid: replaces (c1 becomes open, opened 11:00)
    conversation('c2', { openedAt: may6('10:00'), closedAt: may6('10:30') }),
    { ...conversation('c2', { openedAt: 0 }), openedAt: true }, // later invalid: rejected, the first c2 stays
    conversation('c3', { openedAt: 8.64e15 }), // valid: |x| <= 8.64e15
    conversation('c4', { openedAt: 8640000000000001 }), // rejected: beyond the Date range
    conversation('c5', { openedAt: -8.64e15 }), // valid
    { ...conversation('c6', { openedAt: may6('10:00') }), closedAt: 'soon' }, // rejected: closedAt not integer/null
    without(conversation('c7', { openedAt: may6('12:00') }), 'closedAt'), // valid: closedAt absent = open
    without(conversation('c8', { openedAt: may6('10:00') }), 'contactId'), // rejected: no contactId
    { ...conversation('c9', { openedAt: 0 }), openedAt: parsed('1714989600000.0') }, // valid: 5.0-style integer (10:00)
    { ...conversation('c10', { openedAt: 0 }), openedAt: 1714989600000.5 }, // rejected: fractional
  ],
  assignments: [
    assignment('as1', 'c2', may6('10:05'), 'u1'),
    without(assignment('as2', 'c2', may6('10:10'), null), 'userId'), // valid: userId absent = unassignment
    { ...assignment('as3', 'c2', may6('10:10'), null), userId: 5 }, // rejected: userId not a string
    assignment('as4', '', may6('10:10'), 'u1'), // rejected: empty conversationId
    { ...assignment('as5', 'c2', may6('10:10'), 'u1'), at: null }, // rejected: at not an integer
  ],
  messages: [
    incoming('m1', 'c1', may6('11:00')),
    { ...incoming('m2', 'c1', may6('11:01')), direction: 'sideways' }, // rejected: direction
    { ...incoming('m3', 'c1', may6('11:02')), senderType: 'robot' }, // rejected: senderType
    without(incoming('m4', 'c1', may6('11:03')), 'at'), // rejected: no at
    without(reply('m5', 'c1', may6('11:05'), 'u1'), 'conversationId'), // valid: conversationId is not validated
    { ...incoming('m1', 'c1', may6('11:30')), direction: 'up' }, // later invalid duplicate: rejected, m1 stays
  ],
  csat: [
    csat('cs1', 'c1', may6('13:00'), 1),
    csat('cs1', 'c1', may6('13:00'), 5), // later valid wins: cs1 = 5
    { ...csat('cs2', 'c2', may6('13:01'), 1), score: 9 }, // rejected
    csat('cs2', 'c2', may6('13:01'), 2), // valid after an invalid one: cs2 = 2
    csat('cs3', 'c2', may6('13:02'), 4),
    { ...csat('cs3', 'c2', may6('13:02'), 1), score: 6 }, // later invalid: rejected, cs3 stays 4
    { ...csat('cs4', 'c2', may6('13:03'), 1), score: true }, // rejected: boolean
    { ...csat('cs5', 'c2', may6('13:04'), 1), score: 0 }, // rejected: out of 1..5
    { ...csat('cs6', 'c2', may6('13:05'), 1), score: 4.5 }, // rejected: fractional
    { ...csat('cs7', 'c2', may6('13:06'), 1), score: '5' }, // rejected: string
    { ...csat('cs8', 'c2', may6('13:07'), 1), score: parsed('5.0') }, // valid: 5.0 is 5
  ],
});

describe('loading', () => {
  const snapshot = once(() => report(ws, args('2024-05-06')));

  it('input.loaded counts distinct ids kept and input.rejected every rejected record', () => {
    expect(snapshot().input).toStrictEqual({
      loaded: {
        users: 1, // u1
        teams: 1, // t1
        channels: 2, // ch1, ch2
        contacts: 2, // k1, k2
        contactEvents: 2, // ev1, ev6
        conversations: 6, // c1, c2, c3, c5, c7, c9
        assignments: 2, // as1, as2
        messages: 2, // m1, m5
        csat: 4, // cs1, cs2, cs3, cs8
      },
      rejected: {
        users: 7,
        teams: 1,
        channels: 0,
        contacts: 0,
        contactEvents: 4, // ev2, ev3, ev4, ev5
        conversations: 5, // second c2, c4, c6, c8, c10
        assignments: 3, // as3, as4, as5
        messages: 4, // m2, m3, m4, second m1
        csat: 6, // first cs2, second cs3, cs4, cs5, cs6, cs7
      },
    });
  });

  it('a later valid duplicate replaces the whole earlier record (c1 is open, opened at 11:00)', () => {
    // opened in the period: c1 (11:00), c2 (10:00), c7 (12:00), c9 (10:00); c3 and c5 are far away
    expect(snapshot().conversations.openedHeatmap).toStrictEqual(
      heatmap([
        [0, 10, 2],
        [0, 11, 1],
        [0, 12, 1],
      ]),
    );
    // closed: only c2 (the replaced c1 has no closedAt)
    expect(snapshot().conversations.overview).toStrictEqual({ opened: 4, closed: 1 });
    expect(snapshot().conversations.list.map((row) => row.conversationId)).toStrictEqual(['c2']);
  });

  it('an absent userId is an unassignment', () => {
    // c2: as1 u1 10:05, as2 (no userId) 10:10 -> last assignee none; assignments 2
    const row = snapshot().conversations.list[0];
    expect([row.firstAssigneeId, row.lastAssignmentAt, row.lastAssigneeId, row.assignments]).toStrictEqual([
      'u1',
      may6('10:10'),
      null,
      2,
    ]);
  });

  it('a later invalid duplicate leaves the earlier message; a message without conversation still counts', () => {
    // m1 (incoming, 11:00) and m5 (user, no conversation)
    expect(snapshot().messages).toStrictEqual({
      total: 2,
      incomingByChannel: [group('ch1', 1, 100)],
      outgoingBySource: [group('user', 1, 100)],
    });
  });

  it('CSAT uses the surviving records: cs1 = 5, cs2 = 2, cs3 = 4, cs8 = 5', () => {
    // sum 16 / 4 = 4; distribution 2 -> cs2, 4 -> cs3, 5 -> cs1 cs8; 4-5: 3 of 4 = 75.0
    expect(snapshot().csat).toStrictEqual({ responses: 4, average: 4, distribution: [0, 1, 0, 1, 2], csatPercent: 75 });
  });

  it('valid contact events load and invalid ones are skipped', () => {
    expect([snapshot().contacts.added, snapshot().contacts.connectedByChannel]).toStrictEqual([1, [group('ch1', 1, 100)]]);
  });
});
