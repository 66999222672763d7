import type { TargetCheck } from '../targets.js';
import type { BrowserResult } from './browser-run.js';
import type { ColdStartSummary } from './browser-summary.js';
import { coldStartSummary, ingestSummaries, perRowSummary, roundtripSummary } from './browser-summary.js';

// The browser part's readable report, printed after the Node tables: cold starts (columnar cache
// vs one object per row), ingest, roundtrips with the bytes of each answer, then the targets.

const int = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '-');
const ms = (value: number) => (!Number.isFinite(value) ? '-' : value < 10 ? value.toFixed(2) : value < 1000 ? value.toFixed(1) : int(value));
const seconds = (value: number) => (value / 1000).toFixed(1);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const mark = (ok: boolean) => (ok ? '✓' : '✗');

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
}

function bundleLine(result: BrowserResult): string {
  const sizes = Object.entries(result.bundleBytes);
  const of = (prefix: string) => sizes.filter(([name]) => name.startsWith(prefix) || name.includes(`/${prefix}`)).reduce((sum, [, bytes]) => sum + bytes, 0);
  return `pages bundled by Vite (minified) in ${ms(result.bundleMs)} ms: client page ${kib(of('client'))} + shared chunk ${kib(of('page-globals'))}, engine worker ${kib(of('engine.worker'))}`;
}

function coldStartTable(result: BrowserResult): string[] {
  const widths = [15, 11, 6, 9, 9, 7, 10, 8, 9, 2];
  const lines = [
    pad(['engine', 'convs', 'loads', 'med ms', 'p95 ms', 'boot', 'configure', 'queries', 'from nav', '='], widths),
  ];
  const summaries: ColdStartSummary[] = result.coldStart.map(coldStartSummary);
  for (const s of summaries) {
    lines.push(pad(['parley', int(s.conversations), String(s.total.runs), ms(s.total.median), ms(s.total.p95), ms(s.boot.median), ms(s.configure.median), ms(s.queries.median), ms(s.fromNavigation.median), mark(s.ok)], widths));
  }
  const perRow = perRowSummary(result);
  if (perRow !== null) {
    lines.push(
      pad(['parley-per-row', int(perRow.conversations), String(perRow.total.runs), ms(perRow.total.median), ms(perRow.total.p95), '', '', ms(perRow.queries.median), '', mark(perRow.ok)], widths) +
        `   read ${ms(perRow.read.median)}, build ${ms(perRow.build.median)}`,
    );
    for (const scaled of perRow.scaled) {
      lines.push(pad(['parley-per-row', int(scaled.conversations), '-', ms(scaled.total.median), ms(scaled.total.p95), '', '', '', '', ''], widths) + `   scaled ×${scaled.factor} from ${int(perRow.conversations)} (linear)`);
    }
    for (const s of summaries) {
      const per = s.conversations === perRow.conversations ? perRow.total.median : perRow.scaled.find((x) => x.conversations === s.conversations)?.total.median;
      if (per !== undefined) lines.push(`  columnar vs per-row at ${int(s.conversations)}: ${(per / s.total.median).toFixed(1)}× (median ${ms(per)} vs ${ms(s.total.median)} ms${s.conversations === perRow.conversations ? '' : ', per-row scaled'})`);
    }
  }
  for (const coldStart of result.coldStart) {
    const r = coldStart.storeReads;
    const s = coldStartSummary(coldStart);
    const typedBytes = r.columns.filter((column) => !column.json).reduce((sum, column) => sum + column.bytes, 0);
    const jsonBytes = r.columns.filter((column) => column.json).reduce((sum, column) => sum + column.bytes, 0);
    const neededBytes = r.columns.filter((column) => r.needed.includes(column.name)).reduce((sum, column) => sum + column.bytes, 0);
    lines.push(
      `  ${int(coldStart.conversations)}: IndexedDB filled from ${coldStart.setup.source === 'generated' ? 'a TableBuilder fed in the page (real builder state)' : 'the cached tables (empty builder state)'} ` +
        `in ${seconds(coldStart.setup.prepareMs)} s + commit ${seconds(coldStart.setup.writeMs)} s (${int(coldStart.setup.values)} chunks)`,
      `    store reads replayed in a page: open ${ms(r.openMs)} ms; core parts ${ms(r.coreMs)} ms for ${mib(typedBytes)} of typed columns + ${mib(jsonBytes)} of JSON (ids, dictionaries, names) ` +
        `(${Object.entries(r.partMs).map(([part, t]) => `${part} ${ms(t)}`).join(', ')}); tablesFromColumnSet ${ms(r.tablesMs)} ms; ` +
        `the ${r.needed.length} columns and dictionaries the first queries read (${mib(neededBytes)}) alone: ${ms(r.neededMs)} ms`,
      `    the builder state a sync round restores first (${mib(r.builderBytes)}): readProgress + readBuilder ${ms(r.builderReadMs)} ms, TableBuilder.fromState ${ms(r.builderRestoreMs)} ms`,
      `    probe load: after the answers, the first sync round (restore, then 401) settled ${seconds(s.syncSettledMs)} s after spawn; ` +
        `${s.probes} overview queries sent meanwhile (25 ms apart) took ${ms(s.probeMedianMs)} ms median, ${ms(s.probeMaxMs)} ms at worst`,
    );
  }
  return lines;
}

