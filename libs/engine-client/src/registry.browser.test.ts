/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { engineProtocolVersion } from '@parley/model';
import { Parley } from './parley.js';
import { engineRegistry, getEngine } from './registry.js';

const startedScripts: string[] = [];
const NativeWorker = globalThis.Worker;
globalThis.Worker = class RecordingWorker extends NativeWorker {
  constructor(scriptUrl: string | URL, options?: WorkerOptions) {
    super(scriptUrl, options);
    startedScripts.push(String(scriptUrl));
  }
};

/** Counts the Comlink calls of `method` posted to the page's worker from now on. */
function countCalls(worker: Worker, method: string): () => number {
  let count = 0;
  const post = worker.postMessage.bind(worker);
  worker.postMessage = (message: unknown, transfer?: Transferable[] | StructuredSerializeOptions) => {
    const { type, path } = (message ?? {}) as { type?: string; path?: string[] };
    if (type === 'APPLY' && path?.[0] === method) count += 1;
    post(message, transfer as Transferable[]);
  };
  return () => count;
}

function pageWorker(): Worker {
  const worker = engineRegistry().get(engineProtocolVersion)?.worker;
  if (!worker) throw new Error('no engine worker in the registry');
  return worker;
}

describe('getEngine', () => {
  it('starts one worker for the page and hands the same engine to every caller', async () => {
    const [first, second] = await Promise.all([getEngine(), getEngine()]);
    const later = await getEngine();
    expect(second).to.equal(first);
    expect(later).to.equal(first);
    expect(first.protocol).to.equal(engineProtocolVersion);
    expect(first.workerId).to.match(/\S/);
    expect(startedScripts).to.have.length(1);
    expect(engineRegistry().get(engineProtocolVersion)?.worker).to.be.instanceOf(NativeWorker);
  });

  it('sends identical queries in flight to the worker once', async () => {
    const engine = await getEngine();
    const queries = countCalls(pageWorker(), 'query');
    const first = engine.query({ section: 'conversations.overview', period: { preset: 'last-7-days' }, timeZone: 'UTC' });
    const same = engine.query({ timeZone: 'UTC', period: { preset: 'last-7-days' }, section: 'conversations.overview' });
    const other = engine.query({ section: 'conversations.overview', period: { preset: 'today' } });
    expect(same).to.equal(first);
    expect(other).to.not.equal(first);
    expect(queries()).to.equal(2);
    await Promise.allSettled([first, other]);
  });

  it('keeps one worker subscription for every listener of the page', async () => {
    const subscriptions = countCalls(pageWorker(), 'subscribe');
    const stops = [Parley.onVersion(() => {}), Parley.onVersion(() => {}), Parley.onSyncState(() => {})];
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(subscriptions()).to.equal(1);
    for (const stop of stops) stop();
  });
});
