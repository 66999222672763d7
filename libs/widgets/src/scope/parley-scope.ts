import { consume, ContextProvider } from '@lit/context';
import { css, html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Filters, QueryPeriod } from '@parley/model';
import { defineOnce, ParleyConfigElement } from '@parley/engine-client';
import { mergeFilters, ownPeriod, ParleyElement, parseFilters, scopeContext, type ScopeChange, type ScopeValue } from '@parley/ui';

/**
 * Shares a period, a time zone and filters with every Parley widget inside it (through Lit
 * context). A widget's own `preset`/`from`/`to` and `time-zone` win over the scope's; its `filters`
 * are merged over the scope's, name by name. Scopes nest the same way: an inner scope inherits what
 * it does not set. A filter bar or date range inside calls the context's `edit()` on user action.
 *
 * @summary Shares period, time zone and filters with the widgets inside it.
 * @tagname parley-scope
 * @attr preset - date preset for the widgets inside (default: the enclosing scope's, else `last-30-days`)
 * @attr from - first local date `YYYY-MM-DD` of a custom range (with `to`; overrides `preset`)
 * @attr to - last local date `YYYY-MM-DD` of a custom range
 * @attr time-zone - IANA zone for the widgets inside
 * @attr filters - JSON object, filter name → array of values, merged over the enclosing scope's
 * @slot - the widgets (and filter bar, date range) that share this scope
 */
export class ParleyScopeElement extends ParleyElement {
  static override styles = [
    css`
      :host {
        display: contents;
      }
    `,
  ];

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'filters'];
  }

  @property() preset?: string;
  @property() from?: string;
  @property() to?: string;
  @property({ attribute: 'time-zone' }) timeZone?: string;
  /** Filter name → values; the `filters` attribute holds the same as JSON. */
  @property({ attribute: false }) filters?: Filters;

  @consume({ context: scopeContext, subscribe: true })
  @state()
  protected parentScope?: ScopeValue;

  #filtersError: string | null = null;
  #provider = new ContextProvider(this, { context: scopeContext });
  #provided = '';

  /** What the widgets inside see now. */
  get value(): ScopeValue | undefined {
    return this.#provider.value;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Answer the children's context requests with the real value from the start.
    this.#provide();
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name !== 'filters') return;
    try {
      this.filters = value === null || value.trim() === '' ? undefined : parseFilters(value);
      this.#filtersError = null;
    } catch (error) {
      this.#filtersError = (error as Error).message;
      this.filters = undefined;
      this.requestUpdate();
    }
  }

  /** Changes this scope (what a filter bar or date range does on user action). */
  edit(change: ScopeChange): void {
    if ('period' in change) {
      const period = change.period;
      if (!period) {
        this.preset = this.from = this.to = undefined;
      } else if ('preset' in period) {
        this.preset = period.preset;
        this.from = this.to = undefined;
      } else {
        this.preset = undefined;
        this.from = period.from;
        this.to = period.to;
      }
    }
    if ('timeZone' in change) this.timeZone = change.timeZone ?? undefined;
    if (change.filters) {
      this.filters = change.filters;
      this.#filtersError = null;
    }
    this.#provide();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#provide();
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }

  #provide(): void {
    const parent = this.parentScope;
    let error = parent?.error;
    let period: QueryPeriod | undefined;
    try {
      period = ownPeriod(this.preset, this.from, this.to);
    } catch (reason) {
      error ??= (reason as Error).message === 'from and to' ? this.messages.incompletePeriod : (reason as Error).message;
    }
    if (this.#filtersError) error ??= this.messages.invalidFilters(this.#filtersError);
    const value: Omit<ScopeValue, 'edit'> = {
      ...((period ?? parent?.period) ? { period: period ?? parent?.period } : {}),
      ...((this.timeZone || parent?.timeZone) ? { timeZone: this.timeZone || parent?.timeZone } : {}),
      filters: mergeFilters(parent?.filters, this.filters),
      ...(error ? { error } : {}),
    };
    const key = JSON.stringify(value);
    if (key === this.#provided) return;
    this.#provided = key;
    this.#provider.setValue({ ...value, edit: (change) => this.edit(change) });
  }
}

defineOnce('parley-scope', ParleyScopeElement);
defineOnce('parley-config', ParleyConfigElement);

declare global {
  interface HTMLElementTagNameMap {
    'parley-scope': ParleyScopeElement;
  }
}
