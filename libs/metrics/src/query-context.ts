import type { ConversationFilterName, Filters, Period, ReportFamily } from '@parley/model';
import { activeFilters, applicableFilters } from '@parley/model';
import type { Dictionary } from './dictionary.js';
import { LocalBuckets } from './local-buckets.js';
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
  #closedRowsByRow: Uint32Array | null = null;

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
    const rows = new Uint32Array(hi - lo);
    let count = 0;
    for (let row = lo; row < hi; row++) if (this.matches(row)) rows[count++] = row;
    this.#openedRows = rows.subarray(0, count);
    return this.#openedRows;
  }

  /** Counted-closed rows closed in the period that pass the filters, in (closedAt asc, id desc) order. Read-only. */
  closedRows(): Uint32Array {
    if (this.#closedRows) return this.#closedRows;
    const { rows: index, closedAt } = this.tables.closed;
    const lo = lowerBound(closedAt, this.period.startMs);
    const hi = lowerBound(closedAt, this.period.endMs);
    if (!this.hasFilters) {
      this.#closedRows = index.subarray(lo, hi);
      return this.#closedRows;
    }
    const rows = new Uint32Array(hi - lo);
    let count = 0;
    for (let k = lo; k < hi; k++) {
      const row = index[k];
      if (this.matches(row)) rows[count++] = row;
    }
    this.#closedRows = rows.subarray(0, count);
    return this.#closedRows;
  }

  /**
   * The same rows as closedRows(), in row order. Aggregates that do not care about order scan
   * these: rows then sit close together in every column (closing order scatters them), which
   * keeps the scans in cache.
   */
  closedRowsByRow(): Uint32Array {
    if (this.#closedRowsByRow) return this.#closedRowsByRow;
    // Scan, in row order, only rows whose openedAt can lead to a closure in the period (the
    // workspace's longest and most negative open-to-close spans bound it), so no sort is needed.
    const { countedClosedAt, maxCloseLagMs, minCloseLagMs } = closingSpans(this.tables);
    const { startMs, endMs } = this.period;
    const openedAt = this.tables.conversations.openedAt;
    const lo = lowerBound(openedAt, startMs - maxCloseLagMs);
    const hi = lowerBound(openedAt, endMs - minCloseLagMs + 1);
    const [closedLo, closedHi] = this.periodRange(this.tables.closed.closedAt);
    const rows = new Uint32Array(closedHi - closedLo);
    let count = 0;
    const filtered = this.hasFilters;
    for (let row = lo; row < hi; row++) {
      const closedAt = countedClosedAt[row];
      if (closedAt >= startMs && closedAt < endMs && (!filtered || this.matches(row))) rows[count++] = row;
    }
    this.#closedRowsByRow = rows.subarray(0, count);
    return this.#closedRowsByRow;
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
        return byDictionary(conversations.closedSource, d.closedSources);
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
        return byDictionary(conversations.category, d.categories);
      case 'openedChannel':
        return byDictionary(conversations.openedChannel, d.channels);
      case 'openedSource':
        return byDictionary(conversations.openedSource, d.openedSources);
      case 'contact':
        return byDictionary(conversations.contact, d.contacts);
      case 'contactType':
        return { name, column: facts.contactType, allowed: Uint8Array.of(values.includes('new') ? 1 : 0, values.includes('returning') ? 1 : 0) };
      case 'conversationId': {
        const allowed = new Uint8Array(conversations.count);
        const wanted = new Set(values);
        for (let row = 0; row < conversations.count; row++) if (wanted.has(conversations.ids[row])) allowed[row] = 1;
        return { name, column: null, allowed };
      }
    }
  }
}

interface ClosingSpans {
  /** closedAt of counted-closed rows, NaN for the others. */
  countedClosedAt: Float64Array;
  /** The largest and smallest closedAt − openedAt over counted-closed rows (0 when none). */
  maxCloseLagMs: number;
  minCloseLagMs: number;
}

const spans = new WeakMap<WorkspaceTables, ClosingSpans>();

function closingSpans(tables: WorkspaceTables): ClosingSpans {
  let result = spans.get(tables);
  if (result) return result;
  const { openedAt, closedAt, count } = tables.conversations;
  const countedClosedAt = new Float64Array(count).fill(NaN);
  let maxCloseLagMs = 0;
  let minCloseLagMs = 0;
  for (let row = 0; row < count; row++) {
    if (!tables.facts.countedClosed[row]) continue;
    countedClosedAt[row] = closedAt[row];
    const lag = closedAt[row] - openedAt[row];
    if (lag > maxCloseLagMs) maxCloseLagMs = lag;
    if (lag < minCloseLagMs) minCloseLagMs = lag;
  }
  result = { countedClosedAt, maxCloseLagMs, minCloseLagMs };
  spans.set(tables, result);
  return result;
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
