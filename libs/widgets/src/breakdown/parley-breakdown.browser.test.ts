import { expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Group } from '@parley/model';
import { formatCount, formatPercent, type DrilldownDetail } from '@parley/ui';
import { expectAccessible } from '@parley/ui/testing';
import { demo, expectedSnapshot, period, untilState, useDemoSource } from '../testing/demo.js';
import { generateWorkspaceFile } from '@parley/mocks';
import { ParleyBreakdownElement } from './parley-breakdown.js';

function breakdown(attributes: Record<string, string>): Promise<ParleyBreakdownElement> {
  const element = document.createElement('parley-breakdown');
  for (const [name, value] of Object.entries({ from: period.from, to: period.to, 'time-zone': demo.timeZone, ...attributes })) element.setAttribute(name, value);
  return fixture(element);
}

const percent = (group: Group) => formatPercent(group.percent, 'en');
const count = (group: Group) => formatCount(group.count, 'en');

describe('parley-breakdown', () => {
  before(async () => {
    expect((await useDemoSource('breakdown')).phase).to.equal('up-to-date');
  });

  it('is accessible as bars, arc and table', async () => {
    for (const chart of ['bar', 'arc', 'table']) {
      const element = await breakdown({ measure: 'conversations.opened', 'group-by': 'openedChannel', chart });
      await untilState(element, 'ready');
      await expectAccessible(element);
    }
  });

  it('equals each section of the measure / group-by table', async () => {
    const expected = expectedSnapshot().conversations;
    const cases: [string, string, Group[]][] = [
      ['conversations.opened', 'contactType', expected.openedByContactType as Group[]],
      ['conversations.opened', 'openedSource', expected.openedBySource as Group[]],
      ['conversations.opened', 'openedChannel', expected.openedByChannel as Group[]],
      ['conversations.closed', 'category', expected.closedByCategory],
      ['conversations.closed', 'closedSource', expected.closedBySource],
      ['conversations.closed', 'contactType', expected.closedByContactType],
    ];
    for (const [measure, groupBy, groups] of cases) {
      const element = await breakdown({ measure, 'group-by': groupBy, chart: 'table' });
      await untilState(element, 'ready');
      expect(element.result, `${measure} by ${groupBy}`).to.deep.equal(groups);
    }
  });

  it('names channels by the names the workspace gives them, not their ids', async () => {
    const channels = generateWorkspaceFile({ seed: demo.seed, conversations: demo.conversations, endDate: demo.endDate }).channels;
    const element = await breakdown({ measure: 'conversations.opened', 'group-by': 'openedChannel', chart: 'table' });
    await untilState(element, 'ready');
    await element.updateComplete;
    const text = element.shadowRoot?.querySelector('[part="table"]')?.textContent ?? '';
    const shown = (element.result as Group[]).filter((group) => group.key !== null);
    expect(shown.length).to.be.greaterThan(2);
    for (const group of shown) {
      const name = channels.find((channel) => channel.id === group.key)?.name;
      expect(name, `channel ${group.key}`).to.be.a('string');
      expect(text).to.contain(name as string);
      expect(element.labelOf(group.key)).to.equal(name);
    }
  });

  it('shows every count and percentage in the bar chart, the arc legend and the table', async () => {
    const groups = expectedSnapshot().conversations.closedByCategory;
    expect(groups.some((group) => group.key === null)).to.equal(true);
    const bar = await breakdown({ measure: 'conversations.closed', 'group-by': 'category' });
    await untilState(bar, 'ready');
    await bar.updateComplete;
    const bars = [...(bar.shadowRoot?.querySelectorAll('[part="chart"] rect.mark') ?? [])];
    expect(bars.length).to.equal(groups.length);
    const barText = bar.shadowRoot?.querySelector('[part="chart"]')?.textContent ?? '';
    for (const group of groups) expect(barText).to.contain(`${count(group)} · ${percent(group)}`);
    expect(barText).to.contain('No category');
    expect(bars.map((rect) => rect.getAttribute('aria-label'))).to.deep.equal(groups.map((group) => `${group.key ?? 'No category'}: ${count(group)} (${percent(group)})`));

    const arc = await breakdown({ measure: 'conversations.closed', 'group-by': 'category', chart: 'arc' });
    await untilState(arc, 'ready');
    const legend = [...(arc.shadowRoot?.querySelectorAll('[part="legend"] li') ?? [])].map((item) => [...item.querySelectorAll('span')].map((span) => span.textContent?.trim()).filter(Boolean));
    expect(legend).to.deep.equal(groups.map((group) => [group.key ?? 'No category', count(group), percent(group)]));
    expect(arc.shadowRoot?.querySelectorAll('[part="segment"]').length).to.equal(groups.length);

    const table = await breakdown({ measure: 'conversations.closed', 'group-by': 'category', chart: 'table' });
    await untilState(table, 'ready');
    const rows = [...(table.shadowRoot?.querySelectorAll('[part="row"]') ?? [])].map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim()));
    expect(rows).to.deep.equal(groups.map((group) => [group.key ?? 'No category', count(group), percent(group)]));
  });

  it('is empty with a filter matching nothing, not applicable with a closed-only filter on an opened breakdown', async () => {
    const empty = await breakdown({ measure: 'conversations.opened', 'group-by': 'openedChannel', filters: '{"openedChannel":["no-such"]}' });
    await untilState(empty, 'empty');
    expect(empty.result).to.deep.equal([]);
    expect(empty.shadowRoot?.querySelector('[part="empty"]')?.textContent).to.equal('No data for the selected filters');
    await expectAccessible(empty);

    const na = await breakdown({ measure: 'conversations.opened', 'group-by': 'openedSource', filters: '{"firstAssignee":["u-01"]}' });
    await untilState(na, 'not-applicable');
    expect(na.result).to.equal('not-applicable');
    expect(na.shadowRoot?.querySelector('[part="not-applicable"]')).to.not.equal(null);
  });

  it('rejects a group-by the measure does not have', async () => {
    const element = await breakdown({ measure: 'conversations.opened', 'group-by': 'category' });
    await untilState(element, 'error');
    expect(element.shadowRoot?.querySelector('[part="error"]')?.textContent).to.contain('contactType, openedSource, openedChannel');
  });

  it('drills down from a bar (Enter), an arc segment (Enter) and a table row (click) with the group value; "none" as ""', async () => {
    const filters = '{"contactType":["new"]}';
    const base = { period: { ...period }, timeZone: demo.timeZone };

    const bar = await breakdown({ measure: 'conversations.opened', 'group-by': 'openedChannel', filters });
    await untilState(bar, 'ready');
    await bar.updateComplete;
    const groups = bar.result as Group[];
    const none = groups.findIndex((group) => group.key === null);
    expect(none).to.be.greaterThan(-1);
    const rects = bar.shadowRoot?.querySelectorAll<SVGElement>('[part="chart"] rect.mark') ?? [];
    rects[none].focus();
    let drilled = oneEvent(bar, 'parley-drilldown');
    await sendKeys({ press: 'Enter' });
    expect((await drilled).detail).to.deep.equal({ measure: 'conversations.opened', scope: 'opened', ...base, filters: { contactType: ['new'], openedChannel: [''] } } satisfies DrilldownDetail);
    rects[0].focus();
    drilled = oneEvent(bar, 'parley-drilldown');
    await sendKeys({ press: ' ' });
    expect((await drilled).detail.filters).to.deep.equal({ contactType: ['new'], openedChannel: [groups[0].key as string] });

    const arc = await breakdown({ measure: 'conversations.closed', 'group-by': 'closedSource', chart: 'arc', filters });
    await untilState(arc, 'ready');
    const closedGroups = arc.result as Group[];
    const segments = arc.shadowRoot?.querySelectorAll<SVGElement>('[part="segment"]') ?? [];
    segments[1].focus();
    drilled = oneEvent(arc, 'parley-drilldown');
    await sendKeys({ press: 'Enter' });
    expect((await drilled).detail).to.deep.equal({ measure: 'conversations.closed', scope: 'closed', ...base, filters: { contactType: ['new'], closedSource: [closedGroups[1].key as string] } } satisfies DrilldownDetail);

    const table = await breakdown({ measure: 'conversations.closed', 'group-by': 'contactType', chart: 'table', filters });
    await untilState(table, 'ready');
    drilled = oneEvent(table, 'parley-drilldown');
    table.shadowRoot?.querySelector<HTMLButtonElement>('[part="row"] button')?.click();
    expect((await drilled).detail.filters).to.deep.equal({ contactType: ['new'] });
  });
});
