import type { WorkspaceTables } from '@parley/metrics';
import { derivedCacheBytes } from '@parley/metrics';

// Resident size of WorkspaceTables: exact bytes of the typed columns, an estimate for the string
// arrays (V8 keeps each string as a ~16-byte header plus its characters, 8-byte aligned, and each
// array slot is an 8-byte pointer; strings are assumed unshared, so this is an upper bound).

export interface TableFootprint {
  typedBytes: number;
  stringBytes: number;
  /** Everything parley derives once per tables on first use and keeps (derivedCacheBytes). */
  derivedBytes: number;
  totalBytes: number;
}

function typedColumnBytes(tables: WorkspaceTables): number {
  const parts: object[] = [tables.conversations, tables.facts, tables.responses, tables.closed, tables.messages, tables.csat, tables.contactEvents];
  let bytes = 0;
  for (const part of parts) {
    for (const value of Object.values(part)) if (ArrayBuffer.isView(value)) bytes += value.byteLength;
  }
  return bytes;
}

const stringHeaderBytes = 16;
const slotBytes = 8;

/** Estimated heap bytes of an array of strings (null/undefined slots cost the pointer only). */
export function stringArrayBytes(values: readonly (string | null | undefined)[]): number {
  let bytes = values.length * slotBytes;
  for (const value of values) {
    if (typeof value !== 'string') continue;
    // Latin-1 strings take one byte a character, others two.
    let wide = false;
    for (let i = 0; i < value.length; i++) {
      if (value.charCodeAt(i) > 0xff) {
        wide = true;
        break;
      }
    }
    bytes += Math.ceil((stringHeaderBytes + value.length * (wide ? 2 : 1)) / 8) * 8;
  }
  return bytes;
}

export function tableFootprint(tables: WorkspaceTables): TableFootprint {
  const typedBytes = typedColumnBytes(tables);
  let stringBytes =
    stringArrayBytes(tables.conversations.ids) +
    stringArrayBytes(tables.conversations.summary) +
    stringArrayBytes(tables.contactEvents.ids) +
    stringArrayBytes(tables.contactNames);
  for (const dictionary of Object.values(tables.dictionaries)) stringBytes += stringArrayBytes(dictionary.values);
  const derivedBytes = derivedCacheBytes(tables);
  return { typedBytes, stringBytes, derivedBytes, totalBytes: typedBytes + stringBytes + derivedBytes };
}
