// Groups (snapshot.md §3, D8, D9, D31): count > 0 only; count desc, key asc (UTF-16), null last;
// null / "" / absent are one null key; unknown enum values are their own key; percents are
// floor(count*1000/total) tenths plus the leftover tenths to the largest remainders
// (count*1000 mod total), remainder ties to the earlier group. UTC, 2024-05-06.

import { describe, expect, it } from 'vitest';
import { snapshotOfWorkspace } from '../index.js';
import {
  args,
  conversation,
  group,
  incoming,
  may6,
  rawWorkspace,
  without,
  workspace,
  type SnapshotOfWorkspace,
} from './workspace-builder.js';

const report: SnapshotOfWorkspace = snapshotOfWorkspace;

describe('largest remainder', () => {
  it('three groups of one: 33.4, 33.3, 33.3 — the remainder tie goes to the first key', () => {
    // 1000/3 = 333 r 1 each; 999 -> one tenth left -> first in order ('a')
    const ws = workspace({
      conversations: [
        conversation('x1', { openedAt: may6('10:00'), openedChannelId: 'c' }),
        conversation('x2', { openedAt: may6('10:01'), openedChannelId: 'a' }),
        conversation('x3', { openedAt: may6('10:02'), openedChannelId: 'b' }),
      ],
    });
    expect(report(ws, args('2024-05-06')).conversations.openedByChannel).toStrictEqual([
      group('a', 1, 33.4),
      group('b', 1, 33.3),
      group('c', 1, 33.3),
    ]);
  });

  it('six groups of one: four get 16.7, the last two 16.6', () => {
    // 1000/6 = 166 r 4 each; 6 * 166 = 996 -> 4 tenths left -> a, b, c, d
    const ws = workspace({
      conversations: ['f', 'e', 'd', 'c', 'b', 'a'].map((channelId, i) =>
        conversation(`y${i}`, { openedAt: may6(`10:0${i}`), openedChannelId: channelId }),
      ),
    });
    expect(report(ws, args('2024-05-06')).conversations.openedByChannel).toStrictEqual([
      group('a', 1, 16.7),
      group('b', 1, 16.7),
      group('c', 1, 16.7),
      group('d', 1, 16.7),
      group('e', 1, 16.6),
      group('f', 1, 16.6),
    ]);
  });

  it('a larger remainder beats an earlier position: 2, 2, 2, 1 of 7 -> 28.6, 28.6, 28.5, 14.3', () => {
    // 2000/7 = 285 r 5 (x3); 1000/7 = 142 r 6; sum 855 + 142 = 997 -> 3 tenths left:
    // first to d (r 6), then a and b (r 5, earlier in order); c keeps 285
    const channels = ['d', 'c', 'b', 'a', 'c', 'b', 'a'];
    const ws = workspace({
      messages: channels.map((channelId, i) =>
        incoming(`in${i}`, 'none', may6(`10:0${i}`), { conversationId: null, contactId: null, channelId }),
      ),
    });
    expect(report(ws, args('2024-05-06')).messages.incomingByChannel).toStrictEqual([
      group('a', 2, 28.6),
      group('b', 2, 28.6),
      group('c', 2, 28.5),
      group('d', 1, 14.3),
    ]);
  });

  it('no groups when the total is 0', () => {
    const ws = workspace({ conversations: [conversation('z1', { openedAt: may6('10:00') })] });
    const snapshot = report(ws, args('2024-05-07'));
    expect(snapshot.conversations.openedByChannel).toStrictEqual([]);
    expect(snapshot.conversations.closedByCategory).toStrictEqual([]);
    expect(snapshot.messages.incomingByChannel).toStrictEqual([]);
  });
});

