import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { notApplicable } from '@parley/model';
import { conversationList } from './conversation-list.js';
import { closedHeatmap, dateHourHeatmap, openedHeatmap, openedVsClosed } from './conversation-report.js';
import { QueryContext } from './query-context.js';
import { tablesFromWorkspace } from './snapshot.js';
import { arbitraryReportCase } from './testing/index.js';

// A drill-down opens the list of exactly the conversations behind the number clicked: for every
// heatmap cell and every day of opened-vs-closed, the list's rowCount is that number, and every
// row's instant lies in the cell (checked with Intl, independently of the engine's slot tables).

const runs = Number(process.env.PARLEY_PROPERTY_RUNS ?? 60);

function localParts(instant: number, timeZone: string): { date: string; weekday: number; hour: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23', weekday: 'short' }).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')), hour: Number(get('hour')) };
}

describe('list drill-down cells', () => {
  it('count what the heatmaps and opened-vs-closed show, cell by cell', () => {
    fc.assert(
      fc.property(arbitraryReportCase(), ({ workspace, args }) => {
        const tables = tablesFromWorkspace(workspace);
        const ctx = () => new QueryContext(tables, args);
        const heatmaps = { opened: openedHeatmap(ctx()), closed: closedHeatmap(ctx()) };
        for (const scope of ['opened', 'closed'] as const) {
          const grid = heatmaps[scope];
          if (grid === notApplicable) continue;
          for (let weekday = 0; weekday < 7; weekday++) {
            for (let hour = 0; hour < 24; hour++) {
              const page = conversationList(ctx(), { scope, cell: { weekday, hour } });
              expect(page.rowCount).toBe(grid[weekday][hour]);
              for (const row of page.rows) {
                const instant = scope === 'opened' ? row.openedAt : (row.closedAt as number);
                const local = localParts(instant, args.timeZone);
                expect([local.weekday, local.hour]).toEqual([weekday, hour]);
              }
            }
          }
        }
        const days = openedVsClosed(ctx());
        if (days !== notApplicable) {
          for (const day of days) {
            expect(conversationList(ctx(), { scope: 'opened', cell: { date: day.date } }).rowCount).toBe(day.opened);
            const closed = conversationList(ctx(), { scope: 'closed', cell: { date: day.date } });
            expect(closed.rowCount).toBe(day.closed);
            for (const row of closed.rows) expect(localParts(row.closedAt as number, args.timeZone).date).toBe(day.date);
          }
        }
      }),
      { numRuns: runs },
    );
  });
});

describe('date × hour heatmap', () => {
  it('gives back the weekday heatmaps when its dates are summed, and drills into date and hour', () => {
    fc.assert(
      fc.property(arbitraryReportCase(), ({ workspace, args }) => {
        const tables = tablesFromWorkspace(workspace);
        const ctx = () => new QueryContext(tables, args);
        const byDate = dateHourHeatmap(ctx());
        const weekly = { opened: openedHeatmap(ctx()), closed: closedHeatmap(ctx()) };
        const days = (Date.parse(`${args.to}T00:00:00Z`) - Date.parse(`${args.from}T00:00:00Z`)) / 86_400_000 + 1;
        for (const scope of ['opened', 'closed'] as const) {
          const leaf = byDate[scope];
          if (weekly[scope] === notApplicable) {
            expect(leaf).toBe(notApplicable);
            continue;
          }
          if (days > 31) {
            expect(leaf).toBe('range-too-long');
            continue;
          }
          if (leaf === notApplicable || leaf === 'range-too-long') throw new Error(`unexpected ${leaf}`);
          expect(leaf.map((entry) => entry.date)).toEqual(Array.from({ length: days }, (_, i) => new Date(Date.parse(`${args.from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10)));
          const summed = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
          for (const entry of leaf) {
            const weekday = (new Date(`${entry.date}T12:00:00Z`).getUTCDay() + 6) % 7;
            entry.hours.forEach((count, hour) => (summed[weekday][hour] += count));
            for (let hour = 0; hour < 24; hour += 7) {
              expect(conversationList(ctx(), { scope, cell: { date: entry.date, hour } }).rowCount).toBe(entry.hours[hour]);
            }
          }
          expect(summed).toEqual(weekly[scope]);
        }
      }),
      { numRuns: runs },
    );
  });
});
