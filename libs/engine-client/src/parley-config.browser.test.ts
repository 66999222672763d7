/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { engineProtocolVersion, type EngineApi, type EngineEvent, type HeadersProvider, type SourceConfig, type SyncState } from '@parley/model';
import { defineOnce } from './define-once.js';
import { ParleyConfigElement, parseClock } from './parley-config.js';
import { engineRegistry } from './registry.js';

// This page's engine is a stand-in put into the registry before anything asks for one.
const configurations: { config: SourceConfig; getHeaders?: HeadersProvider }[] = [];
const listeners = new Map<number, (event: EngineEvent) => void>();
const state = (phase: SyncState['phase'], status: number | null = null): SyncState => ({
  phase,
  progress: null,
  dataAsOf: null,
  version: 0,
  error: null,
  status,
  storage: 'memory',
  skipped: 0,
  recentSkipped: [],
});
const refuse = (): Promise<never> => Promise.reject(new Error('not used here'));
const fakeEngine: EngineApi = {
  protocol: engineProtocolVersion,
  workerId: 'fake',
  configure: async (config, getHeaders) => {
    configurations.push({ config, getHeaders });
    return state('syncing');
  },
  subscribe: async (listener) => {
    listeners.set(listeners.size + 1, listener);
    return listeners.size;
  },
  unsubscribe: async (id) => {
    listeners.delete(id);
  },
  query: refuse,
  sync: refuse,
  syncState: refuse,
  importFiles: refuse,
  purge: refuse,
};
engineRegistry().set(engineProtocolVersion, { engine: Promise.resolve(fakeEngine) });

function emit(syncState: SyncState): void {
  for (const listener of listeners.values()) listener({ type: 'sync', state: syncState });
}

describe('<parley-config>', () => {
  it('is defined once; defining the tag again never throws', () => {
    expect(defineOnce('parley-config', ParleyConfigElement)).to.equal(ParleyConfigElement);
    expect(() => defineOnce('parley-config', class Other extends HTMLElement {})).to.not.throw();
    expect(customElements.get('parley-config')).to.equal(ParleyConfigElement);
  });

  it('configures the page once from its attributes, resolving a relative base-url', async () => {
    const before = configurations.length;
    await fixture(html`<parley-config base-url="api/demo/1/" workspace="acme" time-zone="Europe/Paris" since="2024-01-01"></parley-config>`);
    await waitUntil(() => configurations.length > before);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(configurations.length).to.equal(before + 1);
    expect(configurations.at(-1)?.config).to.deep.equal({
      baseUrl: new URL('api/demo/1', document.baseURI).href,
      workspace: 'acme',
      timeZone: 'Europe/Paris',
      since: '2024-01-01',
    });
  });

  it('passes clock (the demo end date) as epoch ms: digits, YYYY-MM-DD at noon UTC, or ISO 8601', async () => {
    expect(parseClock('1732100000000')).to.equal(1732100000000);
    expect(parseClock('2024-11-20')).to.equal(Date.UTC(2024, 10, 20, 12));
    expect(parseClock('2024-11-20T23:00:00+01:00')).to.equal(Date.UTC(2024, 10, 20, 22));
    expect(parseClock(null)).to.equal(undefined);
    expect(parseClock('soon')).to.equal(undefined);
    const before = configurations.length;
    await fixture(html`<parley-config base-url="/api/demo/1/20000/2024-11-20" workspace="demo-1-20000-2024-11-20" clock="2024-11-20"></parley-config>`);
    await waitUntil(() => configurations.length > before);
    expect(configurations.at(-1)?.config.clock).to.equal(Date.UTC(2024, 10, 20, 12));
  });

  it('passes getHeaders, even when the host set it before the element was upgraded', async () => {
    const getHeaders = async () => ({ authorization: 'Bearer t' });
    const inert = document.implementation.createHTMLDocument('');
    const element = inert.createElement('parley-config') as HTMLElement & { getHeaders?: HeadersProvider };
    element.getHeaders = getHeaders;
    element.setAttribute('base-url', 'https://api.example/parley');
    element.setAttribute('workspace', 'acme');
    const before = configurations.length;
    document.body.append(document.adoptNode(element));
    await waitUntil(() => configurations.length > before);
    expect(element).to.be.instanceOf(ParleyConfigElement);
    expect(configurations.at(-1)?.getHeaders).to.equal(getHeaders);
    element.remove();
  });

  it('fires parley-auth-required (bubbling, composed) when sync turns auth-required', async () => {
    await fixture(html`<parley-config base-url="/api" workspace="acme"></parley-config>`);
    await waitUntil(() => listeners.size > 0);
    const fired = oneEvent(document, 'parley-auth-required');
    emit(state('auth-required', 401));
    const event = await fired;
    expect(event.detail).to.deep.equal({ status: 401 });
    expect(event.bubbles && event.composed).to.equal(true);
  });
});
