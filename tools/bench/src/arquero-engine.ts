import type { Agg } from '@parley/model';
import { desc, op, table } from 'arquero';
import type { AllAnswer, GroupsAnswer, LeaderboardAnswer, LeaderboardGroup, ListRowAnswer, QueryAnswers } from './answers.js';
import { aggFromParts, codeKey, contactTypeKey, groupsFromPairs, heatmapFromCells, rankLeaderboard } from './answers.js';
import { listPageSize } from './bench-config.js';
import type { BenchEngine, QueryRunners } from './bench-engine.js';
import type { PeerData } from './peer-columns.js';
import type { QueryParameters } from './query-parameters.js';

// Arquero 8: the peer columns as one conversation table and one response table (typed arrays
// handed over as they are), each query written with Arquero verbs. Expressions are Arquero's
// own (parsed from the function source): they may use only `d`, `$` and `op`.

type Table = ReturnType<typeof table>;

const numbers = (t: Table, name: string): ArrayLike<number> => t.array(name) as ArrayLike<number>;

export interface ArqueroTables {
  conversations: Table;
  responses: Table;
}

export function loadArquero(data: PeerData, parameters: QueryParameters): ArqueroTables {
  const c = data.conversations;
  const r = data.responses;
  const params = { start: parameters.startMs, end: parameters.endMs, channel: parameters.channel.code };
  const conversations = table({
    row: c.row,
    id: c.id,
    openedAt: c.openedAt,
    closedAt: c.closedAt,
    countedClosed: c.countedClosed,
    contactType: c.contactType,
    openedSource: c.openedSource,
    openedChannel: c.openedChannel,
    category: c.category,
    closedSource: c.closedSource,
    closingUser: c.closingUser,
    closedByTeam: c.closedByTeam,
    firstResponseAt: c.firstResponseAt,
    openedCell: c.openedCell,
    closedCell: c.closedCell,
  }).params(params) as Table;
  const responses = table({ conversation: r.conversation, user: r.user, since: r.since, at: r.at });
  return { conversations, responses };
}

const openedInPeriod = (t: Table): Table => t.filter((d, $) => d.openedAt >= $.start && d.openedAt < $.end);
const closedInPeriod = (t: Table): Table => t.filter((d, $) => d.countedClosed === 1 && d.closedAt >= $.start && d.closedAt < $.end);

/** Count per code of a column, as (key, count) pairs. */
function countBy(t: Table, column: string, key: (code: number) => string | null): [string | null, number][] {
  const counts = t.groupby(column).count();
  const codes = numbers(counts, column);
  const values = numbers(counts, 'count');
  return Array.from({ length: counts.numRows() }, (_, i) => [key(codes[i]), values[i]]);
}

/**
 * Count, sum, and nearest-rank median / p90 of `value` per `key` group: a rollup for count and sum,
 * and a window pass (rank within the group in value order) picking ranks ceil(n/2) and ceil(0.9n).
 */
function aggByGroup(t: Table, key: string, value: string): Map<number, Agg> {
  const sums = t.groupby(key).rollup({ n: op.count(), sum: op.sum(value) });
  const picked = t
    .groupby(key)
    .orderby(value)
    .derive({ rank: op.row_number(), n: op.count() })
    .filter((d) => d.rank === op.ceil((d.n * 50) / 100) || d.rank === op.ceil((d.n * 90) / 100));
  const quantiles = new Map<number, { median: number; p90: number }>();
  const pickedKeys = numbers(picked, key);
  const pickedRanks = numbers(picked, 'rank');
  const pickedCounts = numbers(picked, 'n');
  const pickedValues = numbers(picked, value);
  for (let i = 0; i < picked.numRows(); i++) {
    const entry = quantiles.get(pickedKeys[i]) ?? { median: NaN, p90: NaN };
    if (pickedRanks[i] === Math.ceil((pickedCounts[i] * 50) / 100)) entry.median = pickedValues[i];
    if (pickedRanks[i] === Math.ceil((pickedCounts[i] * 90) / 100)) entry.p90 = pickedValues[i];
    quantiles.set(pickedKeys[i], entry);
  }
  const result = new Map<number, Agg>();
  const keys = numbers(sums, key);
  const counts = numbers(sums, 'n');
  const totals = numbers(sums, 'sum');
  for (let i = 0; i < sums.numRows(); i++) {
    const q = quantiles.get(keys[i]);
    result.set(keys[i], aggFromParts(counts[i], totals[i], q?.median ?? null, q?.p90 ?? null));
  }
  return result;
}

function heatmap(opened: Table): QueryAnswers['heatmap-opened'] {
  const counts = opened.groupby('openedCell').count();
  const cells = new Float64Array(168);
  const codes = numbers(counts, 'openedCell');
  const values = numbers(counts, 'count');
  for (let i = 0; i < counts.numRows(); i++) cells[codes[i]] = values[i];
  return heatmapFromCells(cells);
}

