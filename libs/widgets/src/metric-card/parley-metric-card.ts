import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { EngineAnswer, NotApplicable, ReportSnapshot } from '@parley/model';
import { defineOnce } from '@parley/engine-client';
import { formatCount, ParleyDataElement, type WidgetRequest } from '@parley/ui';
import { conversationMeasures, isConversationMeasure, scopeOf } from '../shared/measures.js';
import { metricCardStyles } from './parley-metric-card.styles.js';
import '../scope/parley-scope.js';

/**
 * One number with its label: the conversations opened or closed in the period. Activating it
 * (click, Enter, Space) fires `parley-drilldown` with the widget's filters.
 *
 * `result` equals `conversations.overview.opened` / `.closed` of the snapshot (a number), or
 * `"not-applicable"`.
 *
 * @summary One number — conversations opened or closed in the period.
 * @tagname parley-metric-card
 * @attr measure - `conversations.opened` (default) or `conversations.closed`
 * @csspart value - the number
 * @csspart button - the activatable card body around the number
 * @cssproperty --parley-color-text - the number's colour
 */
export class ParleyMetricCardElement extends ParleyDataElement<number> {
  static override styles = [...ParleyDataElement.styles, metricCardStyles];

  /** `conversations.opened` or `conversations.closed`. */
  @property() measure = 'conversations.opened';

  protected override requests(): readonly WidgetRequest[] | string {
    if (!isConversationMeasure(this.measure)) return this.messages.invalidMeasure(conversationMeasures.join(', '));
    return [{ section: 'conversations.overview' }];
  }

  protected override toResult([answer]: readonly EngineAnswer[]): number | NotApplicable {
    const overview = answer.value as ReportSnapshot['conversations']['overview'];
    return this.measure === 'conversations.closed' ? overview.closed : overview.opened;
  }

  protected override heading(): string {
    return this.measure === 'conversations.closed' ? this.messages.measure.closed : this.messages.measure.opened;
  }

  protected override renderReady(result: number): TemplateResult {
    const value = formatCount(result, this.locale);
    return html`<button part="button" class="card" aria-label=${`${this.label || this.heading()}: ${value}`} @click=${this.#drill}>
      <span part="value" class="value">${value}</span>
    </button>`;
  }

  #drill = (): void => {
    if (isConversationMeasure(this.measure)) this.drilldown(this.measure, scopeOf(this.measure));
  };
}

defineOnce('parley-metric-card', ParleyMetricCardElement);

declare global {
  interface HTMLElementTagNameMap {
    'parley-metric-card': ParleyMetricCardElement;
  }
}
