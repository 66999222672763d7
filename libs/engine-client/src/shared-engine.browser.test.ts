/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import type { EngineAnswer, EngineApi, EngineEvent, EngineQuery, HeadersProvider, SyncState } from '@parley/model';
import type { Remote } from 'comlink';
import { SharedEngine, type EngineRemote, type MarkProxy } from './shared-engine.js';

// Type level: what `Comlink.wrap<EngineApi>` returns is an EngineRemote, and the shared engine is an EngineApi.
type Assert<T extends true> = T;
type _WrapFits = Assert<Remote<EngineApi> extends EngineRemote ? true : false>;
type _SharedIsApi = Assert<SharedEngine extends EngineApi ? true : false>;

const idle: SyncState = {
  phase: 'idle',
  progress: null,
  dataAsOf: null,
  version: 0,
  error: null,
  status: null,
  storage: 'memory',
  skipped: 0,
  recentSkipped: [],
};

const overview: EngineQuery = { section: 'conversations.overview', period: { preset: 'last-30-days' } };

/** A stand-in for the wrapped worker: queries stay pending until the test settles them. */
function fakeWorker() {
  const calls: string[] = [];
  const answers: { resolve: (answer: EngineAnswer) => void; reject: (error: Error) => void }[] = [];
  const worker = {
    calls,
    answers,
    listener: null as ((event: EngineEvent) => void) | null,
    headers: undefined as HeadersProvider | undefined,
  };
  const remote: EngineRemote = {
    protocol: Promise.resolve(1),
    workerId: Promise.resolve('fake'),
    configure: async (_config, getHeaders) => {
      calls.push('configure');
      worker.headers = getHeaders;
      return idle;
    },
    query: (_query) => {
      calls.push('query');
      return new Promise((resolve, reject) => answers.push({ resolve, reject }));
    },
    subscribe: async (listener) => {
      calls.push('subscribe');
      worker.listener = listener;
      return 1;
    },
    unsubscribe: async () => {
      calls.push('unsubscribe');
    },
    sync: async () => idle,
    syncState: async () => idle,
    importFiles: () => Promise.reject(new Error('not used')),
    purge: async () => {},
  };
  return { worker, remote };
}

const marked = new WeakSet<object>();
const markProxy: MarkProxy = (value) => {
  marked.add(value);
  return value;
};

function answer(version: number): EngineAnswer {
  return { version, period: { from: '2024-01-01', to: '2024-01-31', timeZone: 'UTC', startMs: 0, endMs: 1 }, value: version };
}

describe('SharedEngine', () => {
  it('asks the worker once for identical queries in flight, and again once answered', async () => {
    const { worker, remote } = fakeWorker();
    const engine = new SharedEngine(remote, markProxy, { protocol: 1, workerId: 'fake' });
    const first = engine.query(overview);
    expect(engine.query({ period: { preset: 'last-30-days' }, section: 'conversations.overview' })).to.equal(first);
    expect(worker.calls).to.deep.equal(['query']);
    worker.answers[0].resolve(answer(1));
    expect((await first).version).to.equal(1);
    expect(engine.query(overview)).to.not.equal(first);
    expect(worker.calls).to.deep.equal(['query', 'query']);
  });

  it('does not let a query asked after a new version join one asked before it', async () => {
    const { worker, remote } = fakeWorker();
    const engine = new SharedEngine(remote, markProxy, { protocol: 1, workerId: 'fake' });
    await engine.subscribe(() => {});
    const before = engine.query(overview);
    worker.listener?.({ type: 'version', version: 2 });
    expect(engine.query(overview)).to.not.equal(before);
  });

  it('fans one worker subscription out to every listener', async () => {
    const { worker, remote } = fakeWorker();
    const engine = new SharedEngine(remote, markProxy, { protocol: 1, workerId: 'fake' });
    const seenA: EngineEvent[] = [];
    const seenB: EngineEvent[] = [];
    const [idA] = await Promise.all([engine.subscribe((event) => seenA.push(event)), engine.subscribe((event) => seenB.push(event))]);
    expect(worker.calls).to.deep.equal(['subscribe']);
    worker.listener?.({ type: 'version', version: 3 });
    await engine.unsubscribe(idA);
    worker.listener?.({ type: 'version', version: 4 });
    expect(seenA).to.deep.equal([{ type: 'version', version: 3 }]);
    expect(seenB).to.deep.equal([
      { type: 'version', version: 3 },
      { type: 'version', version: 4 },
    ]);
  });

  it('passes getHeaders to the worker as a marked wrapper, leaving the host function untouched', async () => {
    const { worker, remote } = fakeWorker();
    const engine = new SharedEngine(remote, markProxy, { protocol: 1, workerId: 'fake' });
    const getHeaders = () => ({ authorization: 'Bearer t' });
    await engine.configure({ baseUrl: 'https://api.example/p', workspace: 'w' }, getHeaders);
    expect(worker.headers).to.be.a('function').and.not.equal(getHeaders);
    expect(marked.has(worker.headers as object)).to.equal(true);
    expect(marked.has(getHeaders)).to.equal(false);
    expect(await worker.headers?.()).to.deep.equal({ authorization: 'Bearer t' });
  });

  it("rejects with the worker's error message", async () => {
    const { worker, remote } = fakeWorker();
    const engine = new SharedEngine(remote, markProxy, { protocol: 1, workerId: 'fake' });
    const pending = engine.query(overview);
    worker.answers[0].reject(new Error('unknown filter "x"'));
    const error = await pending.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).to.be.instanceOf(Error).with.property('message', 'unknown filter "x"');
  });
});
