import type { EngineQuery, Filters, QuerySection } from '@parley/model';
import { isListColumns, listRows } from '@parley/model';
import { benchPeriod } from '../../bench-config.js';

// The queries the browser benchmark sends, shared by the pages, the workers and the Node side that
// computes the expected answers. No Node or DOM API here: this module is bundled into the pages.

/** What a dashboard's first paint asks for: overview, the opened heatmap and the six breakdowns. */
export const coldStartSections = [
  'conversations.overview',
  'conversations.openedHeatmap',
  'conversations.openedByContactType',
  'conversations.openedBySource',
  'conversations.openedByChannel',
  'conversations.closedByCategory',
  'conversations.closedBySource',
  'conversations.closedByContactType',
] as const satisfies readonly QuerySection[];

export type ColdStartSection = (typeof coldStartSections)[number];

/** One widget of the Conversations report (plus the leaderboard): its name in rows and its query. */
export interface BenchWidget {
  name: string;
  section: QuerySection;
  list?: EngineQuery['list'];
}

/**
 * Every Conversations widget query (elements.md "What each widget shows") and the leaderboard. The
 * list widget asks for every row up to the 10,000 cap (`list`); `list-50` is a 50-row first page.
 */
export const roundtripWidgets: readonly BenchWidget[] = [
  { name: 'overview', section: 'conversations.overview' },
  { name: 'openedVsClosed', section: 'conversations.openedVsClosed' },
  { name: 'openedHeatmap', section: 'conversations.openedHeatmap' },
  { name: 'closedHeatmap', section: 'conversations.closedHeatmap' },
  { name: 'openedByContactType', section: 'conversations.openedByContactType' },
  { name: 'openedBySource', section: 'conversations.openedBySource' },
  { name: 'openedByChannel', section: 'conversations.openedByChannel' },
  { name: 'closedByCategory', section: 'conversations.closedByCategory' },
  { name: 'closedBySource', section: 'conversations.closedBySource' },
  { name: 'closedByContactType', section: 'conversations.closedByContactType' },
  { name: 'durations', section: 'conversations.durations' },
  { name: 'list', section: 'conversations.list' },
  { name: 'list-50', section: 'conversations.list', list: { limit: 50 } },
  { name: 'leaderboard', section: 'leaderboard' },
];

/** The widgets a dashboard shows at once (`all-widgets`): every one above but the 50-row list. */
export const dashboardWidgets: readonly BenchWidget[] = roundtripWidgets.filter((widget) => widget.name !== 'list-50');

/** The query of a section over the bench period (2024-10-22..2024-11-20, Europe/Paris). */
export function benchQuery(section: QuerySection, filters: Filters = {}, list?: EngineQuery['list']): EngineQuery {
  const query: EngineQuery = { section, period: { from: benchPeriod.from, to: benchPeriod.to }, timeZone: benchPeriod.timeZone, filters };
  if (list) query.list = list;
  return query;
}

/** A roundtrip run's filter: one opened channel (each run another one, so every run is a filter change). */
export function channelFilter(channelId: string): Filters {
  return { openedChannel: [channelId] };
}

/**
 * An answer's identity across the page and Node: its value (and list row count) as JSON, typed
 * arrays as plain arrays, a list as its rows (so how its strings are coded does not count). Both
 * sides hash this text with SHA-256.
 */
export function canonicalAnswerJson(value: unknown, rowCount?: number): string {
  if (isListColumns(value)) value = listRows(value);
  return JSON.stringify({ value, rowCount: rowCount ?? null }, (_key, item: unknown) => (ArrayBuffer.isView(item) && !(item instanceof DataView) ? Array.from(item as unknown as ArrayLike<number>) : item));
}
