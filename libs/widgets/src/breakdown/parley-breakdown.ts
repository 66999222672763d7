import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { EngineAnswer, FilterOptions, Group, NotApplicable } from '@parley/model';
import { defineOnce } from '@parley/engine-client';
import {
  arcChart,
  barChart,
  ChartBuilds,
  formatCount,
  formatPercent,
  ParleyDataElement,
  seriesColorCount,
  SizeController,
  type WidgetRequest,
} from '@parley/ui';
import { breakdownSection, conversationMeasures, groupingsOf, isConversationMeasure, scopeOf, type GroupBy } from '../shared/measures.js';
import { breakdownStyles } from './parley-breakdown.styles.js';
import '../scope/parley-scope.js';

export const breakdownCharts = ['bar', 'arc', 'table'] as const;
export type BreakdownChart = (typeof breakdownCharts)[number];

/** One group as shown: the snapshot's Group plus its display texts. */
interface Row {
  group: Group;
  label: string;
  count: number;
  countText: string;
  percentText: string;
  ariaLabel: string;
  color: string;
  text: string;
}

/**
 * A measure grouped by a key, as bars, an arc (donut) or a table, with counts and percentages
 * (the snapshot's tenths, one decimal). Activating a bar, segment or row fires `parley-drilldown`
 * with the group's value added to the filters (`""` for the "none" group).
 *
 * `result` equals the snapshot section of elements.md's table (`Group[]`: `{key, count, percent}`),
 * or `"not-applicable"`; `empty` when the total is 0.
 *
 * @summary A measure grouped by a key: bar, arc or table, with counts and percentages.
 * @tagname parley-breakdown
 * @attr measure - `conversations.opened` (default) or `conversations.closed`
 * @attr group-by - opened: `contactType` (default), `openedSource`, `openedChannel`; closed: `category`, `closedSource`, `contactType`
 * @attr chart - `bar` (default), `arc` or `table`
 * @csspart chart - the bar chart's box
 * @csspart mark - a bar
 * @csspart arc - the donut's SVG
 * @csspart segment - a donut segment
 * @csspart legend - the donut's legend
 * @csspart table - the table
 * @csspart row - a table row
 * @cssproperty --parley-color-accent - the bars' colour
 * @cssproperty --parley-color-series-1 - the first segment's colour (up to `--parley-color-series-8`)
 */
export class ParleyBreakdownElement extends ParleyDataElement<Group[]> {
  static override styles = [...ParleyDataElement.styles, breakdownStyles];

  /** `conversations.opened` or `conversations.closed`. */
  @property() measure = 'conversations.opened';
  /** The grouping key (elements.md's table). */
  @property({ attribute: 'group-by' }) groupBy = 'contactType';
  /** `bar`, `arc` or `table`. */
  @property() chart: string = 'bar';
  /** Display names for group keys (e.g. channel id → channel name); other keys show as they are. */
  @property({ attribute: false }) labels?: Record<string, string>;


  #size = new SizeController(this);
  #chart = new ChartBuilds(this, 'parley-breakdown');

  protected override requests(): readonly WidgetRequest[] | string {
    const m = this.messages;
    if (!isConversationMeasure(this.measure)) return m.invalidMeasure(conversationMeasures.join(', '));
    const section = breakdownSection(this.measure, this.groupBy);
    if (!section) return m.invalidGroupBy(groupingsOf(this.measure).join(', '));
    // Channels are ids in the result: their names come from the engine's filter options.
    return this.groupBy === 'openedChannel' ? [{ section }, { section: 'filterOptions' }] : [{ section }];
  }

  /** Channel id → name, from the data (the `labels` property wins). */
  #channelNames: Record<string, string> = {};

  protected override toResult([answer, options]: readonly EngineAnswer[]): Group[] | NotApplicable {
    if (options) {
      const names: Record<string, string> = {};
      for (const option of (options.value as FilterOptions).openedChannel) if (option.label) names[option.value] = option.label;
      this.#channelNames = names;
    }
    return answer.value as Group[] | NotApplicable;
  }

  protected override isEmpty(result: Group[]): boolean {
    return result.length === 0;
  }

