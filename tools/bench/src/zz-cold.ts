import { decodeTables, QueryContext } from '@parley/metrics';
import { computeSection } from '@parley/engine-worker';
import { readCachedTables } from './table-cache.js';
import { benchRecipe } from './workspace-generation.js';
import { benchQuery, coldStartSections } from './browser/shared/bench-queries.js';
const tables = decodeTables(readCachedTables(benchRecipe(1_000_000))!);
const t0 = performance.now();
const out: string[] = [];
for (const section of coldStartSections) {
  const q = benchQuery(section);
  const t = performance.now();
  const ctx = new QueryContext(tables, { from: (q.period as any).from, to: (q.period as any).to, timeZone: q.timeZone!, filters: {} });
  computeSection(ctx, q);
  out.push(`${section.replace('conversations.', '')} ${(performance.now() - t).toFixed(1)}`);
}
console.log(out.join(' | '), 'total', (performance.now() - t0).toFixed(1));
