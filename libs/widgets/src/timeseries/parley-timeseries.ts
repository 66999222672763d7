import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { EngineAnswer, NotApplicable, OpenedVsClosedDay } from '@parley/model';
import { defineOnce } from '@parley/engine-client';
import { ChartBuilds, formatCount, formatLocalDate, ParleyDataElement, SizeController, timeSeriesChart, type SeriesPoint, type WidgetRequest } from '@parley/ui';
import { timeseriesStyles } from './parley-timeseries.styles.js';
import '../scope/parley-scope.js';

export const timeseriesMeasures = ['conversations.openedVsClosed'] as const;
const series = ['opened', 'closed'] as const;
type Series = (typeof series)[number];

/**
 * A measure over time: conversations opened vs closed per local day, as grouped bars (Observable
 * Plot, loaded on first use), with each series' total. Activating a bar fires `parley-drilldown`
 * with `scope` = the bar's series and `cell: { date }`.
 *
 * `result` equals `conversations.openedVsClosed` (`[{date, opened, closed}]`, one per local date,
 * zeros kept), or `"not-applicable"`; `empty` when every day is 0.
 *
 * @summary Opened vs closed conversations per day.
 * @tagname parley-timeseries
 * @attr measure - `conversations.openedVsClosed` (default)
 * @csspart chart - the chart's box
 * @csspart mark - a bar
 * @csspart legend - the series with their totals
 * @cssproperty --parley-color-series-1 - the opened series' colour
 * @cssproperty --parley-color-series-2 - the closed series' colour
 */
export class ParleyTimeseriesElement extends ParleyDataElement<OpenedVsClosedDay[]> {
  static override styles = [...ParleyDataElement.styles, timeseriesStyles];

  /** `conversations.openedVsClosed`. */
  @property() measure = 'conversations.openedVsClosed';

  #size = new SizeController(this);
  #chart = new ChartBuilds(this, 'parley-timeseries');

  protected override requests(): readonly WidgetRequest[] | string {
    if (this.measure !== 'conversations.openedVsClosed') return this.messages.invalidMeasure(timeseriesMeasures.join(', '));
    return [{ section: 'conversations.openedVsClosed' }];
  }

  protected override toResult([answer]: readonly EngineAnswer[]): OpenedVsClosedDay[] | NotApplicable {
    return answer.value as OpenedVsClosedDay[] | NotApplicable;
  }

  protected override isEmpty(days: OpenedVsClosedDay[]): boolean {
    return days.every((day) => day.opened === 0 && day.closed === 0);
  }

  protected override heading(): string {
    return this.messages.timeseriesTitle;
  }

  protected override renderReady(days: OpenedVsClosedDay[]): TemplateResult {
    const m = this.messages;
    const totals = { opened: 0, closed: 0 };
    for (const day of days) {
      totals.opened += day.opened;
      totals.closed += day.closed;
    }
    return html`<ul part="legend" class="legend">
        ${series.map(
          (key) => html`<li data-series=${key}>
            <span class="swatch series-${key}"></span>
            <span class="label">${m.series[key]}</span>
            <span class="total">${formatCount(totals[key], this.locale)}</span>
          </li>`,
        )}
      </ul>
      <div part="chart" class="chart">${this.#chart.element ?? html`<div class="chart-skeleton" role="status" aria-label=${m.loading}></div>`}</div>`;
  }

  #points(days: readonly OpenedVsClosedDay[]): SeriesPoint<Series>[] {
    const m = this.messages;
    return days.flatMap((day) =>
      series.map((key) => ({ date: day.date, series: key, count: day[key], ariaLabel: m.point(m.series[key], formatLocalDate(day.date, this.locale), formatCount(day[key], this.locale)) })),
    );
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const days = this.state === 'ready' ? (this.result as OpenedVsClosedDay[]) : null;
    const width = this.#size.width || this.clientWidth;
    if (days === null || width === 0) {
      this.#chart.clear();
      return;
    }
    this.#chart.draw([days, width, this.locale, this.label], () =>
      timeSeriesChart(this.#points(days), {
        width: width - 26,
        label: this.messages.chartLabel(this.label || this.heading()),
        dates: days.map((day) => day.date),
        series,
        dateLabel: (date) => formatLocalDate(date, this.locale, 'short'),
        countLabel: (count) => formatCount(count, this.locale),
        onActivate: (point) => this.#drill(point),
      }),
    );
  }

  /** Also waits for the chart, so `await element.updateComplete` sees the bars. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#chart.settled(() => super.getUpdateComplete());
  }

  #drill(point: SeriesPoint<Series>): void {
    this.drilldown(this.measure, point.series, { cell: { date: point.date } });
  }
}

defineOnce('parley-timeseries', ParleyTimeseriesElement);

declare global {
  interface HTMLElementTagNameMap {
    'parley-timeseries': ParleyTimeseriesElement;
  }
}
