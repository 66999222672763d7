import type { ConversationRow } from '@parley/model';
import { compareStrings, contactTypes } from '@parley/model';
import { roundedMean } from './aggregate.js';
import type { DurationMeasure } from './durations.js';
import type { ConversationDurationKey } from './durations.js';
import { calendarTime, conversationDurationKeys, durationGetter, responseTime } from './durations.js';
import type { QueryContext } from './query-context.js';
import type { WorkspaceTables } from './tables.js';
import { dayOfDate } from './time-zone.js';

// The conversation list of seed 000: one Row per closed conversation (or opened, for drill-downs),
// materialised only for the rows asked for; sorting reads typed columns, not row objects.

const orNull = (value: number): number | null => (value === value ? value : null);

/** Mean response time of a row's responses (§3 rounding), null when it has none. */
export function averageResponseTime(tables: WorkspaceTables, row: number, measure: DurationMeasure): number | null {
  const from = tables.facts.responseOffsets[row];
  const to = tables.facts.responseOffsets[row + 1];
  if (to === from) return null;
  let sum = 0;
  let maxMagnitude = 0;
  for (let r = from; r < to; r++) {
    const value = responseTime(tables, r, measure);
    sum += value;
    maxMagnitude = Math.max(maxMagnitude, Math.abs(value));
  }
  // Float sums are exact while every partial sum stays a safe integer.
  if (maxMagnitude * (to - from) <= Number.MAX_SAFE_INTEGER) return roundedMean(sum, to - from);
  let exact = 0n;
  for (let r = from; r < to; r++) exact += BigInt(responseTime(tables, r, measure));
  return roundedMean(exact, to - from);
}

/** A function that builds the snapshot Row (§5 "Row", keys in order) of any conversation row. */
export function rowMaterializer(tables: WorkspaceTables, measure: DurationMeasure = calendarTime): (row: number) => ConversationRow {
  const c = tables.conversations;
  const f = tables.facts;
  const d = tables.dictionaries;
  const duration = Object.fromEntries(conversationDurationKeys.map((key) => [key, durationGetter(tables, key, measure)])) as Record<
    ConversationDurationKey,
    (row: number) => number
  >;
  return (row) => {
    const source = d.closedSources.values[c.closedSource[row]];
    const lastAssignmentAt = orNull(f.lastAssignmentAt[row]);
    return {
      closedAt: orNull(c.closedAt[row]),
      closedSource: source,
      closedByUserId: source === 'blocked' ? null : d.users.values[c.closedByUser[row]],
      closedByTeamId: d.teams.values[c.closedByTeam[row]],
      openedAt: c.openedAt[row],
      openedSource: d.openedSources.values[c.openedSource[row]],
      openedChannelId: d.channels.values[c.openedChannel[row]],
      conversationId: c.ids[row],
      contactId: d.contacts.values[c.contact[row]] as string,
      contactName: tables.contactNames[c.contact[row]] ?? null,
      firstAssignmentAt: orNull(f.firstAssignmentAt[row]),
      firstAssigneeId: d.users.values[f.firstAssignee[row]],
      firstResponseAt: orNull(f.firstResponseAt[row]),
      firstResponseById: f.firstResponseAt[row] === f.firstResponseAt[row] ? d.users.values[f.firstResponseBy[row]] : null,
      lastAssignmentAt,
      lastAssigneeId: lastAssignmentAt === null ? null : d.users.values[f.lastAssignee[row]],
      timeToFirstAssignmentMs: orNull(duration.timeToFirstAssignment(row)),
      firstResponseTimeMs: orNull(duration.firstResponseTime(row)),
      firstAssignmentToFirstResponseMs: orNull(duration.firstAssignmentToFirstResponse(row)),
      lastAssignmentToResponseMs: orNull(duration.lastAssignmentToResponse(row)),
      resolutionTimeMs: orNull(duration.resolutionTime(row)),
      firstAssignmentToCloseMs: orNull(duration.firstAssignmentToClose(row)),
      lastAssignmentToCloseMs: orNull(duration.lastAssignmentToClose(row)),
      averageResponseTimeMs: averageResponseTime(tables, row, measure),
      assignments: f.assignments[row],
      incomingMessages: f.incoming[row],
      outgoingMessages: f.outgoing[row],
      responses: f.responseOffsets[row + 1] - f.responseOffsets[row],
      category: d.categories.values[c.category[row]],
      summary: c.summary[row],
      contactType: contactTypes[f.contactType[row]],
    };
  };
}

