import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SyncState } from '@parley/model';
import type { ParleyConfigElement } from '@parley/engine-client';
import { formatDateRange } from '@parley/ui';
import { expectAccessible } from '@parley/ui/testing';
import { demo, demoBase, expectedSnapshot, period, settled, untilState, workspace } from '../testing/demo.js';
import type { ParleyMetricCardElement } from '../metric-card/parley-metric-card.js';
import type { ParleyPeriodChangeEvent } from '../shared/scope-events.js';
import '../metric-card/parley-metric-card.js';
import { ParleyDateRangeElement } from './parley-date-range.js';

/** The demo source with its clock at the demo's end date, so presets cover the generated data. */
async function useDemoSourceWithClock(token: string): Promise<SyncState> {
  document.querySelectorAll('parley-config').forEach((element) => element.remove());
  const config = document.createElement('parley-config') as ParleyConfigElement;
  config.setAttribute('base-url', demoBase(token));
  config.setAttribute('workspace', workspace);
  config.setAttribute('clock', demo.endDate);
  document.body.append(config);
  return settled();
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1_000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

function shadow<E extends Element = HTMLElement>(element: Element, selector: string): E {
  const found = element.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

async function page(scopeAttributes: { preset?: string; from?: string; to?: string }): Promise<{ range: ParleyDateRangeElement; card: ParleyMetricCardElement }> {
  const scope = document.createElement('parley-scope');
  for (const [name, value] of Object.entries({ ...scopeAttributes, 'time-zone': demo.timeZone })) scope.setAttribute(name, value);
  scope.innerHTML = '<parley-date-range></parley-date-range><parley-metric-card measure="conversations.opened"></parley-metric-card>';
  await fixture(scope);
  const range = scope.querySelector('parley-date-range') as ParleyDateRangeElement;
  const card = scope.querySelector('parley-metric-card') as ParleyMetricCardElement;
  await untilState(card, 'ready');
  await until(() => shadow(range, '[part="range"]').textContent !== '', 'the resolved range');
  return { range, card };
}

const cardPeriod = (card: ParleyMetricCardElement) => card.shadowRoot?.querySelector('[part="period"]')?.textContent;

describe('parley-date-range', () => {
  before(async () => {
    expect((await useDemoSourceWithClock('date-range')).phase).to.equal('up-to-date');
  });

  it('is accessible and shows the scope period, its dates and the time zone', async () => {
    const { range } = await page({ preset: 'last-30-days' });
    await expectAccessible(range);
    expect(shadow<HTMLSelectElement>(range, '[part="select"]').value).to.equal('last-30-days');
    expect([...(range.shadowRoot?.querySelectorAll('option') ?? [])].map((option) => option.textContent)).to.deep.equal([
      'Today',
      'Yesterday',
      'Last 7 days',
      'Last 14 days',
      'Last 30 days',
      'This month',
      'Last month',
      'Custom range',
    ]);
    expect(shadow(range, '[part="range"]').textContent).to.equal(formatDateRange(period.from, period.to, 'en'));
    expect(shadow(range, '[part="time-zone"]').textContent).to.equal('Time zone: Europe/Paris');
    expect(range.period).to.deep.equal({ preset: 'last-30-days' });
  });

  it('picking a preset from the keyboard changes the period of a sibling widget', async () => {
    const { range, card } = await page({ preset: 'last-30-days' });
    expect(card.result).to.equal(expectedSnapshot().conversations.overview.opened);
    shadow<HTMLSelectElement>(range, '[part="select"]').focus();
    const changed = oneEvent(range, 'parley-period-change');
    await sendKeys({ press: 'ArrowUp' });
    expect(((await changed) as ParleyPeriodChangeEvent).detail).to.deep.equal({ period: { preset: 'last-14-days' } });
    const last14 = { from: '2024-11-07', to: '2024-11-20' };
    const expected = expectedSnapshot({}, last14).conversations.overview.opened;
    await until(() => card.state === 'ready' && card.result === expected && cardPeriod(card) === formatDateRange(last14.from, last14.to, 'en'), 'the card to show the last 14 days');
    await until(() => shadow(range, '[part="range"]').textContent === formatDateRange(last14.from, last14.to, 'en'), 'the range to show the last 14 days');
    expect(range.closest('parley-scope')?.preset).to.equal('last-14-days');

    // Another preset: last month (October 2024 in Paris).
    const select = shadow<HTMLSelectElement>(range, '[part="select"]');
    select.value = 'last-month';
    select.dispatchEvent(new Event('change'));
    const october = { from: '2024-10-01', to: '2024-10-31' };
    await until(() => card.state === 'ready' && card.result === expectedSnapshot({}, october).conversations.overview.opened && cardPeriod(card) === formatDateRange(october.from, october.to, 'en'), 'last month');
  });

  it('applies a custom range, and refuses an inverted one', async () => {
    const { range, card } = await page({ preset: 'last-30-days' });
    const select = shadow<HTMLSelectElement>(range, '[part="select"]');
    select.value = 'custom';
    select.dispatchEvent(new Event('change'));
    await range.updateComplete;
    expect(range.shadowRoot?.activeElement?.id).to.equal('from');
    await expectAccessible(range);
    const from = shadow<HTMLInputElement>(range, '[part="from"]');
    const to = shadow<HTMLInputElement>(range, '[part="to"]');
    expect([from.value, to.value]).to.deep.equal([period.from, period.to]);

    from.value = '2024-11-15';
    from.dispatchEvent(new Event('change'));
    to.value = '2024-11-10';
    to.dispatchEvent(new Event('change'));
    to.focus();
    await sendKeys({ press: 'Enter' });
    await range.updateComplete;
    expect(shadow(range, '[role="alert"]').textContent).to.contain('start on or before the end');

    const custom = { from: '2024-11-01', to: '2024-11-10' };
    from.value = custom.from;
    from.dispatchEvent(new Event('change'));
    const changed = oneEvent(range, 'parley-period-change');
    shadow<HTMLButtonElement>(range, '[part="apply"]').click();
    expect(((await changed) as ParleyPeriodChangeEvent).detail).to.deep.equal({ period: custom });
    await until(() => card.state === 'ready' && card.result === expectedSnapshot({}, custom).conversations.overview.opened && cardPeriod(card) === formatDateRange(custom.from, custom.to, 'en'), 'the custom range');
    expect(range.period).to.deep.equal(custom);
    expect(select.value).to.equal('custom');
  });

  it('shows a custom range set on the scope and fires no event for it', async () => {
    let events = 0;
    const { range } = await page({ from: '2024-11-01', to: '2024-11-05' });
    range.addEventListener('parley-period-change', () => events++);
    expect(shadow<HTMLSelectElement>(range, '[part="select"]').value).to.equal('custom');
    expect(shadow<HTMLInputElement>(range, '[part="from"]').value).to.equal('2024-11-01');
    range.closest('parley-scope')?.setAttribute('preset', 'yesterday');
    range.closest('parley-scope')?.removeAttribute('from');
    range.closest('parley-scope')?.removeAttribute('to');
    await until(() => shadow<HTMLSelectElement>(range, '[part="select"]').value === 'yesterday', 'the preset from the scope');
    expect(events).to.equal(0);
  });

  it('keeps its own period when it sits in no scope', async () => {
    const range = await fixture<ParleyDateRangeElement>(html`<parley-date-range preset="last-7-days" time-zone=${demo.timeZone}></parley-date-range>`);
    await until(() => shadow(range, '[part="range"]').textContent === formatDateRange('2024-11-14', '2024-11-20', 'en'), 'the last 7 days');
    const select = shadow<HTMLSelectElement>(range, '[part="select"]');
    select.value = 'today';
    select.dispatchEvent(new Event('change'));
    expect(range.preset).to.equal('today');
    await until(() => shadow(range, '[part="range"]').textContent === formatDateRange('2024-11-20', '2024-11-20', 'en'), 'today');
  });
});
