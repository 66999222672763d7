import { consume } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { EngineAnswer, EngineQuery, Filters, ListQuery, NotApplicable, QueryPeriod, QuerySection, SyncState } from '@parley/model';
import { notApplicable } from '@parley/model';
import { isSuperseded, latestOnly, Parley, ParleyAuthRequiredEvent } from '@parley/engine-client';
import { dataElementStyles } from './data-element.styles.js';
import { ParleyDrilldownEvent, ParleyStateEvent, type DrilldownCell, type WidgetState } from './events.js';
import { formatDateRange, formatDateTime } from './format.js';
import { ParleyElement } from './parley-element.js';
import { checkFilters, mergeFilters, ownPeriod, parseFilters, scopeContext, type ScopeValue } from './scope.js';
import { themeStyles } from './theme.js';

/** One section a widget needs; the base class adds period, zone and filters. */
export interface WidgetRequest {
  section: QuerySection;
  list?: ListQuery;
}

/** The default period of a widget that sets none and sits in no scope that sets one. */
export const defaultPeriod: QueryPeriod = { preset: 'last-30-days' };

/** Sync phases in which the cached data may be out of date. */
const stalePhases: ReadonlySet<SyncState['phase']> = new Set(['offline', 'error', 'auth-required']);

type Plan = { queries: EngineQuery[]; key: string; filters: Filters } | { invalid: string };

/**
 * The base of every data widget: reads the period, zone, filters and language from its attributes
 * or its `<parley-scope>`, queries the page's engine (stale answers dropped), re-queries on every
 * new data version, follows the sync state, and renders the loading, empty, not-applicable and
 * error states and the stale badge. Subclasses name their sections, turn the answers into
 * `result`, and render it when ready.
 *
 * @attr preset - `today`, `yesterday`, `last-7-days`, `last-14-days`, `last-30-days` (default), `this-month`, `last-month`
 * @attr from - first local date `YYYY-MM-DD` of a custom range (with `to`; overrides `preset`)
 * @attr to - last local date `YYYY-MM-DD` of a custom range
 * @attr time-zone - IANA zone; default: the scope's, else the configured or workspace zone
 * @attr filters - JSON object, filter name → array of values (`[""]` = none), merged over the scope's name by name
 * @event parley-state - `state` or `stale` changed; `detail = { state, stale, dataAsOf }`
 * @event parley-drilldown - the user activated a number; `detail = { measure, scope, period, timeZone, filters, cell? }`
 * @event parley-auth-required - the API refused the credentials (401/403); `detail = { status }`
 * @csspart base - the outer wrapper
 * @csspart header - title, period and stale badge
 * @csspart title - the widget's title
 * @csspart period - the resolved period
 * @csspart stale - the "may be out of date" badge
 * @csspart loading - the skeleton shown while loading
 * @csspart empty - "No data for the selected filters"
 * @csspart not-applicable - "The selected filters are not applicable here"
 * @csspart error - the error message
 * @csspart retry - the retry button
 */
