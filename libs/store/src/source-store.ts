import Dexie from 'dexie';
import type { CollectionName, SkippedItem, StorageMode, WorkspaceInfo } from '@parley/model';
import type { BuilderState, Column, TablesColumnSet, TablesMeta, WorkspaceTables } from '@parley/metrics';
import { columnPart, factsVersion, partStrings, tableEncodingVersion, tablesToColumnSet } from '@parley/metrics';
import type { ChunkRow, StringColumn } from './chunks.js';
import { chunkColumn, joinChunks } from './chunks.js';
import type { SkippedRow } from './database.js';
import { SourceDatabase } from './database.js';

// What the engine keeps of a data source between sessions, behind one interface with two
// implementations: IndexedDB (Dexie, chunked columns) and memory (when IndexedDB is unavailable or
// full: the session goes on computing from memory, and says so).
//
// Two sets of columns live side by side, each under a generation number:
//  - `tables/…`: the derived WorkspaceTables of the last committed version (what queries read; a
//    cold start reads only these, and only the parts a query needs);
//  - `builder/…`: the TableBuilder state (the records themselves, columnar) with the sync cursors,
//    so the next round or a resumed one goes on upserting. A checkpoint mid-round writes only this.

/** The derivation the stored tables were made with; another value means derive them again. */
export const derivedVersion = `tables-${tableEncodingVersion}/facts-${factsVersion}`;

export interface StoredHead {
  generation: number;
  /** The committed data version (1, 2, …): what queries and widgets see. */
  version: number;
  derivedVersion: string;
  /** Epoch ms of the round (sync or import) that made it. */
  dataAsOf: number;
  meta: TablesMeta;
  columns: string[];
  strings: string[];
}

export type Cursors = Partial<Record<CollectionName, string>>;

/** Query section → the stored column paths it read. */
export type ColumnHints = Record<string, string[]>;

export interface SyncProgress {
  generation: number;
  /** The builder state minus its columns and string arrays. */
  builder: Omit<BuilderState, 'dictionaries' | 'strings' | 'columns' | 'contactNames'>;
  columns: string[];
  strings: string[];
  cursors: Cursors;
  /** Workspace info of the last `GET /workspace`. */
  workspace: WorkspaceInfo | null;
}

export interface CommitInput {
  tables: WorkspaceTables;
  builder: BuilderState;
  cursors: Cursors;
  workspace: WorkspaceInfo | null;
  dataAsOf: number;
}

export interface SourceStore {
  readonly mode: StorageMode;
  readHead(): Promise<StoredHead | null>;
  /** The given parts of the committed tables (with `conversations.summary` only when asked). */
  readTables(head: StoredHead, parts: readonly string[], withSummary: boolean): Promise<TablesColumnSet>;
  /** Columns and strings of one more part of `head`; null when a newer commit replaced it. */
  readPart(head: StoredHead, part: string): Promise<Pick<TablesColumnSet, 'columns' | 'strings'> | null>;
  /** Given columns or string arrays of `head` (paths as in head.columns / head.strings); null when replaced. */
  readColumns(head: StoredHead, paths: readonly string[]): Promise<Pick<TablesColumnSet, 'columns' | 'strings'> | null>;
  readProgress(): Promise<SyncProgress | null>;
  readBuilder(progress: SyncProgress): Promise<BuilderState>;
  /** One atomic write: new tables, builder state and cursors. Returns the new head. */
  commit(input: CommitInput): Promise<StoredHead>;
  /** Saves the builder and cursors mid-round (queries keep the committed tables). */
  checkpoint(builder: BuilderState, cursors: Cursors, workspace: WorkspaceInfo | null): Promise<void>;
  /** Which columns each query section read on cold tables, learned by the engine to prefetch them. */
  readHints(): Promise<ColumnHints>;
  saveHints(hints: ColumnHints): Promise<void>;
  addSkipped(items: readonly SkippedItem[]): Promise<void>;
  skippedCount(): Promise<number>;
  recentSkipped(limit: number): Promise<SkippedItem[]>;
  /** Deletes everything of this source. */
  destroy(): Promise<void>;
  close(): void;
}

const tablesPrefix = 'tables/';
const builderPrefix = 'builder/';

