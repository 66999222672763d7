import { activateMarks, loadPlot, plotStyle, type PlotElement } from './plot.js';

// Horizontal bars over Observable Plot (a breakdown): one bar per datum in the given order, its
// label on the left and its value text after the bar. Bars are focusable and activatable.

export interface BarDatum {
  label: string;
  count: number;
  /** Shown after the bar: "1,234 · 57.1%". */
  text: string;
  /** The bar's accessible name. */
  ariaLabel: string;
}

export interface BarChartOptions<D extends BarDatum> {
  width: number;
  /** The chart's accessible name. */
  label: string;
  onActivate: (datum: D, index: number) => void;
}

const rowHeight = 30;
const charWidth = 7;

export async function barChart<D extends BarDatum>(data: readonly D[], options: BarChartOptions<D>): Promise<PlotElement> {
  const Plot = await loadPlot();
  const width = Math.max(160, Math.round(options.width));
  const longestLabel = Math.max(...data.map((d) => d.label.length), 1);
  const longestText = Math.max(...data.map((d) => d.text.length), 1);
  const marginLeft = Math.min(Math.round(width * 0.45), longestLabel * charWidth + 12);
  // Labels that do not fit end in "…" (the bar's accessible name keeps the whole label).
  const maxChars = Math.max(4, Math.floor((marginLeft - 12) / charWidth));
  const tickLabel = (label: string) => (label.length > maxChars ? `${label.slice(0, maxChars - 1)}…` : label);
  const marginRight = Math.min(Math.round(width * 0.35), longestText * charWidth + 8);
  const max = Math.max(...data.map((d) => d.count), 1);
  const y = (_: D, index: number) => index;
  const chart = Plot.plot({
    width,
    height: data.length * rowHeight + 8,
    marginLeft,
    marginRight,
    marginTop: 4,
    marginBottom: 4,
    style: plotStyle,
    ariaLabel: options.label,
    x: { axis: null, domain: [0, max] },
    y: { domain: data.map((_, index) => index), tickFormat: (index: number) => tickLabel(data[index]?.label ?? ''), tickSize: 0, label: null, padding: 0.25 },
    marks: [
      Plot.barX(data as D[], { x: 'count', y, fill: 'currentColor' }),
      Plot.text(data as D[], { x: 'count', y, text: 'text', textAnchor: 'start', dx: 6, fill: 'currentColor' }),
    ],
  });
  activateMarks(chart, 'g[aria-label="bar"] > rect', data, (datum) => ({ label: datum.ariaLabel }), options.onActivate);
  return chart;
}
