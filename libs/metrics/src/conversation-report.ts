import type { Agg, Durations, Group, OpenedVsClosedDay, OrNA, WeekHourHeatmap } from '@parley/model';
import { contactTypes, notApplicable } from '@parley/model';
import { aggregate } from './group-aggregator.js';
import { closedOrderCalendar } from './calendar-durations.js';
import type { Dictionary } from './dictionary.js';
import type { ConversationDurationKey, DurationMeasure } from './durations.js';
import { calendarTime, conversationDurationKeys, durationGetter, responseTime } from './durations.js';
import { groupsFromCounts, groupsFromMap } from './groups.js';
import { scratchFloat64 } from './scratch.js';
import type { QueryContext } from './query-context.js';

// The Conversations report of seed 000 over a query context: overview, opened vs closed,
// heatmaps, the six breakdowns, durations, and seed 001's origin buckets and tags.

export function openedCount(ctx: QueryContext): OrNA<number> {
  return ctx.applies('opened') ? ctx.openedRows().length : notApplicable;
}

export function closedCount(ctx: QueryContext): number {
  // Positions, not rows: an unfiltered count reads closed.closedAt alone (two binary searches).
  return ctx.closedPositions().length;
}

export function openedVsClosed(ctx: QueryContext): OrNA<OpenedVsClosedDay[]> {
  if (!ctx.applies('openedVsClosed')) return notApplicable;
  const opened = new Uint32Array(ctx.dayCount);
  const closed = new Uint32Array(ctx.dayCount);
  const buckets = ctx.buckets;
  const { openedAt } = ctx.tables.conversations;
  buckets.countDays(ctx.openedRows(), openedAt, opened);
  buckets.countDays(ctx.closedPositions(), ctx.tables.closed.closedAt, closed);
  return ctx.dates().map((date, i) => ({ date, opened: opened[i], closed: closed[i] }));
}

function heatmap(ctx: QueryContext, rows: Uint32Array, at: Float64Array): WeekHourHeatmap {
  const cells = new Uint32Array(7 * 24);
  ctx.buckets.countCells(rows, at, cells);
  return Array.from({ length: 7 }, (_, weekday) => Array.from(cells.subarray(weekday * 24, weekday * 24 + 24)));
}

/** One local date of a date × hour heatmap (snapshot-v2.md D37). */
export interface DateHours {
  date: string;
  hours: number[];
}

export const rangeTooLong = 'range-too-long';
/** The longest period a date × hour heatmap shows, in local dates. */
export const dateHourMaxDays = 31;

function dateHours(ctx: QueryContext, rows: Uint32Array, at: Float64Array): DateHours[] | typeof rangeTooLong {
  if (ctx.dayCount > dateHourMaxDays) return rangeTooLong;
  const counts = new Uint32Array(ctx.dayCount * 24);
  const buckets = ctx.buckets;
  // The local hour of the local date: a fall-back night's repeated hour counts twice into one cell,
  // a spring-forward night's missing hour stays 0 (v1's rules).
  for (let i = 0; i < rows.length; i++) {
    const instant = at[rows[i]];
    counts[buckets.dayIndex(instant) * 24 + buckets.hour(instant)]++;
  }
  return ctx.dates().map((date, day) => ({ date, hours: Array.from(counts.subarray(day * 24, day * 24 + 24)) }));
}

/** snapshot-v2.md `conversations.dateHourHeatmap`: the heatmaps' conversations by local date and hour. */
export function dateHourHeatmap(ctx: QueryContext): { opened: OrNA<DateHours[] | typeof rangeTooLong>; closed: DateHours[] | typeof rangeTooLong } {
  return {
    opened: ctx.applies('opened') ? dateHours(ctx, ctx.openedRows(), ctx.tables.conversations.openedAt) : notApplicable,
    closed: dateHours(ctx, ctx.closedPositions(), ctx.tables.closed.closedAt),
  };
}

export function openedHeatmap(ctx: QueryContext): OrNA<WeekHourHeatmap> {
  return ctx.applies('opened') ? heatmap(ctx, ctx.openedRows(), ctx.tables.conversations.openedAt) : notApplicable;
}

export function closedHeatmap(ctx: QueryContext): WeekHourHeatmap {
  return heatmap(ctx, ctx.closedPositions(), ctx.tables.closed.closedAt);
}

