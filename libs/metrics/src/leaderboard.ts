import type { LeaderboardEntry, LeaderboardLists, UserPerformanceRow } from '@parley/model';
import { compareStrings } from '@parley/model';
import type { CalendarDurations } from './calendar-durations.js';
import { calendarDurations } from './calendar-durations.js';
import type { Dictionary } from './dictionary.js';
import type { DurationMeasure } from './durations.js';
import { calendarTime } from './durations.js';
import { durationBucket, GroupAggregator } from './group-aggregator.js';
import type { QueryContext } from './query-context.js';

// Leaderboard and user performance of seed 004 (D17, D18): closed-family conversations grouped by
// closing user and by closing team, every duration aggregate of both groupings in two passes.

interface Grouped {
  conversations: Uint32Array;
  resolution: GroupAggregator;
  response: GroupAggregator;
}

interface UserExtras {
  firstResponse: GroupAggregator;
  messagesSent: Uint32Array;
  assignments: Uint32Array;
}

/**
 * Durations and buckets for the closed rows: calendar ones come precomputed; any other measure
 * (business hours) is computed for the selected rows and their responses only.
 */
function durationsFor(ctx: QueryContext, measure: DurationMeasure): CalendarDurations {
  if (measure === calendarTime) return calendarDurations(ctx.tables);
  const { conversations, responses, facts } = ctx.tables;
  const durations: CalendarDurations = {
    responseMs: new Float64Array(responses.count),
    responseBucket: new Uint16Array(responses.count),
    sentByCloser: new Uint8Array(responses.count),
    resolutionMs: new Float64Array(conversations.count),
    resolutionBucket: new Uint16Array(conversations.count),
  };
  for (const row of ctx.closedRowsByRow()) {
    const resolution = measure(conversations.openedAt[row], conversations.closedAt[row], row);
    durations.resolutionMs[row] = resolution;
    durations.resolutionBucket[row] = durationBucket(resolution);
    for (let r = facts.responseOffsets[row]; r < facts.responseOffsets[row + 1]; r++) {
      const value = measure(responses.since[r], responses.at[r], row);
      durations.responseMs[r] = value;
      durations.responseBucket[r] = durationBucket(value);
      durations.sentByCloser[r] = facts.closingUser[row] !== 0 && responses.user[r] === facts.closingUser[row] ? 1 : 0;
    }
  }
  return durations;
}

/** What one pass over the closed rows feeds, in the order GroupAggregator needs (add, plan, keep). */
interface PassTargets {
  rows: Uint32Array;
  closingUser: Uint32Array;
  closingTeam: Uint32Array;
  teamIsNone: Uint8Array;
  responseOffsets: Uint32Array;
  durations: CalendarDurations;
  byUser: Grouped;
  byTeam: Grouped;
}

function addPass(t: PassTargets): void {
  const { rows, closingUser, closingTeam, teamIsNone, responseOffsets, durations, byUser, byTeam } = t;
  const { resolutionMs, resolutionBucket, responseMs, responseBucket, sentByCloser } = durations;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k];
    const user = closingUser[row];
    const team = closingTeam[row];
    const hasTeam = teamIsNone[team] === 0;
    if (user !== 0) {
      byUser.conversations[user]++;
      byUser.resolution.add(user, resolutionMs[row], resolutionBucket[row]);
    }
    if (hasTeam) {
      byTeam.conversations[team]++;
      byTeam.resolution.add(team, resolutionMs[row], resolutionBucket[row]);
    }
    const end = responseOffsets[row + 1];
    for (let r = responseOffsets[row]; r < end; r++) {
      if (hasTeam) byTeam.response.add(team, responseMs[r], responseBucket[r]);
      if (sentByCloser[r] === 1) byUser.response.add(user, responseMs[r], responseBucket[r]);
    }
  }
}

function keepPass(t: PassTargets): void {
  const { rows, closingUser, closingTeam, teamIsNone, responseOffsets, durations, byUser, byTeam } = t;
  const { resolutionMs, resolutionBucket, responseMs, responseBucket, sentByCloser } = durations;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k];
    const user = closingUser[row];
    const team = closingTeam[row];
    const hasTeam = teamIsNone[team] === 0;
    if (user !== 0) byUser.resolution.keep(user, resolutionMs[row], resolutionBucket[row]);
    if (hasTeam) byTeam.resolution.keep(team, resolutionMs[row], resolutionBucket[row]);
    const end = responseOffsets[row + 1];
    for (let r = responseOffsets[row]; r < end; r++) {
      if (hasTeam) byTeam.response.keep(team, responseMs[r], responseBucket[r]);
      if (sentByCloser[r] === 1) byUser.response.keep(user, responseMs[r], responseBucket[r]);
    }
  }
}

