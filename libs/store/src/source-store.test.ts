import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { attachColumn, PartNotLoadedError, reportSnapshot, TableBuilder, tablesFromColumnSet, tablesFromWorkspace } from '@parley/metrics';
import { arbitraryReportCase } from '@parley/metrics/testing';
import fc from 'fast-check';
import type { ChunkRow } from './chunks.js';
import { chunkColumn, chunkRows, joinChunks } from './chunks.js';
import { declareVersion1, schemaVersion } from './database.js';
import { derivedVersion, IndexedDbStore, MemoryStore } from './source-store.js';

// The store under a fake IndexedDB (the same code runs against Chromium's in the browser tests):
// chunking, commits and partial reads give back the tables a query needs, identical in answers.

const fresh = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });

describe('chunks', () => {
  it('cut columns into chunks of chunkRows rows and join them back', () => {
    const column = Float64Array.from({ length: chunkRows * 2 + 5 }, (_, i) => i * 1.5);
    const rows = chunkColumn(3, 'tables/x.at', column);
    expect(rows.map((row) => [row.index, (row.data as Float64Array).length])).toEqual([
      [0, chunkRows],
      [1, chunkRows],
      [2, 5],
    ]);
    // Each chunk owns its buffer (a view would store the whole column each time).
    expect((rows[1].data as Float64Array).buffer.byteLength).toBe(chunkRows * 8);
    expect(joinChunks('x', rows)).toEqual(column);
    const strings: (string | null | 0)[] = ['a', null, 0, 'é"\\'];
    expect(joinChunks('s', chunkColumn(1, 's', strings))).toEqual(strings);
    expect(joinChunks('e', chunkColumn(1, 'e', new Uint32Array(0)))).toEqual(new Uint32Array(0));
  });

  it('store Uint32 chunks as narrow as their values allow and read them back as Uint32', () => {
    // Chunk 0 fits in 8 bits, chunk 1 in 16, chunk 2 needs 32; 255/256 and 65535/65536 are the edges.
    const column = new Uint32Array(chunkRows * 2 + 3);
    column.fill(255, 0, chunkRows);
    column.fill(65_535, chunkRows, chunkRows * 2);
    column.set([256, 65_536, 4_294_967_295], chunkRows * 2);
    column[7] = 0;
    column[chunkRows + 7] = 256;
    const rows = chunkColumn(1, 'tables/x.codes', column);
    expect(rows.map((row) => [(row.data as ArrayBufferView).constructor.name, (row.data as ArrayBufferView).byteLength, row.widen])).toEqual([
      ['Uint8Array', chunkRows, 'uint32'],
      ['Uint16Array', chunkRows * 2, 'uint32'],
      ['Uint32Array', 12, undefined],
    ]);
    const joined = joinChunks('x', rows);
    expect(joined).toBeInstanceOf(Uint32Array);
    expect(joined).toEqual(column);
    // One narrowed chunk alone is widened too; other typed columns are stored as they are.
    const small = Uint32Array.from([3, 1, 2]);
    expect(joinChunks('s', chunkColumn(1, 's', small))).toEqual(small);
    expect(joinChunks('s', chunkColumn(1, 's', small))).toBeInstanceOf(Uint32Array);
    const bytes = Uint8Array.from([1, 2]);
    expect(chunkColumn(1, 'b', bytes)[0]).toEqual({ generation: 1, name: 'b', index: 0, data: bytes });
    // A Uint16 column and a widened Uint32 chunk are different kinds.
    const uint16: ChunkRow = { generation: 1, name: 'm', index: 0, data: new Uint16Array(chunkRows) };
    expect(() => joinChunks('m', [uint16, { ...chunkColumn(1, 'm', small)[0], index: 1 }])).toThrow(/mixes chunk kinds/);
  });

  it('refuse a column with a missing chunk', () => {
    const rows = chunkColumn(1, 'x', new Uint8Array(chunkRows * 3));
    expect(() => joinChunks('x', [rows[0], rows[2]])).toThrow(/lacks chunk 1/);
  });
});

