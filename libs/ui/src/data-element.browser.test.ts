import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { html as litHtml, type TemplateResult } from 'lit';
import { ContextProvider } from '@lit/context';
import { engineProtocolVersion, type EngineAnswer, type EngineApi, type EngineEvent, type EngineQuery, type NotApplicable, type SyncState } from '@parley/model';
import { defineOnce, engineRegistry } from '@parley/engine-client';
import { ParleyDataElement, type WidgetRequest } from './data-element.js';
import type { StateDetail } from './events.js';
import { scopeContext, type ScopeValue } from './scope.js';
import { expectAccessible } from './testing/a11y.js';

// The base class against a stand-in engine put into the page's registry: every query waits until
// the test answers it, so ordering, versions and sync states are under the test's control.

interface Pending {
  query: EngineQuery;
  resolve: (answer: EngineAnswer) => void;
  reject: (error: Error) => void;
}

const pending: Pending[] = [];
const listeners = new Map<number, (event: EngineEvent) => void>();
let current: SyncState = syncState('up-to-date', 1, 1_732_100_000_000);

function syncState(phase: SyncState['phase'], version: number, dataAsOf: number | null = null): SyncState {
  return { phase, progress: null, dataAsOf, version, error: null, status: null, storage: 'memory', skipped: 0, recentSkipped: [] };
}

const fakeEngine: EngineApi = {
  protocol: engineProtocolVersion,
  workerId: 'fake-ui',
  configure: async () => current,
  query: <T,>(query: EngineQuery) => new Promise<EngineAnswer<T>>((resolve, reject) => pending.push({ query, resolve: resolve as (answer: EngineAnswer) => void, reject })),
  subscribe: async (listener) => {
    const id = listeners.size + 1;
    listeners.set(id, listener);
    return id;
  },
  unsubscribe: async (id) => {
    listeners.delete(id);
  },
  sync: async () => current,
  syncState: async () => current,
  importFiles: () => Promise.reject(new Error('not used')),
  purge: () => Promise.reject(new Error('not used')),
};
engineRegistry().set(engineProtocolVersion, { engine: Promise.resolve(fakeEngine) });

function emit(event: EngineEvent): void {
  if (event.type === 'sync') current = event.state;
  for (const listener of listeners.values()) listener(event);
}