function ingestTable(result: BrowserResult): string[] {
  const ingest = result.ingest;
  if (ingest === null) return [];
  const { sync, import: imported } = ingestSummaries(ingest);
  const widths = [7, 5, 8, 8, 8, 8, 10, 10, 12, 14, 12, 2];
  const lines = [
    `Ingest — ${int(ingest.conversations)} conversations = ${int(ingest.records)} records of all collections into a fresh cache (worker boot excluded)`,
    pad(['', 'runs', 'med s', 'p95 s', 'fetch s', 'parse s', 'derive ms', 'commit ms', 'checkpt ms', 'cache rows/s', 'e2e rows/s', '='], widths),
  ];
  lines.push(
    pad(['sync', String(sync.total.runs), seconds(sync.total.median), seconds(sync.total.p95), seconds(sync.download.median), seconds(sync.parse.median), ms(sync.finish.median), ms(sync.commit.median), ms(sync.checkpoint.median), int(sync.cacheRowsPerSecond.median), int(sync.endToEndRowsPerSecond.median), mark(ingest.check.ok)], widths),
    pad(['import', String(imported.total.runs), seconds(imported.total.median), seconds(imported.total.p95), '-', seconds(imported.parseAndBuild.median), ms(imported.finish.median), ms(imported.commit.median), '-', int(imported.cacheRowsPerSecond.median), int(imported.endToEndRowsPerSecond.median), mark(ingest.check.ok)], widths),
    `  sync: the demo API from the bench's Node process (no faults, the engine's 1,000-item pages): ${int(sync.requests)} requests, ${mib(sync.bodyBytes)} of JSON; ` +
      `fetch = time to headers + body read, parse = JSON.parse; the rest (${seconds(sync.total.median - sync.download.median - sync.parse.median - sync.finish.median - sync.commit.median - sync.checkpoint.median)} s) validation, builder upserts, Web Lock, state`,
    `  import: importFiles(Blob) of the \`parley generate\` file (${mib(ingest.importFileBytes)}); parse s = streamed JSON read + validation + builder (all but derive and commit)`,
    '  derive = TableBuilder.finish (sort, facts, indexes); commit = IndexedDbStore.commit (column set, chunks, one transaction: tables + builder state); cache rows/s = records / commit',
  );
  return lines;
}

function roundtripTable(result: BrowserResult): string[] {
  const roundtrip = roundtripSummary(result);
  if (roundtrip === null) return [];
  const widths = [20, 9, 9, 13, 2];
  const lines = [
    `Roundtrip — one filter change (openedChannel, ${roundtrip.channels} channels in turn) page → worker → page through Parley.query, ${int(roundtrip.conversations)} conversations, ` +
      `${roundtrip.all.runs} changes per widget after the first sync round settled`,
    pad(['widget', 'med ms', 'p95 ms', 'answer bytes', '='], widths),
  ];
  for (const widget of roundtrip.widgets) lines.push(pad([widget.name, ms(widget.stat.median), ms(widget.stat.p95), int(widget.bytes), mark(roundtrip.ok)], widths));
  lines.push(pad([`all-widgets (${roundtrip.widgets.length - 1})`, ms(roundtrip.all.median), ms(roundtrip.all.p95), int(roundtrip.allBytes), mark(roundtrip.ok)], widths));
  lines.push(
    '  list = the list widget\'s query (every row up to the 10,000 cap); list-50 = a 50-row first page; all-widgets = every widget but list-50 sent at once, until the last answer',
    '  answer bytes: V8 ValueSerializer length of the unfiltered answer (node:v8 serialize = the structured-clone format postMessage copies, bar a few header bytes)',
  );
  return lines;
}