function builderColumns(state: BuilderState): { columns: Record<string, Column>; strings: Record<string, StringColumn> } {
  const strings: Record<string, StringColumn> = { 'contactNames.values': state.contactNames };
  for (const [name, values] of Object.entries(state.dictionaries)) strings[`dictionaries.${name}`] = values;
  for (const [name, values] of Object.entries(state.strings)) strings[name] = values;
  return { columns: state.columns, strings };
}

function progressOf(generation: number, state: BuilderState, cursors: Cursors, workspace: WorkspaceInfo | null): SyncProgress {
  const { columns, strings } = builderColumns(state);
  const { dictionaries: _d, strings: _s, columns: _c, contactNames: _n, ...builder } = state;
  return { generation, builder, columns: Object.keys(columns), strings: Object.keys(strings), cursors, workspace };
}

function stateOf(progress: SyncProgress, columns: Record<string, Column>, strings: Record<string, StringColumn>): BuilderState {
  const dictionaries: Record<string, (string | null)[]> = {};
  const other: Record<string, (string | null)[]> = {};
  for (const [name, values] of Object.entries(strings)) {
    if (name.startsWith('dictionaries.')) dictionaries[name.slice('dictionaries.'.length)] = values as (string | null)[];
    else if (name !== 'contactNames.values') other[name] = values as (string | null)[];
  }
  return { ...progress.builder, dictionaries, strings: other, columns, contactNames: strings['contactNames.values'] ?? [] };
}

/** The string arrays every part needs (dictionaries, contact names) plus those of the parts asked. */
function stringsFor(head: StoredHead, parts: readonly string[], withSummary: boolean): string[] {
  return head.strings.filter((name) => {
    if (name.startsWith('dictionaries.') || name === 'contactNames.values') return true;
    if (name === 'conversations.summary') return withSummary && parts.includes('conversations');
    return parts.some((part) => partStrings[part]?.includes(name));
  });
}

export class IndexedDbStore implements SourceStore {
  readonly mode: StorageMode;
  #db: SourceDatabase;

  private constructor(db: SourceDatabase, mode: StorageMode) {
    this.#db = db;
    this.mode = mode;
  }

