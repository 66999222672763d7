// Snapshot layout (snapshot.md §5, D30): the key order of every object is fixed (the CLI output is
// JSON.stringify of the object, so key order is byte order) and the value survives a JSON round trip.

import { describe, expect, it } from 'vitest';
import { snapshotOfWorkspace } from '../index.js';
import {
  args,
  assignment,
  contactEvent,
  conversation,
  csat,
  incoming,
  may6,
  once,
  reply,
  workspace,
  type SnapshotOfWorkspace,
} from './workspace-builder.js';

const report: SnapshotOfWorkspace = snapshotOfWorkspace;

const ws = workspace({
  conversations: [
    conversation('c1', { openedAt: may6('10:00'), closedAt: may6('11:00'), closedByUserId: 'u1', closedByTeamId: 't1', tags: ['x'] }),
  ],
  assignments: [assignment('a1', 'c1', may6('10:01'), 'u1')],
  messages: [incoming('m1', 'c1', may6('10:00')), reply('m2', 'c1', may6('10:02'), 'u1')],
  contactEvents: [contactEvent('e1', { contactId: 'k1', type: 'added', at: may6('09:00'), source: 'user' })],
  csat: [csat('s1', 'c1', may6('11:30'), 5)],
});
const snapshot = once(() => report(ws, args('2024-05-06', '2024-05-06', 'UTC', { closedSource: ['user'], contact: ['k-c1'] })));
const unfiltered = once(() => report(ws, args('2024-05-06')));

const aggKeys = ['count', 'meanMs', 'medianMs', 'p90Ms'];
const groupKeys = ['key', 'count', 'percent'];

