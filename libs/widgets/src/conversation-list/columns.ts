import type { ConversationRow } from '@parley/model';

// The columns of the conversation list: every key of the snapshot's Row (snapshot.md §5), in its
// order, with how each is shown. Display names come from the engine's filter options.

export const listColumnKinds = ['datetime', 'duration', 'count', 'user', 'team', 'channel', 'source', 'contactType', 'id', 'text', 'longText'] as const;
export type ListColumnKind = (typeof listColumnKinds)[number];

export type ListColumnKey = keyof ConversationRow;

export interface ListColumn {
  key: ListColumnKey;
  kind: ListColumnKind;
}

export const listColumns: readonly ListColumn[] = [
  { key: 'closedAt', kind: 'datetime' },
  { key: 'closedSource', kind: 'source' },
  { key: 'closedByUserId', kind: 'user' },
  { key: 'closedByTeamId', kind: 'team' },
  { key: 'openedAt', kind: 'datetime' },
  { key: 'openedSource', kind: 'source' },
  { key: 'openedChannelId', kind: 'channel' },
  { key: 'conversationId', kind: 'id' },
  { key: 'contactId', kind: 'id' },
  { key: 'contactName', kind: 'text' },
  { key: 'firstAssignmentAt', kind: 'datetime' },
  { key: 'firstAssigneeId', kind: 'user' },
  { key: 'firstResponseAt', kind: 'datetime' },
  { key: 'firstResponseById', kind: 'user' },
  { key: 'lastAssignmentAt', kind: 'datetime' },
  { key: 'lastAssigneeId', kind: 'user' },
  { key: 'timeToFirstAssignmentMs', kind: 'duration' },
  { key: 'firstResponseTimeMs', kind: 'duration' },
  { key: 'firstAssignmentToFirstResponseMs', kind: 'duration' },
  { key: 'lastAssignmentToResponseMs', kind: 'duration' },
  { key: 'resolutionTimeMs', kind: 'duration' },
  { key: 'firstAssignmentToCloseMs', kind: 'duration' },
  { key: 'lastAssignmentToCloseMs', kind: 'duration' },
  { key: 'averageResponseTimeMs', kind: 'duration' },
  { key: 'assignments', kind: 'count' },
  { key: 'incomingMessages', kind: 'count' },
  { key: 'outgoingMessages', kind: 'count' },
  { key: 'responses', kind: 'count' },
  { key: 'category', kind: 'text' },
  { key: 'summary', kind: 'longText' },
  { key: 'contactType', kind: 'contactType' },
];

export const listColumnKeys: readonly ListColumnKey[] = listColumns.map((column) => column.key);

export function isListColumnKey(value: string): value is ListColumnKey {
  return (listColumnKeys as readonly string[]).includes(value);
}

/** Column widths in px: one grid template for the header and every row keeps them aligned. */
const widths: Record<ListColumnKind, number> = {
  datetime: 196,
  duration: 124,
  count: 104,
  user: 156,
  team: 164,
  channel: 176,
  source: 132,
  contactType: 112,
  id: 132,
  text: 156,
  longText: 300,
};

export function columnWidth(column: ListColumn): number {
  return widths[column.kind];
}

/** Right-aligned (numbers read best aligned on their units). */
export function isNumeric(column: ListColumn): boolean {
  return column.kind === 'duration' || column.kind === 'count';
}

// ---- the visible columns, remembered per element id --------------------------------------------

const storagePrefix = 'parley-conversation-list:hidden-columns:';

/** The hidden column keys stored for an element id; null when none are stored (or storage fails). */
export function storedHiddenColumns(id: string): ListColumnKey[] | null {
  if (!id) return null;
  try {
    const raw = localStorage.getItem(storagePrefix + id);
    if (raw === null) return null;
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((key): key is ListColumnKey => typeof key === 'string' && isListColumnKey(key)) : null;
  } catch {
    return null;
  }
}

/** Stores the hidden columns (not the visible ones: a column added later shows by default). */
export function storeHiddenColumns(id: string, hidden: readonly ListColumnKey[]): void {
  if (!id) return;
  try {
    localStorage.setItem(storagePrefix + id, JSON.stringify(hidden));
  } catch {
    // Storage full or disabled: the choice lasts for the page only.
  }
}

/** A `columns` attribute (comma- or space-separated keys) as the hidden keys; unknown keys ignored. */
export function hiddenFromVisibleList(list: string): ListColumnKey[] {
  const visible = new Set(list.split(/[\s,]+/).filter(isListColumnKey));
  if (visible.size === 0) return [];
  return listColumnKeys.filter((key) => !visible.has(key));
}
