import type { CollectionCounts, WorkspaceInfo } from '@parley/model';
import { Dictionary } from './dictionary.js';
import type { Directory, WorkspaceTables } from './tables.js';

// A binary form of WorkspaceTables: one JSON header (dictionaries, string columns, counts and a
// directory of columns) followed by the raw bytes of every typed column, 8-byte aligned. Decoding
// makes typed-array views over the buffer: no per-row work. Used by the benchmark cache now and by
// the IndexedDB store's chunks next.

export const tableEncodingVersion = 3;

type ColumnType = 'f64' | 'u32' | 'i32' | 'u8';
export type Column = Float64Array | Uint32Array | Int32Array | Uint8Array;
const constructors = { f64: Float64Array, u32: Uint32Array, i32: Int32Array, u8: Uint8Array } as const;

function typeOf(column: Column): ColumnType {
  if (column instanceof Float64Array) return 'f64';
  if (column instanceof Uint32Array) return 'u32';
  if (column instanceof Int32Array) return 'i32';
  return 'u8';
}

/** The typed columns of the tables, by "table.column" path. */
function typedColumns(tables: WorkspaceTables): [string, Column][] {
  const result: [string, Column][] = [];
  const parts = {
    conversations: tables.conversations,
    facts: tables.facts,
    responses: tables.responses,
    closed: tables.closed,
    messages: tables.messages,
    csat: tables.csat,
    contactEvents: tables.contactEvents,
  };
  for (const [table, columns] of Object.entries(parts)) {
    for (const [name, value] of Object.entries(columns)) {
      if (ArrayBuffer.isView(value)) result.push([`${table}.${name}`, value as Column]);
    }
  }
  return result;
}

/** Everything of the tables that is neither a typed column nor a long string array. */
export interface TablesMeta {
  version: number;
  workspace: WorkspaceInfo | null;
  directory: Directory;
  loaded: CollectionCounts;
  rejected: CollectionCounts;
  counts: Record<string, number>;
}

/**
 * The tables as named columns: typed arrays by "table.column" path and string arrays (dictionary
 * values as "dictionaries.<name>", plus ids, summaries and contact names, where 0 stands for "no
 * contact record"). The IndexedDB store cuts each into chunks; encodeTables packs them in one buffer.
 */
export interface TablesColumnSet {
  meta: TablesMeta;
  columns: Record<string, Column>;
  strings: Record<string, (string | null | 0)[]>;
}

/** The parts a column path belongs to: "conversations.openedAt" → "conversations". */
export const columnPart = (path: string): string => path.slice(0, path.indexOf('.'));

export function tablesToColumnSet(tables: WorkspaceTables): TablesColumnSet {
  const strings: TablesColumnSet['strings'] = {
    'conversations.ids': tables.conversations.ids,
    'conversations.summary': tables.conversations.summary,
    'contactEvents.ids': tables.contactEvents.ids,
    'contactNames.values': Array.from(tables.contactNames, (name) => (name === undefined ? 0 : name)),
  };
  for (const [name, dictionary] of Object.entries(tables.dictionaries)) strings[`dictionaries.${name}`] = (dictionary as Dictionary).values;
  return {
    meta: {
      version: tableEncodingVersion,
      workspace: tables.workspace,
      directory: tables.directory,
      loaded: tables.loaded,
      rejected: tables.rejected,
      counts: {
        conversations: tables.conversations.count,
        responses: tables.responses.count,
        messages: tables.messages.count,
        csat: tables.csat.count,
        contactEvents: tables.contactEvents.count,
      },
    },
    columns: Object.fromEntries(typedColumns(tables)),
    strings,
  };
}


export class PartNotLoadedError extends Error {
  override name = 'PartNotLoadedError';
  /** The column or string array asked for, e.g. `conversations.openedAt`, `dictionaries.contacts`. */
  constructor(readonly part: string) {
    super(`table column ${part} is not loaded`);
  }
}

/** The string arrays a part holds as properties besides its typed columns. */
export const partStrings: Readonly<Record<string, readonly string[]>> = {
  conversations: ['conversations.ids', 'conversations.summary'],
  contactEvents: ['contactEvents.ids'],
};

const tableParts = ['conversations', 'facts', 'responses', 'closed', 'messages', 'csat', 'contactEvents'] as const;

/** What a column set stands for in full: every column and string array the store holds. */
export interface KnownColumns {
  columns: readonly string[];
  strings: readonly string[];
}

/** Per lazily loaded tables: where a loaded column goes (part objects, dictionaries, names). */
const lazyTargets = new WeakMap<WorkspaceTables, { parts: Map<string, Record<string, unknown>>; dictionaries: Record<string, Dictionary>; rest: Record<string, unknown> }>();

/**
 * Gives each known column that is not loaded yet a getter that throws, so a query never answers from
 * nothing; the caller loads it (attachColumn, which turns it into a plain data property) and asks
 * again. Plain properties, not a Proxy: queries read columns in hot paths.
 */
function guarded(target: Record<string, unknown>, prefix: string, known: ReadonlySet<string>): Record<string, unknown> {
  for (const path of known) {
    if (!path.startsWith(prefix)) continue;
    const key = path.slice(prefix.length);
    if (key in target) continue;
    Object.defineProperty(target, key, {
      configurable: true,
      enumerable: false,
      get() {
        throw new PartNotLoadedError(path);
      },
    });
  }
  return target;
}

