import type { QuerySpec, WorkspaceTables } from '@parley/metrics';
import { resolvePeriod } from '@parley/metrics';
import { benchPeriod } from './bench-config.js';
import { mostFrequentOpenedChannel } from './peer-columns.js';

// Everything the queries of one workspace are parameterised by, resolved once per workspace.

export interface QueryParameters {
  /** parley's query spec (local dates and zone, no filters). */
  spec: QuerySpec;
  /** The period as instants [startMs, endMs), for the peers' range filters. */
  startMs: number;
  endMs: number;
  /** frt-filtered's openedChannel filter: the most frequent opened channel. */
  channel: { code: number; id: string };
}

export function queryParameters(tables: WorkspaceTables): QueryParameters {
  const period = resolvePeriod(benchPeriod.from, benchPeriod.to, benchPeriod.timeZone);
  return {
    spec: { from: benchPeriod.from, to: benchPeriod.to, timeZone: benchPeriod.timeZone },
    startMs: period.startMs,
    endMs: period.endMs,
    channel: mostFrequentOpenedChannel(tables),
  };
}
