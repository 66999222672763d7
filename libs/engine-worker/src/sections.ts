import type { EngineQuery } from '@parley/model';
import { contactSearch, filterOptions } from './filter-options.js';
import type { ListCell, QueryContext } from '@parley/metrics';
import {
  byTag,
  closedBreakdown,
  closedCount,
  closedHeatmap,
  contactsSummary,
  dateHourHeatmap,
  conversationListRows,
  listColumns,
  csatSummary,
  durations,
  leaderboard,
  messagesSummary,
  openedBreakdown,
  openedCount,
  openedHeatmap,
  openedVsClosed,
  origin,
  userPerformance,
} from '@parley/metrics';

// A widget's declarative query → the metrics function of its snapshot section (elements.md
// "What each widget shows"): the value equals that section of `parley report` for the same period,
// zone and filters.

/** The rows a list answer holds at most (elements.md: "the first 10,000 rows"). */
export const listCap = 10_000;

/** The drill-down cell of a list query, checked: a weekday needs an hour, hours are 0..23. */
function listCell(options: NonNullable<EngineQuery['list']>): { cell?: ListCell } {
  const { weekday, hour, date } = options;
  if (hour !== undefined && !(Number.isInteger(hour) && hour >= 0 && hour <= 23)) throw new RangeError(`list hour must be 0..23, got ${hour}`);
  if (weekday !== undefined) {
    if (!(Number.isInteger(weekday) && weekday >= 0 && weekday <= 6)) throw new RangeError(`list weekday must be 0 (Monday)..6, got ${weekday}`);
    if (hour === undefined) throw new RangeError('a list weekday needs an hour (a heatmap cell)');
    if (date !== undefined) throw new RangeError('a list cell is a weekday and hour or a date (and hour), not both');
    return { cell: { weekday, hour } };
  }
  if (date !== undefined) return { cell: hour === undefined ? { date } : { date, hour } };
  if (hour !== undefined) throw new RangeError('a list hour needs a weekday or a date');
  return {};
}

export function computeSection(ctx: QueryContext, query: EngineQuery): { value: unknown; rowCount?: number } {
  switch (query.section) {
    case 'conversations.overview':
      return { value: { opened: openedCount(ctx), closed: closedCount(ctx) } };
    case 'conversations.openedVsClosed':
      return { value: openedVsClosed(ctx) };
    case 'conversations.openedHeatmap':
      return { value: openedHeatmap(ctx) };
    case 'conversations.closedHeatmap':
      return { value: closedHeatmap(ctx) };
    case 'conversations.dateHourHeatmap':
      return { value: dateHourHeatmap(ctx) };
    case 'conversations.openedByContactType':
      return { value: openedBreakdown(ctx, 'contactType') };
    case 'conversations.openedBySource':
      return { value: openedBreakdown(ctx, 'openedSource') };
    case 'conversations.openedByChannel':
      return { value: openedBreakdown(ctx, 'openedChannel') };
    case 'conversations.closedByCategory':
      return { value: closedBreakdown(ctx, 'category') };
    case 'conversations.closedBySource':
      return { value: closedBreakdown(ctx, 'closedSource') };
    case 'conversations.closedByContactType':
      return { value: closedBreakdown(ctx, 'contactType') };
    case 'conversations.durations':
      return { value: durations(ctx) };
    case 'conversations.list': {
      const options = query.list ?? {};
      const page = conversationListRows(ctx, {
        scope: options.scope ?? 'closed',
        offset: options.offset ?? 0,
        limit: Math.min(options.limit ?? listCap, listCap),
        ...(options.sortBy ? { sortBy: options.sortBy, descending: options.descending ?? false } : {}),
        ...listCell(options),
      });
      // Columns, not row objects: the worker transfers their buffers (model/list-columns.ts).
      return { value: listColumns(ctx.tables, page.rows), rowCount: page.rowCount };
    }
    case 'contacts':
      return { value: contactsSummary(ctx) };
    case 'messages':
      return { value: messagesSummary(ctx) };
    case 'leaderboard':
      return { value: leaderboard(ctx) };
    case 'userPerformance':
      return { value: userPerformance(ctx) };
    case 'csat':
      return { value: csatSummary(ctx) };
    case 'origin':
      return { value: origin(ctx) };
    case 'byTag':
      return { value: byTag(ctx) };
    case 'input':
      return { value: { loaded: { ...ctx.tables.loaded }, rejected: { ...ctx.tables.rejected } } };
    case 'filterOptions':
      return { value: filterOptions(ctx.tables) };
    case 'contactSearch':
      return { value: contactSearch(ctx.tables, query.search?.text ?? '', Math.min(query.search?.limit ?? 20, 200)) };
  }
}
