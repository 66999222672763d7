import { createContext } from '@lit/context';
import type { DatePreset, Filters, LocalDate, QueryPeriod } from '@parley/model';
import { datePresets, isConversationFilterName } from '@parley/model';

// What `<parley-scope>` shares with the widgets inside it (elements.md: period, time zone, filters),
// and the attribute parsing both the scope and the widgets use.

/** A change a filter bar or date range asks of its scope (on user action). */
export interface ScopeChange {
  /** `null` falls back to the enclosing scope's period (or the default preset). */
  period?: QueryPeriod | null;
  timeZone?: string | null;
  /** Replaces the scope's own filters. */
  filters?: Filters;
}

export interface ScopeValue {
  period?: QueryPeriod;
  timeZone?: string;
  filters: Filters;
  /** Set when the scope's own attributes are invalid: its widgets show it instead of numbers. */
  error?: string;
  edit(change: ScopeChange): void;
}

/**
 * The context key. `Symbol.for` makes it the same key in every bundle on the page, so a widget
 * from one script tag finds a scope defined by another.
 */
export const scopeContext = createContext<ScopeValue | undefined>(Symbol.for('parley.scope.v1'));

const localDatePattern = /^\d{4}-\d{2}-\d{2}$/;

export function isLocalDate(value: string): value is LocalDate {
  if (!localDatePattern.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isDatePreset(value: string): value is DatePreset {
  return (datePresets as readonly string[]).includes(value);
}

/**
 * The period an element's own attributes set: a custom range (`from` and `to`) overrides `preset`;
 * `undefined` when it sets none (then its scope's, else the default, applies).
 * Throws a `RangeError` with a short reason for invalid input.
 */
export function ownPeriod(preset: string | undefined, from: string | undefined, to: string | undefined): QueryPeriod | undefined {
  if (from || to) {
    if (!from || !to) throw new RangeError('from and to');
    if (!isLocalDate(from) || !isLocalDate(to)) throw new RangeError(`from/to must be YYYY-MM-DD (got ${from}, ${to})`);
    return from <= to ? { from, to } : { from: to, to: from };
  }
  if (preset) {
    if (!isDatePreset(preset)) throw new RangeError(`unknown preset ${preset}: use ${datePresets.join(', ')}`);
    return { preset };
  }
  return undefined;
}

/** A `filters` attribute (JSON: filter name → array of values). Throws a `TypeError` with the reason. */
export function parseFilters(json: string): Filters {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new TypeError('not valid JSON');
  }
  return checkFilters(value);
}

/** Checks a filters object (names of snapshot.md §1, arrays of strings). */
export function checkFilters(value: unknown): Filters {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError('expected an object of filter name → array of values');
  const filters: Record<string, readonly string[]> = {};
  for (const [name, values] of Object.entries(value)) {
    if (!isConversationFilterName(name)) throw new TypeError(`unknown filter ${name}`);
    if (!Array.isArray(values) || !values.every((item) => typeof item === 'string')) throw new TypeError(`${name} must be an array of strings`);
    filters[name] = values as string[];
  }
  return filters as Filters;
}

/** The element's filters over its scope's, name by name; names without values are dropped. */
export function mergeFilters(base: Filters | undefined, own: Filters | undefined): Filters {
  const merged: Record<string, readonly string[]> = { ...base, ...own };
  for (const [name, values] of Object.entries(merged)) if (!values || values.length === 0) delete merged[name];
  return merged as Filters;
}
