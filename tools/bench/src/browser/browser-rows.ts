import type { ResultRow } from '../result-rows.js';
import type { BrowserResult } from './browser-run.js';
import type { Stat } from './browser-summary.js';
import { coldStartSummary, ingestSummaries, perRowSummary, roundtripSummary } from './browser-summary.js';

// The browser part's JSON rows, in the shape of the Node rows ({query, conversations, engine, stat,
// value, unit}, no extra keys): a detail (step, widget) is the query name's suffix after a colon.
//
//   cold-start[:worker-boot|:configure|:queries|:from-navigation] (timed loads)
//   cold-start:sync-settled, cold-start:query-wait-during-sync (median and slowest of one probe load)
//   cold-start:store-read-core-parts|:store-read-needed-columns|:tables-from-column-set|
//     :builder-state-read|:builder-state-restore (one replay of the store's reads in a page)
//   cold-start[:read|:build] (parley-per-row), cold-start:scaled-from-<N> (parley-per-row, ×size/N)
//   ingest-sync|ingest-import (ms end to end; rows/s = records / cache write time), and their
//   :fetch, :parse, :parse-validate-build, :derive, :commit, :checkpoints (ms), :end-to-end (rows/s)
//   roundtrip:<widget>|roundtrip:all-widgets (ms; bytes = structured-clone size of the answer)

export function browserRows(result: BrowserResult): ResultRow[] {
  const rows: ResultRow[] = [];
  const row = (query: string, conversations: number, engine: ResultRow['engine'], stat: ResultRow['stat'], value: number, unit: ResultRow['unit']) => {
    if (Number.isFinite(value)) rows.push({ query, conversations, engine, stat, value: Number(value.toFixed(unit === 'ms' ? 3 : 1)), unit });
  };
  const both = (query: string, conversations: number, engine: ResultRow['engine'], stat: Stat, unit: ResultRow['unit'] = 'ms') => {
    row(query, conversations, engine, 'median', stat.median, unit);
    row(query, conversations, engine, 'p95', stat.p95, unit);
  };

  for (const coldStart of result.coldStart) {
    const s = coldStartSummary(coldStart);
    const n = s.conversations;
    both('cold-start', n, 'parley', s.total);
    both('cold-start:worker-boot', n, 'parley', s.boot);
    both('cold-start:configure', n, 'parley', s.configure);
    both('cold-start:queries', n, 'parley', s.queries);
    both('cold-start:from-navigation', n, 'parley', s.fromNavigation);
    row('cold-start:sync-settled', n, 'parley', 'median', s.syncSettledMs, 'ms');
    row('cold-start:query-wait-during-sync', n, 'parley', 'median', s.probeMedianMs, 'ms');
    row('cold-start:query-wait-during-sync', n, 'parley', 'p95', s.probeMaxMs, 'ms');
    const reads = coldStart.storeReads;
    row('cold-start:store-read-core-parts', n, 'parley', 'median', reads.coreMs, 'ms');
    row('cold-start:store-read-needed-columns', n, 'parley', 'median', reads.neededMs, 'ms');
    row('cold-start:tables-from-column-set', n, 'parley', 'median', reads.tablesMs, 'ms');
    row('cold-start:builder-state-read', n, 'parley', 'median', reads.builderReadMs, 'ms');
    row('cold-start:builder-state-restore', n, 'parley', 'median', reads.builderRestoreMs, 'ms');
  }
  const perRow = perRowSummary(result);
  if (perRow !== null) {
    both('cold-start', perRow.conversations, 'parley-per-row', perRow.total);
    row('cold-start:read', perRow.conversations, 'parley-per-row', 'median', perRow.read.median, 'ms');
    row('cold-start:build', perRow.conversations, 'parley-per-row', 'median', perRow.build.median, 'ms');
    row('cold-start:queries', perRow.conversations, 'parley-per-row', 'median', perRow.queries.median, 'ms');
    for (const scaled of perRow.scaled) both(`cold-start:scaled-from-${perRow.conversations}`, scaled.conversations, 'parley-per-row', scaled.total);
  }
  if (result.ingest !== null) {
    const n = result.ingest.conversations;
    const { sync, import: imported } = ingestSummaries(result.ingest);
    both('ingest-sync', n, 'parley', sync.total);
    both('ingest-sync', n, 'parley', sync.cacheRowsPerSecond, 'rows/s');
    row('ingest-sync:end-to-end', n, 'parley', 'median', sync.endToEndRowsPerSecond.median, 'rows/s');
    row('ingest-sync:fetch', n, 'parley', 'median', sync.download.median, 'ms');
    row('ingest-sync:parse', n, 'parley', 'median', sync.parse.median, 'ms');
    row('ingest-sync:derive', n, 'parley', 'median', sync.finish.median, 'ms');
    row('ingest-sync:commit', n, 'parley', 'median', sync.commit.median, 'ms');
    row('ingest-sync:checkpoints', n, 'parley', 'median', sync.checkpoint.median, 'ms');
    both('ingest-import', n, 'parley', imported.total);
    both('ingest-import', n, 'parley', imported.cacheRowsPerSecond, 'rows/s');
    row('ingest-import:end-to-end', n, 'parley', 'median', imported.endToEndRowsPerSecond.median, 'rows/s');
    row('ingest-import:parse-validate-build', n, 'parley', 'median', imported.parseAndBuild.median, 'ms');
    row('ingest-import:derive', n, 'parley', 'median', imported.finish.median, 'ms');
    row('ingest-import:commit', n, 'parley', 'median', imported.commit.median, 'ms');
  }
  const roundtrip = roundtripSummary(result);
  if (roundtrip !== null) {
    const n = roundtrip.conversations;
    for (const widget of roundtrip.widgets) {
      both(`roundtrip:${widget.name}`, n, 'parley', widget.stat);
      row(`roundtrip:${widget.name}`, n, 'parley', 'median', widget.bytes, 'bytes');
    }
    both('roundtrip:all-widgets', n, 'parley', roundtrip.all);
    row('roundtrip:all-widgets', n, 'parley', 'median', roundtrip.allBytes, 'bytes');
  }
  return rows;
}
