// What the benchmark measures: one workspace recipe, one period, the queries and their order.

/** The demo generator's recipe (libs/mocks): 90 days ending on `endDate` in `timeZone`. */
export const benchSeed = 1;
export const benchEndDate = '2024-11-20';
export const benchTimeZone = 'Europe/Paris';

/** The queried period: the last 30 local days before (and including) the end date. */
export const benchPeriod = { from: '2024-10-22', to: '2024-11-20', timeZone: benchTimeZone } as const;

export const defaultSizes = [100_000, 1_000_000, 5_000_000] as const;

/** Rows of the conversation list page. */
export const listPageSize = 50;

export const queryNames = ['heatmap-opened', 'groups', 'frt-filtered', 'leaderboard', 'list-page', 'all'] as const;
export type QueryName = (typeof queryNames)[number];

export const engineNames = ['parley', 'arquero', 'duckdb'] as const;
export type EngineName = (typeof engineNames)[number];
export type PeerName = Exclude<EngineName, 'parley'>;

/** Timing policy: warm-up runs, then at least `minRuns` timed runs, more while cheap. */
export interface TimingPolicy {
  warmupRuns: number;
  minRuns: number;
  maxRuns: number;
  /** Keep adding timed runs (up to maxRuns) while the timed total is below this. */
  targetTotalMs: number;
}

export const defaultTimingPolicy: TimingPolicy = { warmupRuns: 3, minRuns: 10, maxRuns: 40, targetTotalMs: 1_500 };
