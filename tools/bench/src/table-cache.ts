import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tableEncodingVersion } from '@parley/metrics';
import type { WorkspaceRecipe } from './workspace-generation.js';

// `.bench-cache/` at the repository root: the encoded tables of each recipe (encodeTables) and a
// sidecar JSON holding the build-time measurement taken when the cache entry was made.

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const cacheDir = join(repoRoot, '.bench-cache');

/** The build measurement of a recipe, taken once when its cache entry was written. */
export interface BuildSidecar {
  recipe: WorkspaceRecipe;
  /** Generator alone, into a counting sink. */
  generationMs: number;
  /** Generator into TableBuilder, then finish() (columns, sort, facts). */
  generationAndBuildMs: number;
  /** generationAndBuildMs − generationMs. */
  buildMs: number;
  records: number;
  messages: number;
  encodeMs: number;
  encodedBytes: number;
  measuredAt: string;
  node: string;
  /** sourceFingerprint() of the code that built the entry. */
  sources: string;
}

/**
 * The sources that decide the cached bytes: the generator, the model, and the table builder's part
 * of libs/metrics (query code is left out, so tuning a query does not throw away a 5M entry).
 */
const sourceRoots = ['libs/mocks/src', 'libs/model/src'];
const builderSources = ['table-builder.ts', 'facts.ts', 'sorting.ts', 'growable.ts', 'dictionary.ts', 'table-encoding.ts', 'tables.ts'].map(
  (file) => `libs/metrics/src/${file}`,
);

let fingerprint: string | null = null;

/** A short hash of those sources (tests and test helpers excluded): editing them starts a new cache entry. */
export function sourceFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const files: string[] = [...builderSources];
  for (const root of sourceRoots) {
    for (const file of readdirSync(join(repoRoot, root), { recursive: true }) as string[]) {
      if (file.endsWith('.ts') && !file.endsWith('.test.ts') && !/(^|\/)(testing|snapshot-cases)\//.test(file)) files.push(`${root}/${file}`);
    }
  }
  const hash = createHash('sha256');
  for (const file of files.sort()) hash.update(`${file}\n`).update(readFileSync(join(repoRoot, file)));
  fingerprint = hash.digest('hex').slice(0, 12);
  return fingerprint;
}

export function cacheKey(recipe: WorkspaceRecipe): string {
  const messages = recipe.messagesPerConversation === undefined ? 'default' : String(recipe.messagesPerConversation);
  return `tables-seed${recipe.seed}-n${recipe.conversations}-end${recipe.endDate}-mpc${messages}-enc${tableEncodingVersion}-src${sourceFingerprint()}`;
}

function paths(recipe: WorkspaceRecipe): { tables: string; sidecar: string } {
  const key = cacheKey(recipe);
  return { tables: join(cacheDir, `${key}.bin`), sidecar: join(cacheDir, `${key}.json`) };
}

export function readSidecar(recipe: WorkspaceRecipe): BuildSidecar | null {
  const { tables, sidecar } = paths(recipe);
  if (!existsSync(tables) || !existsSync(sidecar)) return null;
  return JSON.parse(readFileSync(sidecar, 'utf8')) as BuildSidecar;
}

/**
 * The cached bytes of a recipe, or null. Read in chunks into one 8-byte-aligned buffer: files of
 * the 5M workspace pass readFileSync's 2 GiB limit, and decodeTables makes views without copying.
 */
export function readCachedTables(recipe: WorkspaceRecipe): Uint8Array | null {
  const { tables } = paths(recipe);
  if (!existsSync(tables)) return null;
  const fd = openSync(tables, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = new Uint8Array(size);
    const chunk = 1 << 30;
    for (let offset = 0; offset < size; ) {
      const read = readSync(fd, bytes, offset, Math.min(chunk, size - offset), offset);
      if (read <= 0) throw new Error(`short read of ${tables} at ${offset}`);
      offset += read;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** writeFileSync refuses buffers over 2 GiB (the 5M entry): write in 1 GiB slices. */
function writeChunked(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'w');
  try {
    const chunk = 1 << 30;
    for (let offset = 0; offset < bytes.byteLength; ) {
      offset += writeSync(fd, bytes, offset, Math.min(chunk, bytes.byteLength - offset));
    }
  } finally {
    closeSync(fd);
  }
}

/** Writes the tables then the sidecar (each through a temporary name, so a crash leaves no half entry). */
export function writeCache(recipe: WorkspaceRecipe, bytes: Uint8Array, sidecar: BuildSidecar): string {
  mkdirSync(cacheDir, { recursive: true });
  const target = paths(recipe);
  writeChunked(`${target.tables}.tmp`, bytes);
  renameSync(`${target.tables}.tmp`, target.tables);
  writeFileSync(`${target.sidecar}.tmp`, `${JSON.stringify(sidecar, null, 2)}\n`);
  renameSync(`${target.sidecar}.tmp`, target.sidecar);
  return target.tables;
}
