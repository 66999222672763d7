import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeSnapshot, snapshotChunks, snapshotOfWorkspace, tablesFromWorkspace } from './snapshot.js';
import { decodeTables, encodeTables } from './table-encoding.js';
import { reportSnapshot } from './snapshot.js';
import { arbitraryReportCase, referenceSnapshot } from './testing/index.js';

// The columnar engine against a deliberately simple row-by-row implementation of metrics.md and
// snapshot.md (testing/reference), on random adversarial workspaces: every key, every value.

const runs = Number(process.env.PARLEY_PROPERTY_RUNS ?? 300);

describe('columnar engine = row-by-row reference', () => {
  it('prints the same snapshot, byte for byte, on random workspaces, periods, zones and filters', () => {
    fc.assert(
      fc.property(arbitraryReportCase(), ({ workspace, args }) => {
        const engine = serializeSnapshot(snapshotOfWorkspace(workspace, args));
        const reference = JSON.stringify(referenceSnapshot(workspace, args), null, 2) + '\n';
        expect(engine).toBe(reference);
      }),
      { numRuns: runs },
    );
  });

  it('streams the same text as it serialises', () => {
    fc.assert(
      fc.property(arbitraryReportCase(), ({ workspace, args }) => {
        const tables = tablesFromWorkspace(workspace);
        expect([...snapshotChunks(tables, args)].join('')).toBe(serializeSnapshot(reportSnapshot(tables, args)));
      }),
      { numRuns: 100 },
    );
  });

  it('answers the same from tables decoded from their binary encoding', () => {
    fc.assert(
      fc.property(arbitraryReportCase(), ({ workspace, args }) => {
        const tables = tablesFromWorkspace(workspace);
        expect(reportSnapshot(decodeTables(encodeTables(tables)), args)).toEqual(reportSnapshot(tables, args));
      }),
      { numRuns: 100 },
    );
  });
});
