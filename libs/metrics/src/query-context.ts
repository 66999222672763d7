import type { ConversationFilterName, Filters, Period, ReportFamily } from '@parley/model';
import { activeFilters, applicableFilters } from '@parley/model';
import type { Dictionary } from './dictionary.js';
import { LocalBuckets } from './local-buckets.js';
import { scratchUint32 } from './scratch.js';
import type { WorkspaceTables } from './tables.js';
import type { ZoneOffsets } from './time-zone.js';
import { dateOfDay, dayOfDate, startOfLocalDay, TimeArgumentError, zoneOffsets } from './time-zone.js';

/** What a query is about: inclusive local dates in a zone and the active filters. */
export interface QuerySpec {
  from: string;
  to: string;
  timeZone: string;
  filters?: Filters;
}

/** One compiled filter: a row passes when allowed[column[row]] is 1. */
interface CompiledFilter {
  name: ConversationFilterName;
  column: ArrayLike<number> | null; // null: the row index itself (conversationId)
  allowed: Uint8Array;
  /** The column in closed order when the tables store it (ClosedIndex), instead of deriving it. */
  closedColumn?: () => ArrayLike<number>;
}

/** Resolves `from`/`to` in a zone to [startMs, endMs) (snapshot.md §1, D6). */
export function resolvePeriod(from: string, to: string, timeZone: string): Period & { firstDay: number; dayCount: number } {
  const zone = zoneOffsets(timeZone);
  const firstDay = dayOfDate(from);
  const lastDay = dayOfDate(to);
  if (firstDay > lastDay) throw new TimeArgumentError(`--from ${from} is after --to ${to}`);
  return {
    from,
    to,
    timeZone,
    startMs: startOfLocalDay(zone, firstDay),
    endMs: startOfLocalDay(zone, lastDay + 1),
    firstDay,
    dayCount: lastDay - firstDay + 1,
  };
}

/**
 * Everything one query needs, resolved once: the period, local buckets, compiled filters and the
 * memoised row selections that several widgets of one report share.
 */
export class QueryContext {
  readonly tables: WorkspaceTables;
  readonly period: Period;
  readonly firstDay: number;
  readonly dayCount: number;
  readonly zone: ZoneOffsets;
  readonly filters: Filters;
  #compiled: CompiledFilter[];
  #buckets: LocalBuckets | null = null;
  #openedRows: Uint32Array | null = null;
  #closedRows: Uint32Array | null = null;
  #closedPositions: Uint32Array | null = null;

  constructor(tables: WorkspaceTables, spec: QuerySpec) {
    this.tables = tables;
    const period = resolvePeriod(spec.from, spec.to, spec.timeZone);
    this.period = { from: period.from, to: period.to, timeZone: period.timeZone, startMs: period.startMs, endMs: period.endMs };
    this.firstDay = period.firstDay;
    this.dayCount = period.dayCount;
    this.zone = zoneOffsets(spec.timeZone);
    this.filters = Object.fromEntries(activeFilters(spec.filters ?? {}).map((f) => [f.name, f.values]));
    this.#compiled = activeFilters(this.filters).map((f) => this.#compile(f.name, f.values));
  }

  get buckets(): LocalBuckets {
    this.#buckets ??= new LocalBuckets(this.zone, this.period.startMs, this.period.endMs, this.firstDay);
    return this.#buckets;
  }

  /** snapshot.md §4: every active filter is in the family's list. */
  applies(family: ReportFamily): boolean {
    const allowed = applicableFilters[family];
    return this.#compiled.every((filter) => allowed.includes(filter.name));
  }

  get hasFilters(): boolean {
    return this.#compiled.length > 0;
  }

  /** True when the conversation row passes every active filter. */
  matches(row: number): boolean {
    for (const filter of this.#compiled) {
      if (!filter.allowed[filter.column === null ? row : filter.column[row]]) return false;
    }
    return true;
  }

