import type { ConversationFilterName, DatePreset, Filters, LocalDate, Period } from './filters.js';
import type { ConversationRow } from './snapshot.js';
import type { CollectionName } from './vocabularies.js';

// The engine's protocol: what the page (engine-client, widgets) and the worker (engine-worker) say
// to each other. Plain data only, so it crosses postMessage and could run server-side one day.

/** Bumped on any incompatible change of EngineApi: bundles of two protocols never share a worker. */
export const engineProtocolVersion = 1;

/** `globalThis[Symbol.for(engineRegistryName)]` holds the page's engines by protocol version. */
export const engineRegistryName = 'parley.engine-registry';

/** The page's data source (elements.md "Loading and configuration"). */
export interface SourceConfig {
  /** Absolute base URL of the HTTP API (the client resolves a relative one against the page). */
  baseUrl: string;
  workspace: string;
  /** IANA zone overriding the workspace's. */
  timeZone?: string;
  /** Sync horizon: a local date `YYYY-MM-DD` in the workspace zone; absent = everything. */
  since?: LocalDate;
  /**
   * The instant date presets are relative to (epoch ms): the demo sets it to its end date so
   * `last-30-days` covers the generated data. Default: now.
   */
  clock?: number;
}

/** Headers for each request (a host's auth): called before every request, kept in memory only. */
export type HeadersProvider = () => Promise<Record<string, string>> | Record<string, string>;

/** The sections of the report snapshot a widget may ask for (snapshot.md §5 names). */
export const querySections = [
  'conversations.overview',
  'conversations.openedVsClosed',
  'conversations.openedHeatmap',
  'conversations.closedHeatmap',
  /** snapshot-v2.md: `{ opened, closed }`, each DateHours[] | "range-too-long" (opened may be NA). */
  'conversations.dateHourHeatmap',
  'conversations.openedByContactType',
  'conversations.openedBySource',
  'conversations.openedByChannel',
  'conversations.closedByCategory',
  'conversations.closedBySource',
  'conversations.closedByContactType',
  'conversations.durations',
  'conversations.list',
  'contacts',
  'messages',
  'leaderboard',
  'userPerformance',
  'csat',
  'origin',
  'byTag',
  'input',
  'filterOptions',
  'contactSearch',
] as const;
export type QuerySection = (typeof querySections)[number];

export type QueryPeriod = { from: LocalDate; to: LocalDate } | { preset: DatePreset };

/** Options of a `conversations.list` query. */
export interface ListQuery {
  scope?: 'closed' | 'opened';
  /** Sort column (a ConversationRow key); default: the snapshot's order for the scope. */
  sortBy?: keyof ConversationRow;
  descending?: boolean;
  offset?: number;
  limit?: number;
  /** Drill-down cell: local weekday (0 = Monday) and hour, or a local date (and hour). */
  weekday?: number;
  hour?: number;
  date?: LocalDate;
}

/** A declarative query: never code. */
export interface EngineQuery {
  section: QuerySection;
  period: QueryPeriod;
  /** Default: the configured zone, else the workspace's, else the browser's. */
  timeZone?: string;
  filters?: Filters;
  list?: ListQuery;
  /** `contactSearch`: a name or id fragment (case-insensitive); up to `limit` (default 20) contacts. */
  search?: { text: string; limit?: number };
}

/** One value a filter can take, as the filter bar lists it. */
export interface FilterOption {
  /** The filter value ("" = none). */
  value: string;
  /** A display name when the value is an id with a name (users, teams, channels). */
  label: string | null;
  deleted?: boolean;
}

/** `filterOptions`: every value present in the data, per list-type filter (contact and id are searched). */
export type FilterOptions = Record<Exclude<ConversationFilterName, 'contact' | 'conversationId'>, FilterOption[]>;

/** `contactSearch`: contacts whose name or id contains the text. */
export interface ContactMatch {
  id: string;
  name: string | null;
}

/** A query's answer: the snapshot section's value for the resolved period, at one data version. */
export interface EngineAnswer<T = unknown> {
  /** The committed data version it was computed on. */
  version: number;
  period: Pick<Period, 'from' | 'to' | 'timeZone' | 'startMs' | 'endMs'>;
  value: T;
  /** For lists: the uncapped row count. */
  rowCount?: number;
}

export type SyncPhase = 'idle' | 'syncing' | 'up-to-date' | 'offline' | 'error' | 'auth-required';

/** Where the cache lives: IndexedDB (persisted or best-effort) or, when IndexedDB fails, memory. */
export type StorageMode = 'persistent' | 'best-effort' | 'memory';

/** An invalid item skipped by a sync or an import (architecture.md "Errors"). */
export interface SkippedItem {
  collection: CollectionName;
  /** The page cursor it came with (sync), or null (import). */
  cursor: string | null;
  index: number;
  id: string | null;
  field: string;
  reason: string;
}

export interface SyncState {
  phase: SyncPhase;
  /** 0..1 when the server sent totals, else null. */
  progress: number | null;
  /** Epoch ms of the last completed sync (or import), null before any. */
  dataAsOf: number | null;
  /** The committed data version (0 = nothing yet). */
  version: number;
  /** The reason of `error`, or the storage problem while the data stays in memory. */
  error: string | null;
  /** HTTP status behind `auth-required` or `error`. */
  status: number | null;
  storage: StorageMode;
  /** Invalid items skipped since the source was configured. */
  skipped: number;
  /** The last skipped items (at most 100), newest last. */
  recentSkipped: SkippedItem[];
}

export type EngineEvent = { type: 'sync'; state: SyncState } | { type: 'version'; version: number };

export interface ImportSummary {
  workspaceId: string;
  loaded: Record<CollectionName, number>;
  skipped: SkippedItem[];
}

/** What the worker exposes. Functions passed in (headers, listeners) travel as Comlink proxies. */
export interface EngineApi {
  readonly protocol: number;
  /** Random per worker: two clients that see the same id share one worker. */
  readonly workerId: string;
  configure(config: SourceConfig, getHeaders?: HeadersProvider): Promise<SyncState>;
  query<T = unknown>(query: EngineQuery): Promise<EngineAnswer<T>>;
  /** Calls `listener` with every sync-state change and every committed version; returns an id. */
  subscribe(listener: (event: EngineEvent) => void): Promise<number>;
  unsubscribe(id: number): Promise<void>;
  /** Starts (or joins) a sync round now; resolves when it ends. */
  sync(): Promise<SyncState>;
  syncState(): Promise<SyncState>;
  /** A workspace file (single object) or its parts (`workspace.json` + `<collection>.ndjson`). */
  importFiles(files: Blob | readonly File[]): Promise<ImportSummary>;
  /** Deletes the configured source's cache. */
  purge(): Promise<void>;
}
