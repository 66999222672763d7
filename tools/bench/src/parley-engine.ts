import type { ConversationRow, OrNA } from '@parley/model';
import { notApplicable } from '@parley/model';
import type { QuerySpec, WorkspaceTables } from '@parley/metrics';
import { closedBreakdown, conversationList, durationAgg, leaderboard, openedBreakdown, openedHeatmap, QueryContext } from '@parley/metrics';
import type { AllAnswer, GroupsAnswer, ListRowAnswer, QueryAnswers } from './answers.js';
import { listPageSize } from './bench-config.js';
import type { BenchEngine, QueryRunners } from './bench-engine.js';
import type { QueryParameters } from './query-parameters.js';

// parley: the @parley/metrics query functions over WorkspaceTables. Every run builds a new
// QueryContext, so nothing memoised by one run (row selections, local buckets) helps the next.

function present<T>(value: OrNA<T>): T {
  if (value === notApplicable) throw new Error('query not applicable');
  return value as T;
}

function groupsOf(ctx: QueryContext): GroupsAnswer {
  return {
    openedByContactType: present(openedBreakdown(ctx, 'contactType')),
    openedBySource: present(openedBreakdown(ctx, 'openedSource')),
    openedByChannel: present(openedBreakdown(ctx, 'openedChannel')),
    closedByCategory: closedBreakdown(ctx, 'category'),
    closedBySource: closedBreakdown(ctx, 'closedSource'),
    closedByContactType: closedBreakdown(ctx, 'contactType'),
  };
}

/** The list columns the peers return too. */
export function listRowAnswer(row: ConversationRow): ListRowAnswer {
  return {
    conversationId: row.conversationId,
    closedAt: row.closedAt,
    openedAt: row.openedAt,
    category: row.category,
    closedSource: row.closedSource,
    closedByTeamId: row.closedByTeamId,
    contactType: row.contactType,
    firstResponseAt: row.firstResponseAt,
  };
}

const listOf = (ctx: QueryContext): ListRowAnswer[] => conversationList(ctx, { limit: listPageSize }).rows.map(listRowAnswer);

export function parleyQueries(tables: WorkspaceTables, parameters: QueryParameters): QueryRunners<'sync'> {
  const spec: QuerySpec = parameters.spec;
  const filtered: QuerySpec = { ...spec, filters: { openedChannel: [parameters.channel.id] } };
  return {
    'heatmap-opened': () => present(openedHeatmap(new QueryContext(tables, spec))),
    groups: () => groupsOf(new QueryContext(tables, spec)),
    'frt-filtered': () => durationAgg(new QueryContext(tables, filtered), 'firstResponseTime'),
    leaderboard: () => leaderboard(new QueryContext(tables, spec)),
    'list-page': () => listOf(new QueryContext(tables, spec)),
    all: (): AllAnswer => {
      // One shared context for the unfiltered widgets; frt-filtered's filter is part of its own context.
      const ctx = new QueryContext(tables, spec);
      const filteredCtx = new QueryContext(tables, filtered);
      return {
        heatmap: present(openedHeatmap(ctx)),
        groups: groupsOf(ctx),
        frt: durationAgg(filteredCtx, 'firstResponseTime'),
        leaderboard: leaderboard(ctx),
        list: listOf(ctx),
      };
    },
  };
}

export function parleyEngine(tables: WorkspaceTables, parameters: QueryParameters): BenchEngine {
  const queries = parleyQueries(tables, parameters);
  return {
    name: 'parley',
    run: <Q extends keyof QueryAnswers>(query: Q) => queries[query]() as QueryAnswers[Q],
    close: () => undefined,
  };
}
