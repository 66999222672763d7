import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ConversationRow, EngineAnswer, FilterOptions, Filters, ListColumns, ListQuery, NotApplicable } from '@parley/model';
import { filtersApply, isListColumns, listRows, notApplicable } from '@parley/model';
import { defineOnce, Parley } from '@parley/engine-client';
import {
  formatCount,
  formatHourRange,
  formatLocalDate,
  formatWeekday,
  isLocalDate,
  languageOf,
  ParleyDataElement,
  type DrilldownDetail,
  type WidgetRequest,
} from '@parley/ui';
import { cellText, directoryNames, type CellContext, type DirectoryNames } from './cell-text.js';
import {
  columnWidth,
  hiddenFromVisibleList,
  isListColumnKey,
  isNumeric,
  listColumnKeys,
  listColumns,
  storedHiddenColumns,
  storeHiddenColumns,
  type ListColumn,
  type ListColumnKey,
} from './columns.js';
import { csvBom, csvLine, downloadBlob } from './csv.js';
import { listMessagesFor, type ListMessages } from './list-messages.js';
import { conversationListStyles } from './parley-conversation-list.styles.js';
import { RowWindow } from './row-window.js';
import '../scope/parley-scope.js';

/** The rows a list shows (and holds in `result`) at most (elements.md). */
export const listCap = 10_000;

export const listScopes = ['closed', 'opened'] as const;
export type ListScope = (typeof listScopes)[number];

interface SortState {
  key: ListColumnKey;
  descending: boolean;
}

/** One answer as shown: the first (up to) 10,000 rows as columns, and what they were asked with. */
interface ListView {
  columns: ListColumns;
  rowCount: number;
  version: number;
  names: DirectoryNames;
  period: { from: string; to: string };
  timeZone: string;
  filters: Filters;
  list: ListQuery;
}

/** The snapshot's order for a scope (closedAt or openedAt desc, then conversation id asc). */
function defaultSort(scope: ListScope): SortState {
  return { key: scope === 'opened' ? 'openedAt' : 'closedAt', descending: true };
}

/** The height of a row in px (fixed, so the rows on screen follow from scrollTop alone). */
const rowHeight = 36;

function indices({ first, end }: { first: number; end: number }): number[] {
  return Array.from({ length: end - first }, (_, i) => first + i);
}

/** Lets the page paint between export chunks. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The conversations behind a number: every column of the snapshot's list row, in the period, zone
 * and filters of the element or its `<parley-scope>`, optionally narrowed to a drill-down cell
 * (`weekday` + `hour`, or `date` [+ `hour`]) — a `parley-drilldown` detail maps onto it one to one
 * (or pass it to `showDrilldown()`).
 *
 * Sorting is done by the engine (click a column header, or Enter/Space on it; `aria-sort` tells
 * the order). The engine sends the first 10,000 rows as transferred columns (a few hundred kB);
 * only the rows in view are rendered from them (fixed-height virtualised rows), so scrolling never
 * waits for the engine and `result` holds exactly the rows the user can scroll through. A notice says when `rowCount` is
 * above the cap; the CSV export then pages through the engine for every row.
 *
 * `result` equals the snapshot's `conversations.list` (first 10,000 rows, in the current sort;
 * built lazily from the columns on first read); `rowCount` is the uncapped count. With
 * `scope="opened"`, a filter that does not apply to opened conversations makes it `not-applicable`.
 *
 * @summary The conversation list: every column, sort, virtualised scrolling, CSV export.
 * @tagname parley-conversation-list
 * @attr scope - `closed` (default: conversations closed in the period) or `opened`
 * @attr weekday - drill-down cell: local weekday, 0 = Monday … 6 = Sunday (with `hour`)
 * @attr hour - drill-down cell: local hour 0–23 (with `weekday` or `date`)
 * @attr date - drill-down cell: a local date `YYYY-MM-DD` in the period
 * @attr sort-by - the sort column (a row key such as `resolutionTimeMs`); default: the snapshot's order
 * @attr descending - sort `sort-by` in descending order
 * @attr columns - the columns shown at first, comma-separated row keys (default: all); a user's choice is remembered per element `id`
 * @event parley-state - `state` or `stale` changed; `detail = { state, stale, dataAsOf }`
 * @event parley-auth-required - the API refused the credentials (401/403); `detail = { status }`
 * @csspart toolbar - row count, drill-down cell, column chooser and export button
 * @csspart count - the (uncapped) number of conversations
 * @csspart cell-filter - the drill-down cell the list is narrowed to
 * @csspart columns - the column chooser (a disclosure with one checkbox per column)
 * @csspart export - the CSV export button
 * @csspart cap-notice - "showing the first 10,000 of N"
 * @csspart scroller - the scrolling region around the table
 * @csspart head - the header row group
 * @csspart column-header - a column header (holds the sort button)
 * @csspart row - one conversation
 * @csspart cell - one value
 * @cssproperty --parley-list-height - the height of the scrolling table (default 480px)
 * @cssproperty --parley-color-surface-raised - the header background
 */
