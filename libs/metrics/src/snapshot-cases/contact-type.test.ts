// Contact type (metrics.md "contact type", snapshot.md §6, D29): among all conversations of one contact
// sorted by (openedAt, id) — any period, any state, merge/deletion closures included — the first is
// `new`, the others `returning`. UTC; 2024-05-06 is a Monday.

import { describe, expect, it } from 'vitest';
import { snapshotOfWorkspace } from '../index.js';
import { args, conversation, group, once, workspace, type SnapshotOfWorkspace } from './workspace-builder.js';

const report: SnapshotOfWorkspace = snapshotOfWorkspace;

describe('several conversations of one contact, and an openedAt tie', () => {
  const ws = workspace({
    conversations: [
      // contact k1: p1 (09:00, closed by merge) is the first -> new; p2 (open) and p3 -> returning
      conversation('p1', { contactId: 'k1', openedAt: '2024-05-06T09:00:00Z', closedAt: '2024-05-06T09:30:00Z', closedSource: 'contact_merged' }),
      conversation('p2', { contactId: 'k1', openedAt: '2024-05-06T10:00:00Z' }),
      conversation('p3', { contactId: 'k1', openedAt: '2024-05-06T11:00:00Z', closedAt: '2024-05-06T11:30:00Z' }),
      // contact k2: same openedAt; id order 'c10' < 'c9' (UTF-16: '1' < '9') -> c10 new, c9 returning
      conversation('c9', { contactId: 'k2', openedAt: '2024-05-06T12:00:00Z', closedAt: '2024-05-06T12:10:00Z' }),
      conversation('c10', { contactId: 'k2', openedAt: '2024-05-06T12:00:00Z', closedAt: '2024-05-06T12:20:00Z' }),
    ],
  });
  const snapshot = once(() => report(ws, args('2024-05-06')));

  it('openedByContactType counts the merge-closed first conversation as new and the rest as returning', () => {
    // new: p1, c10 = 2; returning: p2, p3, c9 = 3; total 5 -> 3000/5 = 600 (60.0), 2000/5 = 400 (40.0)
    expect(snapshot().conversations.openedByContactType).toStrictEqual([group('returning', 3, 60), group('new', 2, 40)]);
  });

  it('closedByContactType and the list use the same per-conversation type', () => {
    // counted closed: p3 (ret, 11:30), c9 (ret, 12:10), c10 (new, 12:20); p1 is a merge closure (not counted)
    // returning 2, new 1 of 3: 2000/3 = 666 r 2, 1000/3 = 333 r 1; 999 -> 1 tenth to the largest remainder (returning)
    expect(snapshot().conversations.closedByContactType).toStrictEqual([group('returning', 2, 66.7), group('new', 1, 33.3)]);
    expect(snapshot().conversations.list.map((row) => [row.conversationId, row.contactType])).toStrictEqual([
      ['c10', 'new'],
      ['c9', 'returning'],
      ['p3', 'returning'],
    ]);
  });

  it('the contactType filter selects by that type', () => {
    const onlyNew = report(ws, args('2024-05-06', '2024-05-06', 'UTC', { contactType: ['new'] }));
    // opened new: p1, c10; closed new: c10
    expect(onlyNew.conversations.overview).toStrictEqual({ opened: 2, closed: 1 });
    const onlyReturning = report(ws, args('2024-05-06', '2024-05-06', 'UTC', { contactType: ['returning'] }));
    // opened returning: p2, p3, c9; closed returning: p3, c9
    expect(onlyReturning.conversations.overview).toStrictEqual({ opened: 3, closed: 2 });
    expect(onlyReturning.conversations.list.map((row) => row.conversationId)).toStrictEqual(['c9', 'p3']);
  });
});

describe('earlier conversations outside the period and deletion closures', () => {
  const ws = workspace({
    conversations: [
      // k3: q1 opened in April (open, outside the period) -> q2 is returning
      conversation('q1', { contactId: 'k3', openedAt: '2024-04-01T10:00:00Z' }),
      conversation('q2', { contactId: 'k3', openedAt: '2024-05-06T13:00:00Z', closedAt: '2024-05-06T13:30:00Z' }),
      // k4: r1 closed by contact deletion still counts as the earlier one -> r2 returning
      conversation('r1', { contactId: 'k4', openedAt: '2024-05-06T14:00:00Z', closedAt: '2024-05-06T14:05:00Z', closedSource: 'contact_deleted' }),
      conversation('r2', { contactId: 'k4', openedAt: '2024-05-06T15:00:00Z', closedAt: '2024-05-06T15:30:00Z' }),
      // k5: s1 has the smaller id but opened a day later -> s2 new, s1 returning (openedAt first, id only on ties)
      conversation('s2', { contactId: 'k5', openedAt: '2024-05-06T15:00:00Z', closedAt: '2024-05-06T15:10:00Z' }),
      conversation('s1', { contactId: 'k5', openedAt: '2024-05-07T10:00:00Z' }),
    ],
  });

  it('types in the period reflect conversations of any period and state', () => {
    const snapshot = report(ws, args('2024-05-06'));
    // opened: q2 ret, r1 new, r2 ret, s2 new -> 2 and 2 of 4 = 50.0 each; tie on count -> key asc ('new' < 'returning')
    expect(snapshot.conversations.openedByContactType).toStrictEqual([group('new', 2, 50), group('returning', 2, 50)]);
    // counted closed: q2 ret (13:30), s2 new (15:10), r2 ret (15:30); r1 (contact_deleted) not counted
    expect(snapshot.conversations.closedByContactType).toStrictEqual([group('returning', 2, 66.7), group('new', 1, 33.3)]);
    expect(snapshot.conversations.list.map((row) => [row.conversationId, row.contactType])).toStrictEqual([
      ['r2', 'returning'],
      ['s2', 'new'],
      ['q2', 'returning'],
    ]);
  });

  it('a later conversation is returning even though its id sorts first', () => {
    const snapshot = report(ws, args('2024-05-07'));
    expect(snapshot.conversations.openedByContactType).toStrictEqual([group('returning', 1, 100)]);
  });

  it('the first conversation of a contact is new in its own period', () => {
    const snapshot = report(ws, args('2024-04-01'));
    expect(snapshot.conversations.openedByContactType).toStrictEqual([group('new', 1, 100)]);
  });
});