/** The snapshot Row of one conversation. */
export function conversationRow(tables: WorkspaceTables, row: number, measure: DurationMeasure = calendarTime): ConversationRow {
  return rowMaterializer(tables, measure)(row);
}

export type ListScope = 'closed' | 'opened';
export type ListColumn = keyof ConversationRow;

export interface ListOptions {
  scope?: ListScope;
  /** Sort column; default: closedAt desc (closed scope) or openedAt desc (opened), then id asc. */
  sortBy?: ListColumn;
  descending?: boolean;
  offset?: number;
  limit?: number;
  measure?: DurationMeasure;
  /**
   * A drill-down cell: only rows whose scope instant (openedAt for `opened`, closedAt for `closed`)
   * falls in that local weekday (0 = Monday) and hour, or on that local date (and hour), in the
   * query's zone — exactly the conversations behind a heatmap cell or a time-series point.
   */
  cell?: ListCell;
}

export type ListCell = { weekday: number; hour: number } | { date: string; hour?: number };

/** Keeps the rows of `order` inside the cell, in order. */
function inCell(ctx: QueryContext, scope: ListScope, cell: ListCell, order: Uint32Array): Uint32Array {
  const at = scope === 'opened' ? ctx.tables.conversations.openedAt : ctx.tables.conversations.closedAt;
  const buckets = ctx.buckets;
  if ('weekday' in cell) {
    const wanted = cell.weekday * 24 + cell.hour;
    return order.filter((row) => buckets.cell(at[row]) === wanted);
  }
  const dayIndex = dayOfDate(cell.date) - ctx.firstDay;
  const hour = cell.hour;
  return order.filter((row) => buckets.dayIndex(at[row]) === dayIndex && (hour === undefined || buckets.hour(at[row]) === hour));
}

export interface ListPage {
  /** Every row of the scope (uncapped), as a drill-down's count. */
  rowCount: number;
  rows: ConversationRow[];
}

/** A page of the list as table row indices, in list order: what listColumns or rowMaterializer read. */
export interface ListSelection {
  /** Every row of the scope (uncapped), as a drill-down's count. */
  rowCount: number;
  rows: Uint32Array;
}

/** Row indices of the list, in its default order. */
export function defaultListOrder(ctx: QueryContext, scope: ListScope): Uint32Array {
  if (scope === 'closed') return ctx.closedRows().slice().reverse();
  const opened = ctx.openedRows();
  // Opened rows are in (openedAt asc, id asc); the list wants openedAt desc, id asc.
  const { openedAt } = ctx.tables.conversations;
  const result = new Uint32Array(opened.length);
  let k = 0;
  for (let end = opened.length; end > 0; ) {
    let start = end - 1;
    while (start > 0 && openedAt[opened[start - 1]] === openedAt[opened[end - 1]]) start--;
    for (let i = start; i < end; i++) result[k++] = opened[i];
    end = start;
  }
  return result;
}

type SortKey = (row: number) => number | string | null;

function sortKey(tables: WorkspaceTables, column: ListColumn, measure: DurationMeasure): SortKey {
  const c = tables.conversations;
  const f = tables.facts;
  const d = tables.dictionaries;
  const number = (values: Float64Array) => (row: number) => orNull(values[row]);
  switch (column) {
    case 'closedAt':
      return number(c.closedAt);
    case 'openedAt':
      return (row) => c.openedAt[row];
    case 'firstAssignmentAt':
      return number(f.firstAssignmentAt);
    case 'firstResponseAt':
      return number(f.firstResponseAt);
    case 'lastAssignmentAt':
      return number(f.lastAssignmentAt);
    case 'timeToFirstAssignmentMs':
    case 'firstResponseTimeMs':
    case 'firstAssignmentToFirstResponseMs':
    case 'lastAssignmentToResponseMs':
    case 'resolutionTimeMs':
    case 'firstAssignmentToCloseMs':
    case 'lastAssignmentToCloseMs': {
      const get = durationGetter(tables, column.slice(0, -2) as Parameters<typeof durationGetter>[1], measure);
      return (row) => orNull(get(row));
    }
    case 'assignments':
      return (row) => f.assignments[row];
    case 'incomingMessages':
      return (row) => f.incoming[row];
    case 'outgoingMessages':
      return (row) => f.outgoing[row];
    case 'responses':
      return (row) => f.responseOffsets[row + 1] - f.responseOffsets[row];
    case 'averageResponseTimeMs':
      return (row) => averageResponseTime(tables, row, measure);
    case 'closedSource':
      return (row) => d.closedSources.values[c.closedSource[row]];
    case 'closedByUserId':
      return (row) => (d.closedSources.values[c.closedSource[row]] === 'blocked' ? null : d.users.values[c.closedByUser[row]]);
    case 'closedByTeamId':
      return (row) => d.teams.values[c.closedByTeam[row]];
    case 'openedSource':
      return (row) => d.openedSources.values[c.openedSource[row]];
    case 'openedChannelId':
      return (row) => d.channels.values[c.openedChannel[row]];
    case 'conversationId':
      return (row) => c.ids[row];
    case 'contactId':
      return (row) => d.contacts.values[c.contact[row]];
    case 'contactName':
      return (row) => tables.contactNames[c.contact[row]] ?? null;
    case 'firstAssigneeId':
      return (row) => d.users.values[f.firstAssignee[row]];
    case 'firstResponseById':
      return (row) => d.users.values[f.firstResponseBy[row]];
    case 'lastAssigneeId':
      return (row) => d.users.values[f.lastAssignee[row]];
    case 'category':
      return (row) => d.categories.values[c.category[row]];
    case 'summary':
      return (row) => c.summary[row];
    case 'contactType':
      return (row) => contactTypes[f.contactType[row]];
  }
}

