import { durationBucket } from './group-aggregator.js';
import type { WorkspaceTables } from './tables.js';

/**
 * Calendar-time durations that many queries aggregate, with their histogram buckets: computed
 * once per tables on first use (a cache of derived values, not stored facts — business-time
 * measures compute theirs at query time).
 */
export interface CalendarDurations {
  /** Per response: at − since, its bucket, and 1 when the closing user sent it. */
  responseMs: Float64Array;
  responseBucket: Uint16Array;
  sentByCloser: Uint8Array;
  /** Per conversation row: closedAt − openedAt (NaN while open) and its bucket. */
  resolutionMs: Float64Array;
  resolutionBucket: Uint16Array;
}

const cache = new WeakMap<WorkspaceTables, CalendarDurations>();

export function calendarDurations(tables: WorkspaceTables): CalendarDurations {
  let durations = cache.get(tables);
  if (durations) return durations;
  const { responses, conversations, facts } = tables;
  const responseMs = new Float64Array(responses.count);
  const responseBucket = new Uint16Array(responses.count);
  const sentByCloser = new Uint8Array(responses.count);
  for (let r = 0; r < responses.count; r++) {
    const value = responses.at[r] - responses.since[r];
    responseMs[r] = value;
    responseBucket[r] = durationBucket(value);
    const closer = facts.closingUser[responses.conversation[r]];
    sentByCloser[r] = closer !== 0 && responses.user[r] === closer ? 1 : 0;
  }
  const resolutionMs = new Float64Array(conversations.count);
  const resolutionBucket = new Uint16Array(conversations.count);
  for (let row = 0; row < conversations.count; row++) {
    const value = conversations.closedAt[row] - conversations.openedAt[row];
    resolutionMs[row] = value;
    resolutionBucket[row] = value === value ? durationBucket(value) : 0;
  }
  durations = { responseMs, responseBucket, sentByCloser, resolutionMs, resolutionBucket };
  cache.set(tables, durations);
  return durations;
}

/** Bytes held by the calendar-durations cache of these tables (0 when not built). */
export function calendarDurationsBytes(tables: WorkspaceTables): number {
  const durations = cache.get(tables);
  return durations ? Object.values(durations).reduce((sum: number, column: ArrayBufferView) => sum + column.byteLength, 0) : 0;
}

/**
 * The same calendar values laid out in closed order (the closed index's positions), with the
 * closing user and team of each position: what the closed-family aggregates of a filtered period
 * read. A period is one range of positions and a filter keeps ascending positions, so these scans
 * read memory in order instead of jumping through the rows of conversations opened months apart.
 * Responses of position k: [responseOffsets[k], responseOffsets[k + 1]).
 */
export interface ClosedOrderCalendar extends CalendarDurations {
  responseOffsets: Uint32Array;
  closingUser: Uint32Array;
  /** Closing team code, 0 for none ("" included, D8). */
  closingTeam: Uint32Array;
}

const closedOrderCache = new WeakMap<WorkspaceTables, ClosedOrderCalendar>();

export function closedOrderCalendar(tables: WorkspaceTables): ClosedOrderCalendar {
  let ordered = closedOrderCache.get(tables);
  if (ordered) return ordered;
  const byRow = calendarDurations(tables);
  const rows = tables.closed.rows;
  const n = rows.length;
  const { responseOffsets: rowOffsets, closingUser: rowClosingUser } = tables.facts;
  const { closedByTeam } = tables.conversations;
  const teams = tables.dictionaries.teams;
  const responseOffsets = new Uint32Array(n + 1);
  for (let k = 0; k < n; k++) responseOffsets[k + 1] = responseOffsets[k] + rowOffsets[rows[k] + 1] - rowOffsets[rows[k]];
  const total = responseOffsets[n];
  ordered = {
    responseOffsets,
    responseMs: new Float64Array(total),
    responseBucket: new Uint16Array(total),
    sentByCloser: new Uint8Array(total),
    resolutionMs: new Float64Array(n),
    resolutionBucket: new Uint16Array(n),
    closingUser: new Uint32Array(n),
    closingTeam: new Uint32Array(n),
  };
  for (let k = 0; k < n; k++) {
    const row = rows[k];
    ordered.resolutionMs[k] = byRow.resolutionMs[row];
    ordered.resolutionBucket[k] = byRow.resolutionBucket[row];
    ordered.closingUser[k] = rowClosingUser[row];
    ordered.closingTeam[k] = teams.isNone(closedByTeam[row]) ? 0 : closedByTeam[row];
    let at = responseOffsets[k];
    for (let r = rowOffsets[row]; r < rowOffsets[row + 1]; r++, at++) {
      ordered.responseMs[at] = byRow.responseMs[r];
      ordered.responseBucket[at] = byRow.responseBucket[r];
      ordered.sentByCloser[at] = byRow.sentByCloser[r];
    }
  }
  closedOrderCache.set(tables, ordered);
  return ordered;
}

/** Bytes held by the closed-order copy (0 when not built). */
export function closedOrderCalendarBytes(tables: WorkspaceTables): number {
  const ordered = closedOrderCache.get(tables);
  return ordered ? Object.values(ordered).reduce((sum: number, column: ArrayBufferView) => sum + column.byteLength, 0) : 0;
}
