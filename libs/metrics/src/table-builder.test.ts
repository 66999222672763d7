import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CollectionName } from '@parley/model';
import { collections, readWorkspaceValue, validateRecord, validatingSink } from '@parley/model';
import { reportSnapshot } from './snapshot.js';
import type { RemovableCollection } from './table-builder.js';
import { TableBuilder } from './table-builder.js';
import type { WorkspaceTables } from './tables.js';
import type { GeneratedWorkspace } from './testing/index.js';
import { arbitraryReportCase } from './testing/index.js';

// The builder as a sync uses it: fed in rounds, persisted between them (state / fromState), and
// told of deletions by tombstones. Each case is checked against a one-shot build of the records
// that should be left, through the whole report snapshot.

const runs = Number(process.env.PARLEY_PROPERTY_RUNS ?? 100);

type Item = { collection: CollectionName; value: unknown };

function itemsOf(workspace: GeneratedWorkspace): Item[] {
  const items: Item[] = [];
  for (const collection of collections) for (const value of workspace[collection]) items.push({ collection, value });
  return items;
}

function feed(builder: TableBuilder, info: GeneratedWorkspace['workspace'], items: readonly Item[]): void {
  const sink = validatingSink(builder, (rejection) => builder.reject(rejection.collection));
  sink.header(info);
  items.forEach((item, index) => sink.record(item.collection, item.value, { kind: 'index', index }));
}

function oneShot(workspace: GeneratedWorkspace): WorkspaceTables {
  const builder = new TableBuilder();
  readWorkspaceValue(workspace, validatingSink(builder, (rejection) => builder.reject(rejection.collection)));
  return builder.finish();
}

/** A state as it comes back from IndexedDB: structured-cloned, typed arrays included. */
const stored = (builder: TableBuilder) => TableBuilder.fromState(structuredClone(builder.state()));

const removable = new Set<CollectionName>(['conversations', 'assignments', 'messages', 'csat', 'contactEvents']);

function idOf(value: unknown): string | null {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
}

describe('TableBuilder across sync rounds', () => {
  it('gives the same report when fed in two rounds through a stored state as in one', () => {
    fc.assert(
      fc.property(arbitraryReportCase(), fc.double({ min: 0, max: 1, noNaN: true }), ({ workspace, args }, cut) => {
        const items = itemsOf(workspace);
        const at = Math.floor(cut * items.length);
        const first = new TableBuilder();
        feed(first, workspace.workspace, items.slice(0, at));
        const second = stored(first);
        feed(second, workspace.workspace, items.slice(at));
        const expected = reportSnapshot(oneShot(workspace), args);
        expect(reportSnapshot(second.finish(), args)).toEqual(expected);
      }),
      { numRuns: runs },
    );
  });

  it('forgets records removed by tombstones, and takes them back when sent again', () => {
    fc.assert(
      fc.property(arbitraryReportCase(), fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }), ({ workspace, args }, picks) => {
        const items = itemsOf(workspace);
        // Remove some ids that have a valid record (a removal applies to the id, whatever came before).
        const lastIndexOfId = new Map<string, number>();
        items.forEach((item, index) => {
          const id = idOf(item.value);
          if (removable.has(item.collection) && id !== null && validateRecord(item.collection, item.value) === null) lastIndexOfId.set(`${item.collection}\u0000${id}`, index);
        });
        const removed = new Set<string>();
        [...lastIndexOfId.keys()].forEach((key, k) => picks[k % picks.length] && removed.add(key));

        const builder = new TableBuilder();
        feed(builder, workspace.workspace, items);
        const restored = stored(builder);
        for (const key of removed) {
          const [collection, id] = key.split('\u0000');
          expect(restored.remove(collection as RemovableCollection, id)).toBe(true);
        }
        const keyOf = (item: Item) => `${item.collection}\u0000${idOf(item.value)}`;
        const remaining = { ...workspace } as GeneratedWorkspace;
        for (const collection of collections) {
          if (removable.has(collection)) remaining[collection] = workspace[collection].filter((value) => !removed.has(keyOf({ collection, value })));
        }
        const afterRemoval = reportSnapshot(restored.finish(), args);
        const expected = reportSnapshot(oneShot(remaining), args);
        // Rejected counts differ on purpose: an invalid record of a removed id was still rejected.
        expect({ ...afterRemoval, input: null }).toEqual({ ...expected, input: null });
        expect(afterRemoval.input.loaded).toEqual(expected.input.loaded);

        // Sending the removed records again brings every one of them back.
        feed(restored, workspace.workspace, items.filter((item) => removed.has(keyOf(item))));
        const back = reportSnapshot(restored.finish(), args);
        expect({ ...back, input: null }).toEqual({ ...reportSnapshot(oneShot(workspace), args), input: null });
      }),
      { numRuns: runs },
    );
  });

  it('keeps a finished version unchanged while the builder goes on', () => {
    fc.assert(
      fc.property(arbitraryReportCase(), ({ workspace, args }) => {
        const items = itemsOf(workspace);
        const builder = new TableBuilder();
        feed(builder, workspace.workspace, items.slice(0, items.length >> 1));
        const early = builder.finish();
        const before = JSON.stringify(reportSnapshot(early, args));
        feed(builder, workspace.workspace, items.slice(items.length >> 1));
        builder.finish();
        expect(JSON.stringify(reportSnapshot(early, args))).toBe(before);
      }),
      { numRuns: runs },
    );
  });

  it('says when a tombstone names no record', () => {
    const builder = new TableBuilder();
    expect(builder.remove('messages', 'm-unknown')).toBe(false);
    expect(() => new TableBuilder({ uniqueIds: true }).remove('messages', 'm-1')).toThrow(/unique ids/);
  });
});
