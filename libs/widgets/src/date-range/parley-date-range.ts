import { consume } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { QueryPeriod } from '@parley/model';
import { datePresets } from '@parley/model';
import { defineOnce, isSuperseded, latestOnly, Parley } from '@parley/engine-client';
import { dataElementStyles, defaultPeriod, formatDateRange, isDatePreset, isLocalDate, languageOf, ownPeriod, ParleyElement, scopeContext, type ScopeValue } from '@parley/ui';
import { ParleyPeriodChangeEvent } from '../shared/scope-events.js';
import { dateRangeMessagesFor, type DateRangeMessages } from './date-range-messages.js';
import { dateRangeStyles } from './parley-date-range.styles.js';
import '../scope/parley-scope.js';

const customValue = 'custom';

interface Resolved {
  from: string;
  to: string;
  timeZone: string;
}

/**
 * Picks the period: a preset (today, yesterday, last 7 / 14 / 30 days, this month, last month) or
 * a custom range of local dates (native date inputs, applied with "Apply" or Enter), and shows the
 * resolved dates and the time zone they are computed in (the scope's, else the workspace's). Inside
 * a `<parley-scope>` it edits the scope's period (Lit context), so every widget of the scope
 * recomputes; alone, it keeps its own `preset`/`from`/`to` and only fires events.
 *
 * @summary Preset and custom date range picker, with the time zone shown; edits its scope.
 * @tagname parley-date-range
 * @attr preset - the preset when the element sits in no scope (default `last-30-days`)
 * @attr from - first local date `YYYY-MM-DD` of a custom range, when in no scope
 * @attr to - last local date `YYYY-MM-DD` of a custom range, when in no scope
 * @attr time-zone - IANA zone the dates are shown in (default: the scope's, else the workspace's)
 * @event parley-period-change - the user picked a preset or applied a custom range; `detail = { period }`
 * @csspart base - the outer wrapper
 * @csspart label - the "Period" label
 * @csspart select - the preset picker (a native select)
 * @csspart range - the resolved dates
 * @csspart time-zone - the time zone
 * @csspart custom - the custom range form
 * @csspart from - the start date input
 * @csspart to - the end date input
 * @csspart apply - the apply button
 * @cssproperty --parley-color-text-muted - the dates and time zone
 */
export class ParleyDateRangeElement extends ParleyElement {
  static override styles = [...ParleyElement.styles, dataElementStyles, dateRangeStyles];

  @property() preset?: string;
  @property() from?: string;
  @property() to?: string;
  @property({ attribute: 'time-zone' }) timeZone?: string;

  @consume({ context: scopeContext, subscribe: true })
  @state()
  protected parleyScope?: ScopeValue;

  @state() private resolved: Resolved | null = null;
  /** The user chose "custom" (the form shows before a custom range is applied). */
  @state() private customOpen = false;
  @state() private draftFrom = '';
  @state() private draftTo = '';
  @state() private invalid = false;

  #latest = latestOnly();
  #resolvedKey = '';
  #stops: (() => void)[] = [];
  #focusFrom = false;

  /** The period in force: the scope's, else the element's own, else `last-30-days`. */
  get period(): QueryPeriod {
    if (this.parleyScope) return this.parleyScope.period ?? defaultPeriod;
    try {
      return ownPeriod(this.preset, this.from, this.to) ?? defaultPeriod;
    } catch {
      return defaultPeriod;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stops.push(
      Parley.onSyncState((sync) => {
        if (this.resolved === null && sync.version > 0) this.#resolve(true);
      }),
      // A new day may have started: presets move with it.
      Parley.onVersion(() => this.#resolve(true)),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stops.forEach((stop) => stop());
    this.#stops = [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#resolve(false);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusFrom) {
      this.#focusFrom = false;
      this.renderRoot.querySelector<HTMLInputElement>('#from')?.focus();
    }
  }

  #zone(): string | undefined {
    return this.timeZone || this.parleyScope?.timeZone || undefined;
  }

  /** Asks the engine for the dates of the period (presets depend on "today" in the zone). */
  #resolve(force: boolean): void {
    const period = this.period;
    const timeZone = this.#zone();
    const key = JSON.stringify([period, timeZone]);
    if (!force && key === this.#resolvedKey) return;
    this.#resolvedKey = key;
    this.#latest(Parley.query({ section: 'input', period, ...(timeZone ? { timeZone } : {}) })).then(
      (answer) => {
        this.resolved = { from: answer.period.from, to: answer.period.to, timeZone: answer.period.timeZone };
      },
      (error: unknown) => {
        // Not configured yet, or an invalid zone: the sync state listener tries again later.
        if (!isSuperseded(error)) this.resolved = null;
      },
    );
  }

