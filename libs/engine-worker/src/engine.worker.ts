import * as Comlink from 'comlink';
import type { EngineAnswer, EngineApi, EngineQuery, HeadersProvider } from '@parley/model';
import { isListColumns, listTransferables } from '@parley/model';
import { createEngine } from './engine.js';

// The worker entry: started by `spawnEngineWorker()` (./spawn.ts), directly or through a `blob:`
// trampoline. Relative URLs must not be resolved against `self.location` here: under the
// trampoline that is a `blob:` URL. The client sends absolute base URLs for that reason.
//
// What only the worker side of Comlink does: list answers go out with their buffers transferred
// (not copied), and a replaced `getHeaders` proxy is released so reconfiguring leaks nothing.

const engine = createEngine();
let headers: HeadersProvider | undefined;

const exposed: EngineApi = {
  protocol: engine.protocol,
  workerId: engine.workerId,
  async configure(config, getHeaders) {
    const previous = headers;
    headers = getHeaders;
    const state = await engine.configure(config, getHeaders);
    if (previous && previous !== getHeaders) (previous as Partial<Comlink.Remote<HeadersProvider>>)[Comlink.releaseProxy]?.();
    return state;
  },
  async query<T>(query: EngineQuery): Promise<EngineAnswer<T>> {
    const answer = await engine.query<T>(query);
    // Each caller's list answer owns its buffers (the engine copies them for callers that joined a
    // query in flight): transfer them instead of copying.
    if (!isListColumns(answer.value)) return answer;
    return Comlink.transfer(answer, listTransferables(answer.value));
  },
  subscribe: (listener) => engine.subscribe(listener),
  unsubscribe: (id) => engine.unsubscribe(id),
  sync: () => engine.sync(),
  syncState: () => engine.syncState(),
  importFiles: (files) => engine.importFiles(files),
  purge: () => engine.purge(),
};

Comlink.expose(exposed);
