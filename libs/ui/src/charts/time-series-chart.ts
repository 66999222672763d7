import type { LocalDate } from '@parley/model';
import { activateMarks, loadPlot, plotStyle, type PlotElement } from './plot.js';

// Grouped bars per local date over Observable Plot (opened vs closed per day): one facet per date,
// one bar per series. Bars are focusable and activatable; series colours come from CSS classes
// `series-<key>` so tokens apply (Plot's fill attribute cannot read CSS variables).

export interface SeriesPoint<K extends string = string> {
  date: LocalDate;
  series: K;
  count: number;
  /** The bar's accessible name. */
  ariaLabel: string;
}

export interface TimeSeriesChartOptions<K extends string, P extends SeriesPoint<K>> {
  width: number;
  height?: number;
  /** The chart's accessible name. */
  label: string;
  dates: readonly LocalDate[];
  series: readonly K[];
  /** A date's tick label. */
  dateLabel: (date: LocalDate) => string;
  /** A count's tick label. */
  countLabel: (count: number) => string;
  onActivate: (point: P, index: number) => void;
}

export async function timeSeriesChart<K extends string, P extends SeriesPoint<K>>(points: readonly P[], options: TimeSeriesChartOptions<K, P>): Promise<PlotElement> {
  const Plot = await loadPlot();
  const width = Math.max(200, Math.round(options.width));
  // Label about one date per 64 px.
  const step = Math.max(1, Math.ceil(options.dates.length / Math.max(1, Math.floor(width / 64))));
  const ticks = options.dates.filter((_, index) => index % step === 0);
  const chart = Plot.plot({
    width,
    height: options.height ?? 220,
    marginLeft: 40,
    marginBottom: 28,
    style: plotStyle,
    ariaLabel: options.label,
    fx: { domain: [...options.dates], ticks, tickFormat: (date: LocalDate) => options.dateLabel(date), label: null, padding: 0.15, tickSize: 0 },
    x: { axis: null, domain: [...options.series] },
    y: { grid: true, label: null, nice: true, tickFormat: (count: number) => options.countLabel(count), ticks: 4 },
    marks: [Plot.barY(points as P[], { fx: 'date', x: 'series', y: 'count', fill: 'currentColor' }), Plot.ruleY([0], { ariaHidden: 'true' })],
  });
  activateMarks(chart, 'g[aria-label="bar"] rect', points, (point) => ({ label: point.ariaLabel, className: `series-${point.series}` }), options.onActivate);
  return chart;
}
