import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { EngineApi, SyncState } from '@parley/model';
import { isListColumns, listRows } from '@parley/model';
import type { EngineOptions } from '@parley/engine-worker';
import { createEngine } from '@parley/engine-worker';
import type { DemoApi } from '@parley/mocks';
import { demoApi } from '@parley/mocks';

// The engine as a worker runs it, in Node: a fake IndexedDB, `fetch` answered by the demo API's
// handlers (the same code the demo server and the browser tests serve), no timers, instant backoff.

export const demoOrigin = 'https://demo.test';

export interface Harness {
  api: DemoApi;
  indexedDB: IDBFactory;
  /** Every request the engines made, as `METHOD path?query`. */
  requests: string[];
  /** A new engine (a new worker) over the same IndexedDB and API. */
  engine(options?: EngineOptions): EngineApi;
}

export function harness(): Harness {
  const api = demoApi({ sleep: async () => undefined });
  const indexedDB = new IDBFactory();
  const requests: string[] = [];
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const request = new Request(url, init);
    const { pathname, search } = new URL(url);
    requests.push(`${request.method} ${pathname}${search}`);
    return (await api.handle(request)) ?? new Response('no such route', { status: 404 });
  };
  return {
    api,
    indexedDB,
    requests,
    engine: (options = {}) =>
      createEngine({ fetch, indexedDB, IDBKeyRange, sleep: async () => undefined, locks: null, channel: null, syncIntervalMs: 0, ...options }),
  };
}

/** Waits until the engine's sync state satisfies `done`. */
export async function until(engine: EngineApi, done: (state: SyncState) => boolean, what = 'sync'): Promise<SyncState> {
  for (let i = 0; i < 2_000; i++) {
    const state = await engine.syncState();
    if (done(state)) return state;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}: ${JSON.stringify(await engine.syncState())}`);
}

/** An answer's value as the snapshot prints it: list columns become rows. */
export function plain<T>(value: unknown): T {
  return (isListColumns(value) ? listRows(value) : value) as T;
}
