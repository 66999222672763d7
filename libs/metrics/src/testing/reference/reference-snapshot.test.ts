import { readdirSync, readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryReportCase, arbitraryWorkspace } from '../arbitrary-workspace.js';
import { evaluateExamplePath } from '../example-paths.js';
import { aggOf, groupsOf, meanHalfAwayFromZero, referenceSnapshot, type ReferenceReportArgs } from './reference-snapshot.js';

// The repository root is five levels up from this folder; the shared examples sit beside it.
const repositoryRoot = new URL('../../../../../', import.meta.url);
const examplesDir = new URL('../shared/examples/', repositoryRoot);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function asObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`not an object: ${JSON.stringify(value)}`);
  return value as Record<string, unknown>;
}

/** Example `args.filters`: a list of `name=value` strings or `{name, value | values}` objects. */
function filtersFromExample(list: unknown): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  if (!Array.isArray(list)) return filters;
  const add = (name: string, value: string) => (filters[name] ??= []).push(value);
  for (const entry of list) {
    if (typeof entry === 'string') {
      const at = entry.indexOf('=');
      add(entry.slice(0, at), entry.slice(at + 1));
    } else {
      const object = asObject(entry);
      const values = Array.isArray(object.values) ? object.values : [object.value];
      for (const value of values) add(String(object.name), String(value));
    }
  }
  return filters;
}

/** The snapshot as the CLI prints it, parsed back (comparisons are on parsed values, D30). */
function snapshotOf(workspace: unknown, args: ReferenceReportArgs): Record<string, Json> {
  return JSON.parse(JSON.stringify(referenceSnapshot(workspace, args), null, 2)) as Record<string, Json>;
}

describe('referenceSnapshot on /shared/examples', () => {
  const files = readdirSync(examplesDir).filter((name) => name.endsWith('.json')).sort();

  it('finds the example files', () => {
    expect(files).toEqual(expect.arrayContaining(['a_single_conversation.json', 'c_dst_paris.json']));
  });

  for (const file of files) {
    const example = asObject(JSON.parse(readFileSync(new URL(file, examplesDir), 'utf8')));
    const runs = example.runs as unknown[];
    runs.forEach((run, index) => {
      const { args, expected } = asObject(run);
      const a = asObject(args);
      const reportArgs: ReferenceReportArgs = {
        from: String(a.from),
        to: String(a.to),
        timeZone: String(a.tz),
        filters: filtersFromExample(a.filters),
      };
      it(`${file} run ${index} (${reportArgs.from}..${reportArgs.to} ${reportArgs.timeZone})`, () => {
        const snapshot = snapshotOf(example.workspace, reportArgs);
        for (const [path, value] of Object.entries(asObject(expected))) {
          expect(evaluateExamplePath(snapshot, path), path).toEqual(value);
        }
      });
    });
  }
});

