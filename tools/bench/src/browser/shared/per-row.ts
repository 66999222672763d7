import { compareStrings } from '@parley/model';
import type { Column, TablesColumnSet, TablesMeta, WorkspaceTables } from '@parley/metrics';
import { closedBreakdown, closedCount, openedBreakdown, openedCount, openedHeatmap, QueryContext, tablesToColumnSet } from '@parley/metrics';
import { benchPeriod } from '../../bench-config.js';
import type { ColdStartSection } from './bench-queries.js';

// The per-row layout the columnar cache is compared with: one IndexedDB object per conversation
// holding its record's columns and its derived facts (what a row store would keep), in a database
// of its own. The summary text is left out, as the columnar cold start does not read it either.

export const perRowStores = { rows: 'rows', meta: 'meta' } as const;

export interface PerRowObject {
  row: number;
  id: string;
  openedAt: number;
  closedAt: number;
  contact: number;
  openedSource: number;
  openedChannel: number;
  openedByUser: number;
  closedSource: number;
  closedByUser: number;
  closedByTeam: number;
  category: number;
  inbox: number;
  pageUrl: number;
  chatflow: number;
  tags: number[];
  countedClosed: number;
  closingUser: number;
  contactType: number;
  firstAssignmentAt: number;
  firstAssignee: number;
  assignedBeforeOpen: number;
  lastAssignmentAt: number;
  lastAssignee: number;
  assignments: number;
  firstResponseAt: number;
  firstResponseBy: number;
  lastAssigneeResponseAt: number;
  incoming: number;
  outgoing: number;
  closerMessagesSent: number;
  responses: number;
}

/** The one meta object: what tablesFromColumnSet needs besides the columns (the tables' meta, the dictionaries). */
export interface PerRowMeta {
  key: 'meta';
  meta: TablesMeta;
  dictionaries: Record<string, (string | null)[]>;
}

export function perRowObject(tables: WorkspaceTables, row: number): PerRowObject {
  const c = tables.conversations;
  const f = tables.facts;
  return {
    row,
    id: c.ids[row],
    openedAt: c.openedAt[row],
    closedAt: c.closedAt[row],
    contact: c.contact[row],
    openedSource: c.openedSource[row],
    openedChannel: c.openedChannel[row],
    openedByUser: c.openedByUser[row],
    closedSource: c.closedSource[row],
    closedByUser: c.closedByUser[row],
    closedByTeam: c.closedByTeam[row],
    category: c.category[row],
    inbox: c.inbox[row],
    pageUrl: c.pageUrl[row],
    chatflow: c.chatflow[row],
    tags: Array.from(c.tagCodes.subarray(c.tagOffsets[row], c.tagOffsets[row + 1])),
    countedClosed: f.countedClosed[row],
    closingUser: f.closingUser[row],
    contactType: f.contactType[row],
    firstAssignmentAt: f.firstAssignmentAt[row],
    firstAssignee: f.firstAssignee[row],
    assignedBeforeOpen: f.assignedBeforeOpen[row],
    lastAssignmentAt: f.lastAssignmentAt[row],
    lastAssignee: f.lastAssignee[row],
    assignments: f.assignments[row],
    firstResponseAt: f.firstResponseAt[row],
    firstResponseBy: f.firstResponseBy[row],
    lastAssigneeResponseAt: f.lastAssigneeResponseAt[row],
    incoming: f.incoming[row],
    outgoing: f.outgoing[row],
    closerMessagesSent: f.closerMessagesSent[row],
    responses: f.responseOffsets[row + 1] - f.responseOffsets[row],
  };
}

export function perRowMeta(tables: WorkspaceTables): PerRowMeta {
  const dictionaries: Record<string, (string | null)[]> = {};
  for (const [name, dictionary] of Object.entries(tables.dictionaries)) dictionaries[name] = [...dictionary.values];
  return { key: 'meta', meta: tablesToColumnSet(tables).meta, dictionaries };
}

