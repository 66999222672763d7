// Filter, period and query vocabulary shared by the CLI, the engine and the widgets (snapshot.md §1, §4).

/** The conversation filters in canonical order (snapshot.md §1). */
export const conversationFilterNames = [
  'closedSource',
  'firstAssignee',
  'firstResponseBy',
  'lastAssignee',
  'closedByTeam',
  'closedByUser',
  'category',
  'openedChannel',
  'openedSource',
  'contactType',
  'contact',
  'conversationId',
] as const;
export type ConversationFilterName = (typeof conversationFilterNames)[number];

/**
 * Active filters: name → accepted values. Values of one name are OR-ed, names are AND-ed; the empty
 * string selects "none" (an attribute that is null or ""). A name with no values is inactive.
 */
export type Filters = Partial<Record<ConversationFilterName, readonly string[]>>;

/** A filter as printed in the snapshot: active names in canonical order, values de-duplicated and sorted. */
export interface ActiveFilter {
  name: ConversationFilterName;
  values: string[];
}

/** Widget families of snapshot.md §4: which timestamp puts a record in the period, which filters apply. */
export const reportFamilies = ['opened', 'openedVsClosed', 'closed', 'messages', 'contacts', 'csat'] as const;
export type ReportFamily = (typeof reportFamilies)[number];

const openedFilters: readonly ConversationFilterName[] = [
  'openedChannel',
  'openedSource',
  'contactType',
  'contact',
  'conversationId',
];

/** The filters each family takes (snapshot.md §4); any other active filter makes it not applicable. */
export const applicableFilters: Readonly<Record<ReportFamily, readonly ConversationFilterName[]>> = {
  opened: openedFilters,
  openedVsClosed: openedFilters,
  closed: conversationFilterNames,
  messages: ['contact'],
  contacts: ['contact'],
  csat: conversationFilterNames,
};

export function isConversationFilterName(name: string): name is ConversationFilterName {
  return (conversationFilterNames as readonly string[]).includes(name);
}

/** Normalises filters to the snapshot's form: canonical order, values unique and in UTF-16 order. */
export function activeFilters(filters: Filters): ActiveFilter[] {
  const active: ActiveFilter[] = [];
  for (const name of conversationFilterNames) {
    const values = filters[name];
    if (!values || values.length === 0) continue;
    active.push({ name, values: [...new Set(values)].sort(compareStrings) });
  }
  return active;
}

/** True when every active filter applies to the family (otherwise its widgets are "not applicable"). */
export function filtersApply(family: ReportFamily, filters: Filters): boolean {
  const allowed = applicableFilters[family];
  return activeFilters(filters).every((filter) => allowed.includes(filter.name));
}

/** UTF-16 code-unit order (snapshot.md §3, D7): never locale order. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A local calendar date `YYYY-MM-DD`. */
export type LocalDate = string;

/** An inclusive range of local dates in a time zone (metrics.md "Time"). */
export interface PeriodSpec {
  from: LocalDate;
  to: LocalDate;
  timeZone: string;
}

/** A resolved period: the half-open instant range `[startMs, endMs)`. */
export interface Period extends PeriodSpec {
  startMs: number;
  endMs: number;
}

export const datePresets = [
  'today',
  'yesterday',
  'last-7-days',
  'last-14-days',
  'last-30-days',
  'this-month',
  'last-month',
] as const;
export type DatePreset = (typeof datePresets)[number];

/** The value that stands in for a widget whose active filters do not all apply (snapshot.md D5). */
export const notApplicable = 'not-applicable';
export type NotApplicable = typeof notApplicable;
