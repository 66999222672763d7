import { html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { EngineAnswer, NotApplicable, WeekHourHeatmap } from '@parley/model';
import { notApplicable } from '@parley/model';
import { defineOnce } from '@parley/engine-client';
import { formatCount, formatHour, formatHourRange, formatWeekday, ParleyDataElement, type WidgetRequest } from '@parley/ui';
import type { DrilldownCell } from '@parley/ui';
import { conversationMeasures, isConversationMeasure, scopeOf } from '../shared/measures.js';
import { heatmapStyles } from './parley-heatmap.styles.js';
import '../scope/parley-scope.js';

const weekdays = [0, 1, 2, 3, 4, 5, 6] as const;
const hours = Array.from({ length: 24 }, (_, hour) => hour);
/** Colour levels above 0 (darker = more). */
const levels = 5;

/** The colour level of a count: 0 for none, else 1…5 in equal steps up to the maximum. */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(levels, Math.max(1, Math.ceil((count / max) * levels)));
}

/** One local date of `rows="date"` (snapshot-v2.md `dateHourHeatmap`). */
export interface DateHours {
  date: string;
  hours: number[];
}

export type HeatmapResult = WeekHourHeatmap | DateHours[] | 'range-too-long';

/** A row of the grid: its labels, the cell a drill-down names, and its 24 counts. */
interface GridRow {
  key: string;
  short: string;
  long: string;
  cell: (hour: number) => DrilldownCell;
  counts: readonly number[];
}

/**
 * Conversations opened or closed by local weekday × hour of day in the widget's zone: a
 * Lit-rendered `role="grid"` with one focusable, labelled cell each (roving tabindex: arrow keys,
 * Home/End, Ctrl+Home/End, PageUp/PageDown move; Enter, Space or a click fires `parley-drilldown`
 * with `cell: { weekday, hour }`; weekday 0 = Monday).
 *
 * `result` equals `conversations.openedHeatmap` / `closedHeatmap` (`number[7][24]`), or
 * `"not-applicable"`; `empty` when no cell is above 0. With `rows="date"` the rows are the period's
 * local dates (`result` = `conversations.dateHourHeatmap.opened` / `.closed` of snapshot-v2.md, cells
 * drill down with `cell: { date, hour }`); a period over 31 days shows "range too long".
 *
 * @summary Weekday × hour heatmap of conversations opened or closed.
 * @tagname parley-heatmap
 * @attr measure - `conversations.opened` (default) or `conversations.closed`
 * @attr rows - `weekday` (default) or `date` (periods up to 31 days)
 * @csspart grid - the table (`role="grid"`)
 * @csspart cell - one weekday × hour cell
 * @csspart row-header - a weekday
 * @csspart column-header - an hour
 * @csspart legend - the colour legend
 * @cssproperty --parley-color-heat-0 - the colour of empty cells (up to `--parley-color-heat-5`, the fullest)
 * @cssproperty --parley-color-heat-text-low - the count's colour on levels 0–2
 * @cssproperty --parley-color-heat-text-high - the count's colour on levels 3–5
 */
export class ParleyHeatmapElement extends ParleyDataElement<HeatmapResult> {
  static override styles = [...ParleyDataElement.styles, heatmapStyles];

  /** `conversations.opened` or `conversations.closed`. */
  @property() measure = 'conversations.opened';
  /** `weekday` (rows are weekdays) or `date` (rows are the period's local dates). */
  @property() rows = 'weekday';

  /** The cell holding the roving tabindex: a row index and an hour. */
  @state() private focused = { row: 0, hour: 0 };

  protected override requests(): readonly WidgetRequest[] | string {
    if (!isConversationMeasure(this.measure)) return this.messages.invalidMeasure(conversationMeasures.join(', '));
    if (this.rows !== 'weekday' && this.rows !== 'date') return this.messages.invalidRows;
    if (this.rows === 'date') return [{ section: 'conversations.dateHourHeatmap' }];
    return [{ section: this.measure === 'conversations.opened' ? 'conversations.openedHeatmap' : 'conversations.closedHeatmap' }];
  }

  protected override toResult([answer]: readonly EngineAnswer[]): HeatmapResult | NotApplicable {
    if (this.rows !== 'date') return answer.value as WeekHourHeatmap | NotApplicable;
    const byScope = answer.value as Record<'opened' | 'closed', DateHours[] | 'range-too-long' | NotApplicable>;
    return byScope[this.measure === 'conversations.closed' ? 'closed' : 'opened'];
  }

  protected override isEmpty(result: HeatmapResult): boolean {
    if (result === 'range-too-long') return false;
    return this.#grid(result).every((row) => row.counts.every((count) => count === 0));
  }

  protected override heading(): string {
    const scope = this.measure === 'conversations.closed' ? 'closed' : 'opened';
    return this.rows === 'date' ? this.messages.heatmapDateTitle(scope) : this.messages.heatmapTitle(scope);
  }

