import type { Agg, LeaderboardEntry, LeaderboardLists, UserPerformanceRow } from '@parley/model';
import { compareStrings } from '@parley/model';
import type { CalendarDurations } from './calendar-durations.js';
import { closedOrderCalendar } from './calendar-durations.js';
import type { Dictionary } from './dictionary.js';
import type { DurationMeasure } from './durations.js';
import { calendarTime } from './durations.js';
import { durationBucket, GroupAggregator, slotsPerGroup } from './group-aggregator.js';
import { leaderboardIndexes } from './leaderboard-index.js';
import type { QueryContext } from './query-context.js';

// Leaderboard and user performance of seed 004 (D17, D18): closed-family conversations grouped by
// closing user and by closing team, every duration aggregate of both groupings in two passes.

interface Grouped {
  conversations: Uint32Array;
  resolution: GroupAggregator;
  response: GroupAggregator;
}

/** What the rankings read: conversations and the two Aggs per group code. */
interface GroupResults {
  conversations: Uint32Array;
  resolution(code: number): Agg;
  response(code: number): Agg;
}

function resultsOf(grouped: Grouped): GroupResults {
  return {
    conversations: grouped.conversations,
    resolution: (code) => grouped.resolution.result(code),
    response: (code) => grouped.response.result(code),
  };
}

/**
 * Unfiltered calendar periods read the materialised leaderboard indexes (two binary searches per
 * group and bucket) instead of scanning every response; null when they cannot answer exactly.
 */
function indexedResults(ctx: QueryContext, measure: DurationMeasure): { byUser: GroupResults; byTeam: GroupResults } | null {
  if (ctx.hasFilters || measure !== calendarTime) return null;
  const indexes = leaderboardIndexes(ctx.tables);
  const { startMs, endMs } = ctx.period;
  const parts = [indexes.userResolution, indexes.userResponse, indexes.teamResolution, indexes.teamResponse];
  if (!parts.every((index) => index.exact)) return null;
  const [userResolution, userResponse, teamResolution, teamResponse] = parts.map((index) => index.aggregate(startMs, endMs));
  if (!userResolution || !userResponse || !teamResolution || !teamResponse) return null;
  return {
    byUser: { conversations: userResolution.counts, resolution: (code) => userResolution.aggs[code], response: (code) => userResponse.aggs[code] },
    byTeam: { conversations: teamResolution.counts, resolution: (code) => teamResolution.aggs[code], response: (code) => teamResponse.aggs[code] },
  };
}

interface UserExtras {
  firstResponse: GroupAggregator;
  messagesSent: Uint32Array;
  assignments: Uint32Array;
}

/**
 * Durations and buckets of a measure other than calendar time (business hours), computed for the
 * selected rows and their responses only (calendar ones come precomputed, closedOrderDurations).
 */