  /** The active `contact` filter as a lookup over contact codes, or null when inactive. */
  contactFilter(): Uint8Array | null {
    return this.#compiled.find((filter) => filter.name === 'contact')?.allowed ?? null;
  }

  /** Rows opened in the period that pass the filters (call only when the opened family applies). Read-only. */
  openedRows(): Uint32Array {
    if (this.#openedRows) return this.#openedRows;
    const openedAt = this.tables.conversations.openedAt;
    const lo = lowerBound(openedAt, this.period.startMs);
    const hi = lowerBound(openedAt, this.period.endMs);
    if (!this.hasFilters) {
      // Rows are sorted by openedAt: the period is a contiguous range, shared without a copy.
      this.#openedRows = rowIdentity(this.tables).subarray(lo, hi);
      return this.#openedRows;
    }
    // Select into a scratch buffer, keep an exact-size copy: few bytes allocated per query.
    const rows = scratchUint32('opened-rows', hi - lo);
    let count = 0;
    for (let row = lo; row < hi; row++) if (this.matches(row)) rows[count++] = row;
    this.#openedRows = rows.slice(0, count);
    return this.#openedRows;
  }

  /** Counted-closed rows closed in the period that pass the filters, in (closedAt asc, id desc) order. Read-only. */
  closedRows(): Uint32Array {
    if (this.#closedRows) return this.#closedRows;
    const index = this.tables.closed.rows;
    if (!this.hasFilters) {
      const [lo, hi] = this.periodRange(this.tables.closed.closedAt);
      this.#closedRows = index.subarray(lo, hi);
      return this.#closedRows;
    }
    const positions = this.closedPositions();
    const rows = new Uint32Array(positions.length);
    for (let i = 0; i < positions.length; i++) rows[i] = index[positions[i]];
    this.#closedRows = rows;
    return this.#closedRows;
  }

  /**
   * Positions in the closed index (closed order) of the period's filtered closed rows: a view of
   * 0..n when unfiltered. Filters read their attributes in closed order too, so this is one
   * sequential scan; closed-family aggregates read closed-order columns at these positions.
   */
  closedPositions(): Uint32Array {
    if (this.#closedPositions) return this.#closedPositions;
    const [lo, hi] = this.periodRange(this.tables.closed.closedAt);
    if (!this.hasFilters) {
      this.#closedPositions = rowIdentity(this.tables).subarray(lo, hi);
      return this.#closedPositions;
    }
    const filters = this.#compiled.map((filter) => ({ allowed: filter.allowed, column: filter.closedColumn?.() ?? closedOrder(this.tables, filter.column) }));
    const positions = scratchUint32('closed-positions', hi - lo);
    let count = 0;
    if (filters.length === 1) {
      // The usual case, without the per-filter loop.
      const { allowed, column } = filters[0];
      for (let k = lo; k < hi; k++) if (allowed[column[k]]) positions[count++] = k;
      this.#closedPositions = positions.slice(0, count);
      return this.#closedPositions;
    }
    for (let k = lo; k < hi; k++) {
      let ok = true;
      for (let f = 0; f < filters.length; f++) {
        if (!filters[f].allowed[filters[f].column[k]]) {
          ok = false;
          break;
        }
      }
      if (ok) positions[count++] = k;
    }
    this.#closedPositions = positions.slice(0, count);
    return this.#closedPositions;
  }

  /** A conversation column read in closed order (closed index position → value), cached per tables. */
  closedOrder<T extends Uint32Array | Uint8Array | Float64Array>(column: T): T {
    return closedOrder(this.tables, column) as T;
  }

  /** [lo, hi) of a column sorted ascending that falls in the period. */
  periodRange(sortedAt: Float64Array): [number, number] {
    return [lowerBound(sortedAt, this.period.startMs), lowerBound(sortedAt, this.period.endMs)];
  }

  /** The local dates of the period, in order. */
  dates(): string[] {
    return Array.from({ length: this.dayCount }, (_, i) => dateOfDay(this.firstDay + i));
  }

  #compile(name: ConversationFilterName, values: readonly string[]): CompiledFilter {
    const { conversations, facts, dictionaries: d } = this.tables;
    const byDictionary = (column: ArrayLike<number>, dictionary: Dictionary): CompiledFilter => {
      const allowed = new Uint8Array(dictionary.size);
      for (const value of values) {
        if (value === '') {
          for (let code = 0; code < dictionary.size; code++) if (dictionary.isNone(code)) allowed[code] = 1;
        } else {
          const code = dictionary.find(value);
          if (code >= 0) allowed[code] = 1;
        }
      }
      return { name, column, allowed };
    };
    switch (name) {
      case 'closedSource':
        return { ...byDictionary(conversations.closedSource, d.closedSources), closedColumn: () => this.tables.closed.closedSource };
      case 'firstAssignee':
        return byDictionary(facts.firstAssignee, d.users);
      case 'firstResponseBy':
        return byDictionary(facts.firstResponseBy, d.users);
      case 'lastAssignee':
        return byDictionary(facts.lastAssignee, d.users);
      case 'closedByTeam':
        return byDictionary(conversations.closedByTeam, d.teams);
      case 'closedByUser':
        return byDictionary(facts.closingUser, d.users);
      case 'category':
        return { ...byDictionary(conversations.category, d.categories), closedColumn: () => this.tables.closed.category };
      case 'openedChannel':
        return byDictionary(conversations.openedChannel, d.channels);
      case 'openedSource':
        return byDictionary(conversations.openedSource, d.openedSources);
      case 'contact':
        return byDictionary(conversations.contact, d.contacts);
      case 'contactType':
        return {
          name,
          column: facts.contactType,
          allowed: Uint8Array.of(values.includes('new') ? 1 : 0, values.includes('returning') ? 1 : 0),
          closedColumn: () => this.tables.closed.contactType,
        };
      case 'conversationId': {
        const allowed = new Uint8Array(conversations.count);
        const wanted = new Set(values);
        for (let row = 0; row < conversations.count; row++) if (wanted.has(conversations.ids[row])) allowed[row] = 1;
        return { name, column: null, allowed };
      }
    }
  }
}

const closedOrders = new WeakMap<WorkspaceTables, Map<ArrayLike<number> | null, ArrayLike<number>>>();

/** column[closed.rows[k]] for every closed index position k (the row itself for a null column). */
function closedOrder(tables: WorkspaceTables, column: ArrayLike<number> | null): ArrayLike<number> {
  let perTables = closedOrders.get(tables);
  if (!perTables) {
    perTables = new Map();
    closedOrders.set(tables, perTables);
  }
  let ordered = perTables.get(column);
  if (!ordered) {
    const rows = tables.closed.rows;
    if (column === null) ordered = rows;
    else {
      const out = new (column.constructor as new (length: number) => Uint32Array)(rows.length);
      for (let k = 0; k < rows.length; k++) out[k] = column[rows[k]];
      ordered = out;
    }
    perTables.set(column, ordered);
  }
  return ordered;
}

const identities = new WeakMap<WorkspaceTables, Uint32Array>();

/** 0, 1, … n − 1 for the tables' conversation rows, built once: an unfiltered period is a view of it. */
function rowIdentity(tables: WorkspaceTables): Uint32Array {
  let identity = identities.get(tables);
  if (!identity) {
    identity = new Uint32Array(tables.conversations.count);
    for (let row = 0; row < identity.length; row++) identity[row] = row;
    identities.set(tables, identity);
  }
  return identity;
}

/** First index whose value is ≥ target in an ascending column (NaN sorts last). */
export function lowerBound(sorted: Float64Array, target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Bytes held by the closed-order columns and row identity cached for these tables. */
export function queryCacheBytes(tables: WorkspaceTables): number {
  let bytes = identities.get(tables)?.byteLength ?? 0;
  for (const [column, ordered] of closedOrders.get(tables) ?? []) if (column !== null) bytes += (ordered as Uint32Array).byteLength;
  return bytes;
}