  protected override heading(): string {
    const m = this.messages;
    const scope = this.measure === 'conversations.closed' ? 'closed' : 'opened';
    const group = m.groupName[this.groupBy as GroupBy] ?? this.groupBy;
    return m.breakdownTitle(scope, group);
  }

  /** The label shown for a group key. */
  labelOf(key: string | null): string {
    const m = this.messages;
    if (key === null || key === '') return m.noneLabel[this.groupBy as GroupBy] ?? m.noneLabel.contactType;
    return this.labels?.[key] ?? this.#channelNames[key] ?? m.keyLabel[key] ?? key;
  }

  #rows(groups: readonly Group[]): Row[] {
    const m = this.messages;
    return groups.map((group, index) => {
      const label = this.labelOf(group.key);
      const countText = formatCount(group.count, this.locale);
      const percentText = formatPercent(group.percent, this.locale);
      return {
        group,
        label,
        count: group.count,
        countText,
        percentText,
        ariaLabel: m.segment(label, countText, percentText),
        color: `var(--series-${(index % seriesColorCount) + 1})`,
        text: `${countText} · ${percentText}`,
      };
    });
  }

  protected override renderReady(groups: Group[]): TemplateResult {
    const rows = this.#rows(groups);
    const total = formatCount(
      groups.reduce((sum, group) => sum + group.count, 0),
      this.locale,
    );
    switch (this.chart) {
      case 'arc':
        return this.#renderArc(rows, total);
      case 'table':
        return this.#renderTable(rows, total);
      default:
        return html`<div part="chart" class="chart" style=${`min-height: ${rows.length * 30 + 8}px`}>
            ${this.#chart.element ?? html`<div class="chart-skeleton" role="status" aria-label=${this.messages.loading}></div>`}
          </div>
          <div class="total">${this.messages.total(total)}</div>`;
    }
  }

  #renderArc(rows: Row[], total: string): TemplateResult {
    return html`<div class="arc-layout">
      ${arcChart(rows, { label: this.messages.chartLabel(this.label || this.heading()), center: total, onActivate: (row) => this.#drill(row.group) })}
      <ul part="legend" class="legend">
        ${rows.map(
          (row) => html`<li>
            <span class="swatch" style=${`background: ${row.color}`}></span>
            <span class="label">${row.label}</span>
            <span class="count">${row.countText}</span>
            <span class="percent">${row.percentText}</span>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  #renderTable(rows: Row[], total: string): TemplateResult {
    const m = this.messages;
    return html`<table part="table" class="table" aria-labelledby="title">
      <thead>
        <tr>
          <th scope="col">${m.table.group}</th>
          <th scope="col">${m.table.count}</th>
          <th scope="col">${m.table.percent}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) => html`<tr part="row">
            <th scope="row"><button class="link" aria-label=${row.ariaLabel} @click=${() => this.#drill(row.group)}>${row.label}</button></th>
            <td class="count">${row.countText}</td>
            <td class="percent">${row.percentText}</td>
          </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" class="total">${m.totalLabel}</th>
          <td class="count">${total}</td>
          <td></td>
        </tr>
      </tfoot>
    </table>`;
  }

  #drill(group: Group): void {
    if (!isConversationMeasure(this.measure)) return;
    this.drilldown(this.measure, scopeOf(this.measure), { filters: { [this.groupBy]: [group.key ?? ''] } });
  }

  // ---- the Plot bar chart, built after render (Plot loads on first use) -------------------------

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const groups = this.state === 'ready' && this.chart === 'bar' ? (this.result as Group[]) : null;
    const width = this.#size.width || this.clientWidth;
    const key = [groups, width, this.locale, this.labels, this.label, this.groupBy];
    if (groups === null || width === 0) {
      this.#chart.clear();
      return;
    }
    this.#chart.draw(key, () =>
      barChart(this.#rows(groups), {
        width: width - 26,
        label: this.messages.chartLabel(this.label || this.heading()),
        onActivate: (row) => this.#drill(row.group),
      }),
    );
  }

  /** Also waits for the bar chart, so `await element.updateComplete` sees the bars. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#chart.settled(() => super.getUpdateComplete());
  }
}

defineOnce('parley-breakdown', ParleyBreakdownElement);

declare global {
  interface HTMLElementTagNameMap {
    'parley-breakdown': ParleyBreakdownElement;
  }
}
