import type { Filters, QueryPeriod } from '@parley/model';

// The user events of the scope controls (`parley-filter-bar`, `parley-date-range`). Like
// `parley-drilldown`, they fire on user action only, bubble and cross shadow roots.

export interface FilterChangeDetail {
  /** Every active filter after the change (names without values left out). */
  filters: Filters;
  /** The filter the user changed; absent for "clear all". */
  name?: keyof Filters;
}

/** Fired when the user changes a filter or clears them all. */
export class ParleyFilterChangeEvent extends CustomEvent<FilterChangeDetail> {
  constructor(detail: FilterChangeDetail) {
    super('parley-filter-change', { bubbles: true, composed: true, detail });
  }
}

export interface PeriodChangeDetail {
  /** The chosen preset or custom range (inclusive local dates). */
  period: QueryPeriod;
}

/** Fired when the user picks a preset or applies a custom range. */
export class ParleyPeriodChangeEvent extends CustomEvent<PeriodChangeDetail> {
  constructor(detail: PeriodChangeDetail) {
    super('parley-period-change', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'parley-filter-change': ParleyFilterChangeEvent;
    'parley-period-change': ParleyPeriodChangeEvent;
  }
}