describe('IndexedDbStore', () => {
  it('commits tables and reads back, part by part, tables that answer the same report', async () => {
    const cases = fc.sample(arbitraryReportCase(), { numRuns: 15, seed: 7 });
    for (const { workspace, args } of cases) {
      const tables = tablesFromWorkspace(workspace);
      const store = await IndexedDbStore.open('parley:test#w', fresh());
      const builder = new TableBuilder();
      const head = await store.commit({ tables, builder: builder.state(), cursors: { conversations: 'c9' }, workspace: tables.workspace, dataAsOf: 123 });
      expect(head).toMatchObject({ version: 1, derivedVersion, dataAsOf: 123 });
      expect(await store.readHead()).toEqual(head);
      const known = { columns: head.columns, strings: head.strings };
      const core = tablesFromColumnSet(await store.readTables(head, ['conversations', 'facts', 'responses', 'closed'], false), known);
      // Only the core parts were read: the others throw rather than answer from nothing.
      expect(() => core.messages.at).toThrow(/messages\.at is not loaded/);
      const all = tablesFromColumnSet(await store.readTables(head, ['conversations', 'facts', 'responses', 'closed', 'messages', 'csat', 'contactEvents'], true));
      expect(reportSnapshot(all, args)).toEqual(reportSnapshot(tables, args));

      // As the engine does on a cold start: nothing read, each column fetched on first use.
      const lazy = tablesFromColumnSet({ meta: head.meta, columns: {}, strings: {} }, known);
      const fetched: string[] = [];
      for (;;) {
        try {
          expect(reportSnapshot(lazy, args)).toEqual(reportSnapshot(tables, args));
          break;
        } catch (error) {
          if (!(error instanceof PartNotLoadedError)) throw error;
          expect(fetched).not.toContain(error.part);
          fetched.push(error.part);
          const read = await store.readColumns(head, [error.part]);
          attachColumn(lazy, error.part, (read?.columns[error.part] ?? read?.strings[error.part]) as never);
        }
      }
      expect(fetched.length).toBeGreaterThan(10);
      expect((await store.readProgress())?.cursors).toEqual({ conversations: 'c9' });
      store.close();
    }
  });

  it('keeps one generation: a second commit replaces the first, and the builder state round-trips', async () => {
    const [{ workspace }] = fc.sample(arbitraryReportCase(), { numRuns: 1, seed: 3 });
    const factory = fresh();
    const store = await IndexedDbStore.open('parley:test#g', factory);
    const tables = tablesFromWorkspace(workspace);
    const builder = new TableBuilder();
    builder.record('users', { id: 'u-1', name: 'A', teamIds: [], deleted: false });
    const first = await store.commit({ tables, builder: builder.state(), cursors: {}, workspace: null, dataAsOf: 1 });
    await store.checkpoint(builder.state(), { messages: 'm5' }, null);
    const second = await store.commit({ tables, builder: builder.state(), cursors: { messages: 'm7' }, workspace: null, dataAsOf: 2 });
    expect(second.version).toBe(2);
    expect(await store.readPart(first, 'messages')).toBeNull();
    const db = new Dexie('parley:test#g', factory);
    await db.open();
    const generations = new Set((await db.table('chunks').toArray()).map((row: { generation: number }) => row.generation));
    expect([...generations]).toEqual([second.generation]);
    db.close();
    const progress = await store.readProgress();
    expect(progress?.cursors).toEqual({ messages: 'm7' });
    const restored = TableBuilder.fromState(await store.readBuilder(progress!));
    expect(restored.state()).toEqual(builder.state());
    store.close();
  });

  it('upgrades a version-1 database: skipped items move to their own table, data stays', async () => {
    const factory = fresh();
    const old = new Dexie('parley:test#u', factory);
    declareVersion1(old);
    await old.open();
    const item = { collection: 'messages', cursor: 'p2', index: 4, id: 'm-9', field: 'at', reason: 'must be a number' };
    await old.table('meta').bulkPut([
      { key: 'skipped', value: [item] },
      { key: 'head', value: { generation: 1, version: 1 } },
    ]);
    old.close();
    const store = await IndexedDbStore.open('parley:test#u', factory);
    expect(store.mode).toBe('best-effort');
    expect(await store.skippedCount()).toBe(1);
    expect(await store.recentSkipped(10)).toEqual([item]);
    expect((await store.readHead())?.version).toBe(1);
    const db = new Dexie('parley:test#u', factory);
    await db.open();
    expect(db.verno).toBe(schemaVersion);
    expect(await db.table('meta').get('skipped')).toBeUndefined();
    db.close();
    store.close();
  });
});

describe('MemoryStore', () => {
  it('answers like the IndexedDB store', async () => {
    const [{ workspace, args }] = fc.sample(arbitraryReportCase(), { numRuns: 1, seed: 11 });
    const tables = tablesFromWorkspace(workspace);
    const store = new MemoryStore();
    const head = await store.commit({ tables, builder: new TableBuilder().state(), cursors: {}, workspace: null, dataAsOf: 5 });
    const read = tablesFromColumnSet(await store.readTables(head, ['conversations', 'facts', 'responses', 'closed', 'messages', 'csat', 'contactEvents'], true));
    expect(reportSnapshot(read, args)).toEqual(reportSnapshot(tables, args));
  });
});