describe('keys: null, "", absent, unknown values, ordering', () => {
  // g1: channel null, category null, source user, closedSource null (still counted closed, D31)
  // g2: channel "", category "", source 'telepathy' (unknown), closedSource 'spam' (unknown)
  // g3: channel, category and openedSource absent, closedSource user
  // g4: z, billing, contact, user; g5: z, Billing, contact, bot; g6: B, billing, ctc_ads, user
  const ws = rawWorkspace({
    conversations: [
      conversation('g1', { openedAt: may6('10:01'), openedChannelId: null, openedSource: 'user', closedAt: may6('11:01'), closedSource: null }),
      {
        ...conversation('g2', { openedAt: may6('10:02'), closedAt: may6('11:02') }),
        openedChannelId: '',
        category: '',
        openedSource: 'telepathy',
        closedSource: 'spam',
      },
      without(conversation('g3', { openedAt: may6('10:03'), closedAt: may6('11:03') }), 'openedChannelId', 'category', 'openedSource'),
      conversation('g4', { openedAt: may6('10:04'), openedChannelId: 'z', category: 'billing', closedAt: may6('11:04') }),
      conversation('g5', { openedAt: may6('10:05'), openedChannelId: 'z', category: 'Billing', closedAt: may6('11:05'), closedSource: 'bot' }),
      conversation('g6', { openedAt: may6('10:06'), openedChannelId: 'B', category: 'billing', openedSource: 'ctc_ads', closedAt: may6('11:06') }),
    ],
  });
  const snapshot = () => report(ws, args('2024-05-06'));

  it('all six records load (unknown enum values and absent optional fields are valid, D27)', () => {
    expect(snapshot().input.loaded.conversations).toBe(6);
    expect(snapshot().input.rejected.conversations).toBe(0);
  });

  it('null, "" and absent channels are one null key; larger counts come first even for null', () => {
    // null: g1, g2, g3 = 3; z: g4, g5 = 2; B: g6 = 1; total 6
    // 3000/6 = 500 r 0; 2000/6 = 333 r 2; 1000/6 = 166 r 4; 999 -> B gets the last tenth
    expect(snapshot().conversations.openedByChannel).toStrictEqual([group(null, 3, 50), group('z', 2, 33.3), group('B', 1, 16.7)]);
  });

  it('categories are case-sensitive keys; "" and absent categories are null', () => {
    // null: g1, g2, g3 = 3; billing: g4, g6 = 2; Billing: g5 = 1
    expect(snapshot().conversations.closedByCategory).toStrictEqual([
      group(null, 3, 50),
      group('billing', 2, 33.3),
      group('Billing', 1, 16.7),
    ]);
  });

  it('an unknown opened source is its own key; null sorts after every string of the same count', () => {
    // contact 2 (g4, g5); ctc_ads, telepathy, user 1 each; null (g3 absent) 1; total 6
    // 2000/6 = 333 r 2; 1000/6 = 166 r 4 (x4); 333 + 664 = 997 -> 3 tenths to ctc_ads, telepathy, user
    expect(snapshot().conversations.openedBySource).toStrictEqual([
      group('contact', 2, 33.3),
      group('ctc_ads', 1, 16.7),
      group('telepathy', 1, 16.7),
      group('user', 1, 16.7),
      group(null, 1, 16.6),
    ]);
  });

  it('a null or unknown closed source still counts as closed, under its own key (D31)', () => {
    // user: g3, g4, g6 = 3; bot, spam, null 1 each; 3000/6 = 500 r 0; 1000/6 = 166 r 4 (x3) -> 998 -> bot, spam
    expect(snapshot().conversations.overview.closed).toBe(6);
    expect(snapshot().conversations.closedBySource).toStrictEqual([
      group('user', 3, 50),
      group('bot', 1, 16.7),
      group('spam', 1, 16.7),
      group(null, 1, 16.6),
    ]);
  });

  it('rows carry the stored values; an absent field is null', () => {
    // list: closedAt desc -> g6 .. g1
    expect(
      snapshot().conversations.list.map((row) => [row.conversationId, row.openedChannelId, row.openedSource, row.category, row.closedSource]),
    ).toStrictEqual([
      ['g6', 'B', 'ctc_ads', 'billing', 'user'],
      ['g5', 'z', 'contact', 'Billing', 'bot'],
      ['g4', 'z', 'contact', 'billing', 'user'],
      ['g3', null, null, null, 'user'],
      ['g2', '', 'telepathy', '', 'spam'],
      ['g1', null, 'user', null, null],
    ]);
  });

  it('the empty filter value matches null, "" and absent alike', () => {
    const noChannel = report(ws, args('2024-05-06', '2024-05-06', 'UTC', { openedChannel: [''] }));
    // g1 (null), g2 (""), g3 (absent)
    expect(noChannel.conversations.overview).toStrictEqual({ opened: 3, closed: 3 });
    const noCategory = report(ws, args('2024-05-06', '2024-05-06', 'UTC', { category: [''] }));
    expect(noCategory.conversations.list.map((row) => row.conversationId)).toStrictEqual(['g3', 'g2', 'g1']);
  });
});