function durationsFor(ctx: QueryContext, measure: DurationMeasure): CalendarDurations {
  const { conversations, responses, facts } = ctx.tables;
  const durations: CalendarDurations = {
    responseMs: new Float64Array(responses.count),
    responseBucket: new Uint16Array(responses.count),
    sentByCloser: new Uint8Array(responses.count),
    resolutionMs: new Float64Array(conversations.count),
    resolutionBucket: new Uint16Array(conversations.count),
  };
  for (const row of ctx.closedRows()) {
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

/** What the two passes over the closed rows feed. */
interface PassTargets {
  /** Indexes into the arrays below: table rows, or closed positions with the closed-order copy. */
  rows: Uint32Array;
  closingUser: Uint32Array;
  /** Closing team, or 0 when it is none ("" included). */
  closingTeam: Uint32Array;
  responseOffsets: Uint32Array;
  durations: CalendarDurations;
  byUser: Grouped;
  byTeam: Grouped;
}

/**
 * First pass, written against the aggregators' arrays: this loop visits every response of the
 * period, so it stays free of calls. Group 0 (no user, no team) is fed too and ignored after.
 */
function addPass(t: PassTargets): void {
  const { rows, closingUser, closingTeam, responseOffsets } = t;
  const { resolutionMs, resolutionBucket, responseMs, responseBucket, sentByCloser } = t.durations;
  const userConversations = t.byUser.conversations;
  const teamConversations = t.byTeam.conversations;
  const userResolutionSums = t.byUser.resolution.sums;
  const userResolutionHistogram = t.byUser.resolution.histogram;
  const teamResolutionSums = t.byTeam.resolution.sums;
  const teamResolutionHistogram = t.byTeam.resolution.histogram;
  const userResponseSums = t.byUser.response.sums;
  const userResponseHistogram = t.byUser.response.histogram;
  const teamResponseSums = t.byTeam.response.sums;
  const teamResponseHistogram = t.byTeam.response.histogram;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k];
    const user = closingUser[row];
    const team = closingTeam[row];
    const userBase = user * slotsPerGroup;
    const teamBase = team * slotsPerGroup;
    const resolution = resolutionMs[row];
    const bucket = resolutionBucket[row];
    userConversations[user]++;
    userResolutionSums[user] += resolution;
    userResolutionHistogram[userBase + bucket]++;
    teamConversations[team]++;
    teamResolutionSums[team] += resolution;
    teamResolutionHistogram[teamBase + bucket]++;
    const end = responseOffsets[row + 1];
    for (let r = responseOffsets[row]; r < end; r++) {
      const value = responseMs[r];
      const responseSlot = responseBucket[r];
      teamResponseSums[team] += value;
      teamResponseHistogram[teamBase + responseSlot]++;
      if (sentByCloser[r] === 1) {
        userResponseSums[user] += value;
        userResponseHistogram[userBase + responseSlot]++;
      }
    }
  }
}

/** Second pass: only values in wanted slots reach keep(). */
function keepPass(t: PassTargets): void {
  const { rows, closingUser, closingTeam, responseOffsets, byUser, byTeam } = t;
  const { resolutionMs, resolutionBucket, responseMs, responseBucket, sentByCloser } = t.durations;
  const userResolutionWanted = byUser.resolution.wanted;
  const teamResolutionWanted = byTeam.resolution.wanted;
  const userResponseWanted = byUser.response.wanted;
  const teamResponseWanted = byTeam.response.wanted;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k];
    const user = closingUser[row];
    const team = closingTeam[row];
    const userBase = user * slotsPerGroup;
    const teamBase = team * slotsPerGroup;
    const bucket = resolutionBucket[row];
    if (userResolutionWanted[userBase + bucket]) byUser.resolution.keep(user, resolutionMs[row], bucket);
    if (teamResolutionWanted[teamBase + bucket]) byTeam.resolution.keep(team, resolutionMs[row], bucket);
    const end = responseOffsets[row + 1];
    for (let r = responseOffsets[row]; r < end; r++) {
      const responseSlot = responseBucket[r];
      if (teamResponseWanted[teamBase + responseSlot]) byTeam.response.keep(team, responseMs[r], responseSlot);
      if (sentByCloser[r] === 1 && userResponseWanted[userBase + responseSlot]) byUser.response.keep(user, responseMs[r], responseSlot);
    }
  }
}

/** BigInt sums of one group's values, for the rare values near 8.64e15 (see GroupAggregator). */
function resum(t: PassTargets, of: 'user' | 'team', measure: 'resolution' | 'response'): (group: number) => bigint {
  return (group) => {
    let sum = 0n;
    for (const row of t.rows) {
      if ((of === 'user' ? t.closingUser[row] : t.closingTeam[row]) !== group) continue;
      if (measure === 'resolution') sum += BigInt(t.durations.resolutionMs[row]);
      else {
        for (let r = t.responseOffsets[row]; r < t.responseOffsets[row + 1]; r++) {
          if (of === 'team' || t.durations.sentByCloser[r] === 1) sum += BigInt(t.durations.responseMs[r]);
        }
      }
    }
    return sum;
  };
}

