import type { ConversationRow } from './snapshot.js';

// A conversation-list answer as columns: numbers in Float64Arrays (NaN = null) and strings
// dictionary-coded (Uint32Array codes into a small value table). It crosses postMessage as a few
// transferred buffers instead of thousands of cloned row objects; rows are built only when read.

type Keys<V> = { [K in keyof ConversationRow]-?: ConversationRow[K] extends V ? K : never }[keyof ConversationRow];

export const listNumberKeys = [
  'closedAt',
  'openedAt',
  'firstAssignmentAt',
  'firstResponseAt',
  'lastAssignmentAt',
  'timeToFirstAssignmentMs',
  'firstResponseTimeMs',
  'firstAssignmentToFirstResponseMs',
  'lastAssignmentToResponseMs',
  'resolutionTimeMs',
  'firstAssignmentToCloseMs',
  'lastAssignmentToCloseMs',
  'averageResponseTimeMs',
  'assignments',
  'incomingMessages',
  'outgoingMessages',
  'responses',
] as const satisfies readonly Keys<number | null>[];

export const listStringKeys = [
  'closedSource',
  'closedByUserId',
  'closedByTeamId',
  'openedSource',
  'openedChannelId',
  'conversationId',
  'contactId',
  'contactName',
  'firstAssigneeId',
  'firstResponseById',
  'lastAssigneeId',
  'category',
  'summary',
  'contactType',
] as const satisfies readonly Keys<string | null>[];

/** The column order of ConversationRow (snapshot.md), to rebuild rows with their keys in order. */
const rowKeyOrder: readonly (keyof ConversationRow)[] = [
  'closedAt', 'closedSource', 'closedByUserId', 'closedByTeamId', 'openedAt', 'openedSource', 'openedChannelId',
  'conversationId', 'contactId', 'contactName', 'firstAssignmentAt', 'firstAssigneeId', 'firstResponseAt',
  'firstResponseById', 'lastAssignmentAt', 'lastAssigneeId', 'timeToFirstAssignmentMs', 'firstResponseTimeMs',
  'firstAssignmentToFirstResponseMs', 'lastAssignmentToResponseMs', 'resolutionTimeMs', 'firstAssignmentToCloseMs',
  'lastAssignmentToCloseMs', 'averageResponseTimeMs', 'assignments', 'incomingMessages', 'outgoingMessages',
  'responses', 'category', 'summary', 'contactType',
]; // prettier-ignore

export interface CodedStrings {
  codes: Uint32Array;
  /** values[0] is null. */
  values: (string | null)[];
}

export interface ListColumns {
  format: 'parley.list-columns';
  length: number;
  numbers: Record<(typeof listNumberKeys)[number], Float64Array>;
  strings: Record<(typeof listStringKeys)[number], CodedStrings>;
}

export function toListColumns(rows: readonly ConversationRow[]): ListColumns {
  const n = rows.length;
  const numbers = {} as ListColumns['numbers'];
  for (const key of listNumberKeys) {
    const column = new Float64Array(n);
    for (let i = 0; i < n; i++) column[i] = rows[i][key] ?? Number.NaN;
    numbers[key] = column;
  }
  const strings = {} as ListColumns['strings'];
  for (const key of listStringKeys) {
    const values: (string | null)[] = [null];
    const index = new Map<string, number>();
    const codes = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const value = rows[i][key];
      if (value === null) continue;
      let code = index.get(value);
      if (code === undefined) {
        code = values.push(value) - 1;
        index.set(value, code);
      }
      codes[i] = code;
    }
    strings[key] = { codes, values };
  }
  return { format: 'parley.list-columns', length: n, numbers, strings };
}

/** Row i, with the keys in the snapshot's order. */
export function listRowAt(columns: ListColumns, i: number): ConversationRow {
  const row: Record<string, unknown> = {};
  for (const key of rowKeyOrder) {
    if (key in columns.numbers) {
      const value = columns.numbers[key as (typeof listNumberKeys)[number]][i];
      row[key] = Number.isNaN(value) ? null : value;
    } else {
      const { codes, values } = columns.strings[key as (typeof listStringKeys)[number]];
      row[key] = values[codes[i]];
    }
  }
  return row as unknown as ConversationRow;
}

export function listRows(columns: ListColumns): ConversationRow[] {
  return Array.from({ length: columns.length }, (_, i) => listRowAt(columns, i));
}

/** The buffers to transfer with a list answer. */
export function listTransferables(columns: ListColumns): ArrayBuffer[] {
  return [...Object.values(columns.numbers).map((column) => column.buffer as ArrayBuffer), ...Object.values(columns.strings).map((column) => column.codes.buffer as ArrayBuffer)];
}

export function isListColumns(value: unknown): value is ListColumns {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === 'parley.list-columns';
}
