import type { CollectionCounts, WorkspaceInfo } from '@parley/model';
import { Dictionary } from './dictionary.js';
import type { Dictionaries, WorkspaceTables } from './tables.js';

// A binary form of WorkspaceTables: one JSON header (dictionaries, string columns, counts and a
// directory of columns) followed by the raw bytes of every typed column, 8-byte aligned. Decoding
// makes typed-array views over the buffer: no per-row work. Used by the benchmark cache now and by
// the IndexedDB store's chunks next.

export const tableEncodingVersion = 1;

type ColumnType = 'f64' | 'u32' | 'i32' | 'u8';
type Column = Float64Array | Uint32Array | Int32Array | Uint8Array;
const constructors = { f64: Float64Array, u32: Uint32Array, i32: Int32Array, u8: Uint8Array } as const;

function typeOf(column: Column): ColumnType {
  if (column instanceof Float64Array) return 'f64';
  if (column instanceof Uint32Array) return 'u32';
  if (column instanceof Int32Array) return 'i32';
  return 'u8';
}

interface Header {
  version: number;
  workspace: WorkspaceInfo | null;
  loaded: CollectionCounts;
  rejected: CollectionCounts;
  dictionaries: Record<keyof Dictionaries, (string | null)[]>;
  strings: Record<string, (string | null)[]>;
  counts: Record<string, number>;
  columns: { path: string; type: ColumnType; offset: number; length: number }[];
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

export function encodeTables(tables: WorkspaceTables): Uint8Array {
  const columns = typedColumns(tables);
  const directory: Header['columns'] = [];
  let offset = 0;
  for (const [path, column] of columns) {
    directory.push({ path, type: typeOf(column), offset, length: column.length });
    offset += Math.ceil(column.byteLength / 8) * 8;
  }
  const header: Header = {
    version: tableEncodingVersion,
    workspace: tables.workspace,
    loaded: tables.loaded,
    rejected: tables.rejected,
    dictionaries: Object.fromEntries(Object.entries(tables.dictionaries).map(([name, d]) => [name, (d as Dictionary).values])) as Header['dictionaries'],
    strings: {
      'conversations.ids': tables.conversations.ids,
      'conversations.summary': tables.conversations.summary,
      'contactEvents.ids': tables.contactEvents.ids,
      // Unknown contacts (no record) are 0: names are only ever strings or null.
      contactNames: Array.from(tables.contactNames, (name) => (name === undefined ? 0 : name)) as (string | null)[],
    },
    counts: {
      conversations: tables.conversations.count,
      responses: tables.responses.count,
      messages: tables.messages.count,
      csat: tables.csat.count,
      contactEvents: tables.contactEvents.count,
    },
    columns: directory,
  };
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
  const tables: Record<string, Record<string, unknown>> = {
    conversations: { count: header.counts.conversations, ids: header.strings['conversations.ids'], summary: header.strings['conversations.summary'] },
    facts: {},
    responses: { count: header.counts.responses },
    closed: {},
    messages: { count: header.counts.messages },
    csat: { count: header.counts.csat },
    contactEvents: { count: header.counts.contactEvents, ids: header.strings['contactEvents.ids'] },
  };
  for (const column of header.columns) {
    const [table, name] = column.path.split('.');
    tables[table][name] = new constructors[column.type](body.buffer as ArrayBuffer, base + column.offset, column.length);
  }
  const dictionaries = Object.fromEntries(Object.entries(header.dictionaries).map(([name, values]) => [name, Dictionary.from(values)])) as unknown as Dictionaries;
  return {
    workspace: header.workspace,
    dictionaries,
    conversations: tables.conversations,
    facts: tables.facts,
    responses: tables.responses,
    closed: tables.closed,
    messages: tables.messages,
    csat: tables.csat,
    contactEvents: tables.contactEvents,
    contactNames: header.strings.contactNames.map((name) => (typeof name === 'number' ? undefined : name)),
    loaded: header.loaded,
    rejected: header.rejected,
  } as unknown as WorkspaceTables;
}
