import type { CollectionCounts, WorkspaceInfo } from '@parley/model';
import { Dictionary } from './dictionary.js';
import type { Dictionaries, Directory, WorkspaceTables } from './tables.js';

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

const dictionaryNames: (keyof Dictionaries)[] = [
  'users',
  'teams',
  'channels',
  'contacts',
  'openedSources',
  'closedSources',
  'eventSources',
  'categories',
  'tags',
  'inboxes',
  'pageUrls',
  'chatflows',
];

/** A table part that is not loaded: any use throws instead of answering from nothing. */
function missingPart(part: string): Record<string, unknown> {
  return new Proxy(
    {},
    {
      get(_target, key) {
        if (key === 'then' || typeof key === 'symbol') return undefined;
        throw new PartNotLoadedError(part);
      },
    },
  );
}

export class PartNotLoadedError extends Error {
  override name = 'PartNotLoadedError';
  constructor(readonly part: string) {
    super(`table part ${part} is not loaded`);
  }
}

/** The string arrays a part needs besides its typed columns. */
export const partStrings: Readonly<Record<string, readonly string[]>> = {
  conversations: ['conversations.ids', 'conversations.summary'],
  contactEvents: ['contactEvents.ids'],
};

/**
 * Tables from a column set. A part whose columns are all absent (not loaded yet) becomes an object
 * that throws PartNotLoadedError on use; `conversations.summary` alone may be absent too (it is only
 * read by list rows), and then reads throw the same way.
 */
export function tablesFromColumnSet(set: TablesColumnSet): WorkspaceTables {
  const { meta, columns, strings } = set;
  if (meta.version !== tableEncodingVersion) throw new Error(`tables of encoding ${meta.version}, expected ${tableEncodingVersion}`);
  const parts: Record<string, Record<string, unknown>> = {};
  for (const [path, column] of Object.entries(columns)) {
    const part = columnPart(path);
    parts[part] ??= {};
    parts[part][path.slice(part.length + 1)] = column;
  }
  const part = (name: string, extra: Record<string, unknown>) => (parts[name] ? Object.assign(parts[name], extra) : missingPart(name));
  const summary = strings['conversations.summary'];
  const conversations = part('conversations', {
    count: meta.counts.conversations,
    ids: strings['conversations.ids'],
    summary: summary ?? missingPart('conversations.summary'),
  });
  const dictionaries = Object.fromEntries(dictionaryNames.map((name) => [name, Dictionary.from(strings[`dictionaries.${name}`] as (string | null)[])]));
  return {
    workspace: meta.workspace,
    directory: meta.directory,
    dictionaries,
    conversations,
    facts: part('facts', {}),
    responses: part('responses', { count: meta.counts.responses }),
    closed: part('closed', {}),
    messages: part('messages', { count: meta.counts.messages }),
    csat: part('csat', { count: meta.counts.csat }),
    contactEvents: part('contactEvents', { count: meta.counts.contactEvents, ids: strings['contactEvents.ids'] }),
    contactNames: strings['contactNames.values'].map((name) => (name === 0 ? undefined : name)),
    loaded: meta.loaded,
    rejected: meta.rejected,
  } as unknown as WorkspaceTables;
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
