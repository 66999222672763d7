import type { Agg, Group, LeaderboardEntry, LeaderboardLists, WeekHourHeatmap } from '@parley/model';
import { compareStrings } from '@parley/model';
import type { Dictionary } from '@parley/metrics';
import { emptyAgg, groupsFromMap, roundedMean } from '@parley/metrics';
import type { QueryName } from './bench-config.js';

// The answer of each query, in one shape for every engine, so their answers can be compared.
// Peers compute counts, sums and nearest-rank quantiles in their engine; the few-row finishing
// (percentages by largest remainder, rounding the mean, ranking ≤ 30 entries) uses parley's own
// helpers, so any mismatch is a real difference in the engines' numbers.

export interface GroupsAnswer {
  openedByContactType: Group[];
  openedBySource: Group[];
  openedByChannel: Group[];
  closedByCategory: Group[];
  closedBySource: Group[];
  closedByContactType: Group[];
}

export interface LeaderboardAnswer {
  byUser: LeaderboardLists;
  byTeam: LeaderboardLists;
}

/** The list columns every engine returns (parley's full rows are cut down to these). */
export interface ListRowAnswer {
  conversationId: string;
  closedAt: number | null;
  openedAt: number;
  category: string | null;
  closedSource: string | null;
  closedByTeamId: string | null;
  contactType: 'new' | 'returning';
  firstResponseAt: number | null;
}

export interface AllAnswer {
  heatmap: WeekHourHeatmap;
  groups: GroupsAnswer;
  frt: Agg;
  leaderboard: LeaderboardAnswer;
  list: ListRowAnswer[];
}

export interface QueryAnswers {
  'heatmap-opened': WeekHourHeatmap;
  groups: GroupsAnswer;
  'frt-filtered': Agg;
  leaderboard: LeaderboardAnswer;
  'list-page': ListRowAnswer[];
  all: AllAnswer;
}

export type AnyAnswer = QueryAnswers[QueryName];

export const contactTypeKey = (code: number): 'new' | 'returning' => (code === 0 ? 'new' : 'returning');

/** A 7 × 24 heatmap from per-cell counts (cell = weekday * 24 + hour). */
export function heatmapFromCells(cells: ArrayLike<number>): WeekHourHeatmap {
  return Array.from({ length: 7 }, (_, weekday) => Array.from({ length: 24 }, (_, hour) => cells[weekday * 24 + hour] ?? 0));
}

/** Groups from (key, count) pairs; equal keys merge (every "none" is null). */
export function groupsFromPairs(pairs: Iterable<readonly [string | null, number]>): Group[] {
  const counts = new Map<string | null, number>();
  for (const [key, count] of pairs) counts.set(key, (counts.get(key) ?? 0) + count);
  return groupsFromMap(counts);
}

export const codeKey =
  (dictionary: Dictionary) =>
  (code: number): string | null =>
    dictionary.key(code);

/** An Agg from an engine's count, exact sum and nearest-rank median / p90. */
export function aggFromParts(count: number, sum: number | bigint | null, median: number | null, p90: number | null): Agg {
  if (count === 0 || sum === null || median === null || p90 === null) return emptyAgg();
  return { count, meanMs: roundedMean(sum, count), medianMs: median, p90Ms: p90 };
}

/** Per-group aggregates an engine returns for the leaderboard (code → parts). */
export interface LeaderboardGroup {
  code: number;
  conversations: number;
  response: Agg;
  resolution: Agg;
}

/** Ranks leaderboard groups exactly as parley does (mean asc, then id; groups without values left out). */
export function rankLeaderboard(groups: readonly LeaderboardGroup[], dictionary: Dictionary): LeaderboardLists {
  const entries: LeaderboardEntry[] = [...groups]
    .sort((a, b) => a.code - b.code)
    .map((group) => ({ id: dictionary.values[group.code] as string, conversations: group.conversations, responseTime: group.response, resolutionTime: group.resolution }));
  const byMean = (measure: 'responseTime' | 'resolutionTime') => (a: LeaderboardEntry, b: LeaderboardEntry) =>
    (a[measure].meanMs as number) - (b[measure].meanMs as number) || compareStrings(a.id, b.id);
  return {
    responseTime: entries.filter((entry) => entry.responseTime.count > 0).sort(byMean('responseTime')),
    resolutionTime: entries.filter((entry) => entry.resolutionTime.count > 0).sort(byMean('resolutionTime')),
  };
}

/** `p`-th percentile by nearest rank of values already sorted ascending (1-based rank ceil(p·n/100)). */
export function nearestRankOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.ceil((p * sorted.length) / 100) - 1];
}
