import { expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { OpenedVsClosedDay } from '@parley/model';
import { formatCount, type DrilldownDetail } from '@parley/ui';
import { expectAccessible } from '@parley/ui/testing';
import { demo, expectedSnapshot, period, untilState, useDemoSource } from '../testing/demo.js';
import { ParleyTimeseriesElement } from './parley-timeseries.js';

function timeseries(attributes: Record<string, string> = {}): Promise<ParleyTimeseriesElement> {
  const element = document.createElement('parley-timeseries');
  for (const [name, value] of Object.entries({ measure: 'conversations.openedVsClosed', from: period.from, to: period.to, 'time-zone': demo.timeZone, ...attributes })) element.setAttribute(name, value);
  return fixture(element);
}

describe('parley-timeseries', () => {
  before(async () => {
    expect((await useDemoSource('timeseries')).phase).to.equal('up-to-date');
  });

  it('is accessible and equals conversations.openedVsClosed, one bar per day and series, totals shown', async () => {
    const element = await timeseries();
    await untilState(element, 'ready');
    await element.updateComplete;
    await expectAccessible(element);
    const expected = expectedSnapshot().conversations.openedVsClosed as OpenedVsClosedDay[];
    expect(element.result).to.deep.equal(expected);
    expect(expected.length).to.equal(30);
    const bars = element.shadowRoot?.querySelectorAll('[part="chart"] rect.mark') ?? [];
    expect(bars.length).to.equal(60);
    const totals = (key: 'opened' | 'closed') => formatCount(expected.reduce((sum, day) => sum + day[key], 0), 'en');
    expect(element.shadowRoot?.querySelector('[data-series="opened"] .total')?.textContent).to.equal(totals('opened'));
    expect(element.shadowRoot?.querySelector('[data-series="closed"] .total')?.textContent).to.equal(totals('closed'));
    const first = expected[0];
    expect(bars[0].getAttribute('aria-label')).to.equal(`Opened ${new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2024, 9, 22))}: ${formatCount(first.opened, 'en')}`);
  });

  it('is not applicable with a closed-only filter', async () => {
    const element = await timeseries({ filters: '{"lastAssignee":["u-01"]}' });
    await untilState(element, 'not-applicable');
    expect(element.result).to.equal('not-applicable');
  });

  it('drills down from a bar with its series as scope and its date as cell', async () => {
    const element = await timeseries({ filters: '{"openedSource":["contact"]}' });
    await untilState(element, 'ready');
    await element.updateComplete;
    const bars = element.shadowRoot?.querySelectorAll<SVGElement>('[part="chart"] rect.mark') ?? [];
    bars[3].focus();
    const drilled = oneEvent(element, 'parley-drilldown');
    await sendKeys({ press: 'Enter' });
    const expected: DrilldownDetail = {
      measure: 'conversations.openedVsClosed',
      scope: 'closed',
      period: { ...period },
      timeZone: demo.timeZone,
      filters: { openedSource: ['contact'] },
      cell: { date: '2024-10-23' },
    };
    expect((await drilled).detail).to.deep.equal(expected);
  });
});
