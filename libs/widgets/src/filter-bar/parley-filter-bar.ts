import { consume } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { ContactMatch, ConversationFilterName, FilterOption, FilterOptions, Filters, ReportFamily } from '@parley/model';
import { applicableFilters, conversationFilterNames, filtersApply, reportFamilies } from '@parley/model';
import { defineOnce, isSuperseded, latestOnly, Parley } from '@parley/engine-client';
import { dataElementStyles, defaultPeriod, formatCount, languageOf, mergeFilters, ParleyElement, scopeContext, type ScopeValue } from '@parley/ui';
import { ParleyFilterChangeEvent } from '../shared/scope-events.js';
import { filterBarMessagesFor, type FilterBarMessages, type ListFilterName } from './filter-bar-messages.js';
import { filterBarStyles } from './parley-filter-bar.styles.js';
import '../scope/parley-scope.js';

/** The families each filter applies to (snapshot.md §4), for the hints. */
function familiesOf(name: ConversationFilterName): ReportFamily[] {
  return reportFamilies.filter((family) => applicableFilters[family].includes(name));
}

function isListFilter(name: ConversationFilterName): name is ListFilterName {
  return name !== 'contact' && name !== 'conversationId';
}

/** Splits typed ids on commas and white space. */
function typedIds(text: string): string[] {
  return text.split(/[\s,]+/).filter((id) => id !== '');
}

const searchDelayMs = 150;

/**
 * Every conversation filter of the product: closed source, first assignee, first response by, last
 * assignee, closed by team, closed by user, category, opened channel, opened source, contact type
 * (multi-select lists of the values in the data, "none" included), contact (search by name or ID)
 * and conversation ID (typed). Inside a `<parley-scope>` it edits the scope's filters (Lit
 * context), so every widget of the scope recomputes; alone, it keeps its own and only fires events.
 *
 * Each filter is a button that opens its panel (focus moves into it; arrow keys move between the
 * values; Escape closes and returns to the button). The panel says which report families the
 * filter applies to; under the bar, a hint names the families the active filters make "not
 * applicable". "Clear all" resets every filter.
 *
 * @summary Every conversation filter, "clear all", applicability hints; edits its scope.
 * @tagname parley-filter-bar
 * @event parley-filter-change - the user changed a filter or cleared them; `detail = { filters, name? }`
 * @csspart base - the outer wrapper
 * @csspart header - title, active count and "clear all"
 * @csspart title - the title
 * @csspart clear - the "clear all" button
 * @csspart filters - the row of filter buttons
 * @csspart filter - one filter button (`aria-expanded` tells whether its panel is open)
 * @csspart panel - the open filter's values
 * @csspart option - one value (a labelled checkbox)
 * @csspart search - the contact search field
 * @csspart chip - a chosen contact or conversation id (with its remove button)
 * @csspart hint - the families the active filters make "not applicable"
 * @cssproperty --parley-color-accent - active filters and checkboxes
 */
export class ParleyFilterBarElement extends ParleyElement {
  static override styles = [...ParleyElement.styles, dataElementStyles, filterBarStyles];

  @consume({ context: scopeContext, subscribe: true })
  @state()
  protected parleyScope?: ScopeValue;

  @state() private options: FilterOptions | null = null;
  @state() private optionsFailed = false;
  @state() private openFilter: ConversationFilterName | null = null;
  /** The filters when the bar sits in no scope. */
  @state() private ownFilters: Filters = {};
  @state() private contactQuery = '';
  @state() private contactMatches: readonly ContactMatch[] | null = null;
  @state() private activeMatch = -1;
  @state() private idDraft = '';

  /** Names of chosen contacts (ids stay the filter values). */
  #contactNames = new Map<string, string | null>();
  #latestOptions = latestOnly();
  #latestSearch = latestOnly();
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #stops: (() => void)[] = [];
  #focusAfterRender: string | null = null;

