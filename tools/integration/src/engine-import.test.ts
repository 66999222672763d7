import { describe, expect, it } from 'vitest';
import type { CollectionName, ReportSnapshot } from '@parley/model';
import { collections } from '@parley/model';
import { snapshotOfWorkspace } from '@parley/metrics';
import { generateWorkspaceFile } from '@parley/mocks';
import { harness, plain } from './engine-harness.js';

// Import of a workspace file into its own source (`file:` + workspace id), as a single object or
// as the directory form; invalid records are reported with where they came from.

const period = { from: '2024-10-22', to: '2024-11-20' };
const timeZone = 'Europe/Paris';

describe('engine import', () => {
  const file = generateWorkspaceFile({ seed: 4, conversations: 500, endDate: '2024-11-20' });
  const broken = { ...file, messages: [...file.messages.slice(0, 10), { id: 'm-bad', at: 'noon' }, ...file.messages.slice(10)] };
  const expected = snapshotOfWorkspace(broken, { ...period, timeZone, filters: {} });

  it('imports the single-object file, reports the invalid record, and answers from the file source', async () => {
    const h = harness();
    const engine = h.engine();
    const summary = await engine.importFiles(new Blob([JSON.stringify(broken)], { type: 'application/json' }));
    expect(summary.workspaceId).toBe(file.workspace.id);
    expect(summary.loaded).toEqual(expected.input.loaded);
    expect(summary.skipped).toEqual([{ collection: 'messages', cursor: null, index: 10, id: 'm-bad', field: 'at', reason: expect.any(String) }]);
    expect(plain((await engine.query({ section: 'conversations.closedBySource', period, timeZone })).value)).toEqual(expected.conversations.closedBySource);
    expect(h.requests).toEqual([]);

    // Another page (engine) opens the imported source from the cache.
    const again = h.engine();
    await again.configure({ baseUrl: 'file:', workspace: file.workspace.id });
    const input = plain<ReportSnapshot['input']>((await again.query({ section: 'input', period, timeZone })).value);
    expect(input).toEqual(expected.input);
  });

  it('imports the directory form (workspace.json + <collection>.ndjson)', async () => {
    const { workspace, format, version } = broken;
    const files = [new File([JSON.stringify({ format, version, workspace })], 'workspace.json')];
    for (const name of collections as readonly CollectionName[]) {
      files.push(new File([broken[name].map((record) => JSON.stringify(record)).join('\n')], `${name}.ndjson`));
    }
    const engine = harness().engine();
    const summary = await engine.importFiles(files);
    expect(summary.skipped.map((item) => [item.collection, item.index, item.id])).toEqual([['messages', 11, 'm-bad']]);
    expect(plain((await engine.query({ section: 'leaderboard', period, timeZone })).value)).toEqual(expected.leaderboard);
    await expect(engine.importFiles([files[1]])).rejects.toThrow(/workspace\.json/);
  });
});