async function nextQuery(): Promise<Pending> {
  for (let i = 0; i < 200 && pending.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  const next = pending.shift();
  if (!next) throw new Error('no query was sent');
  return next;
}

const answer = (value: unknown, version = current.version): EngineAnswer => ({
  version,
  period: { from: '2024-11-01', to: '2024-11-30', timeZone: 'Europe/Paris', startMs: 0, endMs: 1 },
  value,
});

class TestWidget extends ParleyDataElement<number> {
  protected override requests(): readonly WidgetRequest[] {
    return [{ section: 'conversations.overview' }];
  }
  protected override toResult([first]: readonly EngineAnswer[]): number | NotApplicable {
    return (first.value as { opened: number | NotApplicable }).opened;
  }
  protected override isEmpty(result: number): boolean {
    return result < 0;
  }
  protected override heading(): string {
    return 'Test widget';
  }
  protected override renderReady(result: number): TemplateResult {
    return litHtml`<span part="value">${result}</span>`;
  }
}
defineOnce('parley-test-widget', TestWidget);

function valueOf(element: TestWidget): string | undefined {
  return element.shadowRoot?.querySelector('[part="value"]')?.textContent ?? undefined;
}

describe('ParleyDataElement', () => {
  beforeEach(() => {
    pending.length = 0;
    current = syncState('up-to-date', 1, 1_732_100_000_000);
  });

  it('asks for last-30-days in the default zone without filters, and is accessible in each state', async () => {
    const element = await fixture<TestWidget>(html`<parley-test-widget></parley-test-widget>`);
    expect(element.state).to.equal('loading');
    await expectAccessible(element);
    const query = await nextQuery();
    expect(query.query).to.deep.equal({ section: 'conversations.overview', period: { preset: 'last-30-days' } });
    query.resolve(answer({ opened: 42 }));
    await oneEvent(element, 'parley-state');
    expect(element.state).to.equal('ready');
    expect(element.result).to.equal(42);
    expect(valueOf(element)).to.equal('42');
    expect(element.shadowRoot?.querySelector('[part="period"]')?.textContent).to.equal('Nov 1 – 30, 2024');
    await expectAccessible(element);
  });

  it('builds the query from preset, from/to, time-zone and filters; from/to win over preset', async () => {
    const element = await fixture<TestWidget>(html`<parley-test-widget preset="this-month" time-zone="Asia/Shanghai" filters='{"openedChannel":["c1"],"contact":[]}'></parley-test-widget>`);
    expect((await nextQuery()).query).to.deep.equal({ section: 'conversations.overview', period: { preset: 'this-month' }, timeZone: 'Asia/Shanghai', filters: { openedChannel: ['c1'] } });
    element.setAttribute('from', '2024-11-20');
    element.setAttribute('to', '2024-11-01');
    expect((await nextQuery()).query.period).to.deep.equal({ from: '2024-11-01', to: '2024-11-20' });
  });

  it('takes period, zone and filters from a scope unless it sets its own; filters merge name by name', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const provider = new ContextProvider(host, { context: scopeContext });
    provider.hostConnected();
    const scope: ScopeValue = { period: { from: '2024-10-01', to: '2024-10-31' }, timeZone: 'UTC', filters: { contactType: ['new'], openedSource: ['user'] }, edit: () => undefined };
    provider.setValue(scope);
    const element = document.createElement('parley-test-widget') as TestWidget;
    element.setAttribute('filters', '{"openedSource":["api"]}');
    host.append(element);
    expect((await nextQuery()).query).to.deep.equal({
      section: 'conversations.overview',
      period: { from: '2024-10-01', to: '2024-10-31' },
      timeZone: 'UTC',
      filters: { contactType: ['new'], openedSource: ['api'] },
    });
    provider.setValue({ ...scope, filters: {} });
    expect((await nextQuery()).query.filters).to.deep.equal({ openedSource: ['api'] });
    element.setAttribute('preset', 'today');
    expect((await nextQuery()).query.period).to.deep.equal({ preset: 'today' });
  });

  it('drops a superseded answer: the newest question wins whatever order answers come in', async () => {
    const element = await fixture<TestWidget>(html`<parley-test-widget filters='{"contactType":["new"]}'></parley-test-widget>`);
    const first = await nextQuery();
    element.setAttribute('filters', '{"contactType":["returning"]}');
    const second = await nextQuery();
    second.resolve(answer({ opened: 2 }));
    await oneEvent(element, 'parley-state');
    first.resolve(answer({ opened: 1 }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await element.updateComplete;
    expect(element.result).to.equal(2);
    expect(valueOf(element)).to.equal('2');
  });

  it('re-asks on a new data version, keeping the shown number until the new one arrives', async () => {
    const element = await fixture<TestWidget>(html`<parley-test-widget></parley-test-widget>`);
    (await nextQuery()).resolve(answer({ opened: 5 }));
    await oneEvent(element, 'parley-state');
    emit({ type: 'version', version: 2 });
    const refresh = await nextQuery();
    expect(element.state).to.equal('ready');
    expect(element.result).to.equal(5);
    refresh.resolve(answer({ opened: 6 }, 2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await element.updateComplete;
    expect(element.result).to.equal(6);
    // The same version again (its sync state) asks nothing.
    emit({ type: 'sync', state: syncState('up-to-date', 2, 1) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pending.length).to.equal(0);
  });

  it('is stale (badge, parley-state) while offline with data, fresh again when sync recovers', async () => {
    const element = await fixture<TestWidget>(html`<parley-test-widget></parley-test-widget>`);
    (await nextQuery()).resolve(answer({ opened: 5 }));
    await oneEvent(element, 'parley-state');
    const staleEvent = oneEvent(element, 'parley-state');
    emit({ type: 'sync', state: syncState('offline', 1, Date.UTC(2024, 10, 20, 13, 5)) });
    expect((await staleEvent).detail).to.deep.equal({ state: 'ready', stale: true, dataAsOf: Date.UTC(2024, 10, 20, 13, 5) } satisfies StateDetail);
    expect(element.shadowRoot?.querySelector('[part="stale"]')?.textContent).to.equal('May be out of date · data from Nov 20, 2024, 2:05 PM');
    await expectAccessible(element);
    const freshEvent = oneEvent(element, 'parley-state');
    emit({ type: 'sync', state: syncState('up-to-date', 1, Date.UTC(2024, 10, 20, 14)) });
    expect((await freshEvent).detail.stale).to.equal(false);
    expect(element.shadowRoot?.querySelector('[part="stale"]')).to.equal(null);
  });

  it('waits in loading for a source to be configured, then asks again', async () => {
    current = syncState('idle', 0);
    const element = await fixture<TestWidget>(html`<parley-test-widget></parley-test-widget>`);
    (await nextQuery()).reject(new Error('Parley is not configured'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(element.state).to.equal('loading');
    emit({ type: 'sync', state: syncState('syncing', 0) });
    (await nextQuery()).resolve(answer({ opened: 0 }, 1));
    await oneEvent(element, 'parley-state');
    expect(element.state).to.equal('ready');
    expect(valueOf(element)).to.equal('0');
  });

  it('shows an error with a working retry button, and the not-applicable and empty states', async () => {
    const element = await fixture<TestWidget>(html`<parley-test-widget></parley-test-widget>`);
    (await nextQuery()).reject(new Error('boom'));
    await oneEvent(element, 'parley-state');
    expect(element.state).to.equal('error');
    expect(element.shadowRoot?.querySelector('[part="error"] .reason')?.textContent).to.equal('boom');
    await expectAccessible(element);
    element.shadowRoot?.querySelector<HTMLButtonElement>('[part="retry"]')?.click();
    (await nextQuery()).resolve(answer({ opened: 'not-applicable' }));
    await oneEvent(element, 'parley-state');
    expect(element.state).to.equal('not-applicable');
    expect(element.result).to.equal('not-applicable');
    element.setAttribute('time-zone', 'UTC');
    (await nextQuery()).resolve(answer({ opened: -1 }));
    await oneEvent(element, 'parley-state');
    expect(element.state).to.equal('empty');
  });

  it('speaks the inherited language', async () => {
    const host = await fixture<HTMLDivElement>(html`<div lang="zh"><parley-test-widget></parley-test-widget></div>`);
    const element = host.querySelector('parley-test-widget') as TestWidget;
    const label = () => element.shadowRoot?.querySelector('[part="loading"]')?.getAttribute('aria-label');
    // Chinese and French strings are fetched on first use: English stands in, then the element re-renders.
    await waitUntil(() => label() === '加载中…', 'the Chinese strings did not arrive');
    host.setAttribute('lang', 'fr');
    await waitUntil(() => label() === 'Chargement…', 'the French strings did not arrive');
  });
});
