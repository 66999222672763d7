import * as Comlink from 'comlink';
import type { SourceConfig } from '@parley/model';
import type { BuilderState, WorkspaceTables } from '@parley/metrics';
import { generateWorkspace } from '@parley/mocks';
import { decodeTables, TableBuilder, tablesFromColumnSet, tablesToColumnSet } from '@parley/metrics';
import { chunkRows, IndexedDbStore, joinChunks, SourceDatabase } from '@parley/store';
import { benchEndDate, benchSeed, benchTimeZone } from '../../bench-config.js';
import type { AnswerDigest, ColumnRead, IngestSample, PerRowColdStartSample, SetupSample, StoreReadSample } from '../shared/page-results.js';
import type { PerRowMeta } from '../shared/per-row.js';
import { perRowMeta, perRowObject, perRowStores } from '../shared/per-row.js';
import type { IngestWorkerApi } from '../worker/ingest.worker.js';
import type { PerRowWorkerApi } from '../worker/per-row.worker.js';
import { digestAnswer } from './digest.js';
import { exposeToDriver, now } from './page-globals.js';

// The driver's helper page: fills IndexedDB for the cold starts (the columnar cache through the
// real store, and the per-row database), runs the per-row cold start and the ingests in workers of
// their own, and times the store's reads part by part.

const coreParts = ['conversations', 'facts', 'responses', 'closed'];

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

/** Deletes a database, waiting until connections of terminated workers are gone. */
async function deleteDatabase(name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });
}

async function fetchTables(url: string): Promise<WorkspaceTables> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return decodeTables(new Uint8Array(await response.arrayBuffer()));
}

const chunksOf = (columns: Record<string, { length: number }>): number =>
  Object.values(columns).reduce((sum, column) => sum + Math.max(1, Math.ceil(column.length / chunkRows)), 0);

/** The demo workspace generated into a TableBuilder as a sync would fill it (upserts by id, no unique-id shortcut). */
function generatedBuilder(conversations: number): TableBuilder {
  const builder = new TableBuilder();
  generateWorkspace(
    { seed: benchSeed, conversations, endDate: benchEndDate, timeZone: benchTimeZone },
    {
      workspace: (info) => builder.header(info),
      record: (collection, record) => builder.record(collection, record as unknown as Record<string, unknown>),
    },
  );
  return builder;
}

export interface ColumnarSetup {
  databaseName: string;
  /** Fetch these encoded tables and commit them with an empty builder state… */
  tablesUrl?: string;
  /** …or generate this many conversations and commit the finished tables with the real builder state. */
  generate?: number;
}

/** The columnar cache as a sync leaves it, written by the real store's commit into the engine's database. */
async function setupColumnar(setup: ColumnarSetup): Promise<SetupSample> {
  const start = now();
  let tables: WorkspaceTables;
  let builder: BuilderState;
  if (setup.generate !== undefined) {
    const generated = generatedBuilder(setup.generate);
    tables = generated.finish();
    builder = generated.state();
  } else if (setup.tablesUrl !== undefined) {
    tables = await fetchTables(setup.tablesUrl);
    builder = new TableBuilder().state();
  } else throw new Error('setupColumnar: tablesUrl or generate');
  const prepared = now();
  await deleteDatabase(setup.databaseName);
  const store = await IndexedDbStore.open(setup.databaseName);
  await store.commit({ tables, builder, cursors: {}, workspace: tables.workspace, dataAsOf: Date.now() });
  store.close();
  const written = now();
  const set = tablesToColumnSet(tables);
  const values = chunksOf(set.columns) + chunksOf(set.strings) + chunksOf(builder.columns) + chunksOf(builder.strings) + chunksOf(builder.dictionaries) + chunksOf({ contactNames: builder.contactNames });
  return { source: setup.generate !== undefined ? 'generated' : 'cache', prepareMs: prepared - start, writeMs: written - prepared, values };
}

/** The same conversations and facts, one object per row, in a database of its own. */
async function setupPerRow(tablesUrl: string, databaseName: string): Promise<SetupSample> {
  const fetchStart = now();
  const tables = await fetchTables(tablesUrl);
  const prepareMs = now() - fetchStart;
  await deleteDatabase(databaseName);
  const start = now();
  const open = indexedDB.open(databaseName, 1);
  open.onupgradeneeded = () => {
    open.result.createObjectStore(perRowStores.rows, { keyPath: 'row' });
    open.result.createObjectStore(perRowStores.meta, { keyPath: 'key' });
  };
  const db = await request(open);
  const tx = db.transaction([perRowStores.rows, perRowStores.meta], 'readwrite');
  const rows = tx.objectStore(perRowStores.rows);
  const count = tables.conversations.count;
  for (let row = 0; row < count; row++) rows.put(perRowObject(tables, row));
  const meta: PerRowMeta = perRowMeta(tables);
  tx.objectStore(perRowStores.meta).put(meta);
  await transactionDone(tx);
  db.close();
  return { source: 'cache', prepareMs, writeMs: now() - start, values: count + 1 };
}

