import { calendarDurationsBytes, closedOrderCalendarBytes } from './calendar-durations.js';
import { orderedDurationBytes } from './conversation-report.js';
import { leaderboardIndexBytes } from './leaderboard-index.js';
import { queryCacheBytes } from './query-context.js';
import type { WorkspaceTables } from './tables.js';

/**
 * Bytes of everything queries derived from these tables and keep for the next query (calendar
 * durations, closed-order columns, leaderboard indexes): memory that belongs in any size report.
 */
export function derivedCacheBytes(tables: WorkspaceTables): number {
  return calendarDurationsBytes(tables) + closedOrderCalendarBytes(tables) + queryCacheBytes(tables) + orderedDurationBytes(tables) + leaderboardIndexBytes(tables);
}
