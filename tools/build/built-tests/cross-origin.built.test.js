import { expect } from '@open-wc/testing';
import { builtGraph, engineRegistry, openFrame, overviewValue, secondOrigin, waitFor, widgetNames } from './helpers.js';

// dist/widgets served from a second origin (as from a CDN) to a page of this one: the engine worker
// starts through its blob: trampoline, and the embed demo works with every bundle from there.

const constructed = [];
const NativeWorker = globalThis.Worker;
globalThis.Worker = class CountingWorker extends NativeWorker {
  constructor(url, options) {
    super(url, options);
    constructed.push(String(url));
  }
};

describe('built bundles from a second origin', () => {
  it('the engine client bundle starts its worker through a blob: trampoline and syncs the demo API', async () => {
    const graph = await builtGraph();
    const origin = await secondOrigin();
    expect(origin).to.not.equal(location.origin);
    const client = await import(`${origin}/widgets/${graph.entries.parley}`);
    await client.Parley.configure({ baseUrl: '/api/demo/12/400/2024-11-20/t/cross-origin', workspace: 'demo-12-400-2024-11-20', clock: Date.UTC(2024, 10, 20, 12) });
    await waitFor(async () => (await client.Parley.syncState()).phase === 'up-to-date', 'sync up to date');
    expect(constructed).to.have.length(1);
    expect(constructed[0].startsWith(`blob:${location.origin}/`)).to.equal(true);
    expect(await overviewValue(client, 'conversations.opened')).to.be.greaterThan(0);
  });

  it('the embed demo works with its widget bundles loaded from the second origin', async function () {
    const graph = await builtGraph();
    if (!widgetNames(graph).includes('parley-metric-card')) {
      console.warn('SKIPPED: dist/widgets has no parley-metric-card yet');
      this.skip();
    }
    const origin = await secondOrigin();
    const frame = await openFrame(`/embed-demo/__cross-origin.html?widgets-origin=${encodeURIComponent(origin)}&seed=13&conversations=600&end=2024-11-20`);
    const win = frame.contentWindow;
    const doc = frame.contentDocument;
    const scripts = [...doc.querySelectorAll('script[src]')].map((script) => script.src);
    expect(scripts.length).to.be.greaterThan(0);
    for (const src of scripts) expect(src.startsWith(`${origin}/widgets/parley-`), src).to.equal(true);
    const cards = [...doc.querySelectorAll('parley-metric-card')];
    expect(cards.length).to.be.greaterThan(0);
    await waitFor(() => cards.every((card) => card.state === 'ready'), 'every metric card ready');
    expect(engineRegistry(win).size).to.equal(1);
    for (const card of cards) expect(card.result).to.be.a('number');
    expect(cards[0].result).to.be.greaterThan(0);
    frame.remove();
  });
});

describe('the built embed demo', () => {
  it('holds nothing of Parley but built widget bundles, script tags and <parley-config> set from the URL', async () => {
    const graph = await builtGraph();
    const frame = await openFrame('/embed-demo/?seed=14&conversations=600&end=2024-11-20');
    const doc = frame.contentDocument;
    const built = new Set(Object.values(graph.entries));
    const missing = [];
    for (const script of doc.querySelectorAll('script')) {
      if (script.src) {
        expect(script.type).to.equal('module');
        const { pathname } = new URL(script.src);
        expect(pathname).to.match(/^\/widgets\/parley-[a-z0-9-]+\.js$/);
        if (!built.has(pathname.slice('/widgets/'.length))) missing.push(pathname);
      } else {
        // The host's own inline script reads the URL; it imports nothing.
        expect(script.textContent).to.not.match(/\bimport\b|Parley\./);
      }
    }
    expect(missing, 'bundles the page loads but the build did not produce').to.deep.equal([]);
    const config = doc.querySelector('parley-config');
    expect(config.getAttribute('base-url')).to.equal('/api/demo/14/600/2024-11-20');
    expect(config.getAttribute('workspace')).to.equal('demo-14-600-2024-11-20');
    expect(config.getAttribute('clock')).to.equal('2024-11-20');
    frame.remove();
  });
});
