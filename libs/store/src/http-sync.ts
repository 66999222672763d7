import type { CollectionName, SkippedItem, WorkspaceInfo } from '@parley/model';
import { validateRecord } from '@parley/model';
import type { RemovableCollection, TableBuilder } from '@parley/metrics';
import type { Cursors } from './source-store.js';

// One sync round against the HTTP API of architecture.md: the small collections whole, then every
// paged collection from its stored cursor until `hasMore` is false. Records go into the builder
// (upserts by id, tombstones first); invalid items are skipped and reported. The caller commits the
// round at the end (one version) and may checkpoint the builder between pages.

/** The small collections, sent whole on each request. */
export const wholeCollections = ['users', 'teams', 'channels'] as const;

/** The paged collections in the order a round reads them, with their URL path. */
export const pagedCollections: readonly { collection: CollectionName; path: string }[] = [
  { collection: 'contacts', path: 'contacts' },
  { collection: 'conversations', path: 'conversations' },
  { collection: 'assignments', path: 'assignments' },
  { collection: 'messages', path: 'messages' },
  { collection: 'csat', path: 'csat' },
  { collection: 'contactEvents', path: 'contact-events' },
];

const removable = new Set<CollectionName>(['conversations', 'assignments', 'messages', 'csat', 'contactEvents']);

export interface RetryPolicy {
  /** First backoff delay; doubled on each attempt (with jitter), up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts per request before the round fails. */
  maxAttempts: number;
}

export const defaultRetryPolicy: RetryPolicy = { baseDelayMs: 500, maxDelayMs: 30_000, maxAttempts: 8 };

export interface SyncProgressEvent {
  collection: CollectionName;
  /** Items read this round, all collections. */
  items: number;
  /** 0..1 when the server sent totals for every paged collection read so far, else null. */
  fraction: number | null;
}

export interface SyncDependencies {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** The host's headers for each request (auth); never stored, never logged. */
  headers: () => Promise<Record<string, string>>;
  /** The backoff clock: tests pass one that returns at once. */
  sleep: (ms: number) => Promise<void>;
  random?: () => number;
  retry?: RetryPolicy;
  pageLimit?: number;
  /** False when the browser knows it is offline: network errors then stop the round at once. */
  online?: () => boolean;
  onProgress?: (event: SyncProgressEvent) => void;
  onSkipped?: (items: SkippedItem[]) => void;
  /** Called between pages; the caller decides whether to save a checkpoint now. */
  onPage?: (cursors: Cursors) => Promise<void>;
}

export interface RoundInput {
  baseUrl: string;
  /** The configured workspace: the server must answer this id. */
  workspace: string;
  /**
   * Where records go. A function is called only when the round brings something (a page with
   * items, or small collections that changed): restoring a large stored builder costs seconds.
   */
  builder: TableBuilder | (() => Promise<TableBuilder>);
  cursors: Cursors;
  /** `since` of the API (epoch ms) for collections read from the start, once the workspace is known. */
  sinceFor?: (workspace: WorkspaceInfo) => number | undefined;
}

export interface RoundResult {
  workspace: WorkspaceInfo;
  cursors: Cursors;
  /** Items applied (records and tombstones) and skipped this round. */
  applied: number;
  skipped: number;
}

/** 401/403: the host must configure new headers; sync stops until then. */
export class AuthRequiredError extends Error {
  override name = 'AuthRequiredError';
  constructor(readonly status: number) {
    super(`the API answered ${status}: authentication required`);
  }
}

