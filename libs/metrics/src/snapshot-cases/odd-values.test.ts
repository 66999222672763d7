// Values outside what the data model types (D27 keeps such records): a tag that is "" or not a
// string tags nothing, and a non-string where an id, source or name belongs names nothing (none).
// UTC, 2024-05-06.

import { describe, expect, it } from 'vitest';
import { snapshotOfWorkspace } from '../index.js';
import { referenceSnapshot } from '../testing/index.js';
import { args, conversation, group, may6, rawWorkspace, type SnapshotOfWorkspace } from './workspace-builder.js';

const report: SnapshotOfWorkspace = snapshotOfWorkspace;

describe('odd values in unvalidated fields', () => {
  const ws = rawWorkspace({
    contacts: [{ id: 'k1', name: 42, createdAt: 0, tags: [] }],
    conversations: [
      // tags: "", a number and a duplicate: only "a" tags it
      { ...conversation('o1', { openedAt: may6('10:00'), contactId: 'k1' }), tags: ['', 'a', 5, 'a'] },
      // only odd tags: untagged ("No tag")
      { ...conversation('o2', { openedAt: may6('10:05') }), tags: ['', 7], openedSource: 12, openedChannelId: 3 },
    ],
  });
  const snapshot = report(ws as never, args('2024-05-06', '2024-05-06'));

  it('counts a tag only when it is a non-empty string (byTag: a 1, No tag 1 → 50/50)', () => {
    expect(snapshot.byTag).toEqual([group('a', 1, 50), group(null, 1, 50)]);
  });

  it('reads them as the row-by-row reference does', () => {
    expect(snapshot).toEqual(referenceSnapshot(ws, args('2024-05-06', '2024-05-06')));
  });

  it('groups a non-string source or channel under none', () => {
    const sources = snapshot.conversations.openedBySource as { key: string | null; count: number }[];
    expect(sources.find((g) => g.key === null)?.count).toBe(1);
    const channels = snapshot.conversations.openedByChannel as { key: string | null; count: number }[];
    expect(channels.map((g) => g.key)).not.toContain('3');
  });
});
