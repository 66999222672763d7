import { isDeepStrictEqual } from 'node:util';
import { calendarDurations, leaderboardIndexes } from '@parley/metrics';
import type { AnyAnswer } from './answers.js';
import type { EngineName, PeerName, QueryName, TimingPolicy } from './bench-config.js';
import { benchTimeZone, queryNames } from './bench-config.js';
import type { BenchEngine } from './bench-engine.js';
import { collectGarbage, peakResidentBytes } from './memory.js';
import { parleyEngine } from './parley-engine.js';
import { peerData } from './peer-columns.js';
import type { Log } from './progress.js';
import { queryParameters } from './query-parameters.js';
import type { BuildSidecar } from './table-cache.js';
import type { TableFootprint } from './table-footprint.js';
import { tableFootprint } from './table-footprint.js';
import { timeRuns } from './timing.js';
import type { WorkspaceRecipe } from './workspace-generation.js';
import { loadWorkspace } from './workspace-source.js';

// One workspace size: tables (cached or built), the peers loaded from the same facts, every query
// timed on every engine, and each peer's answer checked against parley's.

export interface QueryTiming {
  medianMs: number;
  p95Ms: number;
  runs: number;
}

export interface SizeResult {
  recipe: WorkspaceRecipe;
  conversations: number;
  messages: number;
  responses: number;
  closedInPeriod: number;
  channelId: string;
  build: BuildSidecar;
  fromCache: boolean;
  tableLoadMs: number;
  /** parley's calendarDurations(tables), built once per tables on first use. */
  derivedDurationsMs: number;
  footprint: TableFootprint;
  rssDeltaBytes: number;
  peerColumnsMs: number;
  peerLoadMs: Record<PeerName, number>;
  timings: Record<EngineName, Partial<Record<QueryName, QueryTiming>>>;
  /** Peer answer equals parley's, per query. */
  matches: Record<PeerName, Partial<Record<QueryName, boolean>>>;
  peakRssBytes: number;
  /** Wall time of this size, build (when not cached) and peer loading included. */
  elapsedMs: number;
}

async function timeEngine(engine: BenchEngine, policy: TimingPolicy, log: Log, label: string): Promise<{ timings: Partial<Record<QueryName, QueryTiming>>; answers: Partial<Record<QueryName, AnyAnswer>> }> {
  const timings: Partial<Record<QueryName, QueryTiming>> = {};
  const answers: Partial<Record<QueryName, AnyAnswer>> = {};
  for (const query of queryNames) {
    const series = await timeRuns<AnyAnswer>(() => engine.run(query), policy);
    timings[query] = { medianMs: series.medianMs, p95Ms: series.p95Ms, runs: series.samplesMs.length };
    answers[query] = series.answer;
    log(`${label} ${engine.name.padEnd(7)} ${query.padEnd(14)} median ${series.medianMs.toFixed(2)} ms, p95 ${series.p95Ms.toFixed(2)} ms (${series.samplesMs.length} runs)`);
  }
  return { timings, answers };
}

export async function runSize(recipe: WorkspaceRecipe, options: { fresh: boolean; policy: TimingPolicy; log: Log }): Promise<SizeResult> {
  const { log, policy } = options;
  const sizeStart = performance.now();
  const label = recipe.conversations.toLocaleString('en-US');
  const workspace = loadWorkspace(recipe, { fresh: options.fresh, log });
  const tables = workspace.tables;
  log(`${label}: tables ${workspace.fromCache ? 'loaded from cache' : 'built and cached'}, decoded in ${(workspace.loadMs / 1000).toFixed(1)} s`);
  // parley derives per-response and per-conversation calendar durations once per tables, on first
  // use (calendarDurations, a WeakMap cache): timed here, apart, like the build it belongs to.
  // The same holds for the leaderboard indexes (sorted per closing user/team and bucket).
  let start = performance.now();
  calendarDurations(tables);
  leaderboardIndexes(tables);
  const derivedDurationsMs = performance.now() - start;
  const parameters = queryParameters(tables);

  const parley = parleyEngine(tables, parameters);
  const parleyRun = await timeEngine(parley, policy, log, label);
  // After parley's runs every per-tables cache a query builds exists: count them all.
  const footprint = tableFootprint(tables);

  // The peers' modules are imported only now: loading Arquero or DuckDB's native addon into the
  // process slowed parley's own queries by up to a third (measured: 1M `all` 12.3 → 16.1 ms), a cost
  // no page embedding parley pays.
  const { duckdbEngine, loadDuckDB } = await import('./duckdb-engine.js');
  const { arqueroEngine, loadArquero } = await import('./arquero-engine.js');

  start = performance.now();
  const data = peerData(tables, benchTimeZone);
  const peerColumnsMs = performance.now() - start;
  log(`${label}: peer columns in ${peerColumnsMs.toFixed(0)} ms; loading DuckDB…`);

  start = performance.now();
  const database = await loadDuckDB(data);
  const duckdbLoadMs = performance.now() - start;
  log(`${label}: DuckDB loaded in ${(duckdbLoadMs / 1000).toFixed(1)} s`);
  const duckdb = await duckdbEngine(database, data, parameters);
  const duckdbRun = await timeEngine(duckdb, policy, log, label);
  duckdb.close();
  collectGarbage();

  start = performance.now();
  const arqueroTables = loadArquero(data, parameters);
  const arqueroLoadMs = performance.now() - start;
  log(`${label}: Arquero loaded in ${arqueroLoadMs.toFixed(0)} ms`);
  const arquero = arqueroEngine(arqueroTables, data);
  const arqueroRun = await timeEngine(arquero, policy, log, label);
  arquero.close();

  const matches: SizeResult['matches'] = { arquero: {}, duckdb: {} };
  for (const query of queryNames) {
    const expected = parleyRun.answers[query];
    matches.arquero[query] = isDeepStrictEqual(arqueroRun.answers[query], expected);
    matches.duckdb[query] = isDeepStrictEqual(duckdbRun.answers[query], expected);
  }

  let closedInPeriod = 0;
  const { closedAt } = tables.closed;
  for (let k = 0; k < closedAt.length; k++) if (closedAt[k] >= parameters.startMs && closedAt[k] < parameters.endMs) closedInPeriod++;

  return {
    recipe,
    conversations: tables.conversations.count,
    messages: tables.messages.count,
    responses: tables.responses.count,
    closedInPeriod,
    channelId: parameters.channel.id,
    build: workspace.build,
    fromCache: workspace.fromCache,
    tableLoadMs: workspace.loadMs,
    derivedDurationsMs,
    footprint,
    rssDeltaBytes: workspace.rssDeltaBytes,
    peerColumnsMs,
    peerLoadMs: { arquero: arqueroLoadMs, duckdb: duckdbLoadMs },
    timings: { parley: parleyRun.timings, arquero: arqueroRun.timings, duckdb: duckdbRun.timings },
    matches,
    peakRssBytes: peakResidentBytes(),
    elapsedMs: performance.now() - sizeStart,
  };
}