export class ParleyConversationListElement extends ParleyDataElement<ConversationRow[]> {
  static override styles = [...ParleyDataElement.styles, conversationListStyles];

  /** `closed` (default) or `opened`. */
  @property() scope: string = 'closed';
  /** Drill-down cell: local weekday, 0 = Monday (with `hour`). */
  @property({ type: Number }) weekday?: number;
  /** Drill-down cell: local hour 0–23. */
  @property({ type: Number }) hour?: number;
  /** Drill-down cell: local date `YYYY-MM-DD`. */
  @property() date?: string;
  /** The sort column; unset = the snapshot's order for the scope. */
  @property({ attribute: 'sort-by' }) sortBy?: string;
  /** Whether `sortBy` sorts descending. */
  @property({ type: Boolean }) descending = false;
  /** The columns shown at first (comma-separated keys); the user's choice, stored per `id`, wins. */
  @property() columns?: string;

  @state() private view: ListView | null = null;
  @state() private hiddenColumns: readonly ListColumnKey[] = [];
  @state() private exporting = false;
  @state() private exportError = false;

  #rows: ConversationRow[] | null = null;
  #window = new RowWindow(this, () => this.renderRoot?.querySelector<HTMLElement>('.scroller') ?? null, rowHeight);
  #plannedList: ListQuery = {};
  /** While only the sort changes, the rows on screen stay (busy) so focus and scroll context survive. */
  #keepView = false;
  #hiddenChosen = false;

  /** The uncapped number of conversations in the list (a drill-down's count); undefined until ready. */
  get rowCount(): number | undefined {
    return this.state === 'ready' || this.state === 'empty' ? this.view?.rowCount : undefined;
  }

  /** The first 10,000 rows in the current sort as plain objects (snapshot Rows), built on first read. */
  override get result(): ConversationRow[] | NotApplicable | undefined {
    const shown = super.result;
    if (shown === undefined || shown === notApplicable || this.view === null) return shown;
    this.#rows ??= listRows(this.view.columns);
    return this.#rows;
  }

  /** Shows exactly the conversations behind a `parley-drilldown` (period, zone, filters, cell). */
  showDrilldown(detail: DrilldownDetail): void {
    this.scope = detail.scope;
    this.preset = undefined;
    this.from = detail.period.from;
    this.to = detail.period.to;
    this.timeZone = detail.timeZone;
    this.filters = detail.filters;
    const cell = detail.cell;
    this.weekday = cell && 'weekday' in cell ? cell.weekday : undefined;
    this.date = cell && 'date' in cell ? cell.date : undefined;
    this.hour = cell?.hour;
  }

