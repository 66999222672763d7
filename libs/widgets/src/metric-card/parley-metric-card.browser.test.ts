import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { Parley } from '@parley/engine-client';
import { formatCount, formatDateTime, type DrilldownDetail, type StateDetail } from '@parley/ui';
import { expectAccessible } from '@parley/ui/testing';
import { demo, demoBase, expectedSnapshot, period, untilState, useDemoSource } from '../testing/demo.js';
import { ParleyMetricCardElement } from './parley-metric-card.js';

function card(attributes: Record<string, string> = {}): Promise<ParleyMetricCardElement> {
  const element = document.createElement('parley-metric-card');
  element.setAttribute('from', period.from);
  element.setAttribute('to', period.to);
  element.setAttribute('time-zone', demo.timeZone);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return fixture(element);
}

describe('parley-metric-card', () => {
  it('is accessible while loading and when ready; goes loading → ready with the snapshot number', async () => {
    const element = await card({ measure: 'conversations.opened' });
    const source = useDemoSource('card');
    expect(element.state).to.equal('loading');
    const loading = element.shadowRoot?.querySelector('[part="loading"]');
    expect(loading?.getAttribute('role')).to.equal('status');
    expect(loading?.getAttribute('aria-label')).to.equal('Loading…');
    await expectAccessible(element);
    expect((await source).phase).to.equal('up-to-date');
    await untilState(element, 'ready');
    await expectAccessible(element);
    const expected = expectedSnapshot().conversations.overview.opened as number;
    expect(element.result).to.equal(expected);
    expect(element.shadowRoot?.querySelector('[part="value"]')?.textContent?.trim()).to.equal(formatCount(expected, 'en'));
    expect(element.shadowRoot?.querySelector('[part="title"]')?.textContent?.trim()).to.equal('Conversations opened');
  });

  it('shows closed conversations, formatted for the inherited language', async () => {
    await useDemoSource('card');
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr"></div>`);
    const element = document.createElement('parley-metric-card');
    for (const [name, value] of Object.entries({ measure: 'conversations.closed', from: period.from, to: period.to, 'time-zone': demo.timeZone })) element.setAttribute(name, value);
    wrapper.append(element);
    await untilState(element, 'ready');
    const expected = expectedSnapshot().conversations.overview.closed;
    expect(element.result).to.equal(expected);
    expect(element.shadowRoot?.querySelector('[part="value"]')?.textContent?.trim()).to.equal(new Intl.NumberFormat('fr').format(expected));
    const title = () => element.shadowRoot?.querySelector('[part="title"]')?.textContent?.trim();
    await waitUntil(() => title() === 'Conversations fermées', 'the French strings did not arrive');
  });

  it('applies its filters and is not applicable with a closed-only filter on the opened measure', async () => {
    await useDemoSource('card');
    const filtered = await card({ measure: 'conversations.opened', filters: '{"contactType":["new"]}' });
    await untilState(filtered, 'ready');
    expect(filtered.result).to.equal(expectedSnapshot({ contactType: ['new'] }).conversations.overview.opened);

    const na = await card({ measure: 'conversations.opened', filters: '{"category":["Billing"]}' });
    await untilState(na, 'not-applicable');
    expect(na.result).to.equal('not-applicable');
    expect(na.shadowRoot?.querySelector('[part="not-applicable"]')?.textContent).to.equal('The selected filters are not applicable here');
    expect(na.shadowRoot?.querySelector('[part="value"]')).to.equal(null);
    await expectAccessible(na);
  });

  it('fires parley-drilldown with its measure, period, zone and filters on click and on Enter', async () => {
    await useDemoSource('card');
    const element = await card({ measure: 'conversations.closed', filters: '{"closedSource":["user"]}' });
    await untilState(element, 'ready');
    const button = element.shadowRoot?.querySelector<HTMLButtonElement>('[part="button"]');
    setTimeout(() => button?.click());
    const clicked = (await oneEvent(element, 'parley-drilldown')).detail as DrilldownDetail;
    const expected: DrilldownDetail = { measure: 'conversations.closed', scope: 'closed', period: { ...period }, timeZone: demo.timeZone, filters: { closedSource: ['user'] } };
    expect(clicked).to.deep.equal(expected);
    button?.focus();
    const pressed = oneEvent(element, 'parley-drilldown');
    await sendKeys({ press: 'Enter' });
    expect((await pressed).detail).to.deep.equal(expected);
  });

  it('shows an error with a retry button when the API refuses the credentials (401)', async () => {
    const element = await card();
    const authRequired = oneEvent(element, 'parley-auth-required');
    const state = await useDemoSource('card-401', '401');
    expect(state.phase).to.equal('auth-required');
    expect((await authRequired).detail).to.deep.equal({ status: 401 });
    await untilState(element, 'error');
    expect(element.result).to.equal(undefined);
    const error = element.shadowRoot?.querySelector('[part="error"]');
    expect(error?.getAttribute('role')).to.equal('alert');
    expect(error?.querySelector('[part="retry"]')?.textContent?.trim()).to.equal('Retry');
    await expectAccessible(element);
  });

  it('keeps its number and shows the stale badge when sync fails with data cached', async () => {
    await useDemoSource('card-stale');
    const element = await card({ measure: 'conversations.opened' });
    await untilState(element, 'ready');
    expect(element.stale).to.equal(false);
    expect(element.dataAsOf).to.be.a('number');
    const control = await fetch(`${demoBase('card-stale')}/_control/faults`, { method: 'POST', body: JSON.stringify({ faults: '401' }) });
    expect(control.status).to.equal(200);
    const changed = oneEvent(element, 'parley-state');
    await Parley.sync();
    const detail = (await changed).detail as StateDetail;
    expect(detail).to.deep.equal({ state: 'ready', stale: true, dataAsOf: element.dataAsOf });
    await element.updateComplete;
    expect(element.result).to.equal(expectedSnapshot().conversations.overview.opened);
    const badge = element.shadowRoot?.querySelector('[part="stale"]');
    expect(badge?.textContent).to.equal(`May be out of date · data from ${formatDateTime(element.dataAsOf as number, 'en', demo.timeZone)}`);
    await expectAccessible(element);
  });

  it('shows an error for an invalid measure or filters, never a number', async () => {
    const measure = await card({ measure: 'conversations.nope' });
    await untilState(measure, 'error');
    expect(measure.shadowRoot?.querySelector('[part="error"]')?.textContent).to.contain('Unknown measure');
    const filters = await card({ filters: '{"nope":["x"]}' });
    await untilState(filters, 'error');
    expect(filters.shadowRoot?.querySelector('[part="error"]')?.textContent).to.contain('unknown filter nope');
  });
});
