import type { WorkspaceTables } from '@parley/metrics';
import { decodeTables, encodeTables } from '@parley/metrics';
import { collectGarbage, residentBytes } from './memory.js';
import type { Log } from './progress.js';
import type { BuildSidecar } from './table-cache.js';
import { readCachedTables, readSidecar, sourceFingerprint, writeCache } from './table-cache.js';
import type { WorkspaceRecipe } from './workspace-generation.js';
import { generateTables, measureGeneration } from './workspace-generation.js';

// The tables of a recipe, from the cache when present; otherwise generated (measuring the build
// time on the way), encoded and cached first. Either way the tables queried are the ones decoded
// from the cached bytes, so a fresh run and a cached run query identical memory layouts.

export interface LoadedWorkspace {
  tables: WorkspaceTables;
  build: BuildSidecar;
  /** True when the cache entry existed before this run (the build time was measured then). */
  fromCache: boolean;
  /** Reading and decoding the cached bytes. */
  loadMs: number;
  /** RSS after loading minus RSS before (after a full GC each time). */
  rssDeltaBytes: number;
}

function buildAndCache(recipe: WorkspaceRecipe, log: Log): BuildSidecar {
  const n = recipe.conversations.toLocaleString('en-US');
  log(`${n}: generating alone (counting sink)…`);
  const generation = measureGeneration(recipe, (done) => {
    if (done % 1_000_000 === 0) log(`${n}: generated ${done.toLocaleString('en-US')}`);
  });
  log(`${n}: generation alone ${(generation.ms / 1000).toFixed(1)} s, ${generation.records.toLocaleString('en-US')} records`);
  collectGarbage();
  log(`${n}: generating into TableBuilder and finishing…`);
  const built = generateTables(recipe, (done) => {
    if (done % 1_000_000 === 0) log(`${n}: built ${done.toLocaleString('en-US')}`);
  });
  log(`${n}: generation + build ${(built.ms / 1000).toFixed(1)} s`);
  const encodeStart = performance.now();
  const bytes = encodeTables(built.tables);
  const encodeMs = performance.now() - encodeStart;
  const sidecar: BuildSidecar = {
    recipe,
    generationMs: generation.ms,
    generationAndBuildMs: built.ms,
    buildMs: built.ms - generation.ms,
    records: generation.records,
    messages: generation.messages,
    encodeMs,
    encodedBytes: bytes.byteLength,
    measuredAt: new Date().toISOString(),
    node: process.version,
    sources: sourceFingerprint(),
  };
  const path = writeCache(recipe, bytes, sidecar);
  log(`${n}: cached ${(bytes.byteLength / 2 ** 20).toFixed(0)} MiB in ${path}`);
  return sidecar;
}

export function loadWorkspace(recipe: WorkspaceRecipe, options: { fresh: boolean; log: Log }): LoadedWorkspace {
  const existing = options.fresh ? null : readSidecar(recipe);
  const build = existing ?? buildAndCache(recipe, options.log);
  collectGarbage();
  const rssBefore = residentBytes();
  const start = performance.now();
  const bytes = readCachedTables(recipe);
  if (bytes === null) throw new Error(`cache entry of ${recipe.conversations} conversations vanished`);
  const tables = decodeTables(bytes);
  const loadMs = performance.now() - start;
  collectGarbage();
  const rssDeltaBytes = residentBytes() - rssBefore;
  return { tables, build, fromCache: existing !== null, loadMs, rssDeltaBytes };
}