describe('key order', () => {
  it('top level, period, filters and input', () => {
    const s = snapshot();
    expect(Object.keys(s)).toStrictEqual([
      'format',
      'version',
      'period',
      'filters',
      'input',
      'conversations',
      'contacts',
      'messages',
      'leaderboard',
      'userPerformance',
      'csat',
      'origin',
      'byTag',
    ]);
    expect([s.format, s.version]).toStrictEqual(['parley.report-snapshot', 1]);
    expect(Object.keys(s.period)).toStrictEqual(['from', 'to', 'timeZone', 'startMs', 'endMs']);
    expect(s.filters.map((filter) => Object.keys(filter))).toStrictEqual([
      ['name', 'values'],
      ['name', 'values'],
    ]);
    const collectionKeys = ['users', 'teams', 'channels', 'contacts', 'contactEvents', 'conversations', 'assignments', 'messages', 'csat'];
    expect(Object.keys(s.input)).toStrictEqual(['loaded', 'rejected']);
    expect(Object.keys(s.input.loaded)).toStrictEqual(collectionKeys);
    expect(Object.keys(s.input.rejected)).toStrictEqual(collectionKeys);
  });

  it('conversations, durations, list rows', () => {
    const c = unfiltered().conversations;
    expect(Object.keys(c)).toStrictEqual([
      'overview',
      'openedVsClosed',
      'openedHeatmap',
      'closedHeatmap',
      'openedByContactType',
      'openedBySource',
      'openedByChannel',
      'closedByCategory',
      'closedBySource',
      'closedByContactType',
      'durations',
      'list',
    ]);
    expect(Object.keys(c.overview)).toStrictEqual(['opened', 'closed']);
    expect(c.openedVsClosed).toStrictEqual([{ date: '2024-05-06', opened: 1, closed: 1 }]);
    expect(Object.keys((c.openedVsClosed as object[])[0])).toStrictEqual(['date', 'opened', 'closed']);
    expect(Object.keys(c.durations)).toStrictEqual([
      'timeToFirstAssignment',
      'firstResponseTime',
      'firstAssignmentToFirstResponse',
      'lastAssignmentToResponse',
      'resolutionTime',
      'firstAssignmentToClose',
      'lastAssignmentToClose',
      'responseTime',
    ]);
    for (const value of Object.values(c.durations)) expect(Object.keys(value)).toStrictEqual(aggKeys);
    expect(Object.keys((c.openedBySource as object[])[0])).toStrictEqual(groupKeys);
    expect(Object.keys(c.closedBySource[0])).toStrictEqual(groupKeys);
    expect(Object.keys(c.list[0])).toStrictEqual([
      'closedAt',
      'closedSource',
      'closedByUserId',
      'closedByTeamId',
      'openedAt',
      'openedSource',
      'openedChannelId',
      'conversationId',
      'contactId',
      'contactName',
      'firstAssignmentAt',
      'firstAssigneeId',
      'firstResponseAt',
      'firstResponseById',
      'lastAssignmentAt',
      'lastAssigneeId',
      'timeToFirstAssignmentMs',
      'firstResponseTimeMs',
      'firstAssignmentToFirstResponseMs',
      'lastAssignmentToResponseMs',
      'resolutionTimeMs',
      'firstAssignmentToCloseMs',
      'lastAssignmentToCloseMs',
      'averageResponseTimeMs',
      'assignments',
      'incomingMessages',
      'outgoingMessages',
      'responses',
      'category',
      'summary',
      'contactType',
    ]);
  });

  it('heatmaps are 7 rows of 24 plain numbers', () => {
    const c = unfiltered().conversations;
    for (const map of [c.openedHeatmap as number[][], c.closedHeatmap]) {
      expect(Array.isArray(map)).toBe(true);
      expect(map.map((row) => Array.isArray(row) && row.length)).toStrictEqual([24, 24, 24, 24, 24, 24, 24]);
    }
  });

  it('contacts, messages, leaderboard, userPerformance, csat', () => {
    const s = unfiltered();
    expect(Object.keys(s.contacts)).toStrictEqual(['added', 'deleted', 'merged', 'addedBySource', 'connectedByChannel', 'connectedBySource']);
    expect(Object.keys(s.messages)).toStrictEqual(['total', 'incomingByChannel', 'outgoingBySource']);
    expect(Object.keys(s.leaderboard)).toStrictEqual(['byUser', 'byTeam']);
    expect(Object.keys(s.leaderboard.byUser)).toStrictEqual(['responseTime', 'resolutionTime']);
    expect(Object.keys(s.leaderboard.byTeam)).toStrictEqual(['responseTime', 'resolutionTime']);
    const entry = s.leaderboard.byTeam.responseTime[0];
    expect(Object.keys(entry)).toStrictEqual(['id', 'conversations', 'responseTime', 'resolutionTime']);
    expect([Object.keys(entry.responseTime), Object.keys(entry.resolutionTime)]).toStrictEqual([aggKeys, aggKeys]);
    expect(Object.keys(s.userPerformance[0])).toStrictEqual([
      'userId',
      'conversationsClosed',
      'messagesSent',
      'responses',
      'firstResponseTime',
      'responseTime',
      'resolutionTime',
      'assignments',
    ]);
    expect(Object.keys(s.csat)).toStrictEqual(['responses', 'average', 'distribution', 'csatPercent']);
    expect(Object.keys((s.origin as object[])[0])).toStrictEqual(groupKeys);
    expect(Object.keys((s.byTag as object[])[0])).toStrictEqual(groupKeys);
  });
});

describe('serialisation', () => {
  it('the snapshot is plain JSON data: a JSON round trip gives an equal value', () => {
    for (const s of [snapshot(), unfiltered()]) {
      const text = `${JSON.stringify(s, null, 2)}\n`;
      expect(JSON.parse(text)).toStrictEqual(s);
    }
  });

  it('NA is the string "not-applicable" in place of the widget value', () => {
    // closedSource makes the opened family NA; contact applies everywhere
    expect(snapshot().conversations.overview).toStrictEqual({ opened: 'not-applicable', closed: 1 });
    expect(snapshot().origin).toBe('not-applicable');
  });
});
