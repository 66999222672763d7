import type { EngineAnswer } from '@parley/model';
import { getEngine, Parley } from '@parley/engine-client';
import { benchQuery, channelFilter, coldStartSections, dashboardWidgets, roundtripWidgets } from '../shared/bench-queries.js';
import type { AnswerDigest, ColdStartSample, RoundtripPlan, RoundtripSample, RoundtripSeries } from '../shared/page-results.js';
import { digestAnswer, digestAnswers } from './digest.js';
import { exposeToDriver, now } from './page-globals.js';

// The page a host would be: only the real engine client (@parley/engine-client), which starts the
// real engine worker. `?mode=cold-start&baseUrl=…&workspace=…` starts the cold start at the first
// line of the script; `parleyRoundtrip(plan)` times filter changes once the engine is up.

const scriptStart = now();
const params = new URLSearchParams(location.search);

async function coldStart(baseUrl: string, workspace: string, probe: boolean): Promise<ColdStartSample> {
  const spawn = now();
  await getEngine();
  const booted = now();
  await Parley.configure({ baseUrl, workspace });
  const configured = now();
  const answers = await Promise.all(coldStartSections.map((section) => Parley.query(benchQuery(section))));
  const done = now();
  const phase = (await Parley.syncState()).phase;
  // The sync round configure started goes on in the worker: on the probe load, time how long, and
  // what a query sent meanwhile waits.
  const settled = probe ? await untilSyncSettled(() => Parley.query(benchQuery('conversations.overview'))) : null;
  const digests: AnswerDigest[] = [];
  for (let i = 0; i < answers.length; i++) digests.push(await digestAnswer(coldStartSections[i], answers[i]));
  return {
    navigationToScriptMs: scriptStart,
    workerBootMs: booted - spawn,
    configureMs: configured - booted,
    queriesMs: done - configured,
    totalMs: done - spawn,
    navigationToAnswersMs: done,
    syncPhase: phase,
    answers: digests,
    settle:
      settled === null
        ? null
        : {
            settledMs: settled.at - spawn,
            phase: settled.phase,
            probes: settled.probesMs.length,
            probeMaxMs: Math.max(0, ...settled.probesMs),
            probeMedianMs: [...settled.probesMs].sort((a, b) => a - b)[Math.floor(settled.probesMs.length / 2)] ?? 0,
          },
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends `probe` every 25 ms while the sync round runs (at most 60 s); its latencies and when the round settled. */
async function untilSyncSettled(probe: () => Promise<unknown>): Promise<{ phase: string; at: number; probesMs: number[] }> {
  const start = now();
  const probesMs: number[] = [];
  let phase = (await Parley.syncState()).phase;
  while ((phase === 'syncing' || phase === 'idle') && now() - start < 60_000) {
    const sent = now();
    await probe();
    probesMs.push(now() - sent);
    await sleep(25);
    phase = (await Parley.syncState()).phase;
  }
  return { phase, at: now(), probesMs };
}

async function roundtrip(plan: RoundtripPlan): Promise<RoundtripSample> {
  // Steady state: the first sync round (which restores the builder state in the worker) is over.
  const settled = await untilSyncSettled(async () => undefined);
  const widgets: RoundtripSeries[] = [];
  const ask = (widget: (typeof roundtripWidgets)[number], channel: string | null) =>
    Parley.query(benchQuery(widget.section, channel === null ? {} : channelFilter(channel), widget.list));
  // Warm-up of every widget before any timed run: derived caches get built, and the garbage the
  // sync round's builder restore left is more likely collected here than in a timed run.
  for (const widget of roundtripWidgets) {
    for (let i = 0; i < plan.warmupRuns; i++) await ask(widget, i % 2 === 0 ? null : plan.channels[i % plan.channels.length]);
  }
  for (const widget of roundtripWidgets) {
    const series: RoundtripSeries = { name: widget.name, samplesMs: [], digests: {} };
    for (let i = 0; i < plan.runs; i++) {
      const channel = plan.channels[i % plan.channels.length];
      const start = now();
      const answer = await ask(widget, channel);
      series.samplesMs.push(now() - start);
      if (!(channel in series.digests)) series.digests[channel] = (await digestAnswer(widget.name, answer)).hash;
    }
    widgets.push(series);
  }
  const all: RoundtripSeries = { name: 'all-widgets', samplesMs: [], digests: {} };
  for (let i = 0; i < plan.runs; i++) {
    const channel = plan.channels[i % plan.channels.length];
    const filters = channelFilter(channel);
    const start = now();
    const answers: EngineAnswer[] = await Promise.all(dashboardWidgets.map((widget) => Parley.query(benchQuery(widget.section, filters, widget.list))));
    all.samplesMs.push(now() - start);
    if (!(channel in all.digests)) all.digests[channel] = await digestAnswers(answers);
  }
  return { settledMs: settled.at, widgets, all, channels: plan.channels };
}

const baseUrl = params.get('baseUrl');
const workspace = params.get('workspace');
if (params.get('mode') === 'cold-start' && baseUrl !== null && workspace !== null) {
  const result = coldStart(baseUrl, workspace, params.get('probe') === '1');
  // Keep a rejection visible to the driver rather than as an unhandled rejection.
  result.catch(() => undefined);
  exposeToDriver('parleyColdStart', result);
}
exposeToDriver('parleyRoundtrip', roundtrip);