/** Nulls last in either direction; the default order breaks ties (stable). */
function compareValues(a: number | string | null, b: number | string | null, descending: boolean): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : compareStrings(String(a), String(b));
  return descending ? -order : order;
}

/**
 * The table rows of a page of the list. With a sort column and a small page, a bounded selection
 * keeps only the rows that can still make the page instead of sorting every row.
 */
export function conversationListRows(ctx: QueryContext, options: ListOptions = {}): ListSelection {
  const scope = options.scope ?? 'closed';
  const measure = options.measure ?? calendarTime;
  const offset = options.offset ?? 0;
  if (scope === 'closed' && !options.sortBy && !options.cell) {
    // The default closed order is the closed index read backwards: take the page from its end.
    const closed = ctx.closedRows();
    const limit = Math.max(0, Math.min(options.limit ?? closed.length, closed.length - offset));
    const rows = new Uint32Array(limit);
    for (let i = 0; i < limit; i++) rows[i] = closed[closed.length - 1 - offset - i];
    return { rowCount: closed.length, rows };
  }
  const order = options.cell ? inCell(ctx, scope, options.cell, defaultListOrder(ctx, scope)) : defaultListOrder(ctx, scope);
  const limit = options.limit ?? order.length;
  if (!options.sortBy) return { rowCount: order.length, rows: order.slice(offset, offset + limit) };
  const key = sortKey(ctx.tables, options.sortBy, measure);
  const descending = options.descending ?? false;
  const keys = Array.from(order, key);
  const positions = Array.from({ length: order.length }, (_, i) => i);
  const compare = (a: number, b: number) => compareValues(keys[a], keys[b], descending) || a - b;
  const wanted = offset + limit;
  const best = wanted < positions.length / 4 ? smallest(positions, wanted, compare) : positions.sort(compare);
  return { rowCount: order.length, rows: Uint32Array.from(best.slice(offset, offset + limit), (position) => order[position]) };
}

/** A page of the list as snapshot Rows. */
export function conversationList(ctx: QueryContext, options: ListOptions = {}): ListPage {
  const { rowCount, rows } = conversationListRows(ctx, options);
  const materialize = rowMaterializer(ctx.tables, options.measure ?? calendarTime);
  return { rowCount, rows: Array.from(rows, materialize) };
}

/** The k smallest items in order, with a bounded max-heap (O(n log k)). */
function smallest(items: number[], k: number, compare: (a: number, b: number) => number): number[] {
  const heap: number[] = [];
  const siftUp = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compare(heap[i], heap[parent]) <= 0) return;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  };
  const siftDown = (i: number) => {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let largest = i;
      if (left < heap.length && compare(heap[left], heap[largest]) > 0) largest = left;
      if (right < heap.length && compare(heap[right], heap[largest]) > 0) largest = right;
      if (largest === i) return;
      [heap[i], heap[largest]] = [heap[largest], heap[i]];
      i = largest;
    }
  };
  if (k <= 0) return [];
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      siftUp(heap.length - 1);
    } else if (compare(item, heap[0]) < 0) {
      heap[0] = item;
      siftDown(0);
    }
  }
  return heap.sort(compare);
}