async function perRowColdStart(databaseName: string): Promise<PerRowColdStartSample> {
  const spawn = now();
  const worker = new Worker(new URL('../worker/per-row.worker.ts', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap<PerRowWorkerApi>(worker);
  await remote.ping();
  const booted = now();
  const result = await remote.coldStart(databaseName);
  const done = now();
  worker.terminate();
  const answers: AnswerDigest[] = [];
  for (const answer of result.answers) answers.push(await digestAnswer(answer.name, answer));
  return { workerBootMs: booted - spawn, readMs: result.readMs, buildMs: result.buildMs, queriesMs: result.queriesMs, totalMs: done - spawn, rows: result.rows, answers };
}

/** Reads one stored column or string array of a generation as the store does (chunks in order, joined). */
async function readColumn(db: SourceDatabase, generation: number, name: string): Promise<ColumnRead> {
  const start = now();
  const chunks = await db.chunks
    .where('[generation+name+index]')
    .between([generation, `tables/${name}`, 0], [generation, `tables/${name}`, Number.MAX_SAFE_INTEGER], true, true)
    .toArray();
  const joined = joinChunks(name, chunks);
  const ms = now() - start;
  // As stored (what IndexedDB reads): JSON text length, or the bytes of possibly narrowed chunks.
  const bytes = chunks.reduce((sum, chunk) => sum + (typeof chunk.data === 'string' ? chunk.data.length : chunk.data.byteLength), 0);
  return { name, chunks: chunks.length, bytes, ms, json: Array.isArray(joined) };
}

/**
 * The engine's cold-start reads replayed with the real store, step by step, then column by column,
 * then only what the cold-start queries read (`needed`, found by the driver in Node).
 */
async function storeReads(databaseName: string, needed: string[]): Promise<StoreReadSample> {
  const start = now();
  const store = await IndexedDbStore.open(databaseName);
  const head = await store.readHead();
  if (head === null) throw new Error(`${databaseName} has no committed tables`);
  const opened = now();
  const set = await store.readTables(head, coreParts, false);
  const core = now();
  tablesFromColumnSet(set);
  const tablesDone = now();
  await store.skippedCount();
  await store.recentSkipped(100);
  const skippedDone = now();
  const partMs: Record<string, number> = {};
  const partBytes: Record<string, number> = {};
  for (const part of coreParts) {
    const partStart = now();
    const read = await store.readPart(head, part);
    partMs[part] = now() - partStart;
    partBytes[part] = Object.values(read?.columns ?? {}).reduce((sum, column) => sum + column.byteLength, 0);
  }
  store.close();
  const db = new SourceDatabase(databaseName);
  await db.open();
  const names = [...Object.keys(set.columns), ...Object.keys(set.strings)];
  const columns: ColumnRead[] = [];
  for (const name of names) columns.push(await readColumn(db, head.generation, name));
  const neededStart = now();
  await db.transaction('r', db.chunks, () => Promise.all(needed.map((name) => readColumn(db, head.generation, name))));
  const neededMs = now() - neededStart;
  db.close();
  // What the sync round configure starts does before its first request (Engine#restoreBuilder).
  const builderStore = await IndexedDbStore.open(databaseName);
  const builderStart = now();
  const progress = await builderStore.readProgress();
  const state = progress === null ? null : await builderStore.readBuilder(progress);
  const builderRead = now();
  if (state !== null) TableBuilder.fromState(state);
  const builderRestored = now();
  builderStore.close();
  let builderBytes = 0;
  if (state !== null) {
    for (const column of Object.values(state.columns)) builderBytes += column.byteLength;
    for (const values of [...Object.values(state.strings), ...Object.values(state.dictionaries), state.contactNames]) builderBytes += JSON.stringify(values).length;
  }
  return {
    openMs: opened - start,
    coreMs: core - opened,
    tablesMs: tablesDone - core,
    skippedMs: skippedDone - tablesDone,
    partMs,
    partBytes,
    columns,
    neededMs,
    needed,
    builderReadMs: builderRead - builderStart,
    builderRestoreMs: builderRestored - builderRead,
    builderBytes,
  };
}

async function withIngestWorker(run: (remote: Comlink.Remote<IngestWorkerApi>) => Promise<IngestSample>): Promise<IngestSample> {
  const worker = new Worker(new URL('../worker/ingest.worker.ts', import.meta.url), { type: 'module' });
  try {
    const remote = Comlink.wrap<IngestWorkerApi>(worker);
    await remote.ping();
    return await run(remote);
  } finally {
    worker.terminate();
  }
}

/** A sync of the demo API into a fresh database (the base URL carries a token of its own). */
async function ingestSync(config: SourceConfig, databaseName: string): Promise<IngestSample> {
  await deleteDatabase(databaseName);
  const result = await withIngestWorker((remote) => remote.sync(config));
  await deleteDatabase(databaseName);
  return result;
}

/** `importFiles` of a workspace file (fetched as a Blob first, not timed) into a fresh database. */
async function ingestImport(fileUrl: string, databaseName: string): Promise<IngestSample> {
  const response = await fetch(fileUrl);
  if (!response.ok) throw new Error(`GET ${fileUrl}: HTTP ${response.status}`);
  const file = await response.blob();
  await deleteDatabase(databaseName);
  const result = await withIngestWorker((remote) => remote.importFile(file));
  await deleteDatabase(databaseName);
  return result;
}

exposeToDriver('parleyBench', { setupColumnar, setupPerRow, perRowColdStart, storeReads, ingestSync, ingestImport, deleteDatabase });
