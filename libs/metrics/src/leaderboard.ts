import type { Agg, LeaderboardEntry, LeaderboardLists, UserPerformanceRow } from '@parley/model';
import { compareStrings } from '@parley/model';
import { aggregateByGroup } from './group-aggregator.js';
import type { Dictionary } from './dictionary.js';
import type { DurationMeasure } from './durations.js';
import { calendarTime, responseTime } from './durations.js';
import type { QueryContext } from './query-context.js';

// Leaderboard and user performance of seed 004 (D17, D18): closed-family conversations grouped by
// closing user or closing team, durations aggregated per group in one pass.

interface GroupedDurations {
  /** Group codes present, in code order. */
  codes: number[];
  conversations: Uint32Array;
  resolution: Agg[];
  response: Agg[];
  firstResponse: Agg[];
  responsesCount: Uint32Array;
  messagesSent: Uint32Array;
  assignments: Uint32Array;
}

/**
 * Aggregates the closed rows per group code. `ownResponsesOnly`: count only the responses the
 * group's user sent (byUser); otherwise every response of the conversation (byTeam).
 */
function groupDurations(ctx: QueryContext, groupOf: Uint32Array, dictionary: Dictionary, ownResponsesOnly: boolean, measure: DurationMeasure): GroupedDurations {
  const { conversations, facts, responses } = ctx.tables;
  const rows = ctx.closedRows();
  const size = dictionary.size;
  const conversationsPerCode = new Uint32Array(size);
  const messagesSent = new Uint32Array(size);
  const assignments = new Uint32Array(size);
  const resolutionValues = new Float64Array(rows.length);
  const resolutionGroups = new Uint32Array(rows.length);
  const firstResponseValues = new Float64Array(rows.length);
  const firstResponseGroups = new Uint32Array(rows.length);
  let resolutionCount = 0;
  let firstResponseCount = 0;
  let responseTotal = 0;
  for (const row of rows) {
    const code = groupOf[row];
    if (dictionary.isNone(code)) continue;
    responseTotal += facts.responseOffsets[row + 1] - facts.responseOffsets[row];
  }
  const responseValues = new Float64Array(responseTotal);
  const responseGroups = new Uint32Array(responseTotal);
  let responseCount = 0;
  for (const row of rows) {
    const code = groupOf[row];
    if (dictionary.isNone(code)) continue;
    conversationsPerCode[code]++;
    messagesSent[code] += facts.closerMessagesSent[row];
    assignments[code] += facts.assignments[row];
    const resolution = measure(conversations.openedAt[row], conversations.closedAt[row], row);
    if (resolution === resolution) {
      resolutionValues[resolutionCount] = resolution;
      resolutionGroups[resolutionCount++] = code;
    }
    const firstResponse = measure(conversations.openedAt[row], facts.firstResponseAt[row], row);
    if (firstResponse === firstResponse) {
      firstResponseValues[firstResponseCount] = firstResponse;
      firstResponseGroups[firstResponseCount++] = code;
    }
    for (let r = facts.responseOffsets[row]; r < facts.responseOffsets[row + 1]; r++) {
      if (ownResponsesOnly && responses.user[r] !== code) continue;
      responseValues[responseCount] = responseTime(ctx.tables, r, measure);
      responseGroups[responseCount++] = code;
    }
  }
  const responsesCount = new Uint32Array(size);
  for (let i = 0; i < responseCount; i++) responsesCount[responseGroups[i]]++;
  const codes: number[] = [];
  for (let code = 0; code < size; code++) if (conversationsPerCode[code] > 0) codes.push(code);
  return {
    codes,
    conversations: conversationsPerCode,
    resolution: aggregateByGroup(resolutionValues, resolutionGroups, resolutionCount, size),
    response: aggregateByGroup(responseValues, responseGroups, responseCount, size),
    firstResponse: aggregateByGroup(firstResponseValues, firstResponseGroups, firstResponseCount, size),
    responsesCount,
    messagesSent,
    assignments,
  };
}

function rankLists(grouped: GroupedDurations, dictionary: Dictionary): LeaderboardLists {
  const entries: LeaderboardEntry[] = grouped.codes.map((code) => ({
    id: dictionary.values[code] as string,
    conversations: grouped.conversations[code],
    responseTime: grouped.response[code],
    resolutionTime: grouped.resolution[code],
  }));
  const byMean = (measure: 'responseTime' | 'resolutionTime') => (a: LeaderboardEntry, b: LeaderboardEntry) =>
    (a[measure].meanMs as number) - (b[measure].meanMs as number) || compareStrings(a.id, b.id);
  return {
    responseTime: entries.filter((entry) => entry.responseTime.count > 0).sort(byMean('responseTime')),
    resolutionTime: entries.filter((entry) => entry.resolutionTime.count > 0).sort(byMean('resolutionTime')),
  };
}

export function leaderboard(ctx: QueryContext, measure: DurationMeasure = calendarTime): { byUser: LeaderboardLists; byTeam: LeaderboardLists } {
  const { facts, conversations, dictionaries: d } = ctx.tables;
  return {
    byUser: rankLists(groupDurations(ctx, facts.closingUser, d.users, true, measure), d.users),
    byTeam: rankLists(groupDurations(ctx, conversations.closedByTeam, d.teams, false, measure), d.teams),
  };
}

export function userPerformance(ctx: QueryContext, measure: DurationMeasure = calendarTime): UserPerformanceRow[] {
  const d = ctx.tables.dictionaries;
  const grouped = groupDurations(ctx, ctx.tables.facts.closingUser, d.users, true, measure);
  return grouped.codes
    .map((code) => ({
      userId: d.users.values[code] as string,
      conversationsClosed: grouped.conversations[code],
      messagesSent: grouped.messagesSent[code],
      responses: grouped.responsesCount[code],
      firstResponseTime: grouped.firstResponse[code],
      responseTime: grouped.response[code],
      resolutionTime: grouped.resolution[code],
      assignments: grouped.assignments[code],
    }))
    .sort((a, b) => compareStrings(a.userId, b.userId));
}
