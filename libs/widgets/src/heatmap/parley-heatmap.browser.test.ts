import { expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { formatCount, type DrilldownDetail } from '@parley/ui';
import { expectAccessible } from '@parley/ui/testing';
import { demo, expectedSnapshot, period, untilState, useDemoSource } from '../testing/demo.js';
import { heatLevel, ParleyHeatmapElement } from './parley-heatmap.js';

function heatmap(attributes: Record<string, string> = {}): Promise<ParleyHeatmapElement> {
  const element = document.createElement('parley-heatmap');
  for (const [name, value] of Object.entries({ from: period.from, to: period.to, 'time-zone': demo.timeZone, ...attributes })) element.setAttribute(name, value);
  return fixture(element);
}

function cell(element: ParleyHeatmapElement, weekday: number, hour: number): HTMLElement {
  const found = element.shadowRoot?.querySelector<HTMLElement>(`[part="cell"][data-weekday="${weekday}"][data-hour="${hour}"]`);
  if (!found) throw new Error(`no cell ${weekday}/${hour}`);
  return found;
}

function activeCell(element: ParleyHeatmapElement): { weekday: number; hour: number } | null {
  const active = element.shadowRoot?.activeElement as HTMLElement | null;
  return active ? { weekday: Number(active.dataset.weekday), hour: Number(active.dataset.hour) } : null;
}

describe('parley-heatmap', () => {
  before(async () => {
    expect((await useDemoSource('heatmap')).phase).to.equal('up-to-date');
  });

  it('is accessible and shows conversations.openedHeatmap: result, one labelled cell per weekday × hour, visible counts', async () => {
    const element = await heatmap({ measure: 'conversations.opened' });
    await untilState(element, 'ready');
    await expectAccessible(element);
    const expected = expectedSnapshot().conversations.openedHeatmap as number[][];
    expect(element.result).to.deep.equal(expected);
    const grid = element.shadowRoot?.querySelector('[part="grid"]');
    expect(grid?.getAttribute('role')).to.equal('grid');
    const cells = element.shadowRoot?.querySelectorAll('[part="cell"]') ?? [];
    expect(cells.length).to.equal(7 * 24);
    const max = Math.max(...expected.flat());
    for (const [weekday, hour] of [[0, 0], [0, 9], [2, 14], [6, 23]]) {
      const count = expected[weekday][hour];
      const shown = cell(element, weekday, hour);
      expect(shown.textContent?.trim()).to.equal(formatCount(count, 'en'));
      expect(shown.getAttribute('aria-label')).to.equal(`${new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + weekday))} ${String(hour).padStart(2, '0')}:00–${String((hour + 1) % 24).padStart(2, '0')}:00: ${formatCount(count, 'en')}`);
      expect(shown.classList.contains(`level-${heatLevel(count, max)}`)).to.equal(true);
    }
    // Exactly one cell in the tab order (roving tabindex).
    expect([...cells].filter((c) => c.getAttribute('tabindex') === '0').length).to.equal(1);
    expect(element.shadowRoot?.querySelector('[part="legend"]')?.textContent).to.contain(formatCount(max, 'en'));
  });

  it('shows conversations.closedHeatmap for the closed measure', async () => {
    const element = await heatmap({ measure: 'conversations.closed', filters: '{"closedSource":["user"]}' });
    await untilState(element, 'ready');
    expect(element.result).to.deep.equal(expectedSnapshot({ closedSource: ['user'] }).conversations.closedHeatmap);
  });

  it('is not applicable with a closed-only filter on the opened heatmap, empty with a filter matching nothing', async () => {
    const na = await heatmap({ measure: 'conversations.opened', filters: '{"closedSource":["user"]}' });
    await untilState(na, 'not-applicable');
    expect(na.result).to.equal('not-applicable');
    expect(na.shadowRoot?.querySelector('[part="not-applicable"]')?.textContent).to.equal('The selected filters are not applicable here');
    expect(na.shadowRoot?.querySelector('[part="grid"]')).to.equal(null);

    const empty = await heatmap({ measure: 'conversations.opened', filters: '{"conversationId":["no-such"]}' });
    await untilState(empty, 'empty');
    expect(empty.result).to.deep.equal(expectedSnapshot({ conversationId: ['no-such'] }).conversations.openedHeatmap);
    expect(empty.shadowRoot?.querySelector('[part="empty"]')?.textContent).to.equal('No data for the selected filters');
    await expectAccessible(empty);
  });

  it('moves focus with the arrow keys and drills down into the focused cell with Enter', async () => {
    const element = await heatmap({ measure: 'conversations.opened', filters: '{"contactType":["returning"]}' });
    await untilState(element, 'ready');
    cell(element, 0, 0).focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowDown' });
    await element.updateComplete;
    expect(activeCell(element)).to.deep.equal({ weekday: 1, hour: 2 });
    expect(cell(element, 1, 2).getAttribute('tabindex')).to.equal('0');
    expect(cell(element, 0, 0).getAttribute('tabindex')).to.equal('-1');
    await sendKeys({ press: 'End' });
    await element.updateComplete;
    expect(activeCell(element)).to.deep.equal({ weekday: 1, hour: 23 });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowLeft' });
    await element.updateComplete;
    expect(activeCell(element)).to.deep.equal({ weekday: 0, hour: 22 });
    const drilled = oneEvent(element, 'parley-drilldown');
    await sendKeys({ press: 'Enter' });
    const expected: DrilldownDetail = {
      measure: 'conversations.opened',
      scope: 'opened',
      period: { ...period },
      timeZone: demo.timeZone,
      filters: { contactType: ['returning'] },
      cell: { weekday: 0, hour: 22 },
    };
    expect((await drilled).detail).to.deep.equal(expected);
  });

  it('drills down into a clicked cell', async () => {
    const element = await heatmap({ measure: 'conversations.closed' });
    await untilState(element, 'ready');
    const drilled = oneEvent(element, 'parley-drilldown');
    cell(element, 4, 10).click();
    expect((await drilled).detail).to.deep.equal({ measure: 'conversations.closed', scope: 'closed', period: { ...period }, timeZone: demo.timeZone, filters: {}, cell: { weekday: 4, hour: 10 } });
    await element.updateComplete;
    expect(cell(element, 4, 10).getAttribute('tabindex')).to.equal('0');
  });

  it('shows rows by date: every date of the period, summing to the weekday heatmap; a cell drills into its date and hour', async () => {
    const element = await heatmap({ measure: 'conversations.closed', rows: 'date' });
    await untilState(element, 'ready');
    await expectAccessible(element);
    const rows = element.result as { date: string; hours: number[] }[];
    const days = (Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / 86_400_000 + 1;
    expect(rows.map((row) => row.date)).to.deep.equal(Array.from({ length: days }, (_, i) => new Date(Date.parse(`${period.from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10)));
    // Independent check: the dates folded onto weekdays give parley report's weekday × hour heatmap.
    const folded = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
    for (const row of rows) row.hours.forEach((count, hour) => (folded[(new Date(`${row.date}T12:00:00Z`).getUTCDay() + 6) % 7][hour] += count));
    expect(folded).to.deep.equal(expectedSnapshot().conversations.closedHeatmap);
    expect(element.shadowRoot?.querySelectorAll('[part="cell"]').length).to.equal(days * 24);
    const busiest = rows.flatMap((row) => row.hours.map((count, hour) => ({ date: row.date, hour, count }))).sort((a, b) => b.count - a.count)[0];
    const target = element.shadowRoot?.querySelector<HTMLElement>(`[part="cell"][data-date="${busiest.date}"][data-hour="${busiest.hour}"]`);
    expect(target?.textContent?.trim()).to.equal(formatCount(busiest.count, 'en'));
    const drilled = oneEvent(element, 'parley-drilldown');
    target?.click();
    const detail = ((await drilled) as CustomEvent<DrilldownDetail>).detail;
    expect(detail.cell).to.deep.equal({ date: busiest.date, hour: busiest.hour });
    expect(detail.scope).to.equal('closed');
  });

  it('says "range too long" for rows by date over more than 31 days', async () => {
    const element = await heatmap({ rows: 'date', from: '2024-09-01', to: '2024-11-20' });
    await untilState(element, 'ready');
    expect(element.result).to.equal('range-too-long');
    expect(element.shadowRoot?.querySelector('[part="range-too-long"]')?.textContent).to.contain('Range too long');
  });
});
