import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { describeSyncState } from '@parley/model';
import { Parley } from '@parley/engine-client';
import { expectAccessible } from '@parley/ui/testing';
import { demoBase, useDemoSource } from '../testing/demo.js';
import { ParleySyncStatusElement } from './parley-sync-status.js';

function text(element: ParleySyncStatusElement, part: string): string | undefined {
  return element.shadowRoot?.querySelector(`[part="${part}"]`)?.textContent?.trim();
}

describe('parley-sync-status', () => {
  it('is accessible and describes an up-to-date source with its skipped items', async () => {
    const state = await useDemoSource('status-malformed', 'malformed');
    expect(state.phase).to.equal('up-to-date');
    expect(state.skipped).to.be.greaterThan(0);
    const element = await fixture<ParleySyncStatusElement>(html`<parley-sync-status></parley-sync-status>`);
    await waitUntil(() => element.syncState?.phase === 'up-to-date');
    await element.updateComplete;
    await expectAccessible(element);
    expect(text(element, 'status')).to.equal(describeSyncState(element.syncState ?? state, { now: Date.now(), locale: 'en' }));
    expect(text(element, 'status')).to.match(/^up to date/);
    expect(text(element, 'skipped')).to.equal(`${new Intl.NumberFormat('en').format(state.skipped)} invalid items skipped`);
    expect(text(element, 'retry')).to.equal('Sync now');
  });

  it('starts a sync round from its button', async () => {
    await useDemoSource('status-sync');
    const element = await fixture<ParleySyncStatusElement>(html`<parley-sync-status lang="fr"></parley-sync-status>`);
    await waitUntil(() => element.syncState?.phase === 'up-to-date');
    const before = (await (await fetch(`${demoBase('status-sync')}/_control/stats`)).json()) as { requests: Record<string, number> };
    element.shadowRoot?.querySelector<HTMLButtonElement>('[part="retry"]')?.click();
    await waitUntil(async () => {
      const after = (await (await fetch(`${demoBase('status-sync')}/_control/stats`)).json()) as { requests: Record<string, number> };
      return (after.requests.workspace ?? 0) > (before.requests.workspace ?? 0);
    });
    await waitUntil(() => element.syncState?.phase === 'up-to-date');
    await element.updateComplete;
    expect(text(element, 'status')).to.match(/^à jour/);
    expect(text(element, 'retry')).to.equal('Synchroniser');
  });

  it('says sign-in is required after a 401 and offers Retry', async () => {
    const state = await useDemoSource('status-401', '401');
    expect(state.phase).to.equal('auth-required');
    const element = await fixture<ParleySyncStatusElement>(html`<parley-sync-status></parley-sync-status>`);
    await waitUntil(() => element.syncState?.phase === 'auth-required');
    await element.updateComplete;
    await expectAccessible(element);
    expect(text(element, 'status')).to.equal('sign-in required');
    expect(text(element, 'retry')).to.equal('Retry');
    expect(await Parley.syncState()).to.include({ phase: 'auth-required', status: 401 });
  });
});