  /**
   * The current view as CSV (visible columns, current sort, text as shown but locale-neutral),
   * every row — beyond the 10,000 on screen the engine is asked page by page. Cells a spreadsheet
   * would run as formulas are neutralised.
   */
  async exportCsv(): Promise<Blob> {
    const view = this.view;
    if (view === null || (this.state !== 'ready' && this.state !== 'empty')) throw new Error('the list has no rows to export yet');
    const visible = this.#visibleColumns();
    const context = this.#cellContext(view);
    const header = csvLine(visible.map((column) => this.#m.columns[column.key]));
    for (let attempt = 0; attempt < 3; attempt++) {
      const parts: string[] = [csvBom, header];
      const append = async (columns: ListColumns) => {
        for (let i = 0; i < columns.length; i++) {
          parts.push(csvLine(visible.map((column) => cellText(columns, i, column, context, 'csv'))));
          if (i % 2_000 === 1_999) await nextTask();
        }
      };
      // The first page is the one on screen, unless newer data made a retry necessary.
      const first = attempt === 0 ? { value: view.columns, version: view.version, rowCount: view.rowCount } : await this.#queryPage(view, 0);
      await append(first.value);
      let consistent = true;
      for (let offset = first.value.length; offset < (first.rowCount ?? 0); offset += listCap) {
        const page = await this.#queryPage(view, offset);
        // Newer data arrived meanwhile: the pages would not fit together.
        if (page.version !== first.version) {
          consistent = false;
          break;
        }
        await append(page.value);
      }
      if (consistent) return new Blob(parts, { type: 'text/csv;charset=utf-8' });
    }
    throw new Error('the data kept changing during the export');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.#onPointerDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.#onPointerDown);
  }

  // ---- ParleyDataElement ----------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    const keys = changed as Map<PropertyKey, unknown>;
    if (keys.has('columns') || !this.#hiddenChosen) this.#initColumns();
    const inputs = ['scope', 'weekday', 'hour', 'date', 'preset', 'from', 'to', 'timeZone', 'filters', 'parleyScope'];
    if (inputs.some((key) => keys.has(key))) this.#keepView = false;
    else if ((keys.has('sortBy') || keys.has('descending')) && this.view !== null) this.#keepView = true;
    super.willUpdate(changed);
  }

  protected override requests(): readonly WidgetRequest[] | string {
    const m = this.#m;
    if (!(listScopes as readonly string[]).includes(this.scope)) return m.invalidScope;
    const cell = this.#cell();
    if (cell === null) return m.invalidCell;
    if (this.sortBy && !isListColumnKey(this.sortBy)) return m.invalidSort(listColumnKeys.join(', '));
    const list: ListQuery = {
      scope: this.scope as ListScope,
      ...cell,
      ...(this.sortBy ? { sortBy: this.sortBy as ListColumnKey, descending: this.descending } : {}),
    };
    this.#plannedList = list;
    return [{ section: 'conversations.list', list }, { section: 'filterOptions' }];
  }

  protected override toResult([list, options]: readonly EngineAnswer[]): ConversationRow[] | NotApplicable {
    this.#keepView = false;
    this.#rows = null;
    if (this.#plannedList.scope === 'opened' && !filtersApply('opened', this.activeFilters)) {
      this.view = null;
      return notApplicable;
    }
    if (!isListColumns(list.value)) throw new Error('the engine answered the list in an unknown form');
    const columns = list.value;
    this.view = {
      columns,
      rowCount: list.rowCount ?? columns.length,
      version: list.version,
      names: directoryNames(options.value as FilterOptions),
      period: { from: list.period.from, to: list.period.to },
      timeZone: list.period.timeZone,
      filters: this.activeFilters,
      list: this.#plannedList,
    };
    this.#window.scrollToTop();
    // The rows are built from the columns when `result` is first read.
    return [];
  }

  protected override isEmpty(): boolean {
    return this.view?.rowCount === 0;
  }

  protected override heading(): string {
    return this.#m.title[this.scope === 'opened' ? 'opened' : 'closed'];
  }

  protected override renderBody(): unknown {
    if (this.state === 'loading' && this.#keepView && this.view !== null) return this.#renderList(this.view, true);
    return super.renderBody();
  }

  protected override renderReady(): unknown {
    return this.view === null ? nothing : this.#renderList(this.view, false);
  }

  // ---- rendering ------------------------------------------------------------------------------

  get #m(): ListMessages {
    return listMessagesFor(languageOf(this.locale));
  }

  #renderList(view: ListView, busy: boolean): TemplateResult {
    const m = this.#m;
    const locale = this.locale;
    const visible = this.#visibleColumns();
    const shown = view.columns.length;
    const widths = visible.map(columnWidth);
    const layout = { '--columns': widths.map((width) => `${width}px`).join(' '), '--table-width': `${widths.reduce((a, b) => a + b, 0)}px` };
    const context = this.#cellContext(view);
    const sort = this.#sort();
    return html`<div part="toolbar" class="toolbar">
        <span part="count" class="count">${m.rowCount(formatCount(view.rowCount, locale))}</span>
        ${this.#renderCellFilter()}
        <span class="actions">${this.#renderChooser(visible.length)} ${this.#renderExport()}</span>
      </div>
      ${view.rowCount > shown ? html`<p part="cap-notice" class="notice" role="status">${m.capNotice(formatCount(shown, locale), formatCount(view.rowCount, locale))}</p>` : nothing}
      <div part="scroller" class="scroller" tabindex="0" role="region" aria-label=${m.tableLabel(this.label || this.heading())} style=${styleMap(layout)}>
        <div class="table" role="table" aria-labelledby="title" aria-rowcount=${shown + 1} aria-busy=${busy ? 'true' : 'false'}>
          <div part="head" class="head" role="rowgroup">
            <div class="row header-row" role="row" aria-rowindex="1">${visible.map((column) => this.#renderHeader(column, sort))}</div>
          </div>
          <div class="body" role="rowgroup" style=${styleMap({ height: `${shown * rowHeight}px` })}>
            ${repeat(
              indices(this.#window.range(shown)),
              (index) => index,
              (index) => this.#renderRow(view, index, visible, context),
            )}
          </div>
        </div>
      </div>`;
  }

  #renderHeader(column: ListColumn, sort: SortState): TemplateResult {
    const sorted = sort.key === column.key;
    const direction = sort.descending ? 'descending' : 'ascending';
    return html`<div part="column-header" class="column-header ${isNumeric(column) ? 'num' : ''}" role="columnheader" aria-sort=${sorted ? direction : nothing}>
      <button class="sort" type="button" data-key=${column.key} @click=${() => this.#sortBy(column.key)}>
        <span class="label">${this.#m.columns[column.key]}</span><span class="arrow" aria-hidden="true">${sorted ? (sort.descending ? '▼' : '▲') : '↕'}</span>
      </button>
    </div>`;
  }