function setData(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * Tables from a column set. With `known` (every column the store holds), columns and string arrays
 * absent from the set are loaded on demand: reading one throws PartNotLoadedError naming it, the
 * engine reads it from the store (attachColumn) and runs the query again. Without `known`, the set
 * must be whole.
 */
export function tablesFromColumnSet(set: TablesColumnSet, known?: KnownColumns): WorkspaceTables {
  const { meta, columns, strings } = set;
  if (meta.version !== tableEncodingVersion) throw new Error(`tables of encoding ${meta.version}, expected ${tableEncodingVersion}`);
  const knownPaths = new Set([...(known?.columns ?? Object.keys(columns)), ...(known?.strings ?? Object.keys(strings))]);
  const parts = new Map<string, Record<string, unknown>>();
  for (const part of tableParts) parts.set(part, { count: meta.counts[part] });
  parts.set('closed', {});
  parts.set('facts', {});
  const put = (path: string, value: unknown) => {
    const part = columnPart(path);
    const target = parts.get(part);
    if (target) setData(target, path.slice(part.length + 1), value);
  };
  for (const [path, column] of Object.entries(columns)) put(path, column);
  const dictionaries: Record<string, Dictionary> = {};
  const rest: Record<string, unknown> = {};
  for (const [name, values] of Object.entries(strings)) attachString(parts, dictionaries, rest, name, values);
  const tables = {
    workspace: meta.workspace,
    directory: meta.directory,
    dictionaries: guarded(dictionaries, 'dictionaries.', knownPaths),
    loaded: meta.loaded,
    rejected: meta.rejected,
  } as Record<string, unknown>;
  for (const [part, target] of parts) tables[part] = guarded(target, `${part}.`, knownPaths);
  Object.defineProperty(tables, 'contactNames', {
    enumerable: true,
    get() {
      if ('contactNames' in rest) return rest.contactNames;
      if (knownPaths.has('contactNames.values')) throw new PartNotLoadedError('contactNames.values');
      return [];
    },
  });
  const result = tables as unknown as WorkspaceTables;
  lazyTargets.set(result, { parts, dictionaries, rest });
  return result;
}

function attachString(parts: Map<string, Record<string, unknown>>, dictionaries: Record<string, Dictionary>, rest: Record<string, unknown>, name: string, values: (string | null | 0)[]): void {
  if (name.startsWith('dictionaries.')) setData(dictionaries, name.slice('dictionaries.'.length), Dictionary.from(values as (string | null)[]));
  else if (name === 'contactNames.values') rest.contactNames = values.map((value) => (value === 0 ? undefined : value));
  else {
    const part = columnPart(name);
    const target = parts.get(part);
    if (target) setData(target, name.slice(part.length + 1), values);
  }
}

/** Puts a column or string array read later into lazily loaded tables (the next read finds it). */
export function attachColumn(tables: WorkspaceTables, path: string, value: Column | (string | null | 0)[]): void {
  const targets = lazyTargets.get(tables);
  if (!targets) throw new Error('these tables were not made by tablesFromColumnSet');
  if (Array.isArray(value)) attachString(targets.parts, targets.dictionaries, targets.rest, path, value);
  else {
    const part = columnPart(path);
    const target = targets.parts.get(part);
    if (!target) throw new Error(`no table part for ${path}`);
    setData(target, path.slice(part.length + 1), value);
  }
}

interface Header {
  meta: TablesMeta;
  strings: TablesColumnSet['strings'];
  columns: { path: string; type: ColumnType; offset: number; length: number }[];
}

export function encodeTables(tables: WorkspaceTables): Uint8Array {
  const set = tablesToColumnSet(tables);
  const columns = Object.entries(set.columns);
  const directory: Header['columns'] = [];
  let offset = 0;
  for (const [path, column] of columns) {
    directory.push({ path, type: typeOf(column), offset, length: column.length });
    offset += Math.ceil(column.byteLength / 8) * 8;
  }
  const header: Header = { meta: set.meta, strings: set.strings, columns: directory };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const bodyStart = Math.ceil((8 + headerBytes.length) / 8) * 8;
  const out = new Uint8Array(bodyStart + offset);
  new DataView(out.buffer).setUint32(0, headerBytes.length, true);
  new DataView(out.buffer).setUint32(4, tableEncodingVersion, true);
  out.set(headerBytes, 8);
  columns.forEach(([, column], i) => {
    out.set(new Uint8Array(column.buffer, column.byteOffset, column.byteLength), bodyStart + directory[i].offset);
  });
  return out;
}

export function decodeTables(bytes: Uint8Array): WorkspaceTables {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(0, true);
  if (view.getUint32(4, true) !== tableEncodingVersion) throw new Error('table encoding of another version');
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Header;
  const bodyStart = Math.ceil((8 + headerLength) / 8) * 8;
  // Views need aligned offsets: copy once when the buffer itself is not 8-byte aligned.
  // (A Node Buffer's slice() is a view, not a copy: copy through the Uint8Array constructor.)
  const body = (bytes.byteOffset + bodyStart) % 8 === 0 ? bytes : new Uint8Array(bytes);
  const base = body === bytes ? bytes.byteOffset + bodyStart : bodyStart;
  const columns: Record<string, Column> = {};
  for (const column of header.columns) columns[column.path] = new constructors[column.type](body.buffer as ArrayBuffer, base + column.offset, column.length);
  return tablesFromColumnSet({ meta: header.meta, columns, strings: header.strings });
}