export abstract class ParleyDataElement<R> extends ParleyElement {
  static override styles = [themeStyles, dataElementStyles];

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'filters'];
  }

  @property() preset?: string;
  @property() from?: string;
  @property() to?: string;
  @property({ attribute: 'time-zone' }) timeZone?: string;
  /** Filter name → values; the `filters` attribute holds the same as JSON. */
  @property({ attribute: false }) filters?: Filters;
  /** A title replacing the default one. */
  @property() label?: string;

  @consume({ context: scopeContext, subscribe: true })
  @state()
  protected parleyScope?: ScopeValue;

  @state() private widgetState: WidgetState = 'loading';
  @state() private widgetResult: R | NotApplicable | undefined = undefined;
  @state() private answers: readonly EngineAnswer[] = [];
  @state() private errorReason = '';
  @state() private syncState: SyncState | null = null;

  #filtersError: string | null = null;
  #latest = latestOnly();
  #key: string | null = null;
  #plannedFilters: Filters = {};
  #waitingForSource = false;
  #stops: (() => void)[] = [];
  #emitted: { state: WidgetState; stale: boolean } | null = null;
  #authRequired = false;
  /** The last data version heard of (sync state or version event). */
  #seenVersion = -1;
  /** Runs started; the latest decides `#asking`. */
  #runs = 0;
  #asking = false;

  /** `loading`, `ready`, `empty`, `not-applicable` or `error` (read-only). */
  get state(): WidgetState {
    return this.widgetState;
  }

  /** Whether the data may be out of date (offline, sync failing) while cached data is shown. */
  get stale(): boolean {
    const sync = this.syncState;
    return sync !== null && sync.dataAsOf !== null && stalePhases.has(sync.phase);
  }

  /** Epoch ms of the last completed sync, null before any. */
  get dataAsOf(): number | null {
    return this.syncState?.dataAsOf ?? null;
  }

  /** Plain JSON equal to the widget's snapshot section; `"not-applicable"` when not applicable; undefined while loading or failed. */
  get result(): R | NotApplicable | undefined {
    return this.widgetResult;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stops.push(
      Parley.onVersion((version) => this.#onVersion(version)),
      Parley.onSyncState((sync) => this.#onSyncState(sync)),
    );
    Parley.syncState().then(
      (sync) => this.#onSyncState(sync),
      () => undefined,
    );
    // Reconnected: ask again (data may have changed while detached).
    if (this.#key !== null) {
      this.#key = null;
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stops.forEach((stop) => stop());
    this.#stops = [];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name !== 'filters') return;
    if (value === null || value.trim() === '') {
      this.#filtersError = null;
      this.filters = undefined;
      return;
    }
    try {
      this.filters = parseFilters(value);
      this.#filtersError = null;
    } catch (error) {
      this.#filtersError = (error as Error).message;
      this.filters = undefined;
      this.requestUpdate();
    }
  }

  /** Asks again now; when sync had failed, starts a sync round first. */
  retry(): void {
    const phase = this.syncState?.phase;
    if (phase === 'error' || phase === 'offline') Parley.sync().catch(() => undefined);
    this.#key = null;
    this.requestUpdate();
  }

  // ---- for subclasses -------------------------------------------------------------------------

  /** The sections to query, or the reason the attributes are invalid. */
  protected abstract requests(): readonly WidgetRequest[] | string;

  /** The answers' values as `result` (plain JSON), or `"not-applicable"`. */
  protected abstract toResult(answers: readonly EngineAnswer[]): R | NotApplicable;

  /** The widget's default title. */
  protected abstract heading(): string;

  protected abstract renderReady(result: R): unknown;

  /** Whether a result shows nothing (a breakdown totalling 0, a heatmap without any cell above 0). */
  protected isEmpty(_result: R): boolean {
    return false;
  }

  /** The period, zone and filters of the answer shown. */
  protected get answeredPeriod(): EngineAnswer['period'] | undefined {
    return this.answers[0]?.period;
  }

  /** The filters the shown answer was computed with (element's over scope's). */
  protected get activeFilters(): Filters {
    return this.#plannedFilters;
  }

  /** Fires `parley-drilldown` for the answer shown (user action only). */
  protected drilldown(measure: string, scope: 'opened' | 'closed', extra: { filters?: Filters; cell?: DrilldownCell } = {}): void {
    const period = this.answeredPeriod;
    if (!period) return;
    const filters = mergeFilters(this.#plannedFilters, extra.filters);
    this.dispatchEvent(
      new ParleyDrilldownEvent({
        measure,
        scope,
        period: { from: period.from, to: period.to },
        timeZone: period.timeZone,
        filters,
        ...(extra.cell ? { cell: extra.cell } : {}),
      }),
    );
  }

  // ---- querying -------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.isConnected) return;
    const plan = this.#plan();
    if ('invalid' in plan) {
      this.#key = null;
      this.#latest(Promise.resolve()).catch(() => undefined); // supersede any answer in flight
      this.#show('error', undefined, [], plan.invalid);
      return;
    }
    if (plan.key === this.#key) return;
    this.#key = plan.key;
    this.#plannedFilters = plan.filters;
    this.#show('loading', undefined, [], '');
    void this.#run(plan.queries);
  }

  #plan(): Plan {
    const m = this.messages;
    let period: QueryPeriod | undefined;
    try {
      period = ownPeriod(this.preset, this.from, this.to);
    } catch (error) {
      return { invalid: (error as Error).message === 'from and to' ? m.incompletePeriod : (error as Error).message };
    }
    if (this.#filtersError) return { invalid: m.invalidFilters(this.#filtersError) };
    if (this.parleyScope?.error) return { invalid: this.parleyScope.error };
    let own: Filters;
    try {
      own = checkFilters(this.filters ?? {});
    } catch (error) {
      return { invalid: m.invalidFilters((error as Error).message) };
    }
    const requests = this.requests();
    if (typeof requests === 'string') return { invalid: requests };
    const filters = mergeFilters(this.parleyScope?.filters, own);
    const timeZone = this.timeZone || this.parleyScope?.timeZone;
    const queries = requests.map(
      (request): EngineQuery => ({
        section: request.section,
        period: period ?? this.parleyScope?.period ?? defaultPeriod,
        ...(timeZone ? { timeZone } : {}),
        ...(Object.keys(filters).length > 0 ? { filters } : {}),
        ...(request.list ? { list: request.list } : {}),
      }),
    );
    return { queries, key: JSON.stringify(queries), filters };
  }

  async #run(queries: readonly EngineQuery[], refresh = false): Promise<void> {
    this.#waitingForSource = false;
    const run = ++this.#runs;
    this.#asking = true;
    try {
      const answers = await this.#latest(Promise.all(queries.map((query) => Parley.query(query))));
      const result = this.toResult(answers);
      const state: WidgetState = result === notApplicable ? 'not-applicable' : this.isEmpty(result as R) ? 'empty' : 'ready';
      this.#show(state, result, answers, '');
      // A version committed while this was computed: ask again (the answer shown stays meanwhile).
      if (this.#seenVersion > 0 && answers.some((answer) => answer.version < this.#seenVersion)) void this.#run(queries, true);
    } catch (error) {
      if (isSuperseded(error)) return;
      // Asked before any source was configured: wait for <parley-config> / Parley.configure.
      const sync = await Parley.syncState().catch(() => null);
      if (run !== this.#runs) return;
      if (sync && sync.phase === 'idle' && sync.version === 0 && !refresh) {
        this.#waitingForSource = true;
        return;
      }
      this.#show('error', undefined, [], error instanceof Error ? error.message : String(error));
    } finally {
      if (run === this.#runs) this.#asking = false;
    }
  }

  #show(state: WidgetState, result: R | NotApplicable | undefined, answers: readonly EngineAnswer[], reason: string): void {
    this.widgetState = state;
    this.widgetResult = result;
    this.answers = answers;
    this.errorReason = reason;
  }

  #onVersion(version: number): void {
    if (version === this.#seenVersion) return;
    const previous = this.#seenVersion;
    this.#seenVersion = version;
    if (this.#key === null || this.#waitingForSource) return;
    const plan = this.#plan();
    if ('invalid' in plan || plan.key !== this.#key) return;
    if (version === 0) {
      // Another source (or a purged one): what is shown, or in flight, belongs to the old data.
      if (previous > 0) {
        this.#show('loading', undefined, [], '');
        void this.#run(plan.queries);
      }
      return;
    }
    // An answer in flight is checked against the newest version when it arrives.
    if (this.#asking) return;
    // Same question, newer data: keep showing the current answer until the new one arrives.
    if (this.answers[0]?.version !== version) void this.#run(plan.queries, this.widgetState !== 'loading');
  }

  #onSyncState(sync: SyncState): void {
    this.syncState = sync;
    const authRequired = sync.phase === 'auth-required';
    if (authRequired && !this.#authRequired) this.dispatchEvent(new ParleyAuthRequiredEvent(sync.status));
    this.#authRequired = authRequired;
    if (this.#waitingForSource && sync.phase !== 'idle') {
      this.#waitingForSource = false;
      this.#key = null;
      this.requestUpdate();
      return;
    }
    this.#onVersion(sync.version);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const now = { state: this.widgetState, stale: this.stale };
    if (this.#emitted && this.#emitted.state === now.state && this.#emitted.stale === now.stale) return;
    const first = this.#emitted === null;
    this.#emitted = now;
    // The initial `loading` is no change; anything else is.
    if (first && now.state === 'loading' && !now.stale) return;
    this.dispatchEvent(new ParleyStateEvent({ ...now, dataAsOf: this.dataAsOf }));
  }

  // ---- rendering ------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`<div part="base" class="base">
      <div part="header" class="header">
        <div part="title" class="title" id="title">${this.label || this.heading()}</div>
        ${this.renderPeriod()} ${this.renderStale()}
      </div>
      ${this.renderBody()}
    </div>`;
  }

  protected renderPeriod(): unknown {
    const period = this.answeredPeriod;
    if (!period) return nothing;
    return html`<div part="period" class="period">${formatDateRange(period.from, period.to, this.locale)}</div>`;
  }

  protected renderStale(): unknown {
    if (!this.stale) return nothing;
    const asOf = this.dataAsOf === null ? null : formatDateTime(this.dataAsOf, this.locale, this.answeredPeriod?.timeZone);
    return html`<span part="stale" class="stale">${this.messages.stale(asOf)}</span>`;
  }

  protected renderBody(): unknown {
    const m = this.messages;
    switch (this.widgetState) {
      case 'loading':
        return html`<div part="loading" class="skeleton" role="status" aria-label=${m.loading}><span></span><span></span><span></span></div>`;
      case 'empty':
        return html`<p part="empty" class="message" role="status">${m.empty}</p>`;
      case 'not-applicable':
        return html`<p part="not-applicable" class="message" role="status">${m.notApplicable}</p>`;
      case 'error':
        return html`<div part="error" class="error" role="alert">
          <p>${m.error}</p>
          <button part="retry" class="button" @click=${() => this.retry()}>${m.retry}</button>
          ${this.errorReason ? html`<p class="reason">${this.errorReason}</p>` : nothing}
        </div>`;
      case 'ready':
        return this.renderReady(this.widgetResult as R);
    }
  }
}
