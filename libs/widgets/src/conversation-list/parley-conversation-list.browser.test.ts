import { expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ConversationRow, WorkspaceFile } from '@parley/model';
import { Parley } from '@parley/engine-client';
import { formatCount, formatDateTime, formatDuration, type DrilldownDetail } from '@parley/ui';
import { expectAccessible } from '@parley/ui/testing';
// Test oracles only (as testing/demo.ts): the widgets themselves never import metrics or mocks.
import { snapshotOfWorkspace } from '@parley/metrics';
import { generateWorkspaceFile } from '@parley/mocks';
import { demo, expectedSnapshot, period, untilState, useDemoSource } from '../testing/demo.js';
import { ParleyHeatmapElement } from '../heatmap/parley-heatmap.js';
import { csvField, neutralise } from './csv.js';
import { ParleyConversationListElement } from './parley-conversation-list.js';

function list(attributes: Record<string, string> = {}): Promise<ParleyConversationListElement> {
  const element = document.createElement('parley-conversation-list');
  for (const [name, value] of Object.entries({ from: period.from, to: period.to, 'time-zone': demo.timeZone, ...attributes })) element.setAttribute(name, value);
  return fixture(element);
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1_000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

/** Waits for the answer to a change just made (the state passes through loading). */
async function reloaded(element: ParleyConversationListElement): Promise<void> {
  await element.updateComplete;
  await untilState(element, 'ready');
}

function rows(element: ParleyConversationListElement): HTMLElement[] {
  return [...(element.shadowRoot?.querySelectorAll<HTMLElement>('[part="row"]') ?? [])];
}

function header(element: ParleyConversationListElement, key: string): HTMLButtonElement {
  const button = element.shadowRoot?.querySelector<HTMLButtonElement>(`button.sort[data-key="${key}"]`);
  if (!button) throw new Error(`no header ${key}`);
  return button;
}

function rowCells(row: HTMLElement): string[] {
  return [...row.querySelectorAll('[part="cell"]')].map((cell) => cell.textContent ?? '');
}

/** The engine's sort: nulls last either way, then the snapshot's order (stable). */
function sortedRows(expected: readonly ConversationRow[], key: keyof ConversationRow, descending: boolean): ConversationRow[] {
  const compare = (a: unknown, b: unknown): number => {
    if (a === null) return b === null ? 0 : 1;
    if (b === null) return -1;
    const order = typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
    return descending ? -order : order;
  };
  return expected
    .map((row, index) => ({ row, index }))
    .sort((a, b) => compare(a.row[key], b.row[key]) || a.index - b.index)
    .map(({ row }) => row);
}

const localCell = (epochMs: number) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: demo.timeZone, weekday: 'short', hour: '2-digit', hourCycle: 'h23' }).formatToParts(epochMs).map((part) => [part.type, part.value]),
  );
  return { weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday), hour: Number(parts.hour) };
};

