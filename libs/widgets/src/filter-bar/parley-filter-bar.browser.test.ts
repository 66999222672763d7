import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Filters, Group, WorkspaceFile } from '@parley/model';
import { conversationFilterNames } from '@parley/model';
import { expectAccessible } from '@parley/ui/testing';
// A test oracle only (as testing/demo.ts): the widgets never import mocks.
import { generateWorkspaceFile } from '@parley/mocks';
import { demo, expectedSnapshot, period, untilState, useDemoSource } from '../testing/demo.js';
import type { ParleyBreakdownElement } from '../breakdown/parley-breakdown.js';
import type { ParleyMetricCardElement } from '../metric-card/parley-metric-card.js';
import type { ParleyFilterChangeEvent } from '../shared/scope-events.js';
import '../breakdown/parley-breakdown.js';
import '../metric-card/parley-metric-card.js';
import { ParleyFilterBarElement } from './parley-filter-bar.js';

interface Page {
  bar: ParleyFilterBarElement;
  card: ParleyMetricCardElement;
  closedCard: ParleyMetricCardElement;
  breakdown: ParleyBreakdownElement;
}

async function page(): Promise<Page> {
  const scope = await fixture(html`<parley-scope from=${period.from} to=${period.to} time-zone=${demo.timeZone}>
    <parley-filter-bar></parley-filter-bar>
    <parley-metric-card measure="conversations.opened"></parley-metric-card>
    <parley-metric-card measure="conversations.closed"></parley-metric-card>
    <parley-breakdown measure="conversations.opened" group-by="openedChannel" chart="table"></parley-breakdown>
  </parley-scope>`);
  const [card, closedCard] = [...scope.querySelectorAll('parley-metric-card')];
  const found = { bar: scope.querySelector('parley-filter-bar') as ParleyFilterBarElement, card, closedCard, breakdown: scope.querySelector('parley-breakdown') as ParleyBreakdownElement };
  await Promise.all([untilState(found.card, 'ready'), untilState(found.closedCard, 'ready'), untilState(found.breakdown, 'ready')]);
  return found;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1_000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

function shadow<E extends Element = HTMLElement>(element: Element, selector: string): E {
  const found = element.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

function active(element: Element): Element | null {
  return element.shadowRoot?.activeElement ?? null;
}

/** Waits until the widgets show the snapshot's values for `filters`. */
async function showsSnapshotFor({ card, closedCard, breakdown }: Page, filters: Filters): Promise<void> {
  const expected = expectedSnapshot(filters).conversations;
  await until(() => card.state === 'ready' && card.result === expected.overview.opened, `the opened card to show ${String(expected.overview.opened)}`);
  await until(() => closedCard.result === expected.overview.closed, 'the closed card');
  await until(() => breakdown.state === 'ready' && JSON.stringify(breakdown.result) === JSON.stringify(expected.openedByChannel), 'the breakdown');
}

describe('parley-filter-bar', () => {
  let file: WorkspaceFile;

  before(async () => {
    expect((await useDemoSource('filter-bar')).phase).to.equal('up-to-date');
    file = generateWorkspaceFile({ seed: demo.seed, conversations: demo.conversations, endDate: demo.endDate });
  });

  it('is accessible and offers every conversation filter, with the values in the data and their applicability', async () => {
    const { bar } = await page();
    await expectAccessible(bar);
    const triggers = [...(bar.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part="filter"]') ?? [])];
    expect(triggers.map((trigger) => trigger.id)).to.deep.equal(conversationFilterNames.map((name) => `trigger-${name}`));
    expect(triggers.map((trigger) => trigger.textContent?.replace(/[▾▴]/g, '').trim())).to.deep.equal([
      'Closed source',
      'First assignee',
      'First response by',
      'Last assignee',
      'Closed by team',
      'Closed by user',
      'Category',
      'Opened channel',
      'Opened source',
      'Contact type',
      'Contact',
      'Conversation ID',
    ]);

    shadow<HTMLButtonElement>(bar, '#trigger-openedChannel').click();
    await until(() => (bar.shadowRoot?.querySelectorAll('[part="panel"] input[type="checkbox"]').length ?? 0) > 0, 'the channel values');
    await expectAccessible(bar);
    const labels = [...(bar.shadowRoot?.querySelectorAll('[part="option"]') ?? [])].map((option) => option.textContent?.trim());
    // Names, not ids; deleted channels still listed; "opened by hand" (none) last.
    for (const channel of file.channels) {
      const present = file.conversations.some((conversation) => conversation.openedChannelId === channel.id);
      if (present) expect(labels).to.include(channel.deleted ? `${channel.name} (deleted)` : channel.name);
    }
    expect(labels.at(-1)).to.equal('Opened by hand');
    expect(shadow(bar, '.applies').textContent).to.equal('Applies to opened conversations, opened vs closed, closed conversations, and CSAT.');
    expect(shadow(bar, '#trigger-openedChannel').getAttribute('aria-expanded')).to.equal('true');

    shadow<HTMLButtonElement>(bar, '#trigger-closedSource').click();
    await bar.updateComplete;
    expect(shadow(bar, '.applies').textContent).to.equal('Applies to closed conversations and CSAT.');
    const none = [...(bar.shadowRoot?.querySelectorAll('[part="option"]') ?? [])].map((option) => option.textContent?.trim());
    expect(none).to.include('User');
  });

  it('filters its scope when a channel is chosen from the keyboard; "clear all" restores the numbers', async () => {
    const widgets = await page();
    const { bar } = widgets;
    const channel = (expectedSnapshot().conversations.openedByChannel as Group[]).find((group) => group.key !== null)?.key as string;
    const trigger = shadow<HTMLButtonElement>(bar, '#trigger-openedChannel');
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => (bar.shadowRoot?.querySelectorAll('[part="panel"] input[type="checkbox"]').length ?? 0) > 0, 'the channel values');
    await bar.updateComplete;
    const boxes = [...(bar.shadowRoot?.querySelectorAll<HTMLInputElement>('[part="panel"] input[type="checkbox"]') ?? [])];
    expect(active(bar)).to.equal(boxes[0]);
    const target = boxes.findIndex((box) => box.dataset.value === channel);
    expect(target).to.be.at.least(0);
    for (let i = 0; i < target; i++) await sendKeys({ press: 'ArrowDown' });
    expect(active(bar)).to.equal(boxes[target]);

    const changed = oneEvent(bar, 'parley-filter-change');
    await sendKeys({ press: 'Space' });
    const event = (await changed) as ParleyFilterChangeEvent;
    expect(event.detail).to.deep.equal({ filters: { openedChannel: [channel] }, name: 'openedChannel' });
    expect(bar.filters).to.deep.equal({ openedChannel: [channel] });
    await showsSnapshotFor(widgets, { openedChannel: [channel] });
    expect(widgets.breakdown.result).to.have.length(1);
    expect(shadow(bar, '#trigger-openedChannel').textContent).to.contain('1 selected');

    // A closed-only filter too: the hint names what becomes "not applicable".
    await sendKeys({ press: 'Escape' });
    expect(active(bar)).to.equal(trigger);
    shadow<HTMLButtonElement>(bar, '#trigger-closedSource').click();
    await bar.updateComplete;
    shadow<HTMLInputElement>(bar, '[part="panel"] input[data-value="user"]').click();
    await until(() => widgets.card.state === 'not-applicable', 'the opened card to be not applicable');
    expect(shadow(bar, '[part="hint"]').textContent).to.equal('Not applicable with these filters: opened conversations, messages, and contacts.');
    await until(() => widgets.closedCard.result === expectedSnapshot({ openedChannel: [channel], closedSource: ['user'] }).conversations.overview.closed, 'the closed card');

    shadow<HTMLButtonElement>(bar, '[part="clear"]').focus();
    const cleared = oneEvent(bar, 'parley-filter-change');
    await sendKeys({ press: 'Enter' });
    expect(((await cleared) as ParleyFilterChangeEvent).detail).to.deep.equal({ filters: {} });
    expect(bar.filters).to.deep.equal({});
    await showsSnapshotFor(widgets, {});
    expect(shadow(bar, '[part="hint"]').textContent).to.equal('');
  });

  it('searches contacts by name or ID, and takes typed conversation IDs', async () => {
    const widgets = await page();
    const { bar } = widgets;
    const someone = expectedSnapshot().conversations.list.find((row) => row.contactName !== null);
    if (!someone) throw new Error('no named contact');
    shadow<HTMLButtonElement>(bar, '#trigger-contact').focus();
    await sendKeys({ press: 'Enter' });
    await bar.updateComplete;
    expect(active(bar)?.id).to.equal('contact-search');
    await sendKeys({ type: someone.contactId });
    await until(() => (bar.shadowRoot?.querySelectorAll('[role="option"]').length ?? 0) > 0, 'contact matches');
    await expectAccessible(bar);
    expect(shadow(bar, '[role="option"]').textContent).to.contain(someone.contactId);
    const changed = oneEvent(bar, 'parley-filter-change');
    await sendKeys({ press: 'Enter' });
    const chosen = ((await changed) as ParleyFilterChangeEvent).detail.filters.contact ?? [];
    expect(chosen).to.have.length(1);
    await showsSnapshotFor(widgets, { contact: [...chosen] });
    await bar.updateComplete;
    expect(shadow(bar, '[part="chip"]').textContent).to.contain(file.contacts.find((contact) => contact.id === chosen[0])?.name ?? chosen[0]);

    // By name fragment too.
    const fragment = (someone.contactName as string).slice(0, 4);
    await sendKeys({ type: fragment });
    await until(() => [...(bar.shadowRoot?.querySelectorAll('[role="option"]') ?? [])].some((option) => option.textContent?.includes(fragment)), 'matches by name');
    await sendKeys({ press: 'Escape' });
    await bar.updateComplete;
    expect(bar.shadowRoot?.querySelector('#contact-results')?.hasAttribute('hidden')).to.equal(true);
    shadow<HTMLButtonElement>(bar, '[part="chip"] button').click();
    await showsSnapshotFor(widgets, {});

    shadow<HTMLButtonElement>(bar, '#trigger-conversationId').click();
    await bar.updateComplete;
    expect(active(bar)?.id).to.equal('conversation-id');
    await sendKeys({ type: someone.conversationId });
    await sendKeys({ press: 'Enter' });
    await showsSnapshotFor(widgets, { conversationId: [someone.conversationId] });
    expect(bar.filters).to.deep.equal({ conversationId: [someone.conversationId] });
  });

  it('fires parley-filter-change on user action only', async () => {
    const { bar } = await page();
    let events = 0;
    bar.addEventListener('parley-filter-change', () => events++);
    bar.closest('parley-scope')?.setAttribute('filters', '{"contactType":["new"]}');
    await until(() => bar.filters.contactType?.[0] === 'new', 'the scope filters');
    await bar.updateComplete;
    expect(shadow(bar, '#trigger-contactType').textContent).to.contain('1 selected');
    expect(events).to.equal(0);
  });

  it('keeps its own filters when it sits in no scope', async () => {
    const bar = await fixture<ParleyFilterBarElement>(html`<parley-filter-bar></parley-filter-bar>`);
    shadow<HTMLButtonElement>(bar, '#trigger-contactType').click();
    await until(() => bar.shadowRoot?.querySelector('[part="panel"] input[data-value="returning"]') !== null, 'contact types');
    const changed = oneEvent(bar, 'parley-filter-change');
    shadow<HTMLInputElement>(bar, '[part="panel"] input[data-value="returning"]').click();
    expect(((await changed) as ParleyFilterChangeEvent).detail.filters).to.deep.equal({ contactType: ['returning'] });
    expect(bar.filters).to.deep.equal({ contactType: ['returning'] });
  });
});
