import { percentile } from '../timing.js';
import type { BrowserResult, ColdStartResult, IngestResult } from './browser-run.js';
import { dashboardWidgets } from './shared/bench-queries.js';
import type { IngestSample } from './shared/page-results.js';

// The browser run reduced to the figures the table and the JSON rows print: medians and p95s
// (nearest rank) of every series, the per-row cold start scaled to the larger sizes, ingest rates.

export interface Stat {
  median: number;
  p95: number;
  runs: number;
}

export function statOf(samples: readonly number[]): Stat {
  if (samples.length === 0) return { median: Number.NaN, p95: Number.NaN, runs: 0 };
  return { median: percentile(samples, 50), p95: percentile(samples, 95), runs: samples.length };
}

export interface ColdStartSummary {
  conversations: number;
  total: Stat;
  boot: Stat;
  configure: Stat;
  queries: Stat;
  fromNavigation: Stat;
  /** From the probe load: spawn → first sync round settled, and the slowest query meanwhile. */
  syncSettledMs: number;
  probeMaxMs: number;
  probeMedianMs: number;
  probes: number;
  ok: boolean;
}

export interface PerRowSummary {
  conversations: number;
  total: Stat;
  read: Stat;
  build: Stat;
  queries: Stat;
  /** The measured totals × (size / measured size), for each larger cold-start size. */
  scaled: { conversations: number; factor: number; total: Stat }[];
  ok: boolean;
}

export interface IngestSummary {
  total: Stat;
  commit: Stat;
  finish: Stat;
  checkpoint: Stat;
  download: Stat;
  parse: Stat;
  /** Import: what is neither finish nor commit (read, JSON parse, validation, builder). */
  parseAndBuild: Stat;
  /** records / commit time (median; p95 = records / p95 commit time, the slow end). */
  cacheRowsPerSecond: Stat;
  endToEndRowsPerSecond: Stat;
  requests: number;
  bodyBytes: number;
}

export interface RoundtripSummary {
  conversations: number;
  widgets: { name: string; stat: Stat; bytes: number }[];
  all: Stat;
  /** Bytes of the dashboard widgets' answers together (all-widgets). */
  allBytes: number;
  channels: number;
  ok: boolean;
}

export function coldStartSummary(result: ColdStartResult): ColdStartSummary {
  const of = (pick: (sample: ColdStartResult['samples'][number]) => number) => statOf(result.samples.map(pick));
  return {
    conversations: result.conversations,
    total: of((s) => s.totalMs),
    boot: of((s) => s.workerBootMs),
    configure: of((s) => s.configureMs),
    queries: of((s) => s.queriesMs),
    fromNavigation: of((s) => s.navigationToAnswersMs),
    syncSettledMs: result.probe.settle?.settledMs ?? Number.NaN,
    probeMaxMs: result.probe.settle?.probeMaxMs ?? Number.NaN,
    probeMedianMs: result.probe.settle?.probeMedianMs ?? Number.NaN,
    probes: result.probe.settle?.probes ?? 0,
    ok: result.check.ok,
  };
}

export function perRowSummary(result: BrowserResult): PerRowSummary | null {
  const perRow = result.perRow;
  if (perRow === null) return null;
  const samples = perRow.samples;
  const of = (pick: (sample: (typeof samples)[number]) => number) => statOf(samples.map(pick));
  const total = of((s) => s.totalMs);
  const scaled = result.coldStart
    .filter((coldStart) => coldStart.conversations > perRow.conversations)
    .map((coldStart) => {
      const factor = coldStart.conversations / perRow.conversations;
      return { conversations: coldStart.conversations, factor, total: { median: total.median * factor, p95: total.p95 * factor, runs: total.runs } };
    });
  return { conversations: perRow.conversations, total, read: of((s) => s.readMs), build: of((s) => s.buildMs), queries: of((s) => s.queriesMs), scaled, ok: perRow.check.ok };
}

export function ingestSummary(samples: readonly IngestSample[], records: number): IngestSummary {
  const of = (pick: (sample: IngestSample) => number) => statOf(samples.map(pick));
  const commit = of((s) => s.commitMs);
  const total = of((s) => s.totalMs);
  return {
    total,
    commit,
    finish: of((s) => s.finishMs),
    checkpoint: of((s) => s.checkpointMs),
    download: of((s) => s.downloadMs),
    parse: of((s) => s.parseMs),
    parseAndBuild: of((s) => s.totalMs - s.finishMs - s.commitMs - s.checkpointMs),
    cacheRowsPerSecond: { median: records / (commit.median / 1000), p95: records / (commit.p95 / 1000), runs: commit.runs },
    endToEndRowsPerSecond: { median: records / (total.median / 1000), p95: records / (total.p95 / 1000), runs: total.runs },
    requests: samples[0]?.requests ?? 0,
    bodyBytes: samples[0]?.bodyBytes ?? 0,
  };
}

export function ingestSummaries(ingest: IngestResult): { sync: IngestSummary; import: IngestSummary } {
  return { sync: ingestSummary(ingest.sync, ingest.records), import: ingestSummary(ingest.import, ingest.records) };
}

export function roundtripSummary(result: BrowserResult): RoundtripSummary | null {
  const roundtrip = result.roundtrip;
  if (roundtrip === null) return null;
  return {
    conversations: roundtrip.conversations,
    widgets: roundtrip.sample.widgets.map((series) => ({ name: series.name, stat: statOf(series.samplesMs), bytes: roundtrip.bytes[series.name] ?? Number.NaN })),
    all: statOf(roundtrip.sample.all.samplesMs),
    allBytes: dashboardWidgets.reduce((sum, widget) => sum + (roundtrip.bytes[widget.name] ?? 0), 0),
    channels: roundtrip.sample.channels.length,
    ok: roundtrip.check.ok,
  };
}
