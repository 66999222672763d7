import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import type { SourceConfig } from '@parley/model';
import type { WorkspaceTables } from '@parley/metrics';
import { sourceDatabaseName } from '@parley/store';
import { benchEndDate, benchSeed } from '../bench-config.js';
import type { Log } from '../progress.js';
import { cacheDir, cacheKey } from '../table-cache.js';
import { benchRecipe } from '../workspace-generation.js';
import { loadWorkspace } from '../workspace-source.js';
import { bundlePages } from './bundle.js';
import type { BenchServer } from './bench-server.js';
import { startBenchServer } from './bench-server.js';
import { answerBytes, answerHash, channelsByFrequency, coldStartExpected, columnsRead, engineAnswer, roundtripExpected } from './expected.js';
import { benchQuery } from './shared/bench-queries.js';
import type { ColumnarSetup } from './page/bench-page.js';
import type { AnswerDigest, ColdStartSample, IngestSample, PerRowColdStartSample, RoundtripPlan, RoundtripSample, SetupSample, StoreReadSample } from './shared/page-results.js';
import { workspaceFile } from './workspace-file.js';
import type { BrowserPlan } from './browser-plan.js';

// The browser part of `npm run bench`: headless Chromium (puppeteer-core) on the bundled bench
// pages, served with the demo API by a local server. Cold starts over a warm IndexedDB (columnar
// cache vs one object per row), ingest by sync and by import, filter-change roundtrips through the
// real client, and the bytes each answer moves. Every timed answer is checked against Node's.

export interface BrowserJob {
  plan: BrowserPlan;
  /** Rebuild the cached tables (only when the Node part did not run with --fresh already). */
  fresh: boolean;
}

export interface Check {
  /** Every answer equal to Node's. */
  ok: boolean;
  mismatches: string[];
}

export interface ColdStartResult {
  conversations: number;
  databaseName: string;
  setup: SetupSample;
  storeReads: StoreReadSample;
  warmup: ColdStartSample;
  samples: ColdStartSample[];
  /** One more load that stays until the first sync round settled (its `settle`), after the timed ones. */
  probe: ColdStartSample;
  check: Check;
}

export interface PerRowResult {
  conversations: number;
  setup: SetupSample;
  samples: PerRowColdStartSample[];
  check: Check;
}

export interface RoundtripResult {
  conversations: number;
  sample: RoundtripSample;
  /** Structured-clone bytes of each widget's unfiltered answer (V8 serializer, see expected.ts). */
  bytes: Record<string, number>;
  check: Check;
}

export interface IngestResult {
  conversations: number;
  /** Records of every collection in the workspace (what rows/s counts). */
  records: number;
  importFileBytes: number;
  sync: IngestSample[];
  import: IngestSample[];
  check: Check;
}

