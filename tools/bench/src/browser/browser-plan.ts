// How much the browser part measures: sizes, loads and runs (cli-options.ts sets sizes and ingest).

export interface BrowserPlan {
  /** Cold-start sizes (the largest also gets the roundtrips; the smallest the per-row comparison). */
  sizes: number[];
  ingestConversations: number;
  /** Timed cold starts per size, after one warm-up load: sizes up to 100k, larger ones. */
  loadsSmall: number;
  loadsLarge: number;
  perRowLoads: number;
  roundtripRuns: number;
  roundtripWarmupRuns: number;
  ingestRuns: number;
  /**
   * Fill the cold-start cache with a real builder state (the workspace generated in the page into a
   * TableBuilder, as a sync leaves it) instead of the cached tables with an empty builder state.
   */
  realBuilderState: boolean;
}

export const defaultBrowserPlan: BrowserPlan = {
  sizes: [100_000, 1_000_000],
  ingestConversations: 100_000,
  loadsSmall: 15,
  loadsLarge: 7,
  perRowLoads: 5,
  roundtripRuns: 20,
  roundtripWarmupRuns: 2,
  ingestRuns: 3,
  realBuilderState: true,
};
