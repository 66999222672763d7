import * as Comlink from 'comlink';
import type { SourceConfig, WorkspaceInfo } from '@parley/model';
import type { BuilderState } from '@parley/metrics';
import { TableBuilder } from '@parley/metrics';
import type { CommitInput, Cursors, StoredHead } from '@parley/store';
import { IndexedDbStore } from '@parley/store';
import { Engine } from '@parley/engine-worker';
import { digestAnswer } from '../page/digest.js';
import { benchQuery } from '../shared/bench-queries.js';
import type { IngestSample } from '../shared/page-results.js';

// A bench-only engine worker: the real Engine, with the store's commit and checkpoint, the
// builder's finish and the sync's fetches timed (prototype wrappers, so the engine's code is the
// one that runs). One ingest per worker.

interface Stats {
  commitMs: number;
  checkpointMs: number;
  checkpoints: number;
  finishMs: number;
  downloadMs: number;
  parseMs: number;
  requests: number;
  bodyBytes: number;
}

const stats: Stats = { commitMs: 0, checkpointMs: 0, checkpoints: 0, finishMs: 0, downloadMs: 0, parseMs: 0, requests: 0, bodyBytes: 0 };

const commit = IndexedDbStore.prototype.commit;
IndexedDbStore.prototype.commit = async function timedCommit(this: IndexedDbStore, input: CommitInput): Promise<StoredHead> {
  const start = performance.now();
  try {
    return await commit.call(this, input);
  } finally {
    stats.commitMs += performance.now() - start;
  }
};

const checkpoint = IndexedDbStore.prototype.checkpoint;
IndexedDbStore.prototype.checkpoint = async function timedCheckpoint(this: IndexedDbStore, state: BuilderState, cursors: Cursors, workspace: WorkspaceInfo | null): Promise<void> {
  const start = performance.now();
  try {
    return await checkpoint.call(this, state, cursors, workspace);
  } finally {
    stats.checkpointMs += performance.now() - start;
    stats.checkpoints++;
  }
};

const finish = TableBuilder.prototype.finish;
TableBuilder.prototype.finish = function timedFinish(this: TableBuilder) {
  const start = performance.now();
  try {
    return finish.call(this);
  } finally {
    stats.finishMs += performance.now() - start;
  }
};

/** fetch, with the time to the headers and the body read counted as download, JSON.parse as parse. */
async function timedFetch(url: string, init: RequestInit): Promise<Response> {
  const start = performance.now();
  const response = await fetch(url, init);
  stats.downloadMs += performance.now() - start;
  stats.requests++;
  const text = response.text.bind(response);
  Object.defineProperty(response, 'json', {
    value: async (): Promise<unknown> => {
      const readStart = performance.now();
      const body = await text();
      const parseStart = performance.now();
      const value: unknown = JSON.parse(body);
      stats.downloadMs += parseStart - readStart;
      stats.parseMs += performance.now() - parseStart;
      stats.bodyBytes += body.length;
      return value;
    },
  });
  return response;
}

const engine = new Engine({ fetch: timedFetch, syncIntervalMs: 0 });

async function sample(totalMs: number): Promise<IngestSample> {
  const state = await engine.syncState();
  let overview: IngestSample['overview'] = { name: 'conversations.overview', hash: '', version: 0 };
  let loaded: Record<string, number> = {};
  if (state.phase === 'up-to-date') {
    const answer = await engine.query(benchQuery('conversations.overview'));
    const input = await engine.query<{ loaded: Record<string, number> }>(benchQuery('input'));
    loaded = input.value.loaded;
    overview = await digestAnswer('conversations.overview', answer);
  }
  return { totalMs, ...stats, loaded, phase: state.phase, error: state.error, overview };
}

const api = {
  ping: (): boolean => true,
  async sync(config: SourceConfig): Promise<IngestSample> {
    const start = performance.now();
    await engine.configure(config);
    await engine.sync();
    return sample(performance.now() - start);
  },
  async importFile(file: Blob): Promise<IngestSample> {
    const start = performance.now();
    await engine.importFiles(file);
    return sample(performance.now() - start);
  },
};

export type IngestWorkerApi = typeof api;

Comlink.expose(api);