/** Groups of rows by a dictionary-coded column. */
function groupByColumn(rows: Uint32Array, column: Uint32Array | Uint8Array, dictionary: Pick<Dictionary, 'size' | 'key'>): Group[] {
  return groupsFromCounts(countCodes(rows, column, dictionary.size), (code) => dictionary.key(code));
}

/**
 * counts[code] over the rows. Four interleaved count arrays: with few distinct codes, consecutive
 * rows hit the same counter and each increment would wait for the previous one.
 */
function countCodes(rows: Uint32Array, column: Uint32Array | Uint8Array, size: number): Uint32Array {
  const lanes = new Uint32Array(size * 4);
  const n = rows.length;
  const contiguous = n > 0 && rows[n - 1] - rows[0] === n - 1;
  const first = n > 0 ? rows[0] : 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    if (contiguous) {
      lanes[column[first + i]]++;
      lanes[size + column[first + i + 1]]++;
      lanes[2 * size + column[first + i + 2]]++;
      lanes[3 * size + column[first + i + 3]]++;
    } else {
      lanes[column[rows[i]]]++;
      lanes[size + column[rows[i + 1]]]++;
      lanes[2 * size + column[rows[i + 2]]]++;
      lanes[3 * size + column[rows[i + 3]]]++;
    }
  }
  for (; i < n; i++) lanes[column[rows[i]]]++;
  const counts = lanes.subarray(0, size);
  for (let code = 0; code < size; code++) counts[code] += lanes[size + code] + lanes[2 * size + code] + lanes[3 * size + code];
  return counts;
}

const contactTypeKeys = { size: 2, key: (code: number) => contactTypes[code] };

export const openedGroupings = ['contactType', 'openedSource', 'openedChannel'] as const;
export type OpenedGrouping = (typeof openedGroupings)[number];
export const closedGroupings = ['category', 'closedSource', 'contactType'] as const;
export type ClosedGrouping = (typeof closedGroupings)[number];

export function openedBreakdown(ctx: QueryContext, by: OpenedGrouping): OrNA<Group[]> {
  if (!ctx.applies('opened')) return notApplicable;
  const { conversations, facts, dictionaries: d } = ctx.tables;
  const rows = ctx.openedRows();
  switch (by) {
    case 'contactType':
      return groupByColumn(rows, facts.contactType, contactTypeKeys);
    case 'openedSource':
      return groupByColumn(rows, conversations.openedSource, d.openedSources);
    case 'openedChannel':
      return groupByColumn(rows, conversations.openedChannel, d.channels);
  }
}

/** Closed-family breakdowns count closed-order columns at the period's positions (sequential reads). */
export function closedBreakdown(ctx: QueryContext, by: ClosedGrouping): Group[] {
  const { closed, dictionaries: d } = ctx.tables;
  const positions = ctx.closedPositions();
  switch (by) {
    case 'category':
      return groupByColumn(positions, closed.category, d.categories);
    case 'closedSource':
      return groupByColumn(positions, closed.closedSource, d.closedSources);
    case 'contactType':
      return groupByColumn(positions, closed.contactType, contactTypeKeys);
  }
}

/** The Agg of one list duration column over the closed family. */
export function durationAgg(ctx: QueryContext, key: ConversationDurationKey, measure: DurationMeasure = calendarTime): Agg {
  if (measure === calendarTime) {
    // Calendar durations of the closed conversations, in closed order, derived once per tables:
    // the period's values are then read at its positions without touching the rows.
    const ordered = closedOrderDurations(ctx, key);
    const positions = ctx.closedPositions();
    const values = scratchFloat64('duration-values', positions.length);
    let count = 0;
    for (let i = 0; i < positions.length; i++) {
      const value = ordered[positions[i]];
      if (value === value) values[count++] = value;
    }
    return aggregate(values, count);
  }
  const rows = ctx.closedRows();
  const get = durationGetter(ctx.tables, key, measure);
  const values = scratchFloat64('duration-values', rows.length);
  let count = 0;
  for (let i = 0; i < rows.length; i++) {
    const value = get(rows[i]);
    if (value === value) values[count++] = value;
  }
  return aggregate(values, count);
}