  #renderRow(view: ListView, index: number, visible: readonly ListColumn[], context: CellContext): TemplateResult {
    return html`<div part="row" class="row" role="row" aria-rowindex=${index + 2} style=${styleMap({ transform: `translateY(${index * rowHeight}px)` })}>
      ${visible.map((column) => {
        const text = cellText(view.columns, index, column, context, 'screen');
        return html`<div part="cell" class="cell ${isNumeric(column) ? 'num' : ''}" role="cell" title=${column.kind === 'longText' || column.kind === 'text' ? text : nothing}>${text}</div>`;
      })}
    </div>`;
  }

  #renderCellFilter(): unknown {
    const cell = this.#cell();
    if (cell === null || (cell.weekday === undefined && cell.date === undefined)) return nothing;
    const locale = this.locale;
    const parts: string[] = [];
    if (cell.weekday !== undefined) parts.push(formatWeekday(cell.weekday, locale));
    if (cell.date !== undefined) parts.push(formatLocalDate(cell.date, locale));
    if (cell.hour !== undefined) parts.push(formatHourRange(cell.hour, locale));
    return html`<span part="cell-filter" class="chip">${this.#m.cell(parts.join(' '))}</span>`;
  }

  #renderChooser(visibleCount: number): TemplateResult {
    const m = this.#m;
    const hidden = new Set(this.hiddenColumns);
    return html`<details part="columns" class="chooser" @keydown=${this.#onChooserKeydown}>
      <summary class="button">${m.columnsButton(formatCount(visibleCount, this.locale), formatCount(listColumns.length, this.locale))}</summary>
      <fieldset class="chooser-panel">
        <legend>${m.columnsLegend}</legend>
        <button type="button" class="button show-all" ?disabled=${hidden.size === 0} @click=${() => this.#setHidden([])}>${m.showAll}</button>
        <div class="chooser-grid">
          ${listColumns.map((column) => {
            const checked = !hidden.has(column.key);
            return html`<label class="choice"
              ><input
                type="checkbox"
                name=${column.key}
                .checked=${checked}
                ?disabled=${checked && visibleCount === 1}
                @change=${(event: Event) => this.#toggleColumn(column.key, (event.target as HTMLInputElement).checked)}
              />${m.columns[column.key]}</label
            >`;
          })}
        </div>
      </fieldset>
    </details>`;
  }

  #renderExport(): TemplateResult {
    const m = this.#m;
    return html`<button part="export" class="button" type="button" ?disabled=${this.exporting} @click=${this.#onExport}>${this.exporting ? m.exporting : m.exportCsv}</button>
      ${this.exportError ? html`<span class="export-error" role="alert">${m.exportFailed}</span>` : nothing}`;
  }

  // ---- behaviour ------------------------------------------------------------------------------

  /** The sort shown: the requested one (so the arrow turns at once), else the scope's default. */
  #sort(): SortState {
    if (this.sortBy && isListColumnKey(this.sortBy)) return { key: this.sortBy, descending: this.descending };
    return defaultSort(this.scope === 'opened' ? 'opened' : 'closed');
  }

  /** A header activated: the same column flips its order, another one sorts ascending. */
  #sortBy(key: ListColumnKey): void {
    const current = this.#sort();
    this.descending = current.key === key ? !current.descending : false;
    this.sortBy = key;
  }

  /** The drill-down cell of the attributes as list options; null when they do not form one. */
  #cell(): Pick<ListQuery, 'weekday' | 'hour' | 'date'> | null {
    const { weekday, hour, date } = this;
    const isHour = (value: number) => Number.isInteger(value) && value >= 0 && value <= 23;
    if (hour !== undefined && hour !== null && !isHour(hour)) return null;
    const hasHour = hour !== undefined && hour !== null;
    if (weekday !== undefined && weekday !== null) {
      if (!(Number.isInteger(weekday) && weekday >= 0 && weekday <= 6) || !hasHour || date) return null;
      return { weekday, hour };
    }
    if (date) {
      if (!isLocalDate(date)) return null;
      return hasHour ? { date, hour } : { date };
    }
    return hasHour ? null : {};
  }

  #cellContext(view: ListView): CellContext {
    return { locale: this.locale, timeZone: view.timeZone, names: view.names, keyLabel: this.messages.keyLabel, unassigned: this.#m.unassigned };
  }

  #visibleColumns(): ListColumn[] {
    const hidden = new Set(this.hiddenColumns);
    const visible = listColumns.filter((column) => !hidden.has(column.key));
    return visible.length > 0 ? visible : [...listColumns];
  }

  #initColumns(): void {
    const stored = storedHiddenColumns(this.id);
    this.hiddenColumns = stored ?? hiddenFromVisibleList(this.columns ?? '');
    this.#hiddenChosen = true;
  }

  #toggleColumn(key: ListColumnKey, visible: boolean): void {
    const hidden = new Set(this.hiddenColumns);
    if (visible) hidden.delete(key);
    else hidden.add(key);
    if (hidden.size >= listColumns.length) return;
    this.#setHidden(listColumnKeys.filter((column) => hidden.has(column)));
  }

  #setHidden(hidden: readonly ListColumnKey[]): void {
    this.hiddenColumns = hidden;
    storeHiddenColumns(this.id, hidden);
  }

  #onChooserKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    const details = event.currentTarget as HTMLDetailsElement;
    if (!details.open) return;
    event.preventDefault();
    event.stopPropagation();
    details.open = false;
    details.querySelector('summary')?.focus();
  };

  /** A press outside the open column chooser closes it. */
  #onPointerDown = (event: PointerEvent): void => {
    const details = this.renderRoot.querySelector<HTMLDetailsElement>('details.chooser');
    if (details?.open && !event.composedPath().includes(details)) details.open = false;
  };

  #onExport = async (): Promise<void> => {
    this.exporting = true;
    this.exportError = false;
    try {
      const blob = await this.exportCsv();
      const view = this.view;
      downloadBlob(blob, `conversations-${this.scope}-${view?.period.from ?? ''}-${view?.period.to ?? ''}.csv`);
    } catch {
      this.exportError = true;
    } finally {
      this.exporting = false;
    }
  };

  #queryPage(view: ListView, offset: number): Promise<EngineAnswer<ListColumns>> {
    return Parley.query<ListColumns>({
      section: 'conversations.list',
      period: view.period,
      timeZone: view.timeZone,
      ...(Object.keys(view.filters).length > 0 ? { filters: view.filters } : {}),
      list: { ...view.list, offset, limit: listCap },
    });
  }
}

defineOnce('parley-conversation-list', ParleyConversationListElement);

declare global {
  interface HTMLElementTagNameMap {
    'parley-conversation-list': ParleyConversationListElement;
  }
}