  /** The filters in force: the scope's (with its enclosing scopes'), else the bar's own. */
  get filters(): Filters {
    return this.parleyScope ? this.parleyScope.filters : mergeFilters(undefined, this.ownFilters);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stops.push(
      Parley.onVersion(() => void this.#loadOptions()),
      Parley.onSyncState((sync) => {
        if (this.options === null && sync.version > 0) void this.#loadOptions();
      }),
    );
    void this.#loadOptions();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stops.forEach((stop) => stop());
    this.#stops = [];
    clearTimeout(this.#searchTimer);
  }

  // ---- data -----------------------------------------------------------------------------------

  async #loadOptions(): Promise<void> {
    try {
      const answer = await this.#latestOptions(Parley.query<FilterOptions>({ section: 'filterOptions', period: defaultPeriod }));
      this.options = answer.value;
      this.optionsFailed = false;
    } catch (error) {
      if (isSuperseded(error)) return;
      // Not configured yet: the sync state listener asks again once data exists.
      const sync = await Parley.syncState().catch(() => null);
      if (!sync || sync.version > 0) this.optionsFailed = true;
    }
  }

  #search(text: string): void {
    this.contactQuery = text;
    clearTimeout(this.#searchTimer);
    if (text.trim() === '') {
      this.contactMatches = null;
      this.activeMatch = -1;
      return;
    }
    this.#searchTimer = setTimeout(async () => {
      try {
        const answer = await this.#latestSearch(Parley.query<ContactMatch[]>({ section: 'contactSearch', period: defaultPeriod, search: { text, limit: 20 } }));
        this.contactMatches = answer.value;
        this.activeMatch = answer.value.length > 0 ? 0 : -1;
      } catch (error) {
        if (!isSuperseded(error)) this.contactMatches = [];
      }
    }, searchDelayMs);
  }

  // ---- editing --------------------------------------------------------------------------------

  #valuesOf(name: ConversationFilterName): readonly string[] {
    return this.filters[name] ?? [];
  }

  /** A user change: into the scope (or the bar's own filters), then the event. */
  #setValues(name: ConversationFilterName, values: readonly string[]): void {
    const next: Filters = { ...this.filters, [name]: [...new Set(values)] };
    this.#apply(next);
    this.dispatchEvent(new ParleyFilterChangeEvent({ filters: mergeFilters(undefined, next), name }));
  }

  #clearAll(): void {
    // An empty list per name also clears what an enclosing scope sets.
    const cleared = Object.fromEntries(conversationFilterNames.map((name) => [name, []])) as Filters;
    this.#apply(cleared);
    this.openFilter = null;
    this.dispatchEvent(new ParleyFilterChangeEvent({ filters: {} }));
    this.#focusAfterRender = '[part="filter"]';
  }

  #apply(filters: Filters): void {
    if (this.parleyScope) this.parleyScope.edit({ filters });
    else this.ownFilters = mergeFilters(undefined, filters);
  }

  #toggle(name: ConversationFilterName, value: string, on: boolean): void {
    const values = this.#valuesOf(name).filter((candidate) => candidate !== value);
    this.#setValues(name, on ? [...values, value] : values);
  }

  #chooseContact(match: ContactMatch): void {
    this.#contactNames.set(match.id, match.name);
    this.#setValues('contact', [...this.#valuesOf('contact'), match.id]);
    this.contactQuery = '';
    this.contactMatches = null;
    this.activeMatch = -1;
  }

  #remove(name: ConversationFilterName, value: string): void {
    this.#setValues(
      name,
      this.#valuesOf(name).filter((candidate) => candidate !== value),
    );
    this.#focusAfterRender = name === 'contact' ? '#contact-search' : '#conversation-id';
  }

  // ---- panels and keyboard --------------------------------------------------------------------

  #openPanel(name: ConversationFilterName): void {
    if (this.openFilter === name) {
      this.openFilter = null;
      return;
    }
    this.openFilter = name;
    this.#focusAfterRender = name === 'contact' ? '#contact-search' : name === 'conversationId' ? '#conversation-id' : '[part="panel"] input[type="checkbox"]';
  }

  #closePanel(): void {
    const name = this.openFilter;
    this.openFilter = null;
    if (name) this.#focusAfterRender = `#trigger-${name}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const selector = this.#focusAfterRender;
    if (selector === null) return;
    this.#focusAfterRender = null;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #onPanelKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.#closePanel();
      return;
    }
    const target = event.target as HTMLElement;
    if (!(target instanceof HTMLInputElement) || target.type !== 'checkbox') return;
    const boxes = [...this.renderRoot.querySelectorAll<HTMLInputElement>('[part="panel"] input[type="checkbox"]')];
    const index = boxes.indexOf(target);
    const next = { ArrowDown: index + 1, ArrowRight: index + 1, ArrowUp: index - 1, ArrowLeft: index - 1, Home: 0, End: boxes.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    boxes[Math.max(0, Math.min(boxes.length - 1, next))]?.focus();
  };

  #onSearchKeydown = (event: KeyboardEvent): void => {
    const matches = this.contactMatches ?? [];
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (matches.length > 0) this.activeMatch = (this.activeMatch + 1) % matches.length;
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (matches.length > 0) this.activeMatch = (this.activeMatch - 1 + matches.length) % matches.length;
        break;
      case 'Enter': {
        event.preventDefault();
        const match = matches[this.activeMatch] ?? matches[0];
        if (match) this.#chooseContact(match);
        break;
      }
      case 'Escape':
        if (this.contactMatches !== null) {
          event.preventDefault();
          event.stopPropagation();
          this.contactMatches = null;
          this.activeMatch = -1;
        }
        break;
    }
  };

  #onIdSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const ids = typedIds(this.idDraft);
    if (ids.length === 0) return;
    this.#setValues('conversationId', [...this.#valuesOf('conversationId'), ...ids]);
    this.idDraft = '';
  };

  // ---- rendering ------------------------------------------------------------------------------

  get #m(): FilterBarMessages {
    return filterBarMessagesFor(languageOf(this.locale));
  }

  #families(families: readonly ReportFamily[]): string {
    const m = this.#m;
    return new Intl.ListFormat(this.locale, { type: 'conjunction' }).format(families.map((family) => m.families[family]));
  }

  protected override render(): TemplateResult {
    const m = this.#m;
    const filters = this.filters;
    const activeCount = conversationFilterNames.filter((name) => (filters[name]?.length ?? 0) > 0).length;
    const excluded = reportFamilies.filter((family) => family !== 'openedVsClosed' && !filtersApply(family, filters));
    return html`<div part="base" class="base" role="group" aria-labelledby="title">
      <div part="header" class="header">
        <div part="title" class="title" id="title">${m.title}</div>
        ${activeCount > 0 ? html`<span class="active-count">${m.active(formatCount(activeCount, this.locale))}</span>` : nothing}
        <button part="clear" class="button clear" type="button" ?disabled=${activeCount === 0} @click=${() => this.#clearAll()}>${m.clearAll}</button>
      </div>
      <ul part="filters" class="filters" role="list">
        ${conversationFilterNames.map((name) => this.#renderTrigger(name))}
      </ul>
      ${this.openFilter ? this.#renderPanel(this.openFilter) : nothing}
      <p part="hint" class="hint" aria-live="polite">${excluded.length > 0 ? m.notApplicable(this.#families(excluded)) : ''}</p>
    </div>`;
  }

  #renderTrigger(name: ConversationFilterName): TemplateResult {
    const m = this.#m;
    const count = this.#valuesOf(name).length;
    const open = this.openFilter === name;
    return html`<li>
      <button
        part="filter"
        class="filter ${count > 0 ? 'active' : ''}"
        type="button"
        id="trigger-${name}"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${open ? 'panel' : nothing}
        title=${m.appliesTo(this.#families(familiesOf(name)))}
        @click=${() => this.#openPanel(name)}
      >
        <span>${m.names[name]}</span>${count > 0
          ? html`<span class="badge" aria-hidden="true">${formatCount(count, this.locale)}</span><span class="visually-hidden">, ${m.selected(formatCount(count, this.locale))}</span>`
          : nothing}<span class="caret" aria-hidden="true">${open ? '▴' : '▾'}</span>
      </button>
    </li>`;
  }

  #renderPanel(name: ConversationFilterName): TemplateResult {
    const m = this.#m;
    const body = name === 'contact' ? this.#renderContact() : name === 'conversationId' ? this.#renderIds() : this.#renderOptions(name);
    return html`<div part="panel" class="panel" id="panel" role="group" aria-labelledby="trigger-${name}" aria-describedby="applies" @keydown=${this.#onPanelKeydown}>
      <p class="applies" id="applies">${m.appliesTo(this.#families(familiesOf(name)))}</p>
      ${body}
      <div class="panel-actions">
        <button class="button" type="button" ?disabled=${this.#valuesOf(name).length === 0} @click=${() => this.#setValues(name, [])}>${m.clearFilter}</button>
        <button class="button" type="button" @click=${() => this.#closePanel()}>${m.close}</button>
      </div>
    </div>`;
  }

  #optionLabel(name: ListFilterName, option: FilterOption): string {
    const m = this.#m;
    if (option.value === '') return m.none[name];
    const keyLabel = this.messages.keyLabel;
    const label = option.label ?? (Object.hasOwn(keyLabel, option.value) ? keyLabel[option.value] : option.value);
    return option.deleted ? m.deleted(label) : label;
  }

  #renderOptions(name: ConversationFilterName): TemplateResult {
    const m = this.#m;
    if (!isListFilter(name)) return html``;
    if (this.options === null) return html`<p class="status" role="status">${this.optionsFailed ? m.optionsFailed : m.loadingOptions}</p>`;
    const chosen = new Set(this.#valuesOf(name));
    // Values chosen elsewhere (an attribute, another bar) that the data does not hold stay visible.
    const known = new Set(this.options[name].map((option) => option.value));
    const options: FilterOption[] = [...this.options[name], ...[...chosen].filter((value) => !known.has(value)).map((value) => ({ value, label: null }))];
    return html`<fieldset class="options">
      <legend class="visually-hidden">${m.names[name]}</legend>
      ${options.map(
        (option) =>
          html`<label part="option" class="option ${option.value === '' ? 'none' : ''}"
            ><input
              type="checkbox"
              .checked=${chosen.has(option.value)}
              data-value=${option.value}
              @change=${(event: Event) => this.#toggle(name, option.value, (event.target as HTMLInputElement).checked)}
            /><span>${this.#optionLabel(name, option)}</span></label
          >`,
      )}
    </fieldset>`;
  }

  #renderContact(): TemplateResult {
    const m = this.#m;
    const matches = this.contactMatches;
    const expanded = matches !== null && matches.length > 0;
    return html`<div class="search">
        <label for="contact-search">${m.contactSearch}</label>
        <input
          part="search"
          id="contact-search"
          type="search"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls="contact-results"
          aria-activedescendant=${expanded && this.activeMatch >= 0 ? `contact-${this.activeMatch}` : nothing}
          .value=${this.contactQuery}
          @input=${(event: Event) => this.#search((event.target as HTMLInputElement).value)}
          @keydown=${this.#onSearchKeydown}
        />
        <ul id="contact-results" class="matches" role="listbox" aria-label=${m.contactResults} ?hidden=${!expanded}>
          ${(matches ?? []).map(
            (match, index) =>
              html`<li id="contact-${index}" role="option" class="match" aria-selected=${index === this.activeMatch ? 'true' : 'false'} @click=${() => this.#chooseContact(match)}>
                <span>${match.name ?? match.id}</span> <span class="id">${match.id}</span>
              </li>`,
          )}
        </ul>
        <p class="visually-hidden" role="status">${matches === null ? '' : matches.length === 0 ? m.noContactMatches : m.contactMatches(formatCount(matches.length, this.locale))}</p>
      </div>
      ${this.#renderChips('contact')}`;
  }

  #renderIds(): TemplateResult {
    const m = this.#m;
    return html`<form class="ids" @submit=${this.#onIdSubmit}>
        <label for="conversation-id">${m.conversationIdInput}</label>
        <span class="id-row">
          <input id="conversation-id" type="text" autocomplete="off" spellcheck="false" .value=${this.idDraft} @input=${(event: Event) => (this.idDraft = (event.target as HTMLInputElement).value)} />
          <button class="button" type="submit">${m.add}</button>
        </span>
      </form>
      ${this.#renderChips('conversationId')}`;
  }

  #renderChips(name: 'contact' | 'conversationId'): unknown {
    const m = this.#m;
    const values = this.#valuesOf(name);
    if (values.length === 0) return nothing;
    return html`<ul class="chips" aria-label=${m.chosen}>
      ${values.map((value) => {
        const label = name === 'contact' ? (this.#contactNames.get(value) ?? value) : value;
        return html`<li part="chip" class="chip">
          <span>${label}</span>
          <button type="button" class="remove" aria-label=${m.remove(label)} @click=${() => this.#remove(name, value)}>×</button>
        </li>`;
      })}
    </ul>`;
  }
}

defineOnce('parley-filter-bar', ParleyFilterBarElement);

declare global {
  interface HTMLElementTagNameMap {
    'parley-filter-bar': ParleyFilterBarElement;
  }
}
