import type { Filters, LocalDate } from '@parley/model';

// The events every data widget fires (elements.md "Properties, states and events"). Status events
// (`parley-state`) fire on every change, whoever caused it; user events (`parley-drilldown`) fire on
// user action only. Both bubble and cross shadow roots, so a dashboard can listen once.

export const widgetStates = ['loading', 'ready', 'empty', 'not-applicable', 'error'] as const;
export type WidgetState = (typeof widgetStates)[number];

export interface StateDetail {
  state: WidgetState;
  stale: boolean;
  /** Epoch ms of the last completed sync, null before any. */
  dataAsOf: number | null;
}

/** Fired whenever `state` or `stale` changes. */
export class ParleyStateEvent extends CustomEvent<StateDetail> {
  constructor(detail: StateDetail) {
    super('parley-state', { bubbles: true, composed: true, detail });
  }
}

export type DrilldownCell = { weekday: number; hour: number } | { date: LocalDate; hour?: number };

/** Exactly the conversations behind the number the user activated. */
export interface DrilldownDetail {
  measure: string;
  scope: 'opened' | 'closed';
  period: { from: LocalDate; to: LocalDate };
  timeZone: string;
  /** The widget's filters, plus the group's value for a bar, segment or row (`""` = none). */
  filters: Filters;
  cell?: DrilldownCell;
}

/** Fired when the user activates a card, bar, arc segment, table row, heatmap cell or time-series bar. */
export class ParleyDrilldownEvent extends CustomEvent<DrilldownDetail> {
  constructor(detail: DrilldownDetail) {
    super('parley-drilldown', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'parley-state': ParleyStateEvent;
    'parley-drilldown': ParleyDrilldownEvent;
  }
}
