import type { Column } from '@parley/metrics';

// Columns cut into chunks of `chunkRows` rows, one stored value each: a few hundred large values
// for a million conversations, never one object per row (toolchain.md: IndexedDB costs ~0.1 ms a
// value, whatever its size). Typed chunks are copies (slice), since a stored view would clone its
// whole buffer; string chunks are one JSON text each (one string clones and parses fast).

export const chunkRows = 65_536;

export type ChunkData = Column | string;

export interface ChunkRow {
  generation: number;
  /** `<set>/<column path>`, e.g. `tables/conversations.openedAt`. */
  name: string;
  index: number;
  data: ChunkData;
}

export type StringColumn = (string | null | 0)[];

export function chunkColumn(generation: number, name: string, column: Column | StringColumn): ChunkRow[] {
  const rows: ChunkRow[] = [];
  const length = column.length;
  // An empty column still gets one (empty) chunk, so readers can tell it from a missing one.
  for (let index = 0, start = 0; index === 0 || start < length; index++, start += chunkRows) {
    const end = Math.min(length, start + chunkRows);
    const data = Array.isArray(column) ? JSON.stringify(column.slice(start, end)) : column.slice(start, end);
    rows.push({ generation, name, index, data });
  }
  return rows;
}

type ColumnConstructor = new (length: number) => Column;

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
  if (chunks.length === 1) return first;
  let length = 0;
  for (const chunk of chunks) length += chunk.data.length;
  const out = new (first.constructor as ColumnConstructor)(length);
  let offset = 0;
  for (const chunk of chunks) {
    if (typeof chunk.data === 'string' || chunk.data.constructor !== first.constructor) throw new Error(`column ${name} mixes chunk kinds`);
    out.set(chunk.data, offset);
    offset += chunk.data.length;
  }
  return out;
}