/** A request that kept failing, or an answer that breaks the contract. */
export class SyncError extends Error {
  override name = 'SyncError';
  constructor(
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

/** The browser is offline: the round stops and resumes when it is back. */
export class OfflineError extends Error {
  override name = 'OfflineError';
  constructor() {
    super('offline');
  }
}

/** Retry-After in ms: delta seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path}`;
}

export class HttpSync {
  #deps: SyncDependencies;
  #retry: RetryPolicy;
  #random: () => number;

  constructor(deps: SyncDependencies) {
    this.#deps = deps;
    this.#retry = deps.retry ?? defaultRetryPolicy;
    this.#random = deps.random ?? Math.random;
  }

  /** GET with the retry rules; returns the parsed JSON body. */
  async getJson(url: string): Promise<unknown> {
    let lastProblem = '';
    for (let attempt = 1; ; attempt++) {
      let waitMs: number | null = null;
      let response: Response | null = null;
      try {
        response = await this.#deps.fetch(url, { headers: await this.#deps.headers(), cache: 'no-store' });
      } catch (error) {
        if (this.#deps.online && !this.#deps.online()) throw new OfflineError();
        lastProblem = `network error: ${error instanceof Error ? error.message : String(error)}`;
      }
      if (response) {
        if (response.status === 401 || response.status === 403) throw new AuthRequiredError(response.status);
        if (response.status === 429 || response.status >= 500) {
          lastProblem = `HTTP ${response.status}`;
          waitMs = retryAfterMs(response.headers.get('Retry-After'));
          await response.body?.cancel().catch(() => undefined);
        } else if (!response.ok) {
          throw new SyncError(`GET ${url} answered HTTP ${response.status}`, response.status);
        } else {
          try {
            return await response.json();
          } catch (error) {
            // A body cut mid-way (connection dropped) or not JSON: the same request again.
            lastProblem = `unreadable body: ${error instanceof Error ? error.message : String(error)}`;
          }
        }
      }
      if (attempt >= this.#retry.maxAttempts) {
        throw new SyncError(`GET ${url} failed ${attempt} times (last: ${lastProblem})`, response?.status ?? null);
      }
      const backoff = Math.min(this.#retry.maxDelayMs, this.#retry.baseDelayMs * 2 ** (attempt - 1));
      await this.#deps.sleep(waitMs ?? backoff * (0.5 + this.#random() / 2));
    }
  }

  async round(input: RoundInput): Promise<RoundResult> {
    let builder: TableBuilder | null = typeof input.builder === 'function' ? null : input.builder;
    const source = input.builder;
    const workspace = await this.getJson(joinUrl(input.baseUrl, 'workspace'));
    if (!isWorkspaceInfo(workspace)) throw new SyncError('GET /workspace: the answer is not { id, name, timeZone }');
    if (workspace.id !== input.workspace) throw new SyncError(`GET /workspace answered workspace "${workspace.id}", configured "${input.workspace}"`);
    const ready = async (): Promise<TableBuilder> => {
      if (!builder) {
        builder = await (source as () => Promise<TableBuilder>)();
      }
      builder.header(workspace);
      return builder;
    };
    if (builder) builder.header(workspace);
    const sinceMs = input.sinceFor?.(workspace);
    const cursors: Cursors = { ...input.cursors };
    let applied = 0;
    let skipped = 0;
    const skip = (target: TableBuilder, item: SkippedItem) => {
      target.reject(item.collection);
      skipped++;
      this.#deps.onSkipped?.([item]);
    };

    for (const collection of wholeCollections) {
      const items = await this.getJson(joinUrl(input.baseUrl, collection));
      if (!Array.isArray(items)) throw new SyncError(`GET /${collection}: the answer is not an array`);
      // Sent whole each round: its fingerprint is its cursor, so an unchanged list costs nothing.
      const fingerprint = fingerprintOf(items);
      if (cursors[collection] === fingerprint) continue;
      const target = await ready();
      items.forEach((item, index) => {
        const issue = validateRecord(collection, item);
        if (issue) skip(target, { collection, cursor: null, index, id: idOf(item), ...issue });
        else target.record(collection, item as Record<string, unknown>);
      });
      cursors[collection] = fingerprint;
      applied += items.length;
    }

    const totals = new Map<CollectionName, number | null>();
    const read = new Map<CollectionName, number>();
    let itemsRead = 0;
    /** Reads one page of a collection; true when it has more. */
    const readPage = async (collection: CollectionName, path: string): Promise<boolean> => {
      const cursor = cursors[collection];
      const query = new URLSearchParams({ limit: String(this.#deps.pageLimit ?? 1000) });
      if (cursor !== undefined) query.set('cursor', cursor);
      else if (sinceMs !== undefined) query.set('since', String(sinceMs));
      const page = await this.getJson(`${joinUrl(input.baseUrl, path)}?${query}`);
      if (!isPage(page)) throw new SyncError(`GET /${path}: the answer is not { items, next, hasMore }`);
      const target = page.items.length > 0 ? await ready() : null;
      page.items.forEach((item, index) => {
        if (!target) return;
        const id = idOf(item);
        // Tombstones are recognised before validation (architecture.md).
        if (removable.has(collection) && isTombstone(item) && id !== null) {
          target.remove(collection as RemovableCollection, id);
          applied++;
          return;
        }
        const issue = validateRecord(collection, item);
        if (issue) skip(target, { collection, cursor: cursor ?? null, index, id, ...issue });
        else {
          target.record(collection, item as Record<string, unknown>);
          applied++;
        }
      });
      cursors[collection] = page.next;
      itemsRead += page.items.length;
      read.set(collection, (read.get(collection) ?? 0) + page.items.length);
      totals.set(collection, typeof page.total === 'number' ? page.total : null);
      this.#deps.onProgress?.({ collection, items: itemsRead, fraction: fraction(totals, read) });
      await this.#deps.onPage?.(cursors);
      return page.hasMore;
    };
    // First one page of each collection, so every total is known early (progress), then the rest.
    // The order records arrive in does not matter: the round is committed as one version.
    const pending = [];
    for (const { collection, path } of pagedCollections) if (await readPage(collection, path)) pending.push({ collection, path });
    for (const { collection, path } of pending) while (await readPage(collection, path));
    return { workspace, cursors, applied, skipped };
  }
}

/** Progress over the paged collections: read / total, when every total seen is known. */
function fraction(totals: Map<CollectionName, number | null>, read: Map<CollectionName, number>): number | null {
  let all = 0;
  let done = 0;
  for (const { collection } of pagedCollections) {
    const total = totals.get(collection);
    if (total === null) return null;
    if (total === undefined) continue;
    all += total;
    done += Math.min(total, read.get(collection) ?? 0);
  }
  // Until every collection's first page came, the work ahead is unknown.
  return totals.size === pagedCollections.length ? (all > 0 ? done / all : 1) : null;
}

/** A short fingerprint of a JSON value (FNV-1a over its text, with the length). */
function fingerprintOf(value: unknown): string {
  const text = JSON.stringify(value);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `fnv:${text.length}:${(hash >>> 0).toString(16)}`;
}

function idOf(item: unknown): string | null {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id !== '' ? id : null;
}

function isTombstone(item: unknown): boolean {
  return typeof item === 'object' && item !== null && (item as { deleted?: unknown }).deleted === true && Object.keys(item).length === 2;
}

function isWorkspaceInfo(value: unknown): value is WorkspaceInfo {
  const v = value as Partial<WorkspaceInfo> | null;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.name === 'string' && typeof v.timeZone === 'string';
}

interface Page {
  items: unknown[];
  next: string;
  hasMore: boolean;
  total?: number;
}

function isPage(value: unknown): value is Page {
  const v = value as Partial<Page> | null;
  return typeof v === 'object' && v !== null && Array.isArray(v.items) && typeof v.next === 'string' && typeof v.hasMore === 'boolean';
}
