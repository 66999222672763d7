import type { EngineName } from './bench-config.js';
import { engineNames, queryNames } from './bench-config.js';
import type { SizeResult } from './size-run.js';

/** The engines of the rows: the Node engines, and parley's browser cold start over one IndexedDB object per row. */
export type RowEngine = EngineName | 'parley-per-row';

/** One row of `npm run bench -- --json`. */
export interface ResultRow {
  /**
   * A bench query, or a measurement: build-tables, generation, load-peer, resident-bytes-per-conversation,
   * rss-delta-per-conversation…; browser rows: cold-start, ingest-sync, ingest-import, roundtrip (a
   * detail after a colon: `roundtrip:openedHeatmap`, see browser/browser-rows.ts).
   */
  query: string;
  conversations: number;
  engine: RowEngine;
  stat: 'median' | 'p95';
  value: number;
  unit: 'ms' | 'rows/s' | 'bytes';
}

/** The rows of one size: every query timing, then build, load and memory measurements. */
export function resultRows(result: SizeResult): ResultRow[] {
  const conversations = result.conversations;
  const rows: ResultRow[] = [];
  const row = (query: string, engine: EngineName, stat: ResultRow['stat'], value: number, unit: ResultRow['unit']) =>
    rows.push({ query, conversations, engine, stat, value: Number(value.toFixed(unit === 'ms' ? 3 : 1)), unit });
  for (const query of queryNames) {
    for (const engine of engineNames) {
      const timing = result.timings[engine][query];
      if (!timing) continue;
      row(query, engine, 'median', timing.medianMs, 'ms');
      row(query, engine, 'p95', timing.p95Ms, 'ms');
    }
  }
  const b = result.build;
  row('generation-alone', 'parley', 'median', b.generationMs, 'ms');
  row('generation-and-build', 'parley', 'median', b.generationAndBuildMs, 'ms');
  row('build-tables', 'parley', 'median', b.buildMs, 'ms');
  row('build-tables', 'parley', 'median', conversations / (b.buildMs / 1000), 'rows/s');
  row('load-cached-tables', 'parley', 'median', result.tableLoadMs, 'ms');
  row('derive-calendar-durations', 'parley', 'median', result.derivedDurationsMs, 'ms');
  row('load-peer', 'arquero', 'median', result.peerLoadMs.arquero, 'ms');
  row('load-peer', 'duckdb', 'median', result.peerLoadMs.duckdb, 'ms');
  row('load-peer', 'duckdb', 'median', conversations / (result.peerLoadMs.duckdb / 1000), 'rows/s');
  row('typed-bytes-per-conversation', 'parley', 'median', result.footprint.typedBytes / conversations, 'bytes');
  row('string-bytes-per-conversation', 'parley', 'median', result.footprint.stringBytes / conversations, 'bytes');
  row('derived-bytes-per-conversation', 'parley', 'median', result.footprint.derivedBytes / conversations, 'bytes');
  row('resident-bytes-per-conversation', 'parley', 'median', result.footprint.totalBytes / conversations, 'bytes');
  row('rss-delta-per-conversation', 'parley', 'median', result.rssDeltaBytes / conversations, 'bytes');
  return rows;
}
