import * as Comlink from 'comlink';
import { tablesFromColumnSet } from '@parley/metrics';
import { coldStartSections } from '../shared/bench-queries.js';
import type { PerRowMeta, PerRowObject } from '../shared/per-row.js';
import { perRowAnswer, perRowColumnSet, perRowStores } from '../shared/per-row.js';

// The per-row comparison's worker: a cold start over one IndexedDB object per conversation. It
// reads every object, builds only the columns the cold-start queries read (and the closed index),
// then answers them with the same metrics functions as the engine's sections.

export interface PerRowAnswer {
  name: string;
  value: unknown;
  version: number;
}

export interface PerRowColdStart {
  readMs: number;
  buildMs: number;
  queriesMs: number;
  rows: number;
  answers: PerRowAnswer[];
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openDatabase(name: string): Promise<IDBDatabase> {
  const req = indexedDB.open(name);
  req.onupgradeneeded = () => {
    req.transaction?.abort();
  };
  return request(req);
}

const api = {
  ping: (): boolean => true,
  async coldStart(databaseName: string): Promise<PerRowColdStart> {
    const start = performance.now();
    const db = await openDatabase(databaseName);
    const tx = db.transaction([perRowStores.rows, perRowStores.meta], 'readonly');
    const [rows, meta] = await Promise.all([
      request(tx.objectStore(perRowStores.rows).getAll() as IDBRequest<PerRowObject[]>),
      request(tx.objectStore(perRowStores.meta).get('meta') as IDBRequest<PerRowMeta | undefined>),
    ]);
    db.close();
    if (meta === undefined) throw new Error(`${databaseName} has no meta object`);
    const read = performance.now();
    const tables = tablesFromColumnSet(perRowColumnSet(rows, meta));
    const built = performance.now();
    const answers = coldStartSections.map((section) => ({ name: section, value: perRowAnswer(tables, section), version: 1 }));
    const done = performance.now();
    return { readMs: read - start, buildMs: built - read, queriesMs: done - built, rows: rows.length, answers };
  },
};

export type PerRowWorkerApi = typeof api;

Comlink.expose(api);
