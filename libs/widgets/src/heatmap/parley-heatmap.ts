import { html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { EngineAnswer, NotApplicable, WeekHourHeatmap } from '@parley/model';
import { defineOnce } from '@parley/engine-client';
import { formatCount, formatHour, formatHourRange, formatWeekday, ParleyDataElement, type WidgetRequest } from '@parley/ui';
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

/**
 * Conversations opened or closed by local weekday × hour of day in the widget's zone: a
 * Lit-rendered `role="grid"` with one focusable, labelled cell each (roving tabindex: arrow keys,
 * Home/End, Ctrl+Home/End, PageUp/PageDown move; Enter, Space or a click fires `parley-drilldown`
 * with `cell: { weekday, hour }`; weekday 0 = Monday).
 *
 * `result` equals `conversations.openedHeatmap` / `closedHeatmap` (`number[7][24]`), or
 * `"not-applicable"`; `empty` when no cell is above 0. `rows="date"` is not available yet.
 *
 * @summary Weekday × hour heatmap of conversations opened or closed.
 * @tagname parley-heatmap
 * @attr measure - `conversations.opened` (default) or `conversations.closed`
 * @attr rows - `weekday` (default); `date` is not available yet
 * @csspart grid - the table (`role="grid"`)
 * @csspart cell - one weekday × hour cell
 * @csspart row-header - a weekday
 * @csspart column-header - an hour
 * @csspart legend - the colour legend
 * @cssproperty --parley-color-heat-0 - the colour of empty cells (up to `--parley-color-heat-5`, the fullest)
 * @cssproperty --parley-color-heat-text-low - the count's colour on levels 0–2
 * @cssproperty --parley-color-heat-text-high - the count's colour on levels 3–5
 */
export class ParleyHeatmapElement extends ParleyDataElement<WeekHourHeatmap> {
  static override styles = [...ParleyDataElement.styles, heatmapStyles];

  /** `conversations.opened` or `conversations.closed`. */
  @property() measure = 'conversations.opened';
  /** `weekday` (rows are weekdays); `date` is not available yet. */
  @property() rows = 'weekday';

  /** The cell holding the roving tabindex. */
  @state() private focused = { weekday: 0, hour: 0 };

  protected override requests(): readonly WidgetRequest[] | string {
    if (!isConversationMeasure(this.measure)) return this.messages.invalidMeasure(conversationMeasures.join(', '));
    if (this.rows === 'date') return this.messages.rowsDateLater;
    return [{ section: this.measure === 'conversations.opened' ? 'conversations.openedHeatmap' : 'conversations.closedHeatmap' }];
  }

  protected override toResult([answer]: readonly EngineAnswer[]): WeekHourHeatmap | NotApplicable {
    return answer.value as WeekHourHeatmap | NotApplicable;
  }

  protected override isEmpty(result: WeekHourHeatmap): boolean {
    return result.every((row) => row.every((count) => count === 0));
  }

  protected override heading(): string {
    return this.messages.heatmapTitle(this.measure === 'conversations.closed' ? 'closed' : 'opened');
  }

  protected override renderReady(grid: WeekHourHeatmap): TemplateResult {
    const locale = this.locale;
    const max = Math.max(...grid.map((row) => Math.max(...row)));
    const m = this.messages;
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
          ${weekdays.map(
            (weekday) =>
              html`<tr>
                <th part="row-header" scope="row" abbr=${formatWeekday(weekday, locale, 'long')}>${formatWeekday(weekday, locale, 'short')}</th>
                ${hours.map((hour) => this.#cell(weekday, hour, grid[weekday][hour], max))}
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

  #cell(weekday: number, hour: number, count: number, max: number): TemplateResult {
    const locale = this.locale;
    const focused = this.focused.weekday === weekday && this.focused.hour === hour;
    const label = this.messages.heatmapCell(formatWeekday(weekday, locale, 'long'), formatHourRange(hour, locale), formatCount(count, locale));
    return html`<td
      part="cell"
      role="gridcell"
      class="cell level-${heatLevel(count, max)}"
      tabindex=${focused ? 0 : -1}
      aria-label=${label}
      title=${label}
      data-weekday=${weekday}
      data-hour=${hour}
      @click=${() => this.#activate(weekday, hour)}
    ><span class="count" aria-hidden="true">${formatCount(count, locale)}</span></td>`;
  }

  #activate(weekday: number, hour: number): void {
    this.focused = { weekday, hour };
    if (isConversationMeasure(this.measure)) this.drilldown(this.measure, scopeOf(this.measure), { cell: { weekday, hour } });
  }

  #onKeydown = (event: KeyboardEvent): void => {
    const { weekday, hour } = this.focused;
    let next: { weekday: number; hour: number } | null = null;
    switch (event.key) {
      case 'ArrowRight':
        next = { weekday, hour: Math.min(23, hour + 1) };
        break;
      case 'ArrowLeft':
        next = { weekday, hour: Math.max(0, hour - 1) };
        break;
      case 'ArrowDown':
        next = { weekday: Math.min(6, weekday + 1), hour };
        break;
      case 'ArrowUp':
        next = { weekday: Math.max(0, weekday - 1), hour };
        break;
      case 'Home':
        next = event.ctrlKey ? { weekday: 0, hour: 0 } : { weekday, hour: 0 };
        break;
      case 'End':
        next = event.ctrlKey ? { weekday: 6, hour: 23 } : { weekday, hour: 23 };
        break;
      case 'PageUp':
        next = { weekday: 0, hour };
        break;
      case 'PageDown':
        next = { weekday: 6, hour };
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.#activate(weekday, hour);
        return;
      default:
        return;
    }
    event.preventDefault();
    this.focused = next;
    void this.updateComplete.then(() => this.#focusedCell()?.focus());
  };

  #focusedCell(): HTMLElement | null {
    const { weekday, hour } = this.focused;
    return this.shadowRoot?.querySelector<HTMLElement>(`[part="cell"][data-weekday="${weekday}"][data-hour="${hour}"]`) ?? null;
  }
}

defineOnce('parley-heatmap', ParleyHeatmapElement);

declare global {
  interface HTMLElementTagNameMap {
    'parley-heatmap': ParleyHeatmapElement;
  }
}