export interface BrowserResult {
  chromium: string;
  plan: BrowserPlan;
  bundleBytes: Record<string, number>;
  bundleMs: number;
  coldStart: ColdStartResult[];
  perRow: PerRowResult | null;
  roundtrip: RoundtripResult | null;
  ingest: IngestResult | null;
  elapsedMs: number;
  /** The machine's 1-minute load average when the part started and ended (the machine is shared). */
  loadAverage: [number, number];
}

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Opens `url` in a new page, runs `run` on it, closes it. Page errors are logged. */
async function onPage<T>(browser: Browser, url: string, log: Log, run: (page: Page) => Promise<T>): Promise<T> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => log(`page error: ${error instanceof Error ? error.message : String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') log(`page console ${message.type()}: ${message.text()}`);
  });
  try {
    await page.goto(url, { waitUntil: 'load' });
    return await run(page);
  } finally {
    await page.close();
  }
}

/** Calls `globalThis.parleyBench[name](...args)` in the bench page. */
function benchCall<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    (fn: string, list: unknown[]) => {
      const bench = (globalThis as unknown as { parleyBench: Record<string, (...values: unknown[]) => Promise<unknown>> }).parleyBench;
      return bench[fn](...list);
    },
    name,
    args,
  ) as Promise<T>;
}

function compareDigests(label: string, digests: readonly AnswerDigest[], expected: Record<string, string>, mismatches: string[]): void {
  const seen = new Set<string>();
  for (const digest of digests) {
    seen.add(digest.name);
    if (expected[digest.name] !== digest.hash) mismatches.push(`${label} ${digest.name}`);
  }
  for (const name of Object.keys(expected)) if (!seen.has(name)) mismatches.push(`${label} ${name} missing`);
}

const checkOf = (mismatches: string[]): Check => ({ ok: mismatches.length === 0, mismatches });

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** 0.5 s after a 100k load, 3 s after a 1M one. */
const pauseAfterLoadMs = (size: number): number => 500 + Math.min(5_000, (2_500 * size) / 1_000_000);

interface SizeContext {
  browser: Browser;
  server: BenchServer;
  log: Log;
  plan: BrowserPlan;
}

async function coldStarts(context: SizeContext, tables: WorkspaceTables, size: number, expected: Record<string, string>): Promise<ColdStartResult> {
  const { browser, server, log, plan } = context;
  const label = size.toLocaleString('en-US');
  const tablesUrl = server.addFile(`tables-${size}.bin`, join(cacheDir, `${cacheKey(benchRecipe(size))}.bin`));
  const workspace = tables.workspace?.id ?? `demo-${benchSeed}-${size}-${benchEndDate}`;
  const baseUrl = `${server.origin}/api-401/${size}`;
  const databaseName = sourceDatabaseName(baseUrl, workspace);
  const columnarSetup: ColumnarSetup = plan.realBuilderState ? { databaseName, generate: size } : { databaseName, tablesUrl };
  log(`browser ${label}: filling IndexedDB (${plan.realBuilderState ? 'generate into TableBuilder' : 'fetch + decodeTables'} + IndexedDbStore.commit)…`);
  const setup = await onPage(browser, server.pageUrl('bench'), log, (page) => benchCall<SetupSample>(page, 'setupColumnar', columnarSetup));
  log(`browser ${label}: ${setup.source} tables ready in ${(setup.prepareMs / 1000).toFixed(1)} s, committed ${setup.values} chunks in ${(setup.writeMs / 1000).toFixed(1)} s`);
  const storeReads = await onPage(browser, server.pageUrl('bench'), log, (page) => benchCall<StoreReadSample>(page, 'storeReads', databaseName, columnsRead(tables)));
  log(`browser ${label}: builder state (what the first sync round restores): read ${storeReads.builderReadMs.toFixed(0)} ms, TableBuilder.fromState ${storeReads.builderRestoreMs.toFixed(0)} ms`);
  log(
    `browser ${label}: store reads: open ${storeReads.openMs.toFixed(0)} ms, core parts ${storeReads.coreMs.toFixed(0)} ms (${Object.entries(storeReads.partMs).map(([part, ms]) => `${part} ${ms.toFixed(0)}`).join(', ')}), ` +
      `tablesFromColumnSet ${storeReads.tablesMs.toFixed(0)} ms, skipped ${storeReads.skippedMs.toFixed(0)} ms; only the ${storeReads.needed.length} columns the queries read: ${storeReads.neededMs.toFixed(0)} ms`,
  );
  const load = async (probe = false) => {
    const url = server.pageUrl('client', { mode: 'cold-start', baseUrl, workspace, ...(probe ? { probe: '1' } : {}) });
    const sample = await onPage(browser, url, log, (page) => page.evaluate(() => (globalThis as unknown as { parleyColdStart: Promise<ColdStartSample> }).parleyColdStart));
    // Let the closed page's renderer and worker go (a 1M worker frees GBs) before the next load.
    await sleep(pauseAfterLoadMs(size));
    return sample;
  };
  const mismatches: string[] = [];
  const warmup = await load();
  compareDigests(`${label} warm-up load`, warmup.answers, expected, mismatches);
  const loads = size <= 100_000 ? plan.loadsSmall : plan.loadsLarge;
  const samples: ColdStartSample[] = [];
  for (let i = 0; i < loads; i++) {
    const sample = await load();
    compareDigests(`${label} load ${i + 1}`, sample.answers, expected, mismatches);
    samples.push(sample);
    log(`browser ${label}: cold start ${i + 1}/${loads}: ${sample.totalMs.toFixed(0)} ms (boot ${sample.workerBootMs.toFixed(0)}, configure ${sample.configureMs.toFixed(0)}, queries ${sample.queriesMs.toFixed(0)}; sync ${sample.syncPhase})`);
  }
  const probe = await load(true);
  compareDigests(`${label} probe load`, probe.answers, expected, mismatches);
  if (probe.settle) log(`browser ${label}: first sync round settled ${(probe.settle.settledMs / 1000).toFixed(1)} s after spawn (${probe.settle.phase}); ${probe.settle.probes} overview queries meanwhile, slowest ${probe.settle.probeMaxMs.toFixed(0)} ms`);
  return { conversations: size, databaseName, setup, storeReads, warmup, samples, probe, check: checkOf(mismatches) };
}

async function perRowColdStarts(context: SizeContext, size: number, expected: Record<string, string>): Promise<PerRowResult> {
  const { browser, server, log, plan } = context;
  const label = size.toLocaleString('en-US');
  const tablesUrl = server.addFile(`tables-${size}.bin`, join(cacheDir, `${cacheKey(benchRecipe(size))}.bin`));
  const databaseName = `parley-per-row:${size}`;
  log(`browser ${label}: writing one object per conversation…`);
  const setup = await onPage(browser, server.pageUrl('bench'), log, (page) => benchCall<SetupSample>(page, 'setupPerRow', tablesUrl, databaseName));
  log(`browser ${label}: ${setup.values.toLocaleString('en-US')} objects written in ${(setup.writeMs / 1000).toFixed(1)} s`);
  const load = async () => {
    const sample = await onPage(browser, server.pageUrl('bench'), log, (page) => benchCall<PerRowColdStartSample>(page, 'perRowColdStart', databaseName));
    await sleep(pauseAfterLoadMs(size));
    return sample;
  };
  const mismatches: string[] = [];
  const warmup = await load();
  compareDigests(`${label} per-row warm-up`, warmup.answers, expected, mismatches);
  const samples: PerRowColdStartSample[] = [];
  for (let i = 0; i < plan.perRowLoads; i++) {
    const sample = await load();
    compareDigests(`${label} per-row load ${i + 1}`, sample.answers, expected, mismatches);
    samples.push(sample);
    log(`browser ${label}: per-row cold start ${i + 1}/${plan.perRowLoads}: ${sample.totalMs.toFixed(0)} ms (read ${sample.readMs.toFixed(0)}, build ${sample.buildMs.toFixed(0)}, queries ${sample.queriesMs.toFixed(0)})`);
  }
  await onPage(browser, server.pageUrl('bench'), log, (page) => benchCall<void>(page, 'deleteDatabase', databaseName));
  return { conversations: size, setup, samples, check: checkOf(mismatches) };
}

async function roundtrips(context: SizeContext, tables: WorkspaceTables, coldStart: ColdStartResult): Promise<RoundtripResult> {
  const { browser, server, log, plan } = context;
  const size = coldStart.conversations;
  const label = size.toLocaleString('en-US');
  const channels = channelsByFrequency(tables);
  const roundtripPlan: RoundtripPlan = { channels, runs: plan.roundtripRuns, warmupRuns: plan.roundtripWarmupRuns };
  const workspace = tables.workspace?.id ?? '';
  const url = server.pageUrl('client', { mode: 'cold-start', baseUrl: `${server.origin}/api-401/${size}`, workspace });
  log(`browser ${label}: roundtrips (${roundtripPlan.runs} filter changes per widget over ${channels.length} channels)…`);
  const sample = await onPage(browser, url, log, async (page) => {
    await page.evaluate(() => (globalThis as unknown as { parleyColdStart: Promise<ColdStartSample> }).parleyColdStart);
    return page.evaluate((p: RoundtripPlan) => (globalThis as unknown as { parleyRoundtrip: (plan: RoundtripPlan) => Promise<RoundtripSample> }).parleyRoundtrip(p), roundtripPlan);
  });
  const expected = roundtripExpected(tables, channels);
  const mismatches: string[] = [];
  for (const series of sample.widgets) {
    for (const [channel, hash] of Object.entries(series.digests)) if (expected.widgets[series.name]?.[channel] !== hash) mismatches.push(`roundtrip ${series.name} ${channel}`);
  }
  for (const [channel, hash] of Object.entries(sample.all.digests)) if (expected.all[channel] !== hash) mismatches.push(`roundtrip all-widgets ${channel}`);
  return { conversations: size, sample, bytes: answerBytes(tables), check: checkOf(mismatches) };
}

async function ingests(context: SizeContext, tables: WorkspaceTables, size: number): Promise<IngestResult> {
  const { browser, server, log, plan } = context;
  const label = size.toLocaleString('en-US');
  const workspace = tables.workspace?.id ?? '';
  const records = Object.values(tables.loaded).reduce((sum, count) => sum + count, 0);
  const overview = answerHash(engineAnswer(tables, benchQuery('conversations.overview'), 1));
  const file = await workspaceFile(size, log);
  const fileUrl = server.addFile(`workspace-${size}.json`, file.path);
  // The demo API generates its workspace on the first request: not part of any sync's time.
  const warm = await fetch(`${server.origin}/api/demo/${benchSeed}/${size}/${benchEndDate}/workspace`);
  if (!warm.ok) throw new Error(`demo API: HTTP ${warm.status}`);
  const mismatches: string[] = [];
  const check = (label2: string, sample: IngestSample) => {
    if (sample.phase !== 'up-to-date') mismatches.push(`${label2}: phase ${sample.phase} (${sample.error ?? ''})`);
    for (const [collection, count] of Object.entries(tables.loaded)) {
      if (sample.loaded[collection] !== count) mismatches.push(`${label2}: ${collection} ${sample.loaded[collection]} loaded, expected ${count}`);
    }
    if (sample.overview.hash !== overview) mismatches.push(`${label2}: overview differs`);
  };
  const syncs: IngestSample[] = [];
  for (let i = 0; i < plan.ingestRuns; i++) {
    const config: SourceConfig = { baseUrl: `${server.origin}/api/demo/${benchSeed}/${size}/${benchEndDate}/t/bench-sync-${Date.now()}-${i}`, workspace };
    const sample = await onPage(browser, server.pageUrl('bench'), log, (page) => benchCall<IngestSample>(page, 'ingestSync', config, sourceDatabaseName(config.baseUrl, workspace)));
    check(`sync ${i + 1}`, sample);
    syncs.push(sample);
    log(`browser ${label}: sync ${i + 1}/${plan.ingestRuns}: ${(sample.totalMs / 1000).toFixed(1)} s (${sample.requests} requests, commit ${sample.commitMs.toFixed(0)} ms, finish ${sample.finishMs.toFixed(0)} ms, checkpoints ${sample.checkpoints}× ${sample.checkpointMs.toFixed(0)} ms)`);
  }
  const imports: IngestSample[] = [];
  for (let i = 0; i < plan.ingestRuns; i++) {
    const sample = await onPage(browser, server.pageUrl('bench'), log, (page) => benchCall<IngestSample>(page, 'ingestImport', fileUrl, sourceDatabaseName('file:', workspace)));
    check(`import ${i + 1}`, sample);
    imports.push(sample);
    log(`browser ${label}: import ${i + 1}/${plan.ingestRuns}: ${(sample.totalMs / 1000).toFixed(1)} s (commit ${sample.commitMs.toFixed(0)} ms, finish ${sample.finishMs.toFixed(0)} ms)`);
  }
  return { conversations: size, records, importFileBytes: file.bytes, sync: syncs, import: imports, check: checkOf(mismatches) };
}

export async function runBrowserBench(job: BrowserJob, log: Log): Promise<BrowserResult> {
  const started = performance.now();
  const { plan } = job;
  const sizes = [...new Set(plan.sizes)].sort((a, b) => a - b);
  const perRowSize = sizes[0];
  const roundtripSize = sizes[sizes.length - 1];
  const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: install it (apt-get install chromium), set CHROME_PATH, or pass --no-browser`);
  const bundle = await bundlePages();
  log(`browser: pages bundled in ${bundle.buildMs.toFixed(0)} ms`);
  const server = await startBenchServer(bundle);
  const profile = mkdtempSync(join(tmpdir(), 'parley-bench-profile-'));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    userDataDir: profile,
    args: chromiumArgs,
    protocolTimeout: 20 * 60_000,
  });
  const context: SizeContext = { browser, server, log, plan };
  const result: BrowserResult = {
    chromium: await browser.version(),
    plan,
    bundleBytes: bundle.sizes,
    bundleMs: bundle.buildMs,
    coldStart: [],
    perRow: null,
    roundtrip: null,
    ingest: null,
    elapsedMs: 0,
    loadAverage: [loadavg()[0], Number.NaN],
  };
  try {
    for (const size of sizes) {
      const tables = loadWorkspace(benchRecipe(size), { fresh: job.fresh, log }).tables;
      const expected = coldStartExpected(tables);
      const coldStart = await coldStarts(context, tables, size, expected);
      result.coldStart.push(coldStart);
      if (size === perRowSize) result.perRow = await perRowColdStarts(context, size, expected);
      if (size === roundtripSize) result.roundtrip = await roundtrips(context, tables, coldStart);
      await onPage(browser, server.pageUrl('bench'), log, (page) => benchCall<void>(page, 'deleteDatabase', coldStart.databaseName));
      if (size === plan.ingestConversations) result.ingest = await ingests(context, tables, size);
    }
    if (result.ingest === null && plan.ingestConversations > 0) {
      const tables = loadWorkspace(benchRecipe(plan.ingestConversations), { fresh: job.fresh, log }).tables;
      result.ingest = await ingests(context, tables, plan.ingestConversations);
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  result.elapsedMs = performance.now() - started;
  result.loadAverage[1] = loadavg()[0];
  return result;
}
