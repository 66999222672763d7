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
