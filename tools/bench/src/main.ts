import { availableParallelism, totalmem } from 'node:os';
import { defaultTimingPolicy } from './bench-config.js';
import { HelpRequested, parseBenchOptions, UsageError } from './cli-options.js';
import { peakResidentBytes } from './memory.js';
import { stderrLog } from './progress.js';
import type { ResultRow } from './result-rows.js';
import { resultRows } from './result-rows.js';
import type { SizeJob } from './size-process.js';
import { childFlag, runSizeInChild } from './size-process.js';
import type { SizeResult } from './size-run.js';
import { runSize } from './size-run.js';
import { checkTargets, formatTargets } from './targets.js';
import { peerNote, sizeTable } from './text-report.js';
import { benchRecipe } from './workspace-generation.js';
import { defaultBrowserPlan } from './browser/browser-plan.js';
import { browserChildFlag, browserChild, runBrowserInChild } from './browser/browser-process.js';
import { browserReport, browserTargets, formatBrowserTargets } from './browser/browser-report.js';
import { browserRows } from './browser/browser-rows.js';
import type { BrowserResult } from './browser/browser-run.js';

// `npm run bench`: parley vs Arquero vs DuckDB on the demo workspace at several sizes (Node), then
// the browser benchmarks in headless Chromium (cold start, ingest, roundtrips, bytes per answer).

/** The child side of runSizeInChild: one size, its result as JSON on stdout. */
async function sizeChild(jobJson: string): Promise<number> {
  const job = JSON.parse(jobJson) as SizeJob;
  const result = await runSize(job.recipe, { fresh: job.fresh, policy: job.policy, log: stderrLog() });
  process.stdout.write(JSON.stringify(result));
  return 0;
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === childFlag) return sizeChild(argv[1]);
  if (argv[0] === browserChildFlag) return browserChild(argv[1], argv[2]);
  let options;
  try {
    options = parseBenchOptions(argv);
  } catch (error) {
    if (error instanceof HelpRequested) {
      process.stdout.write(`${error.message}\n`);
      return 0;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const log = stderrLog();
  const started = performance.now();
  const policy = { ...defaultTimingPolicy, minRuns: options.minRuns };
  const results: SizeResult[] = [];
  const rows: ResultRow[] = [];
  const parts = [options.parts.node ? `Node sizes ${options.sizes.join(', ')}` : '', options.parts.browser ? `browser sizes ${options.browserSizes.join(', ')}` : ''].filter(Boolean);
  log(`Node ${process.version}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${parts.join('; ')}`);
  for (const size of options.parts.node ? options.sizes : []) {
    const result = await runSizeInChild({ recipe: benchRecipe(size, options.messagesPerConversation.get(size)), fresh: options.fresh, policy });
    results.push(result);
    rows.push(...resultRows(result));
    log(`${size.toLocaleString('en-US')}: done in ${(result.elapsedMs / 1000).toFixed(0)} s`);
    if (!options.json) process.stdout.write(`\n${sizeTable(result)}\n`);
  }
  if (!options.json && results.length > 0) process.stdout.write(`\n${peerNote}\n\n${formatTargets(checkTargets(results))}\n`);
  let browserFailed = false;
  if (options.parts.browser) {
    let browser: BrowserResult | null = null;
    try {
      browser = await runBrowserInChild({
        plan: { ...defaultBrowserPlan, sizes: options.browserSizes, ingestConversations: options.ingestConversations, realBuilderState: !options.emptyBuilderState },
        // The Node part already rewrote the cache entries it needed when --fresh was given.
        fresh: options.fresh && !options.parts.node,
      });
    } catch (error) {
      // The Node part's results still get printed (and its JSON rows), but the command fails.
      browserFailed = true;
      log(`browser part failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (browser !== null) {
      rows.push(...browserRows(browser));
      log(`browser part: done in ${(browser.elapsedMs / 1000).toFixed(0)} s`);
      if (!options.json) process.stdout.write(`\n${browserReport(browser)}\n\n${formatBrowserTargets(browserTargets(browser), browser.elapsedMs)}\n`);
    }
  }
  const totalSeconds = (performance.now() - started) / 1000;
  if (options.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 1)}\n`);
  } else {
    const peak = Math.max(peakResidentBytes(), ...results.map((r) => r.peakRssBytes)) / 2 ** 30;
    process.stdout.write(`\nTotal ${totalSeconds.toFixed(0)} s, peak RSS ${peak.toFixed(1)} GiB (the largest Node size's process; Chromium not counted).\n`);
  }
  return browserFailed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