describe('evaluateExamplePath', () => {
  const value = { a: { b: [10, 20, 30] }, x: [{ y: 1 }, { y: 2 }], h: [[1, 2], [3, 4]], s: 'not-applicable' };

  it('indexes, maps and sums', () => {
    expect(evaluateExamplePath(value, 'a.b[2]')).toBe(30);
    expect(evaluateExamplePath(value, 'a.b')).toEqual([10, 20, 30]);
    expect(evaluateExamplePath(value, 'x[*].y')).toEqual([1, 2]);
    expect(evaluateExamplePath(value, 'x[1]')).toEqual({ y: 2 });
    expect(evaluateExamplePath(value, 'h[1][0]')).toBe(3);
    expect(evaluateExamplePath(value, 'h@sum')).toBe(10);
    expect(evaluateExamplePath(value, 'h[0]@sum')).toBe(3);
    expect(evaluateExamplePath(value, 'x[*].y@sum')).toBe(3);
    expect(evaluateExamplePath(value, 'a.b@sum')).toBe(60);
  });

  it('throws, naming the path, when it does not exist', () => {
    expect(() => evaluateExamplePath(value, 'a.c')).toThrow(/\.a\.c/);
    expect(() => evaluateExamplePath(value, 'a.b[3]')).toThrow(/no \[3\]/);
    expect(() => evaluateExamplePath(value, 's.x')).toThrow();
    expect(() => evaluateExamplePath(value, 's@sum')).toThrow();
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-checked cases
// ---------------------------------------------------------------------------------------------

const T = Date.parse('2024-05-06T10:00:00Z'); // a Monday
const S = 1000;
const day = { from: '2024-05-06', to: '2024-05-06', timeZone: 'UTC', filters: {} };

function workspaceOf(parts: Record<string, unknown[]>): Record<string, unknown> {
  return {
    format: 'parley.workspace',
    version: 1,
    workspace: { id: 'w', name: 'W', timeZone: 'UTC' },
    users: [],
    teams: [],
    channels: [],
    contacts: [],
    contactEvents: [],
    conversations: [],
    assignments: [],
    messages: [],
    csat: [],
    ...parts,
  };
}

function conversation(id: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    contactId: `k-${id}`,
    openedAt: T,
    openedSource: 'contact',
    openedChannelId: 'ch1',
    closedAt: T + 900 * S,
    closedSource: 'user',
    closedByUserId: 'u-a',
    closedByTeamId: 't1',
    category: null,
    summary: null,
    tags: [],
    ...fields,
  };
}

let sequence = 0;
function message(conversationId: string, at: number, direction: 'in' | 'out', senderType: string, userId: string | null = null): Record<string, unknown> {
  sequence += 1;
  return { id: `m${String(sequence).padStart(4, '0')}`, conversationId, contactId: 'k1', channelId: 'ch1', at, direction, senderType, userId };
}
const incoming = (conversationId: string, at: number) => message(conversationId, at, 'in', 'contact');
const reply = (conversationId: string, at: number, userId: string) => message(conversationId, at, 'out', 'user', userId);
const assign = (id: string, conversationId: string, at: number, userId: string | null) => ({ id, conversationId, at, userId, teamId: 't1' });

function onlyRow(workspace: unknown, args: ReferenceReportArgs = day): Record<string, Json> {
  const list = evaluateExamplePath(snapshotOf(workspace, args), 'conversations.list') as Record<string, Json>[];
  expect(list).toHaveLength(1);
  return list[0];
}

describe('D15 last assignment to response', () => {
  it('is none when the last assignee answers a message that arrived before the reassignment (seed 000)', () => {
    const row = onlyRow(
      workspaceOf({
        conversations: [conversation('c1')],
        messages: [incoming('c1', T), reply('c1', T + 180 * S, 'u-b')],
        assignments: [assign('a1', 'c1', T + 60 * S, 'u-a'), assign('a2', 'c1', T + 120 * S, 'u-b')],
      }),
    );
    expect(row.lastAssigneeId).toBe('u-b');
    expect(row.lastAssignmentAt).toBe(T + 120 * S);
    expect(row.lastAssignmentToResponseMs).toBeNull();
    expect(row.firstResponseTimeMs).toBe(180 * S);
    expect(row.firstAssignmentToFirstResponseMs).toBe(120 * S);
  });

  it('counts a latest answered message exactly at the last assignment, measured from the assignment', () => {
    const row = onlyRow(
      workspaceOf({
        conversations: [conversation('c1')],
        messages: [incoming('c1', T), incoming('c1', T + 120 * S), reply('c1', T + 200 * S, 'u-b')],
        assignments: [assign('a1', 'c1', T + 60 * S, 'u-a'), assign('a2', 'c1', T + 120 * S, 'u-b')],
      }),
    );
    expect(row.lastAssignmentToResponseMs).toBe(80 * S);
    expect(row.averageResponseTimeMs).toBe(200 * S); // measured from the first pending message
  });

  it('skips responses by someone else and takes the first qualifying one of the last assignee', () => {
    const row = onlyRow(
      workspaceOf({
        conversations: [conversation('c1')],
        messages: [
          incoming('c1', T),
          incoming('c1', T + 130 * S),
          reply('c1', T + 140 * S, 'u-a'), // answers T and T+130 s, but u-a is not the last assignee
          incoming('c1', T + 150 * S),
          reply('c1', T + 170 * S, 'u-b'),
          incoming('c1', T + 300 * S),
          reply('c1', T + 310 * S, 'u-b'),
        ],
        assignments: [assign('a1', 'c1', T + 60 * S, 'u-a'), assign('a2', 'c1', T + 120 * S, 'u-b')],
      }),
    );
    expect(row.lastAssignmentToResponseMs).toBe(50 * S);
    expect(row.responses).toBe(3);
    expect(row.firstResponseById).toBe('u-a');
  });

  it('is none after an unassignment, while last assignment to close is still computed (D16)', () => {
    const row = onlyRow(
      workspaceOf({
        conversations: [conversation('c1')],
        messages: [incoming('c1', T + 200 * S), reply('c1', T + 250 * S, 'u-a')],
        assignments: [assign('a1', 'c1', T + 60 * S, 'u-a'), assign('a2', 'c1', T + 100 * S, null)],
      }),
    );
    expect(row.lastAssigneeId).toBeNull();
    expect(row.lastAssignmentAt).toBe(T + 100 * S);
    expect(row.lastAssignmentToResponseMs).toBeNull();
    expect(row.lastAssignmentToCloseMs).toBe(800 * S);
    expect(row.firstAssigneeId).toBe('u-a');
    expect(row.assignments).toBe(2);
  });

  it('clamps an assignment at or before open to openedAt (D14, D16)', () => {
    const row = onlyRow(
      workspaceOf({
        conversations: [conversation('c1')],
        messages: [incoming('c1', T + 10 * S), reply('c1', T + 20 * S, 'u-b')],
        assignments: [assign('a1', 'c1', T, 'u-b')], // exactly at open = before open
      }),
    );
    expect(row.firstAssignmentAt).toBe(T);
    expect(row.lastAssignmentAt).toBe(T);
    expect(row.timeToFirstAssignmentMs).toBeNull();
    expect(row.lastAssignmentToResponseMs).toBe(20 * S);
    expect(row.firstAssignmentToCloseMs).toBe(900 * S);
  });
});

describe('D13 assignments after close are ignored', () => {
  it('drops them from first/last assignee and the count; an event exactly at close is kept', () => {
    const row = onlyRow(
      workspaceOf({
        conversations: [conversation('c1')],
        assignments: [assign('a1', 'c1', T + 100 * S, 'u-a'), assign('a2', 'c1', T + 900 * S, 'u-b'), assign('a3', 'c1', T + 901 * S, 'u-c')],
      }),
    );
    expect(row.firstAssigneeId).toBe('u-a');
    expect(row.lastAssigneeId).toBe('u-b');
    expect(row.assignments).toBe(2);
    expect(row.lastAssignmentToCloseMs).toBe(0);
  });

  it('leaves a conversation assigned only after close unassigned', () => {
    const row = onlyRow(
      workspaceOf({ conversations: [conversation('c1')], assignments: [assign('a1', 'c1', T + 1000 * S, 'u-a')] }),
    );
    expect([row.firstAssigneeId, row.firstAssignmentAt, row.lastAssigneeId, row.lastAssignmentAt, row.assignments]).toEqual([null, null, null, null, 0]);
    expect([row.timeToFirstAssignmentMs, row.firstAssignmentToCloseMs, row.lastAssignmentToCloseMs]).toEqual([null, null, null]);
  });

  it('keeps all assignment events of a conversation that is still open', () => {
    const s = snapshotOf(
      workspaceOf({
        conversations: [conversation('c1', { closedAt: null, closedSource: null })],
        assignments: [assign('a1', 'c1', T + 100 * S, 'u-a'), assign('a2', 'c1', T + 5000 * S, 'u-b')],
        csat: [{ id: 's1', conversationId: 'c1', at: T, score: 5 }],
      }),
      { ...day, filters: { lastAssignee: ['u-b'] } },
    );
    expect(evaluateExamplePath(s, 'csat.responses')).toBe(1);
  });

  it('a conversation whose only events are unassignments has no first assignee but a last "Unassigned" (D16)', () => {
    const row = onlyRow(workspaceOf({ conversations: [conversation('c1')], assignments: [assign('a1', 'c1', T + 100 * S, null)] }));
    expect([row.firstAssigneeId, row.firstAssignmentAt, row.lastAssigneeId, row.lastAssignmentAt, row.assignments]).toEqual([null, null, null, T + 100 * S, 1]);
    expect(row.lastAssignmentToCloseMs).toBe(800 * S);
    expect(row.firstAssignmentToCloseMs).toBeNull();
  });
});

describe('D9 group percents', () => {
  it('gives leftover tenths to the largest remainders, ties to the earlier group', () => {
    expect(groupsOf(['user', 'api', 'make'])).toEqual([
      { key: 'api', count: 1, percent: 33.4 },
      { key: 'make', count: 1, percent: 33.3 },
      { key: 'user', count: 1, percent: 33.3 },
    ]);
    // 2,2,1,1 of 6: 333 r2, 333 r2, 166 r4, 166 r4 -> the two leftover tenths go to the small groups
    expect(groupsOf(['a', 'b', 'a', 'b', 'c', null]).map((g) => [g.key, g.percent])).toEqual([
      ['a', 33.3],
      ['b', 33.3],
      ['c', 16.7],
      [null, 16.7],
    ]);
    // seven equal groups: 142 r6 each, six leftover tenths; null sorts last and gets none
    expect(groupsOf(['f', 'e', 'd', 'c', 'b', 'a', null]).map((g) => g.percent)).toEqual([14.3, 14.3, 14.3, 14.3, 14.3, 14.3, 14.2]);
    expect(groupsOf([])).toEqual([]);
  });

  it('applies to snapshot groups (opened by source, with null and "" as the null key)', () => {
    const s = snapshotOf(
      workspaceOf({
        conversations: [
          conversation('c1', { openedSource: 'zapier' }),
          conversation('c2', { openedSource: null }),
          conversation('c3', { openedSource: '' }),
          conversation('c4', { openedSource: 'api' }),
          conversation('c5', { openedSource: 'api' }),
          conversation('c6', { openedSource: 'weird' }),
        ],
      }),
      day,
    );
    expect(evaluateExamplePath(s, 'conversations.openedBySource')).toEqual([
      { key: 'api', count: 2, percent: 33.3 },
      { key: null, count: 2, percent: 33.3 },
      { key: 'weird', count: 1, percent: 16.7 },
      { key: 'zapier', count: 1, percent: 16.7 },
    ]);
    expect(evaluateExamplePath(s, 'origin')).toEqual([{ key: 'other', count: 6, percent: 100 }]);
  });
});

describe('means and nearest ranks', () => {
  it('rounds halves away from zero, also for negative values', () => {
    expect(meanHalfAwayFromZero([-1, -2])).toBe(-2);
    expect(meanHalfAwayFromZero([-5, -6])).toBe(-6); // Math.round(-5.5) would give -5
    expect(meanHalfAwayFromZero([1, 2])).toBe(2);
    expect(meanHalfAwayFromZero([-1, -1, -2])).toBe(-1);
    expect(meanHalfAwayFromZero([-1, -2, -2, -2])).toBe(-2);
    expect(meanHalfAwayFromZero([0, -1])).toBe(-1);
  });

  it('is exact beyond 2^53', () => {
    const big = Number.MAX_SAFE_INTEGER;
    expect(meanHalfAwayFromZero([big, big, 1])).toBe(6004799503160661); // (2^54 - 1) / 3 exactly
  });

  it('takes nearest ranks ceil(p*n/100)', () => {
    expect(aggOf([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toEqual({ count: 10, meanMs: 6, medianMs: 5, p90Ms: 9 });
    expect(aggOf([3, 1, 2])).toEqual({ count: 3, meanMs: 2, medianMs: 2, p90Ms: 3 });
    expect(aggOf([7])).toEqual({ count: 1, meanMs: 7, medianMs: 7, p90Ms: 7 });
    expect(aggOf([])).toEqual({ count: 0, meanMs: null, medianMs: null, p90Ms: null });
  });

  it('reports negative durations as computed and averages them half away from zero (D35)', () => {
    const s = snapshotOf(
      workspaceOf({
        conversations: [conversation('c1', { closedAt: T - 1 }), conversation('c2', { closedAt: T - 2 })],
      }),
      day,
    );
    expect(evaluateExamplePath(s, 'conversations.durations.resolutionTime')).toEqual({ count: 2, meanMs: -2, medianMs: -2, p90Ms: -1 });
    expect(evaluateExamplePath(s, 'conversations.list[*].conversationId')).toEqual(['c1', 'c2']);
  });
});

describe('time zones and periods (D6)', () => {
  const at = (iso: string) => Date.parse(iso);

  it('Australia/Lord_Howe fall-back night: 24.5-hour day, the repeated half hour lands twice in hour 1', () => {
    const s = snapshotOf(
      workspaceOf({
        conversations: [
          conversation('c1', { openedAt: at('2024-04-06T14:45:00Z'), closedAt: null }), // 01:45 +11
          conversation('c2', { openedAt: at('2024-04-06T15:15:00Z'), closedAt: null }), // 01:45 +10:30
          conversation('c3', { openedAt: at('2024-04-06T12:59:59.999Z'), closedAt: null }), // 2024-04-06 23:59:59.999
        ],
      }),
      { from: '2024-04-07', to: '2024-04-07', timeZone: 'Australia/Lord_Howe', filters: {} },
    );
    expect(evaluateExamplePath(s, 'period.startMs')).toBe(at('2024-04-06T13:00:00Z'));
    expect(evaluateExamplePath(s, 'period.endMs')).toBe(at('2024-04-07T13:30:00Z'));
    expect(evaluateExamplePath(s, 'conversations.openedHeatmap[6][1]')).toBe(2);
    expect(evaluateExamplePath(s, 'conversations.openedHeatmap@sum')).toBe(2);
  });

  it('Australia/Lord_Howe spring-forward night: 23.5-hour day, hour 2 keeps its second half', () => {
    const s = snapshotOf(
      workspaceOf({
        conversations: [
          conversation('c1', { openedAt: at('2024-10-05T15:29:59.999Z'), closedAt: null }), // 01:59:59.999 +10:30
          conversation('c2', { openedAt: at('2024-10-05T15:30:00Z'), closedAt: null }), // 02:30 +11
        ],
      }),
      { from: '2024-10-06', to: '2024-10-06', timeZone: 'Australia/Lord_Howe', filters: {} },
    );
    expect(evaluateExamplePath(s, 'period.startMs')).toBe(at('2024-10-05T13:30:00Z'));
    expect(evaluateExamplePath(s, 'period.endMs')).toBe(at('2024-10-06T13:00:00Z'));
    expect(evaluateExamplePath(s, 'conversations.openedHeatmap[6][1]')).toBe(1);
    expect(evaluateExamplePath(s, 'conversations.openedHeatmap[6][2]')).toBe(1);
  });

  it('starts a day whose midnight falls in a DST gap at the end of the gap (America/Santiago)', () => {
    const s = snapshotOf(workspaceOf({}), { from: '2024-09-07', to: '2024-09-08', timeZone: 'America/Santiago', filters: {} });
    expect(evaluateExamplePath(s, 'period.startMs')).toBe(at('2024-09-07T04:00:00Z'));
    expect(evaluateExamplePath(s, 'period.endMs')).toBe(at('2024-09-09T03:00:00Z'));
    expect(evaluateExamplePath(s, 'conversations.openedVsClosed[*].date')).toEqual(['2024-09-07', '2024-09-08']);
    const gapDay = snapshotOf(workspaceOf({}), { from: '2024-09-08', to: '2024-09-08', timeZone: 'America/Santiago', filters: {} });
    expect(evaluateExamplePath(gapDay, 'period.startMs')).toBe(at('2024-09-08T04:00:00Z'));
  });

  it('handles half-hour zones and New York nights', () => {
    const kolkata = snapshotOf(workspaceOf({}), { from: '2024-03-31', to: '2024-03-31', timeZone: 'Asia/Kolkata', filters: {} });
    expect(evaluateExamplePath(kolkata, 'period.startMs')).toBe(at('2024-03-30T18:30:00Z'));
    const ny = snapshotOf(
      workspaceOf({
        conversations: [
          conversation('c1', { openedAt: at('2024-11-03T05:30:00Z'), closedAt: at('2024-11-03T06:30:00Z') }), // 01:30 EDT -> 01:30 EST
        ],
      }),
      { from: '2024-11-03', to: '2024-11-03', timeZone: 'America/New_York', filters: {} },
    );
    expect(evaluateExamplePath(ny, 'period.startMs')).toBe(at('2024-11-03T04:00:00Z'));
    expect(evaluateExamplePath(ny, 'period.endMs')).toBe(at('2024-11-04T05:00:00Z'));
    expect(evaluateExamplePath(ny, 'conversations.openedHeatmap[6][1]')).toBe(1);
    expect(evaluateExamplePath(ny, 'conversations.closedHeatmap[6][1]')).toBe(1);
    expect(evaluateExamplePath(ny, 'conversations.list[0].resolutionTimeMs')).toBe(3_600_000);
  });

  it('keeps every local date of the period in openedVsClosed, zero days included (D34)', () => {
    const s = snapshotOf(
      workspaceOf({ conversations: [conversation('c1', { openedAt: at('2024-02-29T12:00:00Z'), closedAt: at('2024-03-02T00:00:00Z') })] }),
      { from: '2024-02-28', to: '2024-03-02', timeZone: 'UTC', filters: {} },
    );
    expect(evaluateExamplePath(s, 'conversations.openedVsClosed')).toEqual([
      { date: '2024-02-28', opened: 0, closed: 0 },
      { date: '2024-02-29', opened: 1, closed: 0 },
      { date: '2024-03-01', opened: 0, closed: 0 },
      { date: '2024-03-02', opened: 0, closed: 1 },
    ]);
  });

  it('rejects invalid arguments', () => {
    const ws = workspaceOf({});
    expect(() => referenceSnapshot(ws, { ...day, timeZone: 'Mars/Olympus_Mons' })).toThrow();
    expect(() => referenceSnapshot(ws, { ...day, timeZone: '' })).toThrow();
    expect(() => referenceSnapshot(ws, { ...day, from: '2024-02-30', to: '2024-03-01' })).toThrow();
    expect(() => referenceSnapshot(ws, { ...day, from: '2024-5-6', to: '2024-05-06' })).toThrow();
    expect(() => referenceSnapshot(ws, { ...day, from: '2024-05-07', to: '2024-05-06' })).toThrow();
    expect(() => referenceSnapshot(ws, { ...day, filters: { agent: ['u1'] } })).toThrow();
    expect(() => referenceSnapshot({ ...ws, format: 'other' }, day)).toThrow();
    expect(() => referenceSnapshot({ ...ws, version: 2 }, day)).toThrow();
    expect(() => referenceSnapshot({ ...ws, messages: {} }, day)).toThrow();
  });
});

describe('input validation and duplicates (§2, D27, D28)', () => {
  it('rejects records by the rules of §2 only and lets the later valid duplicate win', () => {
    const s = snapshotOf(
      workspaceOf({
        users: [{ id: 'u1' }, { id: 'u1', name: 'again' }, { name: 'no id' }, null, 'u2'],
        conversations: [
          conversation('c1', { openedAt: T - 10 * 86_400_000 }),
          conversation('c1', { openedAt: T }), // replaces the first
          conversation('c1', { openedAt: 1.5 }), // invalid: does not replace
          conversation('c2', { closedAt: 'soon' }),
          conversation('c3', { contactId: '' }),
          conversation('c4', { openedAt: true }),
          conversation('c5', { openedSource: 12 }), // odd values are kept (D27)
          conversation('c6', { closedAt: undefined }), // absent closedAt: open
          conversation('', {}),
        ],
        assignments: [assign('a1', 'c1', T, 'u1'), { ...assign('a2', 'c1', T, 'u1'), userId: 5 }, assign('a3', 'c1', 8.64e15 + 2, 'u1')],
        messages: [
          message('c1', T, 'in', 'contact'),
          message('c1', T, 'in', 'robot'),
          { ...message('c1', T, 'in', 'contact'), direction: 'sideways' },
          message('c1', T + 0.5, 'in', 'contact'),
        ],
        csat: [
          { id: 's1', conversationId: 'c1', at: T, score: 5.0 },
          { id: 's2', conversationId: 'c1', at: T, score: 6 },
          { id: 's3', conversationId: 'c1', at: T, score: true },
          { id: 's4', conversationId: 'c1', at: T, score: 4.5 },
          { id: 's5', conversationId: '', at: T, score: 4 },
        ],
        contactEvents: [
          { id: 'e1', contactId: 'k1', type: 'added', at: T, source: 'api' },
          { id: 'e2', contactId: 'k1', type: 'opened', at: T },
          { id: 'e3', contactId: 'k1', type: 'added', at: String(T) },
        ],
      }),
      day,
    );
    expect(evaluateExamplePath(s, 'input')).toEqual({
      loaded: { users: 1, teams: 0, channels: 0, contacts: 0, contactEvents: 1, conversations: 3, assignments: 1, messages: 1, csat: 1 },
      rejected: { users: 3, teams: 0, channels: 0, contacts: 0, contactEvents: 2, conversations: 5, assignments: 2, messages: 3, csat: 4 },
    });
    expect(evaluateExamplePath(s, 'conversations.overview')).toEqual({ opened: 3, closed: 2 });
    expect(evaluateExamplePath(s, 'conversations.list[*].openedSource')).toEqual(['contact', null]);
    expect(evaluateExamplePath(s, 'csat.distribution')).toEqual([0, 0, 0, 0, 1]);
  });

  it('treats a missing collection as empty', () => {
    const ws = workspaceOf({});
    delete ws.csat;
    expect(evaluateExamplePath(snapshotOf(ws, day), 'input.loaded.csat')).toBe(0);
  });
});

describe('contacts, messages, CSAT and not-applicable', () => {
  const contactEvent = (id: string, contactId: string, type: string, at: number, extra: Record<string, unknown> = {}) => ({ id, contactId, type, at, source: 'incoming', userId: null, ...extra });

  it('counts only the first connected event of each contact and channel (D21)', () => {
    const s = snapshotOf(
      workspaceOf({
        contactEvents: [
          contactEvent('e1', 'k1', 'connected', T - 86_400_000, { channelId: 'ch1' }),
          contactEvent('e2', 'k1', 'connected', T, { channelId: 'ch1' }), // second for k1/ch1: never counts
          contactEvent('e3', 'k1', 'connected', T, { channelId: 'ch2' }),
          contactEvent('e9', 'k2', 'connected', T, { channelId: 'ch1', source: 'user' }),
          contactEvent('e10', 'k2', 'connected', T, { channelId: 'ch1', source: 'api' }), // "e10" < "e9": this one is first
          contactEvent('e4', 'k2', 'merged', T, { mergedFromIds: ['k3', 'k4'] }),
          contactEvent('e5', 'k2', 'added', T, { source: null }),
          contactEvent('e6', 'k3', 'deleted', T),
        ],
      }),
      day,
    );
    expect(evaluateExamplePath(s, 'contacts')).toEqual({
      added: 1,
      deleted: 1,
      merged: 1,
      addedBySource: [{ key: null, count: 1, percent: 100 }],
      connectedByChannel: [
        { key: 'ch1', count: 1, percent: 50 },
        { key: 'ch2', count: 1, percent: 50 },
      ],
      connectedBySource: [
        { key: 'api', count: 1, percent: 50 },
        { key: 'incoming', count: 1, percent: 50 },
      ],
    });
    const k1Only = snapshotOf(workspaceOf({ contactEvents: [contactEvent('e3', 'k1', 'connected', T, { channelId: 'ch2' }), contactEvent('e5', 'k2', 'added', T)] }), {
      ...day,
      filters: { contact: ['k1'] },
    });
    expect(evaluateExamplePath(k1Only, 'contacts.added')).toBe(0);
    expect(evaluateExamplePath(k1Only, 'contacts.connectedByChannel[*].key')).toEqual(['ch2']);
  });

  it('counts messages without a conversation in the messages report only (D22)', () => {
    const s = snapshotOf(
      workspaceOf({
        conversations: [conversation('c1')],
        messages: [
          { ...incoming('c1', T), channelId: null },
          { ...incoming('nope', T) },
          { ...message('c1', T, 'out', 'broadcast'), conversationId: null },
          reply('c1', T + 1, 'u-a'),
        ],
      }),
      day,
    );
    expect(evaluateExamplePath(s, 'messages')).toEqual({
      total: 4,
      incomingByChannel: [
        { key: 'ch1', count: 1, percent: 50 },
        { key: null, count: 1, percent: 50 },
      ],
      outgoingBySource: [
        { key: 'broadcast', count: 1, percent: 50 },
        { key: 'user', count: 1, percent: 50 },
      ],
    });
    expect(evaluateExamplePath(s, 'conversations.list[0].incomingMessages')).toBe(1);
    expect(evaluateExamplePath(s, 'conversations.list[0].outgoingMessages')).toBe(1);
  });

  it('rounds CSAT half away from zero and drops unknown conversations only under filters (D20)', () => {
    const rating = (id: string, score: number, conversationId = 'c1') => ({ id, conversationId, at: T, score });
    const ws = workspaceOf({
      conversations: [conversation('c1')],
      csat: [...[5, 5, 5, 5, 5, 4, 2].map((score, i) => rating(`s${i}`, score)), rating('s9', 2, 'unknown')],
    });
    expect(evaluateExamplePath(snapshotOf(ws, day), 'csat')).toEqual({ responses: 8, average: 4.13, distribution: [0, 2, 0, 1, 5], csatPercent: 75 });
    expect(evaluateExamplePath(snapshotOf(ws, { ...day, filters: { category: [''] } }), 'csat')).toEqual({
      responses: 7,
      average: 4.43,
      distribution: [0, 1, 0, 1, 5],
      csatPercent: 85.7,
    });
    const third = workspaceOf({ csat: [rating('s1', 4, 'x'), rating('s2', 1, 'x'), rating('s3', 1, 'x')] });
    expect(evaluateExamplePath(snapshotOf(third, day), 'csat')).toEqual({ responses: 3, average: 2, distribution: [2, 0, 0, 1, 0], csatPercent: 33.3 });
  });

  it('puts "not-applicable" per widget key of the families a filter does not apply to (§4)', () => {
    const ws = workspaceOf({ conversations: [conversation('c1', { contactId: 'k1' })], messages: [incoming('c1', T)] });
    const closedOnly = snapshotOf(ws, { ...day, filters: { closedSource: ['user'] } });
    for (const path of [
      'conversations.overview.opened',
      'conversations.openedVsClosed',
      'conversations.openedHeatmap',
      'conversations.openedByContactType',
      'conversations.openedBySource',
      'conversations.openedByChannel',
      'origin',
      'byTag',
      'contacts.added',
      'contacts.connectedBySource',
      'messages.total',
      'messages.outgoingBySource',
    ]) {
      expect(evaluateExamplePath(closedOnly, path), path).toBe('not-applicable');
    }
    expect(evaluateExamplePath(closedOnly, 'conversations.overview.closed')).toBe(1);
    expect(evaluateExamplePath(closedOnly, 'filters')).toEqual([{ name: 'closedSource', values: ['user'] }]);

    const byContact = snapshotOf(ws, { ...day, filters: { conversationId: ['c1', 'c1', ''], contact: ['k1'] } });
    expect(evaluateExamplePath(byContact, 'filters')).toEqual([
      { name: 'contact', values: ['k1'] },
      { name: 'conversationId', values: ['', 'c1'] },
    ]);
    expect(evaluateExamplePath(byContact, 'conversations.overview')).toEqual({ opened: 1, closed: 1 });
    expect(evaluateExamplePath(byContact, 'messages.total')).toBe('not-applicable');
    const contactOnly = snapshotOf(ws, { ...day, filters: { contact: ['k1'] } });
    expect(evaluateExamplePath(contactOnly, 'messages.total')).toBe(1);
  });

  it('breaks contact-type ties on openedAt by id in code-unit order (D29)', () => {
    const s = snapshotOf(
      workspaceOf({
        conversations: [
          conversation('c9', { contactId: 'k1' }),
          conversation('c10', { contactId: 'k1' }), // "c10" < "c9"
          conversation('c11', { contactId: 'k1', openedAt: T - 1, closedAt: null }), // earlier, open: still counts
          conversation('c2', { contactId: 'k2', closedSource: 'contact_merged' }),
        ],
      }),
      day,
    );
    expect(evaluateExamplePath(s, 'conversations.list[*].conversationId')).toEqual(['c10', 'c9']);
    expect(evaluateExamplePath(s, 'conversations.list[*].contactType')).toEqual(['returning', 'returning']);
    expect(evaluateExamplePath(s, 'conversations.openedByContactType')).toEqual([
      { key: 'new', count: 2, percent: 50 }, // c11 and c2 (a merged conversation still has a type)
      { key: 'returning', count: 2, percent: 50 },
    ]);
  });

  it('gives blocked closures no closing user but keeps the team (D12, D17)', () => {
    const s = snapshotOf(
      workspaceOf({
        conversations: [conversation('c1', { closedSource: 'blocked', closedByUserId: 'u-a' })],
        messages: [incoming('c1', T), reply('c1', T + 10 * S, 'u-a')],
      }),
      day,
    );
    expect(evaluateExamplePath(s, 'conversations.list[0].closedByUserId')).toBeNull();
    expect(evaluateExamplePath(s, 'leaderboard.byUser.resolutionTime')).toEqual([]);
    expect(evaluateExamplePath(s, 'userPerformance')).toEqual([]);
    expect(evaluateExamplePath(s, 'leaderboard.byTeam.responseTime[*].id')).toEqual(['t1']);
    const blockedOnly = workspaceOf({ conversations: [conversation('c1', { closedSource: 'blocked' })] });
    expect(evaluateExamplePath(snapshotOf(blockedOnly, { ...day, filters: { closedByUser: [''] } }), 'conversations.overview.closed')).toBe(1);
    expect(evaluateExamplePath(snapshotOf(blockedOnly, { ...day, filters: { closedByUser: ['u-a'] } }), 'conversations.overview.closed')).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// The generator, and invariants of the reference over it
// ---------------------------------------------------------------------------------------------

const snapshotKeys = ['format', 'version', 'period', 'filters', 'input', 'conversations', 'contacts', 'messages', 'leaderboard', 'userPerformance', 'csat', 'origin', 'byTag'];

function percentTenths(groups: Json): number {
  return (groups as { percent: number }[]).reduce((sum, g) => sum + Math.round(g.percent * 10), 0);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sumOf(value: Json): number {
  return evaluateExamplePath({ value }, 'value@sum') as number;
}

describe('arbitraryWorkspace and the reference together', () => {
  it('generates serialisable workspaces with the adversarial features asked for', () => {
    const samples = fc.sample(arbitraryWorkspace(), { numRuns: 300, seed: 42 });
    const seen = new Set<string>();
    for (const workspace of samples) {
      expect(JSON.parse(JSON.stringify(workspace))).toEqual(workspace);
      expect(workspace.conversations.length).toBeLessThanOrEqual(30);
      expect(workspace.messages.length).toBeLessThanOrEqual(150);
      const s = snapshotOf(workspace, { from: '2024-01-01', to: '2024-12-31', timeZone: 'UTC', filters: {} });
      const input = s.input as { loaded: Record<string, number>; rejected: Record<string, number> };
      for (const collection of Object.keys(input.loaded)) {
        if (input.rejected[collection] > 0) seen.add(`rejected ${collection}`);
        const records = (workspace as unknown as Record<string, unknown[]>)[collection];
        if (input.loaded[collection] + input.rejected[collection] < records.length) seen.add(`duplicate ${collection}`);
      }
      for (const record of workspace.conversations.filter(isRecord)) {
        if (record.closedSource === 'contact_merged') seen.add('contact_merged');
        if (record.closedAt === null) seen.add('closedAt null');
        if (!('tags' in record)) seen.add('tags absent');
      }
      for (const record of workspace.assignments.filter(isRecord)) if (record.userId === null) seen.add('unassignment');
      for (const record of workspace.messages.filter(isRecord)) if (record.conversationId === null) seen.add('message without conversation');
      for (const record of workspace.contactEvents.filter(isRecord)) if (record.type === 'connected') seen.add('connected');
      const list = s.conversations as Record<string, Json>;
      for (const row of list.list as Record<string, Json>[]) {
        if (row.timeToFirstAssignmentMs === null && row.firstAssigneeId !== null) seen.add('assigned before open');
        if (row.lastAssignmentToResponseMs !== null) seen.add('last assignment to response');
        if ((row.resolutionTimeMs as number) < 0) seen.add('negative resolution');
        if (row.contactType === 'returning') seen.add('returning');
      }
    }
    for (const feature of [
      'rejected conversations',
      'rejected messages',
      'rejected csat',
      'duplicate conversations',
      'duplicate messages',
      'contact_merged',
      'closedAt null',
      'tags absent',
      'unassignment',
      'message without conversation',
      'assigned before open',
      'last assignment to response',
      'negative resolution',
      'returning',
      'connected',
    ]) {
      expect(seen, feature).toContain(feature);
    }
  });

  it('satisfies the snapshot invariants on generated reports', () => {
    fc.assert(
      fc.property(arbitraryReportCase(), ({ workspace, args }) => {
        const s = snapshotOf(workspace, args);
        expect(Object.keys(s)).toEqual(snapshotKeys);
        const conversations = s.conversations as Record<string, Json>;
        const overview = conversations.overview as Record<string, Json>;
        const list = conversations.list as Record<string, Json>[];
        expect(list).toHaveLength(overview.closed as number);
        expect(sumOf(conversations.closedHeatmap)).toBe(overview.closed);
        for (let i = 1; i < list.length; i++) {
          const [a, b] = [list[i - 1], list[i]];
          expect((a.closedAt as number) > (b.closedAt as number) || (a.closedAt === b.closedAt && (a.conversationId as string) < (b.conversationId as string))).toBe(true);
        }
        if (overview.opened !== 'not-applicable') {
          expect(sumOf(conversations.openedHeatmap)).toBe(overview.opened);
          const days = conversations.openedVsClosed as { opened: number; closed: number }[];
          expect(days.reduce((n, d) => n + d.opened, 0)).toBe(overview.opened);
          expect(days.reduce((n, d) => n + d.closed, 0)).toBe(overview.closed);
          for (const key of ['openedByContactType', 'openedBySource', 'openedByChannel']) {
            const groups = conversations[key] as Json[];
            if (groups.length > 0) expect(percentTenths(groups)).toBe(1000);
          }
        }
        for (const groups of [conversations.closedByCategory, conversations.closedBySource, conversations.closedByContactType, s.origin, s.byTag]) {
          if (Array.isArray(groups) && groups.length > 0) expect(percentTenths(groups)).toBe(1000);
        }
        const csat = s.csat as { responses: number; distribution: number[] };
        expect(csat.distribution.reduce((a, b) => a + b, 0)).toBe(csat.responses);
        const durations = conversations.durations as Record<string, { count: number }>;
        expect(durations.resolutionTime.count).toBe(list.length);
        const performance = s.userPerformance as { conversationsClosed: number }[];
        const byUser = (s.leaderboard as { byUser: { resolutionTime: { conversations: number }[] } }).byUser.resolutionTime;
        expect(performance.reduce((n, p) => n + p.conversationsClosed, 0)).toBe(byUser.reduce((n, e) => n + e.conversations, 0));
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