/** Groups the closed rows by closing user (responses that user sent) and by closing team (every response). */
function groupClosed(ctx: QueryContext, measure: DurationMeasure): { byUser: Grouped; byTeam: Grouped } {
  const { conversations, facts } = ctx.tables;
  const d = ctx.tables.dictionaries;
  const teamIsNone = new Uint8Array(d.teams.size);
  for (let code = 0; code < d.teams.size; code++) teamIsNone[code] = d.teams.isNone(code) ? 1 : 0;
  const targets: PassTargets = {
    rows: ctx.closedRowsByRow(),
    closingUser: facts.closingUser,
    closingTeam: conversations.closedByTeam,
    teamIsNone,
    responseOffsets: facts.responseOffsets,
    durations: durationsFor(ctx, measure),
    byUser: { conversations: new Uint32Array(d.users.size), resolution: new GroupAggregator(d.users.size), response: new GroupAggregator(d.users.size) },
    byTeam: { conversations: new Uint32Array(d.teams.size), resolution: new GroupAggregator(d.teams.size), response: new GroupAggregator(d.teams.size) },
  };
  addPass(targets);
  for (const aggregator of [targets.byUser.resolution, targets.byUser.response, targets.byTeam.resolution, targets.byTeam.response]) aggregator.plan();
  keepPass(targets);
  return { byUser: targets.byUser, byTeam: targets.byTeam };
}

/** User-performance extras of the closing users: first response time, messages sent, assignments. */
function userExtras(ctx: QueryContext, measure: DurationMeasure): UserExtras {
  const { conversations, facts } = ctx.tables;
  const size = ctx.tables.dictionaries.users.size;
  const extras: UserExtras = { firstResponse: new GroupAggregator(size), messagesSent: new Uint32Array(size), assignments: new Uint32Array(size) };
  const rows = ctx.closedRowsByRow();
  const firstResponseTime = (row: number) => measure(conversations.openedAt[row], facts.firstResponseAt[row], row);
  for (const row of rows) {
    const user = facts.closingUser[row];
    if (user === 0) continue;
    extras.messagesSent[user] += facts.closerMessagesSent[row];
    extras.assignments[user] += facts.assignments[row];
    const value = firstResponseTime(row);
    if (value === value) extras.firstResponse.add(user, value, durationBucket(value));
  }
  extras.firstResponse.plan();
  for (const row of rows) {
    const user = facts.closingUser[row];
    const value = firstResponseTime(row);
    if (user !== 0 && value === value) extras.firstResponse.keep(user, value, durationBucket(value));
  }
  return extras;
}

function rankLists(grouped: Grouped, dictionary: Dictionary): LeaderboardLists {
  const entries: LeaderboardEntry[] = [];
  for (let code = 0; code < dictionary.size; code++) {
    if (grouped.conversations[code] === 0) continue;
    entries.push({
      id: dictionary.values[code] as string,
      conversations: grouped.conversations[code],
      responseTime: grouped.response.result(code),
      resolutionTime: grouped.resolution.result(code),
    });
  }
  const byMean = (measure: 'responseTime' | 'resolutionTime') => (a: LeaderboardEntry, b: LeaderboardEntry) =>
    (a[measure].meanMs as number) - (b[measure].meanMs as number) || compareStrings(a.id, b.id);
  return {
    responseTime: entries.filter((entry) => entry.responseTime.count > 0).sort(byMean('responseTime')),
    resolutionTime: entries.filter((entry) => entry.resolutionTime.count > 0).sort(byMean('resolutionTime')),
  };
}

export function leaderboard(ctx: QueryContext, measure: DurationMeasure = calendarTime): { byUser: LeaderboardLists; byTeam: LeaderboardLists } {
  const { byUser, byTeam } = groupClosed(ctx, measure);
  const d = ctx.tables.dictionaries;
  return { byUser: rankLists(byUser, d.users), byTeam: rankLists(byTeam, d.teams) };
}

export function userPerformance(ctx: QueryContext, measure: DurationMeasure = calendarTime): UserPerformanceRow[] {
  const { byUser } = groupClosed(ctx, measure);
  const extras = userExtras(ctx, measure);
  const users = ctx.tables.dictionaries.users;
  const rows: UserPerformanceRow[] = [];
  for (let code = 0; code < users.size; code++) {
    if (byUser.conversations[code] === 0) continue;
    const responseTime = byUser.response.result(code);
    rows.push({
      userId: users.values[code] as string,
      conversationsClosed: byUser.conversations[code],
      messagesSent: extras.messagesSent[code],
      responses: responseTime.count,
      firstResponseTime: extras.firstResponse.result(code),
      responseTime,
      resolutionTime: byUser.resolution.result(code),
      assignments: extras.assignments[code],
    });
  }
  return rows.sort((a, b) => compareStrings(a.userId, b.userId));
}
