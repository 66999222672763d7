import { expect, fixture, html } from '@open-wc/testing';
import { expectAccessible } from '@parley/ui/testing';
import { demo, expectedSnapshot, period, untilState, useDemoSource } from '../testing/demo.js';
import { ParleyMetricCardElement } from '../metric-card/parley-metric-card.js';
import { ParleyScopeElement } from './parley-scope.js';
import '../breakdown/parley-breakdown.js';

describe('parley-scope', () => {
  before(async () => {
    expect((await useDemoSource('scope')).phase).to.equal('up-to-date');
  });

  it('is accessible and gives its period, zone and filters to the widgets inside', async () => {
    const scope = await fixture<ParleyScopeElement>(html`<parley-scope from=${period.from} to=${period.to} time-zone=${demo.timeZone} filters='{"contactType":["new"]}'>
      <parley-metric-card measure="conversations.opened"></parley-metric-card>
    </parley-scope>`);
    const card = scope.querySelector('parley-metric-card') as ParleyMetricCardElement;
    await untilState(card, 'ready');
    await expectAccessible(scope);
    expect(card.result).to.equal(expectedSnapshot({ contactType: ['new'] }).conversations.overview.opened);
    expect(scope.value).to.include({ timeZone: demo.timeZone });
    expect(scope.value?.period).to.deep.equal(period);
  });

  it("lets a widget's own period win and merges its filters over the scope's name by name", async () => {
    const scope = await fixture<ParleyScopeElement>(html`<parley-scope from="2024-11-01" to="2024-11-07" time-zone=${demo.timeZone} filters='{"contactType":["new"],"openedSource":["contact"]}'>
      <parley-metric-card measure="conversations.opened" from=${period.from} to=${period.to} filters='{"contactType":["returning"]}'></parley-metric-card>
      <parley-metric-card id="inherits" measure="conversations.opened"></parley-metric-card>
    </parley-scope>`);
    const [own, inherits] = [...scope.querySelectorAll('parley-metric-card')] as ParleyMetricCardElement[];
    await untilState(own, 'ready');
    await untilState(inherits, 'ready');
    expect(own.result).to.equal(expectedSnapshot({ contactType: ['returning'], openedSource: ['contact'] }).conversations.overview.opened);
    expect(inherits.result).to.equal(expectedSnapshot({ contactType: ['new'], openedSource: ['contact'] }, { from: '2024-11-01', to: '2024-11-07' }).conversations.overview.opened);
  });

  it('re-queries its widgets when edited (what a filter bar does) and nests', async () => {
    const outer = await fixture<ParleyScopeElement>(html`<parley-scope from=${period.from} to=${period.to} time-zone=${demo.timeZone}>
      <parley-scope filters='{"openedSource":["contact"]}'>
        <parley-breakdown measure="conversations.opened" group-by="contactType" chart="table"></parley-breakdown>
      </parley-scope>
    </parley-scope>`);
    const inner = outer.querySelector('parley-scope') as ParleyScopeElement;
    const breakdown = outer.querySelector('parley-breakdown');
    if (!breakdown) throw new Error('no breakdown');
    await untilState(breakdown, 'ready');
    expect(breakdown.result).to.deep.equal(expectedSnapshot({ openedSource: ['contact'] }).conversations.openedByContactType);
    inner.value?.edit({ filters: { openedSource: ['user'] } });
    await breakdown.updateComplete;
    expect(breakdown.state).to.equal('loading');
    expect(breakdown.result).to.equal(undefined);
    await untilState(breakdown, 'ready');
    expect(breakdown.result).to.deep.equal(expectedSnapshot({ openedSource: ['user'] }).conversations.openedByContactType);
    outer.edit({ period: { from: '2024-11-10', to: '2024-11-12' } });
    await breakdown.updateComplete;
    expect(breakdown.state).to.equal('loading');
    await untilState(breakdown, 'ready');
    expect(breakdown.result).to.deep.equal(expectedSnapshot({ openedSource: ['user'] }, { from: '2024-11-10', to: '2024-11-12' }).conversations.openedByContactType);
  });

  it('shows invalid scope filters as an error in its widgets, never unfiltered numbers', async () => {
    const scope = await fixture<ParleyScopeElement>(html`<parley-scope filters='{"contactType":"new"}'><parley-metric-card></parley-metric-card></parley-scope>`);
    const card = scope.querySelector('parley-metric-card') as ParleyMetricCardElement;
    await untilState(card, 'error');
    expect(card.result).to.equal(undefined);
    expect(card.shadowRoot?.querySelector('[part="error"]')?.textContent).to.contain('contactType must be an array of strings');
  });

  it('every widget entry tolerates being loaded twice (a second bundle on the page)', async () => {
    const entries = ['../scope/parley-scope.ts', '../metric-card/parley-metric-card.ts', '../heatmap/parley-heatmap.ts', '../breakdown/parley-breakdown.ts', '../timeseries/parley-timeseries.ts', '../sync-status/parley-sync-status.ts'];
    const before = ['parley-scope', 'parley-config', 'parley-metric-card'].map((tag) => customElements.get(tag));
    for (const entry of entries) await import(/* @vite-ignore */ `${new URL(entry, import.meta.url).href}?second-copy`);
    expect(['parley-scope', 'parley-config', 'parley-metric-card'].map((tag) => customElements.get(tag))).to.deep.equal(before);
    for (const tag of ['parley-heatmap', 'parley-breakdown', 'parley-timeseries', 'parley-sync-status']) expect(customElements.get(tag), tag).to.not.equal(undefined);
  });
});
