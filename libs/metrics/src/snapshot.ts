import type { ReportArgs, ReportSnapshot } from '@parley/model';
import { activeFilters, readWorkspaceValue, validatingSink } from '@parley/model';
import type { RecordRejection } from '@parley/model';
import { contactsSummary, csatSummary, messagesSummary } from './activity-report.js';
import { conversationList, defaultListOrder, rowMaterializer } from './conversation-list.js';
import {
  byTag,
  closedBreakdown,
  closedCount,
  closedHeatmap,
  durations,
  openedBreakdown,
  openedCount,
  openedHeatmap,
  openedVsClosed,
  origin,
} from './conversation-report.js';
import { leaderboard, userPerformance } from './leaderboard.js';
import { QueryContext } from './query-context.js';
import { TableBuilder } from './table-builder.js';
import type { WorkspaceTables } from './tables.js';

// `parley report`'s snapshot (snapshot.md §5): every section, keys in the documented order.

export function reportSnapshot(tables: WorkspaceTables, args: ReportArgs): ReportSnapshot {
  const ctx = new QueryContext(tables, { from: args.from, to: args.to, timeZone: args.timeZone, filters: args.filters });
  return snapshotWithList(ctx, tables, conversationList(ctx).rows);
}

function snapshotWithList(ctx: QueryContext, tables: WorkspaceTables, list: ReportSnapshot['conversations']['list']): ReportSnapshot {
  const contacts = contactsSummary(ctx);
  const messages = messagesSummary(ctx);
  return {
    format: 'parley.report-snapshot',
    version: 1,
    period: { ...ctx.period },
    filters: activeFilters(ctx.filters),
    input: { loaded: { ...tables.loaded }, rejected: { ...tables.rejected } },
    conversations: {
      overview: { opened: openedCount(ctx), closed: closedCount(ctx) },
      openedVsClosed: openedVsClosed(ctx),
      openedHeatmap: openedHeatmap(ctx),
      closedHeatmap: closedHeatmap(ctx),
      openedByContactType: openedBreakdown(ctx, 'contactType'),
      openedBySource: openedBreakdown(ctx, 'openedSource'),
      openedByChannel: openedBreakdown(ctx, 'openedChannel'),
      closedByCategory: closedBreakdown(ctx, 'category'),
      closedBySource: closedBreakdown(ctx, 'closedSource'),
      closedByContactType: closedBreakdown(ctx, 'contactType'),
      durations: durations(ctx),
      list,
    },
    contacts,
    messages,
    leaderboard: leaderboard(ctx),
    userPerformance: userPerformance(ctx),
    csat: csatSummary(ctx),
    origin: origin(ctx),
    byTag: byTag(ctx),
  };
}

/** Tables from an in-memory single-object workspace (tests, small files); rejections are collected. */
export function tablesFromWorkspace(workspace: unknown, onRejected?: (rejection: RecordRejection) => void): WorkspaceTables {
  const builder = new TableBuilder();
  readWorkspaceValue(
    workspace,
    validatingSink(builder, (rejection) => {
      builder.reject(rejection.collection);
      onRejected?.(rejection);
    }),
  );
  return builder.finish();
}

/** The snapshot of an in-memory workspace: what `parley report` prints for the same file. */
export function snapshotOfWorkspace(workspace: unknown, args: ReportArgs): ReportSnapshot {
  return reportSnapshot(tablesFromWorkspace(workspace), args);
}

/** The CLI's serialisation (D30). */
export function serializeSnapshot(snapshot: ReportSnapshot): string {
  return JSON.stringify(snapshot, null, 2) + '\n';
}

const listSentinel = '\u0000parley-list\u0000';

/**
 * Yields the same text as serializeSnapshot(reportSnapshot(...)) in pieces, materialising list
 * rows one at a time: a million-row list never exists as one string or as a million objects.
 */
export function* snapshotChunks(tables: WorkspaceTables, args: ReportArgs): Generator<string> {
  const ctx = new QueryContext(tables, { from: args.from, to: args.to, timeZone: args.timeZone, filters: args.filters });
  const skeleton = snapshotWithList(ctx, tables, listSentinel as unknown as ReportSnapshot['conversations']['list']);
  const text = serializeSnapshot(skeleton);
  const marker = JSON.stringify(listSentinel);
  const at = text.indexOf(marker);
  yield text.slice(0, at);
  const order = defaultListOrder(ctx, 'closed');
  if (order.length === 0) yield '[]';
  else {
    const indent = '      ';
    const materialize = rowMaterializer(tables);
    let batch: string[] = [];
    for (let i = 0; i < order.length; i++) {
      const row = JSON.stringify(materialize(order[i]), null, 2).replaceAll('\n', '\n' + indent);
      batch.push(indent + row);
      if (batch.length === 1000) {
        yield (i < 1000 ? '[\n' : ',\n') + batch.join(',\n');
        batch = [];
      }
    }
    if (batch.length > 0) yield (order.length <= batch.length ? '[\n' : ',\n') + batch.join(',\n');
    yield '\n    ]';
  }
  yield text.slice(at + marker.length);
}
