import type { SourceStore } from './source-store.js';
import { IndexedDbStore, MemoryStore } from './source-store.js';

// One database per data source, named from what is known before any request (architecture.md):
// the absolute base URL and the configured workspace id. An imported file is its own source.

export function sourceDatabaseName(baseUrl: string, workspace: string): string {
  return `parley:${baseUrl.replace(/\/+$/, '')}#${workspace}`;
}

export function fileSourceBaseUrl(): string {
  return 'file:';
}

export interface OpenedStore {
  store: SourceStore;
  /** Why the cache lives in memory only, when it does. */
  problem: string | null;
}

/** Asks once for persistent storage (the browser may refuse; the cache works either way). */
async function persist(): Promise<boolean> {
  try {
    const storage = (globalThis.navigator as Navigator | undefined)?.storage;
    if (!storage?.persist) return false;
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return false;
  }
}

/** IndexedDB when it works; memory (with the reason) when it does not, e.g. in private mode. */
export async function openSourceStore(name: string, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}): Promise<OpenedStore> {
  const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!factory) return { store: new MemoryStore(), problem: 'IndexedDB is not available: data is kept in memory for this session' };
  try {
    const persisted = await persist();
    return { store: await IndexedDbStore.open(name, { ...options, persisted }), problem: null };
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { store: new MemoryStore(), problem: `the cache cannot be opened (${reason}): data is kept in memory for this session` };
  }
}

/** True for IndexedDB's "storage full" failures, which turn the cache into a memory one. */
export function isQuotaError(error: unknown): boolean {
  const names = [(error as { name?: string })?.name, (error as { inner?: { name?: string } })?.inner?.name];
  return names.some((name) => name === 'QuotaExceededError');
}
