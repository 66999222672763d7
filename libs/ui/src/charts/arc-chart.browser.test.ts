import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '../testing/a11y.js';
import { arcChart, arcSegments, type ArcDatum } from './arc-chart.js';

interface Datum extends ArcDatum {
  key: string;
}

const data: Datum[] = [
  { key: 'a', count: 3, ariaLabel: 'A: 3 (50.0%)', color: 'rgb(29, 78, 216)' },
  { key: 'b', count: 2, ariaLabel: 'B: 2 (33.3%)', color: 'rgb(194, 65, 12)' },
  { key: 'c', count: 1, ariaLabel: 'C: 1 (16.7%)', color: 'rgb(4, 120, 87)' },
];

describe('arcChart', () => {
  it('gives each datum an arc proportional to its count, in input order', () => {
    const segments = arcSegments(data);
    expect(segments.map((segment) => segment.datum.key)).to.deep.equal(['a', 'b', 'c']);
    const spans = segments.map((segment) => segment.endAngle - segment.startAngle);
    expect(spans[0] / spans[2]).to.be.closeTo(3, 0.05);
    expect(segments[2].endAngle).to.be.closeTo(2 * Math.PI, 1e-9);
    expect(segments.every((segment) => segment.path.startsWith('M'))).to.equal(true);
  });

  it('renders accessible, focusable segments that activate with click, Enter and Space', async () => {
    const activated: string[] = [];
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    render(arcChart(data, { label: 'Test chart', center: '6', onActivate: (datum) => activated.push(datum.key) }), host);
    await expectAccessible(host);
    const svg = host.querySelector('svg');
    expect(svg?.getAttribute('role')).to.equal('group');
    expect(svg?.getAttribute('aria-label')).to.equal('Test chart');
    const segments = [...host.querySelectorAll<SVGPathElement>('path.segment')];
    expect(segments.map((segment) => segment.getAttribute('aria-label'))).to.deep.equal(data.map((datum) => datum.ariaLabel));
    expect(segments.every((segment) => segment.getAttribute('tabindex') === '0' && segment.getAttribute('role') === 'button')).to.equal(true);
    expect(getComputedStyle(segments[1]).fill).to.equal('rgb(194, 65, 12)');
    segments[0].dispatchEvent(new MouseEvent('click', { bubbles: true }));
    segments[1].focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: ' ' });
    expect(activated).to.deep.equal(['a', 'b', 'c']);
  });
});