export function browserTargets(result: BrowserResult): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const million = result.coldStart.find((coldStart) => coldStart.conversations === 1_000_000);
  const s = million ? coldStartSummary(million) : null;
  checks.push({
    description: 'cold start 1M under 400 ms (stretch 250 ms)',
    met: s === null ? null : s.total.median < 400,
    detail: s === null ? '1M not run' : `${ms(s.total.median)} ms median, ${ms(s.total.p95)} ms p95${s.total.median < 250 ? ' (stretch met)' : ''}`,
  });
  const perRow = perRowSummary(result);
  const largest = result.coldStart[result.coldStart.length - 1];
  if (perRow !== null && largest !== undefined) {
    const columnar = coldStartSummary(largest).total.median;
    const per = largest.conversations === perRow.conversations ? perRow.total.median : perRow.scaled.find((x) => x.conversations === largest.conversations)?.total.median ?? Number.NaN;
    const ratio = per / columnar;
    checks.push({
      description: `columnar cold start at least 40× faster than per-row (${int(largest.conversations)})`,
      met: ratio >= 40,
      detail: `${ratio.toFixed(1)}× (${ms(per)} ms${largest.conversations === perRow.conversations ? '' : ` per-row scaled from ${int(perRow.conversations)}`} vs ${ms(columnar)} ms)`,
    });
  } else checks.push({ description: 'columnar cold start at least 40× faster than per-row', met: null, detail: 'not run' });
  if (result.ingest !== null) {
    const { sync, import: imported } = ingestSummaries(result.ingest);
    for (const [name, summary] of [
      ['sync', sync],
      ['import', imported],
    ] as const) {
      checks.push({
        description: `ingest-${name}: cache write at least 1M rows/s`,
        met: summary.cacheRowsPerSecond.median >= 1_000_000,
        detail: `${int(summary.cacheRowsPerSecond.median)} rows/s (${int(result.ingest.records)} records committed in ${ms(summary.commit.median)} ms median)`,
      });
    }
  }
  const roundtrip = roundtripSummary(result);
  if (roundtrip !== null) {
    const over = roundtrip.widgets.filter((widget) => !(widget.stat.p95 < 30));
    checks.push({
      description: `roundtrip p95 under 30 ms for every widget (${int(roundtrip.conversations)})`,
      met: over.length === 0,
      detail: over.length === 0 ? `slowest ${ms(Math.max(...roundtrip.widgets.map((w) => w.stat.p95)))} ms` : `over: ${over.map((w) => `${w.name} ${ms(w.stat.p95)} ms`).join(', ')}`,
    });
  }
  const checked = [...result.coldStart.map((c) => c.check), ...(result.perRow ? [result.perRow.check] : []), ...(result.roundtrip ? [result.roundtrip.check] : []), ...(result.ingest ? [result.ingest.check] : [])];
  const mismatches = checked.flatMap((check) => check.mismatches);
  checks.push({
    description: 'every timed answer equals the Node engine\'s over the same tables',
    met: mismatches.length === 0,
    detail: mismatches.length === 0 ? 'all equal' : `${mismatches.length} differ: ${mismatches.slice(0, 5).join('; ')}`,
  });
  return checks;
}

/** The browser part's tables (stdout, after the Node tables). */
export function browserReport(result: BrowserResult): string {
  const plan = result.plan;
  const lines = [
    `Browser: ${result.chromium} headless (puppeteer-core), --no-sandbox --disable-gpu --disable-dev-shm-usage; one page per load, one profile (IndexedDB persists); ` +
      `load average ${result.loadAverage.map((value) => value.toFixed(1)).join(' → ')} (2 cores, shared)`,
    bundleLine(result),
    '',
    `Cold start — a page load over a warm IndexedDB until overview + opened heatmap + 6 breakdowns are answered: worker spawn (real client, getEngine) →`,
    `Parley.configure (cache source whose sync is refused, 401) → the 8 queries → all answers; one warm-up load first, ${plan.loadsSmall} loads ≤ 100k, ${plan.loadsLarge} above`,
    ...coldStartTable(result),
    '',
    ...ingestTable(result),
    '',
    ...roundtripTable(result),
  ];
  return lines.join('\n');
}

export function formatBrowserTargets(checks: readonly TargetCheck[], elapsedMs: number): string {
  const label = (met: boolean | null) => (met === null ? 'NOT RUN' : met ? 'MET' : 'MISSED');
  return ['Browser targets:', ...checks.map((check) => `  [${label(check.met)}] ${check.description}: ${check.detail}`), `Browser part: ${(elapsedMs / 60_000).toFixed(1)} min.`].join('\n');
}