/** Groups the closed rows by closing user (responses that user sent) and by closing team (every response). */
function groupClosed(ctx: QueryContext, measure: DurationMeasure): { byUser: Grouped; byTeam: Grouped } {
  const { conversations, facts } = ctx.tables;
  const d = ctx.tables.dictionaries;
  const teams = d.teams;
  const group = (size: number): Grouped => ({ conversations: new Uint32Array(size), resolution: new GroupAggregator(size), response: new GroupAggregator(size) });
  const groups = { byUser: group(d.users.size), byTeam: group(teams.size) };
  let targets: PassTargets;
  if (measure === calendarTime) {
    // Calendar time reads the closed-order copy: the passes walk ascending closed positions.
    const ordered = closedOrderCalendar(ctx.tables);
    targets = { rows: ctx.closedPositions(), closingUser: ordered.closingUser, closingTeam: ordered.closingTeam, responseOffsets: ordered.responseOffsets, durations: ordered, ...groups };
  } else {
    // "" names no team (D8): fold every none code into 0, ignored like "no closing user".
    let closingTeam = conversations.closedByTeam;
    if (teams.find('') > 0) closingTeam = closingTeam.map((code) => (teams.isNone(code) ? 0 : code));
    targets = { rows: ctx.closedRows(), closingUser: facts.closingUser, closingTeam, responseOffsets: facts.responseOffsets, durations: durationsFor(ctx, measure), ...groups };
  }
  addPass(targets);
  const aggregators = [targets.byUser.resolution, targets.byUser.response, targets.byTeam.resolution, targets.byTeam.response];
  for (const aggregator of aggregators) aggregator.plan();
  keepPass(targets);
  targets.byUser.resolution.exactSumSource(resum(targets, 'user', 'resolution'));
  targets.byUser.response.exactSumSource(resum(targets, 'user', 'response'));
  targets.byTeam.resolution.exactSumSource(resum(targets, 'team', 'resolution'));
  targets.byTeam.response.exactSumSource(resum(targets, 'team', 'response'));
  return { byUser: targets.byUser, byTeam: targets.byTeam };
}

/** User-performance extras of the closing users: first response time, messages sent, assignments. */
function userExtras(ctx: QueryContext, measure: DurationMeasure): UserExtras {
  const { conversations, facts } = ctx.tables;
  const size = ctx.tables.dictionaries.users.size;
  const extras: UserExtras = { firstResponse: new GroupAggregator(size), messagesSent: new Uint32Array(size), assignments: new Uint32Array(size) };
  const rows = ctx.closedRows();
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

function mapResults(grouped: { byUser: Grouped; byTeam: Grouped }): { byUser: GroupResults; byTeam: GroupResults } {
  return { byUser: resultsOf(grouped.byUser), byTeam: resultsOf(grouped.byTeam) };
}

function rankLists(grouped: GroupResults, dictionary: Dictionary): LeaderboardLists {
  const entries: LeaderboardEntry[] = [];
  for (let code = 1; code < dictionary.size; code++) {
    if (grouped.conversations[code] === 0) continue;
    entries.push({
      id: dictionary.values[code] as string,
      conversations: grouped.conversations[code],
      responseTime: grouped.response(code),
      resolutionTime: grouped.resolution(code),
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
  const { byUser, byTeam } = indexedResults(ctx, measure) ?? mapResults(groupClosed(ctx, measure));
  const d = ctx.tables.dictionaries;
  return { byUser: rankLists(byUser, d.users), byTeam: rankLists(byTeam, d.teams) };
}

export function userPerformance(ctx: QueryContext, measure: DurationMeasure = calendarTime): UserPerformanceRow[] {
  const { byUser } = indexedResults(ctx, measure) ?? mapResults(groupClosed(ctx, measure));
  const extras = userExtras(ctx, measure);
  const users = ctx.tables.dictionaries.users;
  const rows: UserPerformanceRow[] = [];
  for (let code = 1; code < users.size; code++) {
    if (byUser.conversations[code] === 0) continue;
    const responseTime = byUser.response(code);
    rows.push({
      userId: users.values[code] as string,
      conversationsClosed: byUser.conversations[code],
      messagesSent: extras.messagesSent[code],
      responses: responseTime.count,
      firstResponseTime: extras.firstResponse.result(code),
      responseTime,
      resolutionTime: byUser.resolution(code),
      assignments: extras.assignments[code],
    });
  }
  return rows.sort((a, b) => compareStrings(a.userId, b.userId));
}