  // ---- user actions ---------------------------------------------------------------------------

  #choose(period: QueryPeriod): void {
    if (this.parleyScope) {
      this.parleyScope.edit({ period });
    } else if ('preset' in period) {
      this.preset = period.preset;
      this.from = this.to = undefined;
    } else {
      this.preset = undefined;
      this.from = period.from;
      this.to = period.to;
    }
    this.dispatchEvent(new ParleyPeriodChangeEvent({ period }));
  }

  #onSelect = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    this.invalid = false;
    if (value === customValue) {
      this.customOpen = true;
      this.draftFrom = this.resolved?.from ?? '';
      this.draftTo = this.resolved?.to ?? '';
      this.#focusFrom = true;
      return;
    }
    if (!isDatePreset(value)) return;
    this.customOpen = false;
    this.#choose({ preset: value });
  };

  #onApply = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const from = (form.elements.namedItem('from') as HTMLInputElement).value;
    const to = (form.elements.namedItem('to') as HTMLInputElement).value;
    if (!isLocalDate(from) || !isLocalDate(to) || from > to) {
      this.invalid = true;
      return;
    }
    this.invalid = false;
    this.draftFrom = from;
    this.draftTo = to;
    this.#choose({ from, to });
  };

  // ---- rendering ------------------------------------------------------------------------------

  get #m(): DateRangeMessages {
    return dateRangeMessagesFor(languageOf(this.locale));
  }

  protected override render(): TemplateResult {
    const m = this.#m;
    const period = this.period;
    const isCustom = !('preset' in period);
    const selected = isCustom || this.customOpen ? customValue : period.preset;
    const resolved = this.resolved;
    const zone = resolved?.timeZone ?? this.#zone();
    return html`<div part="base" class="base" role="group" aria-labelledby="label">
      <div class="row">
        <label part="label" class="title" id="label" for="preset">${m.period}</label>
        <select part="select" id="preset" aria-describedby="range time-zone" @change=${this.#onSelect}>
          ${datePresets.map((preset) => html`<option value=${preset} ?selected=${selected === preset}>${m.presets[preset]}</option>`)}
          <option value=${customValue} ?selected=${selected === customValue}>${m.custom}</option>
        </select>
        <span part="range" class="range" id="range">${resolved ? formatDateRange(resolved.from, resolved.to, this.locale) : ''}</span>
        <span part="time-zone" class="zone" id="time-zone">${zone ? m.timeZone(zone) : ''}</span>
      </div>
      ${isCustom || this.customOpen ? this.#renderCustom(isCustom ? period : null) : nothing}
    </div>`;
  }

  #renderCustom(applied: { from: string; to: string } | null): TemplateResult {
    const m = this.#m;
    const from = this.draftFrom || applied?.from || this.resolved?.from || '';
    const to = this.draftTo || applied?.to || this.resolved?.to || '';
    return html`<form part="custom" class="custom" @submit=${this.#onApply} novalidate>
      <label class="field"
        >${m.from}
        <input part="from" id="from" name="from" type="date" required .value=${from} max=${to || nothing} aria-invalid=${this.invalid ? 'true' : 'false'} @change=${(event: Event) => (this.draftFrom = (event.target as HTMLInputElement).value)}
      /></label>
      <label class="field"
        >${m.to}
        <input part="to" id="to" name="to" type="date" required .value=${to} min=${from || nothing} aria-invalid=${this.invalid ? 'true' : 'false'} @change=${(event: Event) => (this.draftTo = (event.target as HTMLInputElement).value)}
      /></label>
      <button part="apply" class="button" type="submit">${m.apply}</button>
      ${this.invalid ? html`<p class="invalid" role="alert">${m.invalidRange}</p>` : nothing}
    </form>`;
  }
}

defineOnce('parley-date-range', ParleyDateRangeElement);

declare global {
  interface HTMLElementTagNameMap {
    'parley-date-range': ParleyDateRangeElement;
  }
}