describe('parley-conversation-list', () => {
  let file: WorkspaceFile;

  before(async () => {
    expect((await useDemoSource('conversation-list')).phase).to.equal('up-to-date');
    file = generateWorkspaceFile({ seed: demo.seed, conversations: demo.conversations, endDate: demo.endDate });
  });

  it('is accessible; its rows and rowCount equal the snapshot list; only the visible rows are rendered', async () => {
    const element = await list();
    await untilState(element, 'ready');
    await until(() => rows(element).length > 0, 'rendered rows');
    await expectAccessible(element);
    const expected = expectedSnapshot().conversations.list;
    expect(expected.length).to.be.above(100);
    expect(element.rowCount).to.equal(expected.length);
    expect(element.result).to.deep.equal(expected);
    expect(element.shadowRoot?.querySelector('[part="count"]')?.textContent).to.equal(`${formatCount(expected.length, 'en')} conversations`);
    expect(element.shadowRoot?.querySelector('[part="cap-notice"]')).to.equal(null);

    // Virtualised: a screenful of rows, not all of them; aria-rowcount tells the whole.
    expect(rows(element).length).to.be.below(60);
    expect(element.shadowRoot?.querySelector('[role="table"]')?.getAttribute('aria-rowcount')).to.equal(String(expected.length + 1));
    // Every column of the row, in the snapshot's order, shown with names and formats.
    const headers = [...(element.shadowRoot?.querySelectorAll('button.sort') ?? [])].map((button) => (button as HTMLElement).dataset.key);
    expect(headers).to.deep.equal(Object.keys(expected[0]));
    const first = rows(element).find((row) => row.getAttribute('aria-rowindex') === '2');
    expect(first, 'first row').to.not.equal(undefined);
    const cells = rowCells(first as HTMLElement);
    const row = expected[0];
    const keys = Object.keys(row) as (keyof ConversationRow)[];
    const cellOf = (key: keyof ConversationRow) => cells[keys.indexOf(key)];
    expect(cellOf('conversationId')).to.equal(row.conversationId);
    expect(cellOf('closedAt')).to.equal(formatDateTime(row.closedAt as number, 'en', demo.timeZone));
    expect(cellOf('resolutionTimeMs')).to.equal(formatDuration(row.resolutionTimeMs, 'en'));
    expect(cellOf('resolutionTimeMs')).to.match(/^(\d{2}:)?\d{2}:\d{2}$/);
    expect(cellOf('incomingMessages')).to.equal(formatCount(row.incomingMessages, 'en'));
    expect(cellOf('contactName')).to.equal(row.contactName ?? '-');
    const channel = file.channels.find((candidate) => candidate.id === row.openedChannelId);
    expect(cellOf('openedChannelId')).to.equal(channel ? channel.name : '-');
    const closer = file.users.find((user) => user.id === row.closedByUserId);
    if (closer) expect(cellOf('closedByUserId')).to.equal(closer.name);
    // Scrolling renders the rows that come into view, read from the same columns.
    const scroller = element.shadowRoot?.querySelector('[part="scroller"]') as HTMLElement;
    scroller.scrollTop = 36 * 500;
    await until(() => rows(element).some((candidate) => candidate.getAttribute('aria-rowindex') === '502'), 'row 500 after scrolling');
    const far = rows(element).find((candidate) => candidate.getAttribute('aria-rowindex') === '502') as HTMLElement;
    expect(rowCells(far)[7]).to.equal(expected[500].conversationId);
    expect(rows(element).length).to.be.below(60);
    // Names with ids: somewhere a user name stands for a first assignee id.
    const named = expected.find((candidate) => candidate.firstAssigneeId !== null);
    expect(file.users.some((user) => user.id === named?.firstAssigneeId)).to.equal(true);
  });

  it('sorts by a column from the keyboard, in the engine, keeping focus on the header', async () => {
    const element = await list();
    await untilState(element, 'ready');
    const expected = expectedSnapshot().conversations.list;
    expect(header(element, 'closedAt').parentElement?.getAttribute('aria-sort')).to.equal('descending');

    header(element, 'resolutionTimeMs').focus();
    await sendKeys({ press: 'Enter' });
    await reloaded(element);
    expect(element.result).to.deep.equal(sortedRows(expected, 'resolutionTimeMs', false));
    expect(header(element, 'resolutionTimeMs').parentElement?.getAttribute('aria-sort')).to.equal('ascending');
    expect(header(element, 'closedAt').parentElement?.hasAttribute('aria-sort')).to.equal(false);
    expect(element.shadowRoot?.activeElement).to.equal(header(element, 'resolutionTimeMs'));

    await sendKeys({ press: 'Enter' });
    await reloaded(element);
    expect(element.result).to.deep.equal(sortedRows(expected, 'resolutionTimeMs', true));
    expect(header(element, 'resolutionTimeMs').parentElement?.getAttribute('aria-sort')).to.equal('descending');

    // A string column with ties and nulls, with Space.
    header(element, 'firstAssigneeId').focus();
    await sendKeys({ press: 'Space' });
    await reloaded(element);
    expect(element.result).to.deep.equal(sortedRows(expected, 'firstAssigneeId', false));
    expect(element.rowCount).to.equal(expected.length);
    await until(() => rows(element).some((row) => row.getAttribute('aria-rowindex') === '2'), 'the first row');
    const first = rows(element).find((row) => row.getAttribute('aria-rowindex') === '2') as HTMLElement;
    expect(rowCells(first)[7]).to.equal(sortedRows(expected, 'firstAssigneeId', false)[0].conversationId);
  });

  it('shows the conversations behind a heatmap cell: a drill-down gives the heatmap count', async () => {
    const heatmap = document.createElement('parley-heatmap') as ParleyHeatmapElement;
    for (const [name, value] of Object.entries({ measure: 'conversations.closed', from: period.from, to: period.to, 'time-zone': demo.timeZone })) heatmap.setAttribute(name, value);
    await fixture(heatmap);
    await untilState(heatmap, 'ready');
    const grid = heatmap.result as number[][];
    const max = Math.max(...grid.flat());
    const weekday = grid.findIndex((row) => row.includes(max));
    const hour = grid[weekday].indexOf(max);
    const drilled = oneEvent(heatmap, 'parley-drilldown');
    heatmap.shadowRoot?.querySelector<HTMLElement>(`[part="cell"][data-weekday="${weekday}"][data-hour="${hour}"]`)?.click();
    const detail: DrilldownDetail = (await drilled).detail;

    const element = await list({ filters: '{"contactType":["new"]}' });
    await untilState(element, 'ready');
    element.showDrilldown(detail);
    await reloaded(element);
    expect(element.rowCount).to.equal(max);
    expect(element.rowCount).to.equal(expectedSnapshot().conversations.closedHeatmap[weekday][hour]);
    const result = element.result as ConversationRow[];
    expect(result.every((row) => JSON.stringify(localCell(row.closedAt as number)) === JSON.stringify({ weekday, hour }))).to.equal(true);
    expect(element.shadowRoot?.querySelector('[part="cell-filter"]')?.textContent).to.contain('Only');

    // The same with attributes, one to one.
    const byAttributes = await list({ scope: 'closed', weekday: String(weekday), hour: String(hour) });
    await untilState(byAttributes, 'ready');
    expect(byAttributes.rowCount).to.equal(max);
    expect(byAttributes.result).to.deep.equal(result);
    await expectAccessible(byAttributes);
  });

  it('lists opened conversations with scope="opened", not applicable with a closed-only filter; empty when nothing matches', async () => {
    const opened = await list({ scope: 'opened' });
    await untilState(opened, 'ready');
    expect(opened.rowCount).to.equal(expectedSnapshot().conversations.overview.opened);
    expect(header(opened, 'openedAt').parentElement?.getAttribute('aria-sort')).to.equal('descending');

    const na = await list({ scope: 'opened', filters: '{"closedSource":["user"]}' });
    await untilState(na, 'not-applicable');
    expect(na.result).to.equal('not-applicable');

    const empty = await list({ filters: '{"conversationId":["no-such"]}' });
    await untilState(empty, 'empty');
    expect(empty.rowCount).to.equal(0);
    expect(empty.shadowRoot?.querySelector('[part="empty"]')?.textContent).to.equal('No data for the selected filters');
    await expectAccessible(empty);

    const invalid = await list({ weekday: '2' });
    await untilState(invalid, 'error');
  });

  it('chooses columns from the keyboard and remembers the choice per element id', async () => {
    const id = `list-${Math.random().toString(36).slice(2)}`;
    const element = await list({ id });
    await untilState(element, 'ready');
    const summary = element.shadowRoot?.querySelector<HTMLElement>('[part="columns"] summary') as HTMLElement;
    summary.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect((element.shadowRoot?.querySelector('[part="columns"]') as HTMLDetailsElement).open).to.equal(true);
    await expectAccessible(element);
    element.shadowRoot?.querySelector<HTMLInputElement>('input[name="summary"]')?.focus();
    await sendKeys({ press: 'Space' });
    await element.updateComplete;
    expect(element.shadowRoot?.querySelector('button.sort[data-key="summary"]')).to.equal(null);
    await sendKeys({ press: 'Escape' });
    expect((element.shadowRoot?.querySelector('[part="columns"]') as HTMLDetailsElement).open).to.equal(false);
    expect(element.shadowRoot?.activeElement).to.equal(summary);

    const again = await list({ id });
    await untilState(again, 'ready');
    expect(again.shadowRoot?.querySelector('button.sort[data-key="summary"]')).to.equal(null);
    expect(again.shadowRoot?.querySelector('button.sort[data-key="category"]')).to.not.equal(null);
    localStorage.removeItem(`parley-conversation-list:hidden-columns:${id}`);

    const some = await list({ columns: 'conversationId, closedAt,resolutionTimeMs' });
    await untilState(some, 'ready');
    expect([...(some.shadowRoot?.querySelectorAll('button.sort') ?? [])].map((button) => (button as HTMLElement).dataset.key)).to.deep.equal(['closedAt', 'conversationId', 'resolutionTimeMs']);
  });

  it('exports the current view as CSV', async () => {
    expect(neutralise('=1+2')).to.equal("'=1+2");
    for (const start of ['+', '-', '@', '\t', '\r']) expect(neutralise(`${start}x`)).to.equal(`'${start}x`);
    expect(neutralise('plain')).to.equal('plain');
    expect(csvField('=HYPERLINK("http://x","y")')).to.equal('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('a,b')).to.equal('"a,b"');

    const element = await list({ columns: 'closedAt,conversationId,resolutionTimeMs,firstAssigneeId', 'sort-by': 'resolutionTimeMs', descending: '' });
    await untilState(element, 'ready');
    const expected = sortedRows(expectedSnapshot().conversations.list, 'resolutionTimeMs', true);
    const blob = await element.exportCsv();
    const text = await blob.text();
    const lines = text.split('\r\n');
    // A UTF-8 byte-order mark first (Blob.text() drops it).
    expect([...new Uint8Array(await blob.slice(0, 3).arrayBuffer())]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(lines[0]).to.equal('Closed at,Conversation ID,First assignee,Resolution time');
    expect(lines.length).to.equal(expected.length + 2);
    expect(lines.at(-1)).to.equal('');
    const row = expected[0];
    const assignee = file.users.find((user) => user.id === row.firstAssigneeId);
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: demo.timeZone, dateStyle: 'short', timeStyle: 'medium' }).format(row.closedAt as number);
    expect(lines[1]).to.equal([local, row.conversationId, assignee?.name ?? '', formatDuration(row.resolutionTimeMs, 'en')].join(','));
  });

  // Last: it replaces the page's source with an imported workspace.
  it('neutralises formulas in the CSV export and never renders data as HTML', async () => {
    const small = generateWorkspaceFile({ seed: demo.seed, conversations: 300, endDate: demo.endDate });
    small.workspace = { ...small.workspace, id: `csv-${Math.random().toString(36).slice(2)}` };
    const target = snapshotOfWorkspace(small, { ...period, timeZone: demo.timeZone, filters: {} }).conversations.list[0];
    const contact = small.contacts.find((candidate) => candidate.id === target.contactId);
    const conversation = small.conversations.find((candidate) => candidate.id === target.conversationId);
    if (!contact || !conversation) throw new Error('no target row');
    contact.name = '=HYPERLINK("http://evil.example","x")';
    conversation.summary = '<img src=x onerror="window.__parleyXss=1">';
    conversation.category = '@SUM(A1)';
    await Parley.importFiles(new Blob([JSON.stringify(small)], { type: 'application/json' }));

    const element = await list({ columns: 'conversationId,contactName,category,summary' });
    await untilState(element, 'ready');
    expect((element.result as ConversationRow[])[0].contactName).to.equal(contact.name);
    await until(() => rows(element).some((row) => row.getAttribute('aria-rowindex') === '2'), 'the first row');
    const first = rows(element).find((row) => row.getAttribute('aria-rowindex') === '2') as HTMLElement;
    expect(rowCells(first)).to.deep.equal([target.conversationId, contact.name, '@SUM(A1)', conversation.summary]);
    expect(element.shadowRoot?.querySelector('img')).to.equal(null);
    expect((window as { __parleyXss?: number }).__parleyXss).to.equal(undefined);

    const lines = (await (await element.exportCsv()).text()).split('\r\n');
    expect(lines[1]).to.equal(`${target.conversationId},"'=HYPERLINK(""http://evil.example"",""x"")",'@SUM(A1),"<img src=x onerror=""window.__parleyXss=1"">"`);
  });
});
