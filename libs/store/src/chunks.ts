import type { Column } from '@parley/metrics';

// Columns cut into chunks of `chunkRows` rows, one stored value each: a few hundred large values
// for a million conversations, never one object per row (toolchain.md: IndexedDB costs ~0.1 ms a
// value, whatever its size). Typed chunks are copies (slice), since a stored view would clone its
// whole buffer; string chunks are one JSON text each (one string clones and parses fast).
// Uint32 chunks whose values all fit in 8 or 16 bits (dictionary codes: sources, channels, users)
// are stored that narrow and widened back on read: a quarter of the bytes for a cold start to read.

export const chunkRows = 65_536;

/** A stored chunk: a typed array (Uint32 ones possibly narrowed to 16 bits) or JSON text. */
export type ChunkData = Column | Uint16Array | string;

export interface ChunkRow {
  generation: number;
  /** `<set>/<column path>`, e.g. `tables/conversations.openedAt`. */
  name: string;
  index: number;
  data: ChunkData;
  /** Set when a Uint32 chunk is stored narrower: read back as a Uint32Array. */
  widen?: 'uint32';
}

export type StringColumn = (string | null | 0)[];

export function chunkColumn(generation: number, name: string, column: Column | StringColumn): ChunkRow[] {
  const rows: ChunkRow[] = [];
  const length = column.length;
  // An empty column still gets one (empty) chunk, so readers can tell it from a missing one.
  for (let index = 0, start = 0; index === 0 || start < length; index++, start += chunkRows) {
    const end = Math.min(length, start + chunkRows);
    if (Array.isArray(column)) rows.push({ generation, name, index, data: JSON.stringify(column.slice(start, end)) });
    else if (column instanceof Uint32Array) rows.push({ generation, name, index, ...narrowed(column.subarray(start, end)) });
    else rows.push({ generation, name, index, data: column.slice(start, end) });
  }
  return rows;
}

/** A Uint32 chunk in the narrowest array that holds its values (a copy either way). */
function narrowed(chunk: Uint32Array): { data: Column | Uint16Array; widen?: 'uint32' } {
  let max = 0;
  for (let i = 0; i < chunk.length; i++) if (chunk[i] > max) max = chunk[i];
  if (max <= 0xff) return { data: new Uint8Array(chunk), widen: 'uint32' };
  if (max <= 0xffff) return { data: new Uint16Array(chunk), widen: 'uint32' };
  return { data: chunk.slice() };
}

type ColumnConstructor = new (length: number) => Column;

/** The array type a chunk reads back as. */
const kindOf = (chunk: ChunkRow): ColumnConstructor => (chunk.widen === 'uint32' ? Uint32Array : ((chunk.data as ArrayBufferView).constructor as ColumnConstructor));

/** Joins a column's chunks (in index order) back into one typed array or string array. */
export function joinChunks(name: string, chunks: readonly ChunkRow[]): Column | StringColumn {
  if (chunks.length === 0) throw new Error(`column ${name} has no chunks`);
  chunks.forEach((chunk, i) => {
    if (chunk.index !== i) throw new Error(`column ${name} lacks chunk ${i}`);
  });
  const first = chunks[0].data;
  if (typeof first === 'string') {
    const values: StringColumn = [];
    for (const chunk of chunks) {
      if (typeof chunk.data !== 'string') throw new Error(`column ${name} mixes chunk kinds`);
      for (const value of JSON.parse(chunk.data) as StringColumn) values.push(value);
    }
    return values;
  }
  const kind = kindOf(chunks[0]);
  if (chunks.length === 1 && first.constructor === kind) return first as Column;
  let length = 0;
  for (const chunk of chunks) length += chunk.data.length;
  const out = new kind(length);
  let offset = 0;
  for (const chunk of chunks) {
    if (typeof chunk.data === 'string' || kindOf(chunk) !== kind) throw new Error(`column ${name} mixes chunk kinds`);
    // set() converts element by element when a narrowed chunk is widened.
    out.set(chunk.data, offset);
    offset += chunk.data.length;
  }
  return out;
}
