import type { DurationKey } from '@parley/model';
import type { WorkspaceTables } from './tables.js';

// Durations are derived at query time from the instants the facts keep, through one `measure`
// function: calendar time today; a business-hours clock (snapshot-v2.md §6) plugs in here.

/** Length of [from, to) for a conversation row; NaN in → NaN out. */
export type DurationMeasure = (fromMs: number, toMs: number, row: number) => number;

export const calendarTime: DurationMeasure = (fromMs, toMs) => toMs - fromMs;

/** The seven per-conversation duration columns of the list, in snapshot order. */
export const conversationDurationKeys = [
  'timeToFirstAssignment',
  'firstResponseTime',
  'firstAssignmentToFirstResponse',
  'lastAssignmentToResponse',
  'resolutionTime',
  'firstAssignmentToClose',
  'lastAssignmentToClose',
] as const satisfies readonly DurationKey[];
export type ConversationDurationKey = (typeof conversationDurationKeys)[number];

/** A per-row duration getter: NaN where the snapshot prints null. */
export function durationGetter(tables: WorkspaceTables, key: ConversationDurationKey, measure: DurationMeasure = calendarTime): (row: number) => number {
  const { openedAt, closedAt } = tables.conversations;
  const f = tables.facts;
  switch (key) {
    case 'timeToFirstAssignment':
      return (row) => (f.assignedBeforeOpen[row] ? NaN : measure(openedAt[row], f.firstAssignmentAt[row], row));
    case 'firstResponseTime':
      return (row) => measure(openedAt[row], f.firstResponseAt[row], row);
    case 'firstAssignmentToFirstResponse':
      // Null when negative, decided on calendar instants whatever the measure (snapshot-v2 §6).
      return (row) => (f.firstResponseAt[row] - f.firstAssignmentAt[row] < 0 ? NaN : measure(f.firstAssignmentAt[row], f.firstResponseAt[row], row));
    case 'lastAssignmentToResponse':
      return (row) => measure(f.lastAssignmentAt[row], f.lastAssigneeResponseAt[row], row);
    case 'resolutionTime':
      return (row) => measure(openedAt[row], closedAt[row], row);
    case 'firstAssignmentToClose':
      return (row) => measure(f.firstAssignmentAt[row], closedAt[row], row);
    case 'lastAssignmentToClose':
      return (row) => measure(f.lastAssignmentAt[row], closedAt[row], row);
  }
}

/** Response time of response r. */
export function responseTime(tables: WorkspaceTables, r: number, measure: DurationMeasure = calendarTime): number {
  const responses = tables.responses;
  return measure(responses.since[r], responses.at[r], responses.conversation[r]);
}
