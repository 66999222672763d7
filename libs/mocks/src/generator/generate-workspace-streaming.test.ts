import type { CollectionName } from '@parley/model';
import { describe, expect, it } from 'vitest';
import { generateWorkspace, type WorkspaceSink } from '../index.js';

// In a file of its own so it runs in a fresh worker: the heap and the JIT are not shared with the
// tests that keep whole workspaces in memory, which would blur both measures.

describe('generateWorkspace, streamed', () => {
  it('generates 200k conversations into a counting sink without keeping them', () => {
    const counts = new Map<CollectionName, number>();
    let peakHeapBytes = 0;
    let records = 0;
    const countingSink: WorkspaceSink = {
      workspace: () => undefined,
      record: (collection) => {
        counts.set(collection, (counts.get(collection) ?? 0) + 1);
        if (++records % 100_000 === 0) peakHeapBytes = Math.max(peakHeapBytes, process.memoryUsage().heapUsed);
      },
    };
    const heapBeforeBytes = process.memoryUsage().heapUsed;
    const startedMs = performance.now();
    generateWorkspace({ seed: 1, conversations: 200_000, endDate: '2024-11-20' }, countingSink);
    const elapsedMs = performance.now() - startedMs;
    const messages = counts.get('messages') ?? 0;
    console.log(
      `200k conversations, ${messages} messages, ${records} records in ${elapsedMs.toFixed(0)} ms: ` +
        `${Math.round((200_000 / elapsedMs) * 1000)} conversations/s; peak heap growth ${((peakHeapBytes - heapBeforeBytes) / 1e6).toFixed(0)} MB`,
    );
    expect(counts.get('conversations')).toBe(200_000);
    // Keeping 1.6M messages alone would take hundreds of MB; the generator keeps a few bytes per contact.
    expect(peakHeapBytes - heapBeforeBytes).toBeLessThan(64e6);
  });
});