const orderedDurations = new WeakMap<object, Map<ConversationDurationKey, Float64Array>>();

/** Bytes held by the closed-order duration columns cached for these tables. */
export function orderedDurationBytes(tables: object): number {
  let bytes = 0;
  for (const column of orderedDurations.get(tables)?.values() ?? []) bytes += column.byteLength;
  return bytes;
}

function closedOrderDurations(ctx: QueryContext, key: ConversationDurationKey): Float64Array {
  let perTables = orderedDurations.get(ctx.tables);
  if (!perTables) {
    perTables = new Map();
    orderedDurations.set(ctx.tables, perTables);
  }
  let ordered = perTables.get(key);
  if (!ordered) {
    const get = durationGetter(ctx.tables, key, calendarTime);
    const rows = ctx.tables.closed.rows;
    ordered = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++) ordered[k] = get(rows[k]);
    perTables.set(key, ordered);
  }
  return ordered;
}

/** Response-weighted Agg of every response in the closed family's conversations. */
export function responseTimeAgg(ctx: QueryContext, measure: DurationMeasure = calendarTime): Agg {
  if (measure === calendarTime) {
    // Closed order: the period's responses are one range, a filter's are ascending positions.
    const { responseOffsets: offsets, responseMs: ordered } = closedOrderCalendar(ctx.tables);
    const positions = ctx.closedPositions();
    let total = 0;
    for (let i = 0; i < positions.length; i++) total += offsets[positions[i] + 1] - offsets[positions[i]];
    const values = scratchFloat64('response-values', total);
    let count = 0;
    for (let i = 0; i < positions.length; i++) {
      const to = offsets[positions[i] + 1];
      for (let r = offsets[positions[i]]; r < to; r++) values[count++] = ordered[r];
    }
    return aggregate(values, count);
  }
  const rows = ctx.closedRows();
  const { responseOffsets } = ctx.tables.facts;
  let total = 0;
  for (const row of rows) total += responseOffsets[row + 1] - responseOffsets[row];
  const values = scratchFloat64('response-values', total);
  let count = 0;
  for (const row of rows) {
    for (let r = responseOffsets[row]; r < responseOffsets[row + 1]; r++) values[count++] = responseTime(ctx.tables, r, measure);
  }
  return aggregate(values, count);
}

export function durations(ctx: QueryContext, measure: DurationMeasure = calendarTime): Durations {
  const result = {} as Durations;
  for (const key of conversationDurationKeys) result[key] = durationAgg(ctx, key, measure);
  result.responseTime = responseTimeAgg(ctx, measure);
  return result;
}

const originOfSource: Record<string, string> = { user: 'inbox', workflow: 'flow', contact: 'inbound', ctc_ads: 'inbound' };

/** Seed 001's origin buckets over the opened family (D23, D24: anything else → other). */
export function origin(ctx: QueryContext): OrNA<Group[]> {
  if (!ctx.applies('opened')) return notApplicable;
  const sources = ctx.tables.dictionaries.openedSources;
  const counts = new Uint32Array(sources.size);
  const column = ctx.tables.conversations.openedSource;
  for (const row of ctx.openedRows()) counts[column[row]]++;
  const buckets = new Map<string | null, number>();
  for (let code = 0; code < counts.length; code++) {
    if (counts[code] === 0) continue;
    const source = sources.values[code];
    const bucket = (source !== null && Object.hasOwn(originOfSource, source) ? originOfSource[source] : undefined) ?? 'other';
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + counts[code]);
  }
  return groupsFromMap(buckets);
}

/** Opened conversations per tag (D25): once per distinct tag, untagged under null. */
export function byTag(ctx: QueryContext): OrNA<Group[]> {
  if (!ctx.applies('opened')) return notApplicable;
  const { tagOffsets, tagCodes } = ctx.tables.conversations;
  const tags = ctx.tables.dictionaries.tags;
  const counts = new Uint32Array(tags.size);
  for (const row of ctx.openedRows()) {
    const start = tagOffsets[row];
    const end = tagOffsets[row + 1];
    if (start === end) counts[0]++;
    else for (let t = start; t < end; t++) counts[tagCodes[t]]++;
  }
  return groupsFromCounts(counts, (code) => tags.key(code));
}
