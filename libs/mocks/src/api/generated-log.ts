import type { PagedCollection } from './collections.js';
import { RecordTable } from './record-table.js';

// A paged collection's generated change log: every record at its modification time, in that order
// (ties in generation order). A closed conversation has two changes: its open state at `openedAt`,
// its final state at `closedAt`. Entries are numbers (`row * 2`, plus 1 for an open state).

/** What a conversation looks like before it is closed: these fields are set by the closure. */
const closureFields = ['closedAt', 'closedSource', 'closedByUserId', 'closedByTeamId', 'category', 'summary'] as const;

/** Resolves `since` keys that depend on another collection (a message's conversation's openedAt). */
export type ConversationOpenedAt = (conversationId: string) => number | undefined;

/** Collects one collection's records in generation order, then sorts them into a GeneratedLog. */
export class GeneratedLogBuilder {
  readonly collection: PagedCollection;
  readonly #table = new RecordTable();
  readonly #modifiedAt = new Float64List();
  /** Conversations only: closedAt, NaN while open. */
  readonly #closedAt = new Float64List();

  constructor(collection: PagedCollection) {
    this.collection = collection;
  }

  add(record: Readonly<Record<string, unknown>>): void {
    this.#table.push(record);
    switch (this.collection) {
      case 'conversations': {
        this.#modifiedAt.push(record.openedAt as number);
        const closedAt = record.closedAt;
        this.#closedAt.push(typeof closedAt === 'number' ? closedAt : Number.NaN);
        break;
      }
      case 'contacts':
        this.#modifiedAt.push(record.createdAt as number);
        break;
      default:
        this.#modifiedAt.push(record.at as number);
    }
  }

  finish(conversationOpenedAt: ConversationOpenedAt): GeneratedLog {
    this.#table.trim();
    const rowModifiedAt = this.#modifiedAt.toArray();
    const closedAt = this.#closedAt.toArray();
    const rows = rowModifiedAt.length;
    let count = rows;
    for (let row = 0; row < closedAt.length; row++) if (!Number.isNaN(closedAt[row])) count++;

    const entries = new Uint32Array(count);
    const modifiedAt = new Float64Array(count);
    let entry = 0;
    for (let row = 0; row < rows; row++) {
      const closed = closedAt.length > 0 && !Number.isNaN(closedAt[row]);
      entries[entry] = closed ? row * 2 + 1 : row * 2;
      modifiedAt[entry++] = rowModifiedAt[row];
      if (closed) {
        entries[entry] = row * 2;
        modifiedAt[entry++] = Math.max(rowModifiedAt[row], closedAt[row]);
      }
    }
    // Entries are mostly in time order already (openings are generated chronologically), which the
    // stable sort exploits; the index tie-break keeps generation order among equal instants.
    const order = new Uint32Array(count);
    for (let index = 0; index < count; index++) order[index] = index;
    order.sort((a, b) => modifiedAt[a] - modifiedAt[b] || a - b);
    const sortedEntries = new Uint32Array(count);
    const sortedModifiedAt = new Float64Array(count);
    for (let index = 0; index < count; index++) {
      sortedEntries[index] = entries[order[index]];
      sortedModifiedAt[index] = modifiedAt[order[index]];
    }
    return new GeneratedLog(this.collection, this.#table, sortedEntries, sortedModifiedAt, conversationOpenedAt);
  }
}

export class GeneratedLog {
  readonly collection: PagedCollection;
  readonly #table: RecordTable;
  readonly #entries: Uint32Array;
  readonly #modifiedAt: Float64Array;
  readonly #conversationOpenedAt: ConversationOpenedAt;
  /** Per row, the instant `since` is compared with; built on the first `since` request. */
  #sinceKeys: Float64Array | null = null;
  /** Counts of entries passing a `since`, by `since` and visible length: one per sync, not per page. */
  readonly #passingCounts = new Map<string, number>();

  constructor(
    collection: PagedCollection,
    table: RecordTable,
    entries: Uint32Array,
    modifiedAt: Float64Array,
    conversationOpenedAt: ConversationOpenedAt,
  ) {
    this.collection = collection;
    this.#table = table;
    this.#entries = entries;
    this.#modifiedAt = modifiedAt;
    this.#conversationOpenedAt = conversationOpenedAt;
  }

  /** Number of changes, visible or not. */
  get length(): number {
    return this.#entries.length;
  }

  /** Number of changes modified at or before `nowMs`: they form a prefix of the log. */
  visibleLength(nowMs: number): number {
    let low = 0;
    let high = this.#modifiedAt.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#modifiedAt[middle] <= nowMs) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  modifiedAt(entry: number): number {
    return this.#modifiedAt[entry];
  }

  /** The generation index of the record of `entry` within its collection. */
  rowOf(entry: number): number {
    return this.#entries[entry] >>> 1;
  }

  /** The record as it is after the change `entry`: a new object, free to modify. */
  record(entry: number): Record<string, unknown> {
    const code = this.#entries[entry];
    const record = this.#table.row(code >>> 1);
    if ((code & 1) === 1) for (const field of closureFields) if (field in record) record[field] = null;
    return record;
  }

  /** Whether `entry` is kept by `since` (architecture.md: by the conversation's openedAt, else `at`). */
  passesSince(entry: number, sinceMs: number): boolean {
    return this.#sinceKeysOfRows()[this.#entries[entry] >>> 1] >= sinceMs;
  }

  /** How many of the first `visibleLength` entries pass `sinceMs`. */
  countPassing(sinceMs: number, visibleLength: number): number {
    const key = `${sinceMs}:${visibleLength}`;
    let count = this.#passingCounts.get(key);
    if (count === undefined) {
      count = 0;
      for (let entry = 0; entry < visibleLength; entry++) if (this.passesSince(entry, sinceMs)) count++;
      if (this.#passingCounts.size >= 16) this.#passingCounts.clear();
      this.#passingCounts.set(key, count);
    }
    return count;
  }

  #sinceKeysOfRows(): Float64Array {
    if (this.#sinceKeys === null) {
      const rows = this.#table.length;
      const keys = new Float64Array(rows);
      for (let row = 0; row < rows; row++) keys[row] = this.#sinceKeyOfRow(row);
      this.#sinceKeys = keys;
    }
    return this.#sinceKeys;
  }

  #sinceKeyOfRow(row: number): number {
    switch (this.collection) {
      case 'contacts':
        // Contacts are never left out: conversations after the horizon refer to older contacts.
        return Number.POSITIVE_INFINITY;
      case 'conversations':
        return this.#table.value(row, 'openedAt') as number;
      case 'contactEvents':
        return this.#table.value(row, 'at') as number;
      default: {
        // Messages without a conversation (broadcasts) go by their own instant.
        const conversationId = this.#table.value(row, 'conversationId');
        const openedAt = typeof conversationId === 'string' ? this.#conversationOpenedAt(conversationId) : undefined;
        return openedAt ?? (this.#table.value(row, 'at') as number);
      }
    }
  }
}

/** A growable list of doubles. */
class Float64List {
  #values = new Float64Array(1024);
  #length = 0;

  push(value: number): void {
    if (this.#length === this.#values.length) {
      const values = new Float64Array(this.#values.length * 2);
      values.set(this.#values);
      this.#values = values;
    }
    this.#values[this.#length++] = value;
  }

  toArray(): Float64Array {
    return this.#values.slice(0, this.#length);
  }
}
