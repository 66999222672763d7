import { expect } from '@open-wc/testing';
import { addModuleScript, builtGraph, engineRegistry, overviewValue, waitFor, widgetNames } from './helpers.js';

// dist/widgets as a host page loads it: one script tag per widget bundle. Every bundle carries its
// own entry code; the page must still start exactly one engine worker.

const constructed = [];
const NativeWorker = globalThis.Worker;
globalThis.Worker = class CountingWorker extends NativeWorker {
  constructor(url, options) {
    super(url, options);
    constructed.push(String(url));
  }
};

const preferred = ['parley-metric-card', 'parley-heatmap', 'parley-breakdown', 'parley-timeseries', 'parley-sync-status'];

describe('built widget bundles on one page', () => {
  it('every bundle of dist/widgets loads by script tag, without an error', async () => {
    const graph = await builtGraph();
    const errors = [];
    const onError = (event) => errors.push(event.message);
    window.addEventListener('error', onError);
    try {
      for (const file of Object.values(graph.entries)) await addModuleScript(`/widgets/${file}`);
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
    for (const name of widgetNames(graph)) expect(customElements.get(name), `${name} defines <${name}>`).to.be.a('function');
    if (widgetNames(graph).length > 0) expect(customElements.get('parley-config'), 'a widget bundle defines <parley-config>').to.be.a('function');
  });

  it('two widget bundles by script tags share one engine worker', async function () {
    const graph = await builtGraph();
    const widgets = widgetNames(graph).sort((a, b) => (preferred.indexOf(a) + 1 || 99) - (preferred.indexOf(b) + 1 || 99));
    if (widgets.length < 2 || widgets[0] !== 'parley-metric-card') {
      console.warn(`SKIPPED: needs parley-metric-card and a second widget in dist/widgets, has ${widgets.join(', ') || 'none'}`);
      this.skip();
    }
    const [card, other] = widgets;
    for (const name of [card, other]) await addModuleScript(`/widgets/${graph.entries[name]}`);
    const host = document.createElement('div');
    host.innerHTML = `
      <parley-config base-url="/api/demo/11/600/2024-11-20/t/shared-worker" workspace="demo-11-600-2024-11-20" clock="2024-11-20"></parley-config>
      <${card} measure="conversations.opened" preset="last-30-days"></${card}>
      <${other} measure="conversations.opened" preset="last-30-days"></${other}>`;
    document.body.append(host);
    const element = host.querySelector(card);
    await waitFor(() => element.state === 'ready', `${card} ready (state ${element.state})`);
    await waitFor(() => host.querySelector(other).state !== 'loading', `${other} done loading`);

    expect(constructed, 'Worker constructions').to.have.length(1);
    expect(constructed[0]).to.match(/\/widgets\/assets\/engine\.worker-[\w-]+\.js$/);
    expect(engineRegistry().size).to.equal(1);
    const client = await import(`/widgets/${graph.entries.parley}`);
    expect(element.result).to.equal(await overviewValue(client, 'conversations.opened'));
    expect(element.result).to.be.greaterThan(0);
    expect(constructed, 'still one worker after the engine client module joined').to.have.length(1);
    host.remove();
  });
});
