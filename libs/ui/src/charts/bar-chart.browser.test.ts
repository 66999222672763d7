import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '../testing/a11y.js';
import { barChart, type BarDatum } from './bar-chart.js';
import { timeSeriesChart, type SeriesPoint } from './time-series-chart.js';

const bars: BarDatum[] = [
  { label: 'Zeta', count: 30, text: '30 · 60.0%', ariaLabel: 'Zeta: 30 (60.0%)' },
  { label: 'Alpha', count: 20, text: '20 · 40.0%', ariaLabel: 'Alpha: 20 (40.0%)' },
];

describe('Plot chart helpers', () => {
  it('draws bars in the given order with labels and texts; bars are focusable and activate', async () => {
    const activated: string[] = [];
    const chart = await barChart(bars, { width: 400, label: 'Bars', onActivate: (datum) => activated.push(datum.label) });
    const host = await fixture<HTMLDivElement>(html`<div>${chart}</div>`);
    await expectAccessible(host);
    const rects = [...host.querySelectorAll<SVGRectElement>('rect.mark')];
    expect(rects.map((rect) => rect.getAttribute('aria-label'))).to.deep.equal(['Zeta: 30 (60.0%)', 'Alpha: 20 (40.0%)']);
    // Zeta first (top), wider than Alpha: the order and the scale are the data's.
    expect(Number(rects[0].getAttribute('y'))).to.be.below(Number(rects[1].getAttribute('y')));
    expect(Number(rects[0].getAttribute('width')) / Number(rects[1].getAttribute('width'))).to.be.closeTo(1.5, 0.01);
    expect(host.textContent).to.contain('Zeta').and.contain('30 · 60.0%').and.contain('Alpha').and.contain('20 · 40.0%');
    rects[1].focus();
    await sendKeys({ press: 'Enter' });
    rects[0].dispatchEvent(new MouseEvent('click'));
    expect(activated).to.deep.equal(['Alpha', 'Zeta']);
  });

  it('draws one bar per date and series with a class per series', async () => {
    const points: SeriesPoint<'opened' | 'closed'>[] = ['2024-11-01', '2024-11-02'].flatMap((date, day) =>
      (['opened', 'closed'] as const).map((series, index) => ({ date, series, count: day * 10 + index + 1, ariaLabel: `${series} ${date}` })),
    );
    const activated: string[] = [];
    const chart = await timeSeriesChart(points, {
      width: 400,
      label: 'Series',
      dates: ['2024-11-01', '2024-11-02'],
      series: ['opened', 'closed'],
      dateLabel: (date) => date.slice(5),
      countLabel: String,
      onActivate: (point) => activated.push(point.ariaLabel),
    });
    const host = await fixture<HTMLDivElement>(html`<div>${chart}</div>`);
    await expectAccessible(host);
    const rects = [...host.querySelectorAll<SVGRectElement>('rect.mark')];
    expect(rects.length).to.equal(4);
    expect(rects.filter((rect) => rect.classList.contains('series-closed')).length).to.equal(2);
    rects[3].dispatchEvent(new MouseEvent('click'));
    expect(activated).to.deep.equal([rects[3].getAttribute('aria-label')]);
  });
});
