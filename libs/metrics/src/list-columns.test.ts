import { listRows } from '@parley/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conversationList, conversationListRows, rowMaterializer } from './conversation-list.js';
import type { DurationMeasure } from './durations.js';
import { listColumns } from './list-columns.js';
import { QueryContext } from './query-context.js';
import { tablesFromWorkspace } from './snapshot.js';
import { arbitraryReportCase, arbitraryWorkspace } from './testing/index.js';

// listColumns writes a list page from the tables into columns without row objects; rowMaterializer
// (one snapshot Row at a time, read straight off the tables) is the definition it must equal.

const doubled: DurationMeasure = (fromMs, toMs) => 2 * (toMs - fromMs);

/** Any table rows, in any order, repeats allowed. */
const withRows = arbitraryWorkspace().chain((workspace) => {
  const count = tablesFromWorkspace(workspace).conversations.count;
  const rows = count === 0 ? fc.constant([] as number[]) : fc.array(fc.nat(count - 1), { maxLength: 60 });
  return fc.record({ workspace: fc.constant(workspace), rows, measure: fc.constantFrom(undefined, doubled) });
});

describe('listColumns', () => {
  it('holds, row for row, the snapshot Rows of the rows asked for (any rows, any order, either measure)', () => {
    fc.assert(
      fc.property(withRows, ({ workspace, rows, measure }) => {
        const tables = tablesFromWorkspace(workspace);
        const columns = listColumns(tables, Uint32Array.from(rows), measure);
        expect(columns.length).toBe(rows.length);
        expect(listRows(columns)).toStrictEqual(rows.map(rowMaterializer(tables, measure)));
      }),
      { numRuns: 200 },
    );
  });

  it('values[0] null, every code inside its value table, each value once (names: once per contact)', () => {
    fc.assert(
      fc.property(withRows, ({ workspace, rows }) => {
        // A page never holds a row twice (ids are coded one per row).
        const columns = listColumns(tablesFromWorkspace(workspace), Uint32Array.from(new Set(rows)));
        for (const [key, { codes, values }] of Object.entries(columns.strings)) {
          expect(values[0]).toBeNull();
          expect(values.slice(1)).not.toContain(null);
          // Two contacts may share a name: names are coded by contact, so a name can repeat.
          if (key !== 'contactName') expect(new Set(values).size).toBe(values.length);
          for (const code of codes) expect(code).toBeLessThan(values.length);
        }
        const contacts = columns.strings.contactId;
        expect(columns.strings.contactName.values.length).toBeLessThanOrEqual(contacts.values.length);
      }),
      { numRuns: 100 },
    );
  });

  it('the engine\'s list pages (filters, periods, zones) equal conversationList\'s rows, call after call', () => {
    fc.assert(
      fc.property(arbitraryReportCase(), fc.constantFrom('closed' as const, 'opened' as const), ({ workspace, args }, scope) => {
        const tables = tablesFromWorkspace(workspace);
        const ctx = new QueryContext(tables, { from: args.from, to: args.to, timeZone: args.timeZone, filters: args.filters ?? {} });
        const expected = conversationList(ctx, { scope });
        const selection = conversationListRows(ctx, { scope });
        expect(selection.rowCount).toBe(expected.rowCount);
        // Twice: the shared code map must be clean after each call.
        expect(listRows(listColumns(tables, selection.rows))).toStrictEqual(expected.rows);
        expect(listRows(listColumns(tables, selection.rows.slice().reverse()))).toStrictEqual(expected.rows.slice().reverse());
      }),
      { numRuns: 150 },
    );
  });
});
