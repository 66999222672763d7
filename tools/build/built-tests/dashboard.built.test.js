// The Reports app as built (dist/dashboard): every number a user can click opens the list with
// exactly that many conversations, and the URL holding the view reopens it.
import { expect } from '@open-wc/testing';
import { openFrame, waitFor } from './helpers.js';

const query = '?seed=9&conversations=1500&end=2024-11-20';
const widgets = 'parley-metric-card,parley-heatmap,parley-breakdown,parley-timeseries,parley-conversation-list';

async function openApp(search = query) {
  const frame = await openFrame(`/dist/dashboard/index.html${search}`);
  const doc = frame.contentDocument;
  await waitFor(() => {
    const all = [...doc.querySelectorAll(widgets)];
    return all.length === 12 && all.every((element) => element.state === 'ready');
  }, 'every widget ready', 60_000);
  return { frame, doc, list: doc.getElementById('conversations') };
}

/**
 * Activates `target` (a click) and waits until the list, drilled down, shows `expected` rows.
 * The list keeps its old rows until the new answer lands, so a wrong count would time out here.
 */
async function drill(list, target, expected) {
  target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
  const banner = list.ownerDocument.getElementById('drill-banner');
  await waitFor(() => !banner.hidden && list.state === 'ready' && list.rowCount === expected, `the list showing ${expected} rows (now ${list.rowCount})`);
  return list.rowCount;
}

describe('the Reports app (built)', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('opens the list with the count clicked: card, bar, arc segment, heatmap cell', async () => {
    const { doc, list } = await openApp();
    const [openedCard] = doc.querySelectorAll('parley-metric-card');
    expect(await drill(list, openedCard.shadowRoot.querySelector('[part="button"]'), openedCard.result)).to.equal(openedCard.result);
    expect(list.scope).to.equal('opened');

    const closedSource = doc.querySelector('parley-breakdown[group-by="closedSource"]');
    await waitFor(() => closedSource.shadowRoot.querySelector('[part="chart"] rect.mark'), 'the bars');
    const bar = closedSource.shadowRoot.querySelectorAll('[part="chart"] rect.mark')[1];
    expect(await drill(list, bar, closedSource.result[1].count)).to.equal(closedSource.result[1].count);
    expect(list.scope).to.equal('closed');

    const contactType = doc.querySelector('parley-breakdown[measure="conversations.opened"][group-by="contactType"]');
    const segment = contactType.shadowRoot.querySelectorAll('[part="segment"]')[1];
    expect(await drill(list, segment, contactType.result[1].count)).to.equal(contactType.result[1].count);

    const closedHeatmap = doc.querySelectorAll('parley-heatmap')[1];
    const cell = closedHeatmap.shadowRoot.querySelector('[part="cell"][data-weekday="2"][data-hour="10"]');
    expect(await drill(list, cell, closedHeatmap.result[2][10])).to.equal(closedHeatmap.result[2][10]);
    expect(list.weekday).to.equal(2);
    expect(list.hour).to.equal(10);
  });

  it('keeps the view in the URL: a link reopens the same drill-down', async () => {
    const { frame, list } = await openApp();
    const closedHeatmap = frame.contentDocument.querySelectorAll('parley-heatmap')[1];
    const count = await drill(list, closedHeatmap.shadowRoot.querySelector('[part="cell"][data-weekday="1"][data-hour="15"]'), closedHeatmap.result[1][15]);
    const search = frame.contentWindow.location.search;
    expect(new URLSearchParams(search).get('drill')).to.contain('"weekday":1');
    frame.remove();
    const again = await openApp(search);
    await waitFor(() => !again.doc.getElementById('drill-banner').hidden && again.list.state === 'ready' && again.list.weekday === 1, 'the reopened drill-down');
    expect(again.list.rowCount).to.equal(count);
    again.doc.getElementById('drill-clear').click();
    const closed = again.doc.querySelectorAll('parley-metric-card')[1].result;
    await waitFor(() => again.doc.getElementById('drill-banner').hidden && again.list.state === 'ready' && again.list.rowCount === closed, 'back to every closed conversation');
    expect(again.list.weekday).to.equal(undefined);
  });
});
