import type { EngineAnswer, EngineEvent, EngineQuery, HeadersProvider, ImportSummary, LocalDate, SourceConfig, SyncState } from '@parley/model';
import { getEngine } from './registry.js';

/** What a host page passes to `Parley.configure` (elements.md "Loading and configuration"). */
export interface ParleyOptions {
  /** The API's base URL; a relative one is resolved against the page (`document.baseURI`). */
  baseUrl: string;
  workspace: string;
  /** IANA zone overriding the workspace's. */
  timeZone?: string;
  /** Sync horizon `YYYY-MM-DD` in the workspace zone; absent = everything. */
  since?: LocalDate;
  /** Headers for each request (auth); called before every request, kept in memory only. */
  getHeaders?: HeadersProvider;
  /** The instant date presets are relative to (the demo's end date); default now. */
  clock?: number;
}

/** The engine's view of the options: an absolute base URL without trailing slash, no functions. */
export function resolveSourceConfig(options: ParleyOptions, base: string = document.baseURI): SourceConfig {
  if (!options.baseUrl) throw new TypeError('Parley.configure: baseUrl is required');
  if (!options.workspace) throw new TypeError('Parley.configure: workspace is required');
  const config: SourceConfig = {
    baseUrl: new URL(options.baseUrl, base).href.replace(/\/+$/, ''),
    workspace: options.workspace,
  };
  if (options.timeZone) config.timeZone = options.timeZone;
  if (options.since) config.since = options.since;
  if (options.clock !== undefined) config.clock = options.clock;
  return config;
}

/** Subscribes to the page's engine events; the returned function ends the subscription. */
function listen(onEvent: (event: EngineEvent) => void): () => void {
  let ended = false;
  let end = (): void => {
    ended = true;
  };
  getEngine()
    .then(async (engine) => {
      const id = await engine.subscribe(onEvent);
      if (ended) return engine.unsubscribe(id);
      end = () => void engine.unsubscribe(id);
    })
    .catch((error: unknown) => console.error('Parley: could not subscribe to the engine', error));
  return () => end();
}

/** The page's engine client: every call goes to the one engine worker the page shares. */
export const Parley = Object.freeze({
  /** Sets the page's data source; resolves with the sync state after the change. */
  async configure(options: ParleyOptions): Promise<SyncState> {
    const config = resolveSourceConfig(options);
    return (await getEngine()).configure(config, options.getHeaders);
  },
  async query<T = unknown>(query: EngineQuery): Promise<EngineAnswer<T>> {
    return (await getEngine()).query<T>(query);
  },
  async sync(): Promise<SyncState> {
    return (await getEngine()).sync();
  },
  async syncState(): Promise<SyncState> {
    return (await getEngine()).syncState();
  },
  async importFiles(files: Blob | readonly File[]): Promise<ImportSummary> {
    return (await getEngine()).importFiles(files);
  },
  /** Deletes the configured source's cache (shared computers). */
  async purge(): Promise<void> {
    return (await getEngine()).purge();
  },
  /** Calls `listener` with every sync-state change; returns the function that stops it. */
  onSyncState(listener: (state: SyncState) => void): () => void {
    return listen((event) => {
      if (event.type === 'sync') listener(event.state);
    });
  },
  /** Calls `listener` with every newly committed data version; returns the function that stops it. */
  onVersion(listener: (version: number) => void): () => void {
    return listen((event) => {
      if (event.type === 'version') listener(event.version);
    });
  },
});
