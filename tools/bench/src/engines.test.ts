import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryAnswers } from './answers.js';
import { arqueroEngine, loadArquero } from './arquero-engine.js';
import { benchTimeZone, queryNames } from './bench-config.js';
import type { BenchEngine } from './bench-engine.js';
import { duckdbEngine, loadDuckDB } from './duckdb-engine.js';
import { parleyEngine } from './parley-engine.js';
import { peerData } from './peer-columns.js';
import { queryParameters } from './query-parameters.js';
import { benchRecipe, generateTables } from './workspace-generation.js';

// The comparison stays honest: on a small generated workspace, the three engines give the same
// answer to every bench query.

describe('bench engines agree', () => {
  let parley: BenchEngine;
  let arquero: BenchEngine;
  let duckdb: BenchEngine;

  beforeAll(async () => {
    const { tables } = generateTables(benchRecipe(2_000));
    const parameters = queryParameters(tables);
    const data = peerData(tables, benchTimeZone);
    parley = parleyEngine(tables, parameters);
    arquero = arqueroEngine(loadArquero(data, parameters), data);
    duckdb = await duckdbEngine(await loadDuckDB(data), data, parameters);
  });

  afterAll(() => duckdb?.close());

  it('answers are not trivial', async () => {
    const all = (await parley.run('all')) as QueryAnswers['all'];
    expect(all.heatmap.flat().reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
    expect(all.groups.closedByCategory.length).toBeGreaterThan(1);
    expect(all.frt.count).toBeGreaterThan(10);
    expect(all.leaderboard.byUser.responseTime.length).toBeGreaterThan(1);
    expect(all.leaderboard.byTeam.resolutionTime.length).toBeGreaterThan(1);
    expect(all.list).toHaveLength(50);
  });

  for (const query of queryNames) {
    it(`${query}: arquero and duckdb equal parley`, async () => {
      const expected = await parley.run(query);
      expect(await arquero.run(query)).toEqual(expected);
      expect(await duckdb.run(query)).toEqual(expected);
    });
  }
});