  /** Opens (creating or upgrading) the database of a source; rejects when IndexedDB is unusable. */
  static async open(name: string, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange; persisted?: boolean } = {}): Promise<IndexedDbStore> {
    const db = new SourceDatabase(name, options.indexedDB ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange } : undefined);
    await db.open();
    return new IndexedDbStore(db, options.persisted ? 'persistent' : 'best-effort');
  }

  async readHead(): Promise<StoredHead | null> {
    return ((await this.#db.meta.get('head'))?.value as StoredHead | undefined) ?? null;
  }

  async readProgress(): Promise<SyncProgress | null> {
    return ((await this.#db.meta.get('progress'))?.value as SyncProgress | undefined) ?? null;
  }

  async #readColumn(generation: number, name: string): Promise<Column | StringColumn | null> {
    const chunks = await this.#db.chunks.where('[generation+name+index]').between([generation, name, Dexie.minKey], [generation, name, Dexie.maxKey]).toArray();
    return chunks.length === 0 ? null : joinChunks(name, chunks);
  }

  async #readSet(generation: number, prefix: string, columns: readonly string[], strings: readonly string[]) {
    const out = { columns: {} as Record<string, Column>, strings: {} as Record<string, StringColumn> };
    // One read transaction: every column of one generation, or none.
    let complete = true;
    await this.#db.transaction('r', this.#db.chunks, async () => {
      const read = await Promise.all([...columns, ...strings].map((name) => this.#readColumn(generation, prefix + name)));
      read.forEach((value, i) => {
        if (value === null) complete = false;
        else if (i < columns.length) out.columns[columns[i]] = value as Column;
        else out.strings[strings[i - columns.length]] = value as StringColumn;
      });
    });
    return complete ? out : null;
  }

  async readTables(head: StoredHead, parts: readonly string[], withSummary: boolean): Promise<TablesColumnSet> {
    const columns = head.columns.filter((path) => parts.includes(columnPart(path)));
    const set = await this.#readSet(head.generation, tablesPrefix, columns, stringsFor(head, parts, withSummary));
    if (set === null) throw new StaleHeadError();
    return { meta: head.meta, ...set };
  }

  async readPart(head: StoredHead, part: string): Promise<Pick<TablesColumnSet, 'columns' | 'strings'> | null> {
    const columns = head.columns.filter((path) => columnPart(path) === part);
    const strings = part === 'conversations.summary' ? ['conversations.summary'] : (partStrings[part] ?? []).filter((name) => head.strings.includes(name));
    return this.#readSet(head.generation, tablesPrefix, part === 'conversations.summary' ? [] : columns, strings);
  }

  async readColumns(head: StoredHead, paths: readonly string[]): Promise<Pick<TablesColumnSet, 'columns' | 'strings'> | null> {
    const columns = paths.filter((path) => head.columns.includes(path));
    const strings = paths.filter((path) => head.strings.includes(path));
    return this.#readSet(head.generation, tablesPrefix, columns, strings);
  }

  async readBuilder(progress: SyncProgress): Promise<BuilderState> {
    const set = await this.#readSet(progress.generation, builderPrefix, progress.columns, progress.strings);
    if (set === null) throw new Error('the stored sync state is incomplete');
    return stateOf(progress, set.columns, set.strings);
  }

  async #nextGeneration(): Promise<number> {
    const [head, progress] = await Promise.all([this.readHead(), this.readProgress()]);
    return Math.max(head?.generation ?? 0, progress?.generation ?? 0) + 1;
  }

  #deleteSet(generation: number, prefix: string) {
    return this.#db.chunks
      .where('[generation+name+index]')
      .between([generation, prefix, Dexie.minKey], [generation, `${prefix}\uffff`, Dexie.maxKey])
      .delete();
  }

  async commit(input: CommitInput): Promise<StoredHead> {
    const set = tablesToColumnSet(input.tables);
    const builder = builderColumns(input.builder);
    let head: StoredHead | null = null;
    await this.#db.transaction('rw', this.#db.meta, this.#db.chunks, async () => {
      const [previous, previousProgress] = await Promise.all([this.readHead(), this.readProgress()]);
      const generation = await this.#nextGeneration();
      const rows: ChunkRow[] = [];
      for (const [name, column] of Object.entries(set.columns)) rows.push(...chunkColumn(generation, tablesPrefix + name, column));
      for (const [name, values] of Object.entries(set.strings)) rows.push(...chunkColumn(generation, tablesPrefix + name, values));
      for (const [name, column] of Object.entries(builder.columns)) rows.push(...chunkColumn(generation, builderPrefix + name, column));
      for (const [name, values] of Object.entries(builder.strings)) rows.push(...chunkColumn(generation, builderPrefix + name, values));
      await this.#db.chunks.bulkPut(rows);
      head = {
        generation,
        version: (previous?.version ?? 0) + 1,
        derivedVersion,
        dataAsOf: input.dataAsOf,
        meta: set.meta,
        columns: Object.keys(set.columns),
        strings: Object.keys(set.strings),
      };
      const progress = progressOf(generation, input.builder, input.cursors, input.workspace);
      await this.#db.meta.bulkPut([
        { key: 'head', value: head },
        { key: 'progress', value: progress },
      ]);
      if (previous) await this.#deleteSet(previous.generation, tablesPrefix);
      if (previousProgress) await this.#deleteSet(previousProgress.generation, builderPrefix);
    });
    return head as unknown as StoredHead;
  }

  async checkpoint(state: BuilderState, cursors: Cursors, workspace: WorkspaceInfo | null): Promise<void> {
    const builder = builderColumns(state);
    await this.#db.transaction('rw', this.#db.meta, this.#db.chunks, async () => {
      const previousProgress = await this.readProgress();
      const generation = await this.#nextGeneration();
      const rows: ChunkRow[] = [];
      for (const [name, column] of Object.entries(builder.columns)) rows.push(...chunkColumn(generation, builderPrefix + name, column));
      for (const [name, values] of Object.entries(builder.strings)) rows.push(...chunkColumn(generation, builderPrefix + name, values));
      await this.#db.chunks.bulkPut(rows);
      await this.#db.meta.put({ key: 'progress', value: progressOf(generation, state, cursors, workspace) });
      if (previousProgress) await this.#deleteSet(previousProgress.generation, builderPrefix);
    });
  }

  async readHints(): Promise<ColumnHints> {
    return ((await this.#db.meta.get('hints'))?.value as ColumnHints | undefined) ?? {};
  }

  async saveHints(hints: ColumnHints): Promise<void> {
    await this.#db.meta.put({ key: 'hints', value: hints });
  }

  async addSkipped(items: readonly SkippedItem[]): Promise<void> {
    const at = Date.now();
    await this.#db.skipped.bulkAdd(items.map((item): SkippedRow => ({ ...item, at })));
  }

  skippedCount(): Promise<number> {
    return this.#db.skipped.count();
  }

  async recentSkipped(limit: number): Promise<SkippedItem[]> {
    const rows = await this.#db.skipped.orderBy('seq').reverse().limit(limit).toArray();
    return rows.reverse().map(({ seq: _seq, at: _at, ...item }) => item);
  }

  async destroy(): Promise<void> {
    await this.#db.delete();
  }

  close(): void {
    this.#db.close();
  }
}

/** The committed version changed under a reader (another tab committed): read the head again. */
export class StaleHeadError extends Error {
  override name = 'StaleHeadError';
  constructor() {
    super('the cached tables changed while they were read');
  }
}

/** The same interface over plain memory: the session's fallback when IndexedDB fails. */
export class MemoryStore implements SourceStore {
  readonly mode: StorageMode = 'memory';
  #head: StoredHead | null = null;
  #tables: TablesColumnSet | null = null;
  #progress: SyncProgress | null = null;
  #builder: BuilderState | null = null;
  #skipped: SkippedItem[] = [];

  async readHead() {
    return this.#head;
  }
  async readProgress() {
    return this.#progress;
  }
  async readTables(head: StoredHead, parts: readonly string[], withSummary: boolean): Promise<TablesColumnSet> {
    if (this.#tables === null || head !== this.#head) throw new StaleHeadError();
    const columns = Object.fromEntries(Object.entries(this.#tables.columns).filter(([path]) => parts.includes(columnPart(path))));
    const wanted = new Set(stringsFor(head, parts, withSummary));
    const strings = Object.fromEntries(Object.entries(this.#tables.strings).filter(([name]) => wanted.has(name)));
    return { meta: head.meta, columns, strings };
  }
  async readPart(head: StoredHead, part: string) {
    if (this.#tables === null || head !== this.#head) return null;
    const set = this.#tables;
    if (part === 'conversations.summary') return { columns: {}, strings: { 'conversations.summary': set.strings['conversations.summary'] } };
    const columns = Object.fromEntries(Object.entries(set.columns).filter(([path]) => columnPart(path) === part));
    const strings = Object.fromEntries((partStrings[part] ?? []).map((name) => [name, set.strings[name]]));
    return { columns, strings };
  }
  async readColumns(head: StoredHead, paths: readonly string[]) {
    if (this.#tables === null || head !== this.#head) return null;
    const set = this.#tables;
    return {
      columns: Object.fromEntries(paths.filter((path) => path in set.columns).map((path) => [path, set.columns[path]])),
      strings: Object.fromEntries(paths.filter((path) => path in set.strings).map((path) => [path, set.strings[path]])),
    };
  }
  async readBuilder(progress: SyncProgress): Promise<BuilderState> {
    if (this.#builder === null || progress !== this.#progress) throw new Error('the stored sync state is incomplete');
    return this.#builder;
  }
  async commit(input: CommitInput): Promise<StoredHead> {
    const set = tablesToColumnSet(input.tables);
    const generation = (this.#head?.generation ?? 0) + 1;
    this.#head = {
      generation,
      version: (this.#head?.version ?? 0) + 1,
      derivedVersion,
      dataAsOf: input.dataAsOf,
      meta: set.meta,
      columns: Object.keys(set.columns),
      strings: Object.keys(set.strings),
    };
    this.#tables = set;
    this.#builder = input.builder;
    this.#progress = progressOf(generation, input.builder, input.cursors, input.workspace);
    return this.#head;
  }
  async checkpoint(state: BuilderState, cursors: Cursors, workspace: WorkspaceInfo | null): Promise<void> {
    this.#builder = state;
    this.#progress = progressOf((this.#progress?.generation ?? 0) + 1, state, cursors, workspace);
  }
  #hints: ColumnHints = {};
  async readHints() {
    return this.#hints;
  }
  async saveHints(hints: ColumnHints) {
    this.#hints = hints;
  }
  async addSkipped(items: readonly SkippedItem[]) {
    this.#skipped.push(...items);
  }
  async skippedCount() {
    return this.#skipped.length;
  }
  async recentSkipped(limit: number) {
    return this.#skipped.slice(-limit);
  }
  async destroy() {
    this.#head = null;
    this.#tables = null;
    this.#progress = null;
    this.#builder = null;
    this.#skipped = [];
  }
  close() {}
}
