import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clientEntry, widgetEntries } from './entries.js';

let root: string | undefined;
afterEach(() => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

function repository(files: string[]): string {
  root = mkdtempSync(join(tmpdir(), 'parley-entries-'));
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '');
  }
  return root;
}

describe('widgetEntries', () => {
  it('is the engine client alone while there is no widget', () => {
    expect(widgetEntries(repository(['libs/engine-client/src/index.ts']))).toEqual([clientEntry]);
  });

  it('finds every libs/widgets/src/<folder>/parley-<name>.ts, and nothing else', () => {
    const found = widgetEntries(
      repository([
        'libs/widgets/src/metric-card/parley-metric-card.ts',
        'libs/widgets/src/metric-card/parley-metric-card.styles.ts',
        'libs/widgets/src/metric-card/parley-metric-card.browser.test.ts',
        'libs/widgets/src/heatmap/parley-heatmap.ts',
        'libs/widgets/src/heatmap/heatmap-grid.ts',
        'libs/widgets/src/index.ts',
        'libs/widgets/src/parley-loose.ts',
        'libs/widgets/src/sync-status/parley-sync-status.ts',
      ]),
    );
    expect(found).toEqual([
      clientEntry,
      { name: 'parley-heatmap', source: 'libs/widgets/src/heatmap/parley-heatmap.ts' },
      { name: 'parley-metric-card', source: 'libs/widgets/src/metric-card/parley-metric-card.ts' },
      { name: 'parley-sync-status', source: 'libs/widgets/src/sync-status/parley-sync-status.ts' },
    ]);
  });

  it('refuses two entries of one name', () => {
    expect(() => widgetEntries(repository(['libs/widgets/src/a/parley-card.ts', 'libs/widgets/src/b/parley-card.ts']))).toThrow('two widget entries named parley-card');
  });
});
