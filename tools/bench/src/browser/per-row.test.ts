import { describe, expect, it } from 'vitest';
import { tablesFromColumnSet } from '@parley/metrics';
import { benchRecipe, generateTables } from '../workspace-generation.js';
import { columnsRead, engineAnswer } from './expected.js';
import { benchQuery, canonicalAnswerJson, coldStartSections } from './shared/bench-queries.js';
import { perRowAnswer, perRowColumnSet, perRowMeta, perRowObject } from './shared/per-row.js';

// The per-row comparison answers what the engine answers: rows → the columns the cold-start queries
// read → the same sections, on a small generated workspace (what the browser worker does after its
// IndexedDB read).

describe('per-row cold start', () => {
  const { tables } = generateTables(benchRecipe(2_000));
  const rows = Array.from({ length: tables.conversations.count }, (_, row) => perRowObject(tables, row));
  const rebuilt = tablesFromColumnSet(perRowColumnSet(rows, perRowMeta(tables)));

  it.each(coldStartSections)('answers %s as the engine does', (section) => {
    const expected = engineAnswer(tables, benchQuery(section), 1);
    expect(canonicalAnswerJson(perRowAnswer(rebuilt, section))).toBe(canonicalAnswerJson(expected.value, expected.rowCount));
  });

  it('builds every column the cold-start queries read', () => {
    const built = perRowColumnSet(rows, perRowMeta(tables));
    const available = new Set([...Object.keys(built.columns), ...Object.keys(built.strings)]);
    const read = columnsRead(tables);
    expect(read.length).toBeGreaterThan(0);
    expect(read.filter((name) => !available.has(name))).toEqual([]);
  });
});