/**
 * The per-row cold start's build step: from the row objects, only the columns the cold-start
 * queries read, and the closed index (counted-closed rows by closedAt asc, id desc, with the
 * closed breakdowns' columns in that order, as the table builder makes it).
 */
export function perRowColumnSet(rows: readonly PerRowObject[], meta: PerRowMeta): TablesColumnSet {
  const n = rows.length;
  const openedAt = new Float64Array(n);
  const closedAt = new Float64Array(n);
  const openedSource = new Uint32Array(n);
  const openedChannel = new Uint32Array(n);
  const closedSource = new Uint32Array(n);
  const category = new Uint32Array(n);
  const contactType = new Uint8Array(n);
  const ids: string[] = new Array<string>(n);
  let closedCountAll = 0;
  for (let r = 0; r < n; r++) {
    const row = rows[r];
    openedAt[r] = row.openedAt;
    closedAt[r] = row.closedAt;
    openedSource[r] = row.openedSource;
    openedChannel[r] = row.openedChannel;
    closedSource[r] = row.closedSource;
    category[r] = row.category;
    contactType[r] = row.contactType;
    ids[r] = row.id;
    closedCountAll += row.countedClosed;
  }
  const order = new Uint32Array(closedCountAll);
  for (let r = 0, k = 0; r < n; r++) if (rows[r].countedClosed === 1) order[k++] = r;
  order.sort((a, b) => closedAt[a] - closedAt[b] || compareStrings(ids[b], ids[a]));
  const sortedAt = new Float64Array(order.length);
  // The closed breakdowns' columns in closed order, as the facts derive them (ClosedIndex).
  const closedCategory = new Uint32Array(order.length);
  const closedClosedSource = new Uint32Array(order.length);
  const closedContactType = new Uint8Array(order.length);
  for (let k = 0; k < order.length; k++) {
    sortedAt[k] = closedAt[order[k]];
    closedCategory[k] = category[order[k]];
    closedClosedSource[k] = closedSource[order[k]];
    closedContactType[k] = contactType[order[k]];
  }
  const columns: Record<string, Column> = {
    'conversations.openedAt': openedAt,
    'conversations.openedSource': openedSource,
    'conversations.openedChannel': openedChannel,
    'conversations.closedSource': closedSource,
    'conversations.category': category,
    'facts.contactType': contactType,
    'closed.rows': order,
    'closed.closedAt': sortedAt,
    'closed.category': closedCategory,
    'closed.closedSource': closedClosedSource,
    'closed.contactType': closedContactType,
  };
  const strings: TablesColumnSet['strings'] = { 'conversations.ids': ids, 'contactNames.values': [] };
  for (const [name, values] of Object.entries(meta.dictionaries)) strings[`dictionaries.${name}`] = values;
  return { meta: meta.meta, columns, strings };
}

/** The engine's sections (libs/engine-worker/src/sections.ts) for the cold-start queries, one QueryContext each. */
export function perRowAnswer(tables: WorkspaceTables, section: ColdStartSection): unknown {
  const ctx = new QueryContext(tables, { from: benchPeriod.from, to: benchPeriod.to, timeZone: benchPeriod.timeZone, filters: {} });
  switch (section) {
    case 'conversations.overview':
      return { opened: openedCount(ctx), closed: closedCount(ctx) };
    case 'conversations.openedHeatmap':
      return openedHeatmap(ctx);
    case 'conversations.openedByContactType':
      return openedBreakdown(ctx, 'contactType');
    case 'conversations.openedBySource':
      return openedBreakdown(ctx, 'openedSource');
    case 'conversations.openedByChannel':
      return openedBreakdown(ctx, 'openedChannel');
    case 'conversations.closedByCategory':
      return closedBreakdown(ctx, 'category');
    case 'conversations.closedBySource':
      return closedBreakdown(ctx, 'closedSource');
    case 'conversations.closedByContactType':
      return closedBreakdown(ctx, 'contactType');
  }
}