  /** The rows of a result, whichever form it has. */
  #grid(result: WeekHourHeatmap | DateHours[]): GridRow[] {
    const locale = this.locale;
    if (this.rows === 'date') {
      return (result as DateHours[]).map(({ date, hours: counts }) => {
        const at = Date.parse(`${date}T12:00:00Z`);
        const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options }).format(at);
        return { key: date, short: format({ month: 'numeric', day: 'numeric' }), long: format({ dateStyle: 'full' }), cell: (hour) => ({ date, hour }), counts };
      });
    }
    return weekdays.map((weekday) => ({
      key: String(weekday),
      short: formatWeekday(weekday, locale, 'short'),
      long: formatWeekday(weekday, locale, 'long'),
      cell: (hour) => ({ weekday, hour }),
      counts: (result as WeekHourHeatmap)[weekday],
    }));
  }

  protected override renderReady(result: HeatmapResult): TemplateResult {
    const locale = this.locale;
    const m = this.messages;
    if (result === 'range-too-long') return html`<p part="range-too-long" class="notice" role="status">${m.rangeTooLong}</p>`;
    const grid = this.#grid(result);
    const max = Math.max(0, ...grid.map((row) => Math.max(...row.counts)));
    return html`<table part="grid" class="grid" role="grid" aria-labelledby="title" @keydown=${this.#onKeydown}>
        <thead>
          <tr>
            <td class="corner"></td>
            ${hours.map(
              (hour) =>
                html`<th part="column-header" scope="col" abbr=${formatHourRange(hour, locale)}><span class="hour-label">${formatHour(hour, locale).slice(0, 2)}</span></th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${grid.map(
            (row, index) =>
              html`<tr>
                <th part="row-header" scope="row" abbr=${row.long}>${row.short}</th>
                ${hours.map((hour) => this.#cell(row, index, hour, max))}
              </tr>`,
          )}
        </tbody>
      </table>
      <div part="legend" class="legend">
        <span>${m.fewer}</span>
        <span class="swatches" aria-hidden="true">
          ${Array.from({ length: levels + 1 }, (_, level) => html`<span class="swatch level-${level}"></span>`)}
        </span>
        <span>${m.more}</span>
        <span class="range">${formatCount(0, locale)} – ${formatCount(max, locale)}</span>
      </div>`;
  }

  #cell(row: GridRow, index: number, hour: number, max: number): TemplateResult {
    const locale = this.locale;
    const count = row.counts[hour];
    const focused = this.focused.row === index && this.focused.hour === hour;
    const label = this.messages.heatmapCell(row.long, formatHourRange(hour, locale), formatCount(count, locale));
    const cell = row.cell(hour);
    return html`<td
      part="cell"
      role="gridcell"
      class="cell level-${heatLevel(count, max)}"
      tabindex=${focused ? 0 : -1}
      aria-label=${label}
      title=${label}
      data-row=${index}
      data-weekday=${'weekday' in cell ? cell.weekday : ''}
      data-date=${'date' in cell ? cell.date : ''}
      data-hour=${hour}
      @click=${() => this.#activate(index, hour)}
    ><span class="count" aria-hidden="true">${formatCount(count, locale)}</span></td>`;
  }

  /** The number of rows shown (7 weekdays, or the period's dates). */
  get #rowCount(): number {
    const result = this.result;
    if (this.rows === 'date') return Array.isArray(result) ? result.length : 0;
    return 7;
  }

  #activate(row: number, hour: number): void {
    this.focused = { row, hour };
    const result = this.result;
    if (!isConversationMeasure(this.measure) || result === notApplicable || result === 'range-too-long' || result === null || result === undefined) return;
    const gridRow = this.#grid(result as WeekHourHeatmap | DateHours[])[row];
    if (gridRow) this.drilldown(this.measure, scopeOf(this.measure), { cell: gridRow.cell(hour) });
  }

  #onKeydown = (event: KeyboardEvent): void => {
    const { row, hour } = this.focused;
    const last = Math.max(0, this.#rowCount - 1);
    let next: { row: number; hour: number } | null = null;
    switch (event.key) {
      case 'ArrowRight':
        next = { row, hour: Math.min(23, hour + 1) };
        break;
      case 'ArrowLeft':
        next = { row, hour: Math.max(0, hour - 1) };
        break;
      case 'ArrowDown':
        next = { row: Math.min(last, row + 1), hour };
        break;
      case 'ArrowUp':
        next = { row: Math.max(0, row - 1), hour };
        break;
      case 'Home':
        next = event.ctrlKey ? { row: 0, hour: 0 } : { row, hour: 0 };
        break;
      case 'End':
        next = event.ctrlKey ? { row: last, hour: 23 } : { row, hour: 23 };
        break;
      case 'PageUp':
        next = { row: 0, hour };
        break;
      case 'PageDown':
        next = { row: last, hour };
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.#activate(row, hour);
        return;
      default:
        return;
    }
    event.preventDefault();
    this.focused = next;
    void this.updateComplete.then(() => this.#focusedCell()?.focus());
  };

  #focusedCell(): HTMLElement | null {
    const { row, hour } = this.focused;
    return this.shadowRoot?.querySelector<HTMLElement>(`[part="cell"][data-row="${row}"][data-hour="${hour}"]`) ?? null;
  }
}

defineOnce('parley-heatmap', ParleyHeatmapElement);

declare global {
  interface HTMLElementTagNameMap {
    'parley-heatmap': ParleyHeatmapElement;
  }
}
