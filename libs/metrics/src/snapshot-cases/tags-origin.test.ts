// Tags and origin buckets (metrics.md "Aggregates", snapshot.md §5, D23-D25): opened-family widgets;
// each distinct tag of a conversation counts once, untagged ones (empty, null, absent) under null;
// origin: user -> inbox, workflow -> flow, contact/ctc_ads -> inbound, anything else -> other.
// UTC, 2024-05-06.

import { describe, expect, it } from 'vitest';
import { snapshotOfWorkspace } from '../index.js';
import {
  args,
  conversation,
  group,
  may6,
  NA,
  once,
  rawWorkspace,
  without,
  workspace,
  type SnapshotOfWorkspace,
} from './workspace-builder.js';

const report: SnapshotOfWorkspace = snapshotOfWorkspace;

describe('tags and origin of six conversations', () => {
  const ws = rawWorkspace({
    conversations: [
      conversation('t1', { openedAt: may6('10:01'), openedSource: 'user', tags: ['vip', 'billing', 'vip'] }),
      conversation('t2', { openedAt: may6('10:02'), openedSource: 'workflow', tags: [] }),
      { ...conversation('t3', { openedAt: may6('10:03'), openedSource: 'contact' }), tags: null },
      without(conversation('t4', { openedAt: may6('10:04'), openedSource: 'ctc_ads' }), 'tags'),
      conversation('t5', { openedAt: may6('10:05'), openedSource: 'api', tags: ['billing'] }),
      conversation('t6', { openedAt: may6('10:06'), openedSource: null, tags: ['Billing'] }),
    ],
  });
  const snapshot = once(() => report(ws, args('2024-05-06')));

  it('a duplicate tag counts once, untagged conversations are null, tags are case-sensitive', () => {
    // vip: t1 (duplicate counts once) = 1; billing: t1, t5 = 2; Billing: t6 = 1; null: t2 ([]), t3 (null), t4 (absent) = 3
    // total 1 + 2 + 1 + 3 = 7: 3000/7 = 428 r 4; 2000/7 = 285 r 5; 1000/7 = 142 r 6 (x2); sum 997
    // 3 tenths left: Billing (r 6), vip (r 6), billing (r 5) -> 42.8, 28.6, 14.3, 14.3
    expect(snapshot().byTag).toStrictEqual([
      group(null, 3, 42.8),
      group('billing', 2, 28.6),
      group('Billing', 1, 14.3),
      group('vip', 1, 14.3),
    ]);
  });

  it('origin buckets: user -> inbox, workflow -> flow, contact and ctc_ads -> inbound, api and null -> other', () => {
    // inbound: t3, t4 = 2; other: t5 (api), t6 (null) = 2; flow: t2 = 1; inbox: t1 = 1; total 6
    // 2000/6 = 333 r 2; 1000/6 = 166 r 4; 333 + 333 + 166 + 166 = 998 -> flow, inbox get 167
    expect(snapshot().origin).toStrictEqual([
      group('inbound', 2, 33.3),
      group('other', 2, 33.3),
      group('flow', 1, 16.7),
      group('inbox', 1, 16.7),
    ]);
  });

  it('both are NA under a closed-only filter and filtered by an opened one', () => {
    const closedOnly = report(ws, args('2024-05-06', '2024-05-06', 'UTC', { category: ['x'] }));
    expect([closedOnly.origin, closedOnly.byTag]).toStrictEqual([NA, NA]);
    const inbound = report(ws, args('2024-05-06', '2024-05-06', 'UTC', { openedSource: ['contact', 'ctc_ads'] }));
    expect(inbound.origin).toStrictEqual([group('inbound', 2, 100)]);
    expect(inbound.byTag).toStrictEqual([group(null, 2, 100)]);
  });
});

describe('origin "other" takes integrations, null and unknown sources', () => {
  it('zapier, make and an unknown source are other', () => {
    const ws = rawWorkspace({
      conversations: [
        conversation('o1', { openedAt: may6('10:01'), openedSource: 'zapier' }),
        conversation('o2', { openedAt: may6('10:02'), openedSource: 'make' }),
        { ...conversation('o3', { openedAt: may6('10:03') }), openedSource: 'fax' },
        conversation('o4', { openedAt: may6('10:04'), openedSource: 'contact' }),
      ],
    });
    const snapshot = report(ws, args('2024-05-06'));
    // other 3 of 4 = 75.0; inbound 1 = 25.0
    expect(snapshot.origin).toStrictEqual([group('other', 3, 75), group('inbound', 1, 25)]);
    // openedBySource keeps the stored keys: contact, fax, make, zapier, 1 each = 25.0 (1000/4 = 250 r 0)
    expect(snapshot.conversations.openedBySource).toStrictEqual([
      group('contact', 1, 25),
      group('fax', 1, 25),
      group('make', 1, 25),
      group('zapier', 1, 25),
    ]);
  });
});

describe('opened family scope (D23)', () => {
  it('counts conversations opened in the period, not those only closed in it', () => {
    const ws = workspace({
      conversations: [
        // opened the day before, closed in the period: not in origin / byTag
        conversation('old', { openedAt: '2024-05-05T10:00:00Z', openedSource: 'workflow', tags: ['old'], closedAt: may6('09:00') }),
        // opened in the period, closed the day after
        conversation('new', { openedAt: may6('10:00'), openedSource: 'user', tags: ['fresh'], closedAt: '2024-05-07T09:00:00Z' }),
      ],
    });
    const snapshot = report(ws, args('2024-05-06'));
    expect(snapshot.byTag).toStrictEqual([group('fresh', 1, 100)]);
    expect(snapshot.origin).toStrictEqual([group('inbox', 1, 100)]);
    expect(snapshot.conversations.overview).toStrictEqual({ opened: 1, closed: 1 });
  });
});
