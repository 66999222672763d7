import Dexie from 'dexie';
import type { Table } from 'dexie';
import type { SkippedItem } from '@parley/model';
import type { ChunkRow } from './chunks.js';

// The IndexedDB schema, one database per data source (source-name.ts). Every table is small in
// rows: `chunks` holds columns cut in large values, `meta` a handful of JSON rows.
//
// Version history (each step keeps what the previous stored):
//   1  meta (key) + chunks ([generation+name+index], generation); skipped items were kept as one
//      array in meta row "skipped".
//   2  skipped items get their own table (a sync may skip thousands; reading the state must not
//      parse them all): the upgrade moves meta "skipped" into it.

export interface MetaRow {
  key: string;
  value: unknown;
}

export interface SkippedRow extends SkippedItem {
  seq?: number;
  /** When it was skipped (epoch ms). */
  at: number;
}

export const schemaVersion = 2;

export class SourceDatabase extends Dexie {
  meta!: Table<MetaRow, string>;
  chunks!: Table<ChunkRow, [number, string, number]>;
  skipped!: Table<SkippedRow, number>;

  constructor(name: string, options?: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange }) {
    super(name, options);
    declareVersion1(this);
    this.version(2)
      .stores({ skipped: '++seq, collection' })
      .upgrade(async (tx) => {
        const row = (await tx.table('meta').get('skipped')) as MetaRow | undefined;
        const items = Array.isArray(row?.value) ? (row.value as SkippedItem[]) : [];
        if (items.length > 0) await tx.table('skipped').bulkAdd(items.map((item) => ({ ...item, at: 0 })));
        await tx.table('meta').delete('skipped');
      });
  }
}

/** Version 1's schema: also used by the upgrade test to create a database as version 1 left it. */
export function declareVersion1(db: Dexie): void {
  db.version(1).stores({ meta: 'key', chunks: '[generation+name+index], generation' });
}