function groups(opened: Table, closed: Table, data: PeerData): GroupsAnswer {
  const d = data.dictionaries;
  return {
    openedByContactType: groupsFromPairs(countBy(opened, 'contactType', contactTypeKey)),
    openedBySource: groupsFromPairs(countBy(opened, 'openedSource', codeKey(d.openedSources))),
    openedByChannel: groupsFromPairs(countBy(opened, 'openedChannel', codeKey(d.channels))),
    closedByCategory: groupsFromPairs(countBy(closed, 'category', codeKey(d.categories))),
    closedBySource: groupsFromPairs(countBy(closed, 'closedSource', codeKey(d.closedSources))),
    closedByContactType: groupsFromPairs(countBy(closed, 'contactType', contactTypeKey)),
  };
}

function firstResponseTime(closed: Table): Agg {
  const values = closed
    .filter((d, $) => d.openedChannel === $.channel)
    .derive({ frt: (d) => d.firstResponseAt - d.openedAt })
    .filter((d) => op.is_finite(d.frt));
  const totals = values.rollup({ n: op.count(), sum: op.sum('frt') });
  const n = numbers(totals, 'n')[0] ?? 0;
  if (n === 0) return aggFromParts(0, null, null, null);
  const sorted = numbers(values.orderby('frt'), 'frt');
  return aggFromParts(n, numbers(totals, 'sum')[0], sorted[Math.ceil((n * 50) / 100) - 1], sorted[Math.ceil((n * 90) / 100) - 1]);
}

function leaderboard(closed: Table, responses: Table, data: PeerData): LeaderboardAnswer {
  const withResolution = closed.derive({ resolution: (d) => d.closedAt - d.openedAt });
  const joined = closed
    .select('row', 'closingUser', 'closedByTeam')
    .join(responses, ['row', 'conversation'])
    .derive({ responseTime: (d) => d.at - d.since });
  const side = (key: 'closingUser' | 'closedByTeam', responseRows: Table): LeaderboardGroup[] => {
    const counted = withResolution.filter(key === 'closingUser' ? (d) => d.closingUser !== 0 : (d) => d.closedByTeam !== 0);
    const resolution = aggByGroup(counted, key, 'resolution');
    const response = aggByGroup(responseRows, key, 'responseTime');
    return [...resolution].map(([code, agg]) => ({
      code,
      conversations: agg.count,
      resolution: agg,
      response: response.get(code) ?? aggFromParts(0, null, null, null),
    }));
  };
  // By user: only the responses the closing user sent; by team: every response of its conversations.
  const byUser = side(
    'closingUser',
    joined.filter((d) => d.closingUser !== 0 && d.user === d.closingUser),
  );
  const byTeam = side(
    'closedByTeam',
    joined.filter((d) => d.closedByTeam !== 0),
  );
  return { byUser: rankLeaderboard(byUser, data.dictionaries.users), byTeam: rankLeaderboard(byTeam, data.dictionaries.teams) };
}

function listPage(closed: Table, data: PeerData): ListRowAnswer[] {
  const d = data.dictionaries;
  const rows = closed.orderby(desc('closedAt'), 'id').objects({ limit: listPageSize }) as {
    id: string;
    closedAt: number;
    openedAt: number;
    category: number;
    closedSource: number;
    closedByTeam: number;
    contactType: number;
    firstResponseAt: number;
  }[];
  return rows.map((row) => ({
    conversationId: row.id,
    closedAt: row.closedAt,
    openedAt: row.openedAt,
    category: d.categories.key(row.category),
    closedSource: d.closedSources.key(row.closedSource),
    closedByTeamId: d.teams.key(row.closedByTeam),
    contactType: contactTypeKey(row.contactType),
    firstResponseAt: row.firstResponseAt === row.firstResponseAt ? row.firstResponseAt : null,
  }));
}

export function arqueroQueries(tables: ArqueroTables, data: PeerData): QueryRunners<'sync'> {
  const { conversations, responses } = tables;
  return {
    'heatmap-opened': () => heatmap(openedInPeriod(conversations)),
    groups: () => groups(openedInPeriod(conversations), closedInPeriod(conversations), data),
    'frt-filtered': () => firstResponseTime(closedInPeriod(conversations)),
    leaderboard: () => leaderboard(closedInPeriod(conversations), responses, data),
    'list-page': () => listPage(closedInPeriod(conversations), data),
    all: (): AllAnswer => {
      // Like parley's shared context: each period filter is computed once and reused.
      const opened = openedInPeriod(conversations);
      const closed = closedInPeriod(conversations);
      return {
        heatmap: heatmap(opened),
        groups: groups(opened, closed, data),
        frt: firstResponseTime(closed),
        leaderboard: leaderboard(closed, responses, data),
        list: listPage(closed, data),
      };
    },
  };
}

export function arqueroEngine(tables: ArqueroTables, data: PeerData): BenchEngine {
  const queries = arqueroQueries(tables, data);
  return {
    name: 'arquero',
    run: <Q extends keyof QueryAnswers>(query: Q) => queries[query]() as QueryAnswers[Q],
    close: () => undefined,
  };
}
