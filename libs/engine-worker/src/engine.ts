import type {
  EngineAnswer,
  EngineApi,
  EngineEvent,
  EngineQuery,
  HeadersProvider,
  ImportSummary,
  SkippedItem,
  SourceConfig,
  SyncState,
  WorkspaceInfo,
} from '@parley/model';
import { engineProtocolVersion, isListColumns, localDateOf, presetRange } from '@parley/model';
import type { WorkspaceTables } from '@parley/metrics';
import { attachColumn, PartNotLoadedError, QueryContext, resolvePeriod, TableBuilder, tablesFromColumnSet } from '@parley/metrics';
import type { Cursors, RetryPolicy, SourceStore, StoredHead } from '@parley/store';
import {
  AuthRequiredError,
  derivedVersion,
  HttpSync,
  importWorkspaceFiles,
  isQuotaError,
  MemoryStore,
  OfflineError,
  openSourceStore,
  sourceDatabaseName,
} from '@parley/store';
import { computeSection } from './sections.js';

// The engine a worker exposes (EngineApi): one data source at a time, its committed tables in
// memory (read from IndexedDB part by part, as queries need them), one sync at a time across tabs
// (Web Locks), new versions announced to this page's widgets (subscriptions) and to other tabs
// (BroadcastChannel).

export interface EngineOptions {
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** The backoff clock (tests make it instant). */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  retry?: RetryPolicy;
  pageLimit?: number;
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** Periodic sync after a round (ms); 0 = only when asked. Default 60 s. */
  syncIntervalMs?: number;
  /** Minimum time between two checkpoints of a long round. Default 10 s. */
  checkpointEveryMs?: number;
  /** Web Locks; null = none (one context only). Default navigator.locks when present. */
  locks?: LockManager | null;
  /** Cross-tab announcements; null = none. Default BroadcastChannel when present. */
  channel?: ((name: string) => BroadcastChannel) | null;
  now?: () => number;
}


interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

interface Source {
  config: SourceConfig;
  name: string;
  store: SourceStore;
  storageProblem: string | null;
  head: StoredHead | null;
  tables: WorkspaceTables | null;
  /** True while the tables come from the cache column by column (a cold start); false once built here. */
  lazy: boolean;
  builder: TableBuilder | null;
  /** Generation of the stored progress the in-memory builder matches. */
  builderGeneration: number;
  cursors: Cursors;
  workspace: WorkspaceInfo | null;
  channel: BroadcastChannel | null;
  closed: boolean;
  /** Columns read on cold tables per query section, learned and kept in the store: prefetched. */
  hints: Record<string, string[]>;
  /** Column paths attached to the current lazily read tables. */
  attached: Set<string>;
}

type CrossTabMessage = { type: 'committed'; version: number } | { type: 'purged' };

function initialState(): SyncState {
  return { phase: 'idle', progress: null, dataAsOf: null, version: 0, error: null, status: null, storage: 'best-effort', skipped: 0, recentSkipped: [] };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class Engine implements EngineApi {
  readonly protocol = engineProtocolVersion;
  readonly workerId: string = crypto.randomUUID();
  #options: EngineOptions;
  #source: Source | null = null;
  #opening: Promise<Source> | null = null;
  #getHeaders: HeadersProvider | null = null;
  #state: SyncState = initialState();
  #listeners = new Map<number, (event: EngineEvent) => void>();
  #nextListener = 1;
  #inFlight = new Map<string, Promise<EngineAnswer>>();
  #syncing: Promise<SyncState> | null = null;
  #waiters: Waiter[] = [];
  #timer: ReturnType<typeof setTimeout> | null = null;
  #lastCheckpoint = 0;

  constructor(options: EngineOptions = {}) {
    this.#options = options;
    // Back online (workers get the event too): resume at once instead of at the next period.
    const scope = globalThis as { addEventListener?: (type: string, listener: () => void) => void };
    scope.addEventListener?.('online', () => {
      if (this.#source && (this.#state.phase === 'offline' || this.#state.phase === 'error')) void this.sync();
    });
  }

  get #now(): number {
    return (this.#options.now ?? Date.now)();
  }

  // ---- configuration --------------------------------------------------------------------------

  async configure(config: SourceConfig, getHeaders?: HeadersProvider): Promise<SyncState> {
    this.#getHeaders = getHeaders ?? null;
    const name = sourceDatabaseName(config.baseUrl, config.workspace);
    if (this.#source && this.#source.name === name && !this.#source.closed) {
      this.#source.config = config;
      // New headers after a 401/403: sync resumes (elements.md).
      if (this.#state.phase === 'auth-required' || this.#state.phase === 'error') void this.sync();
      return this.#state;
    }
    await this.#closeSource();
    const opening = this.#openSource(config, name);
    this.#opening = opening;
    const source = await opening;
    if (config.baseUrl !== 'file:') void this.sync();
    else if (!source.head) this.#fail(new Error(`no imported workspace "${config.workspace}" in this browser`));
    return this.#state;
  }

  async #openSource(config: SourceConfig, name: string): Promise<Source> {
    this.#state = initialState();
    const opened = await openSourceStore(name, { indexedDB: this.#options.indexedDB, IDBKeyRange: this.#options.IDBKeyRange });
    const channelFactory = this.#options.channel === undefined ? (typeof BroadcastChannel === 'function' ? (n: string) => new BroadcastChannel(n) : null) : this.#options.channel;
    const source: Source = {
      config,
      name,
      store: opened.store,
      storageProblem: opened.problem,
      head: null,
      tables: null,
      lazy: false,
      builder: null,
      builderGeneration: -1,
      cursors: {},
      workspace: null,
      channel: channelFactory ? channelFactory(name) : null,
      closed: false,
      hints: {},
      attached: new Set(),
    };
    this.#source = source;
    source.channel?.addEventListener('message', (event: MessageEvent<CrossTabMessage>) => void this.#onCrossTab(source, event.data));
    this.#setState({ storage: opened.store.mode, error: opened.problem });
    try {
      // Independent reads, in parallel: a cold start waits for one IndexedDB round trip, not four.
      const [hints, , skipped, recentSkipped] = await Promise.all([
        source.store.readHints().catch(() => ({})),
        this.#loadHead(source),
        source.store.skippedCount(),
        source.store.recentSkipped(100),
      ]);
      source.hints = hints;
      this.#setState({ skipped, recentSkipped });
    } catch (error) {
      this.#setState({ phase: 'error', error: `the cache cannot be read: ${message(error)}` });
    }
    return source;
  }

  async #closeSource(): Promise<void> {
    const source = this.#source;
    if (!source) return;
    source.closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#syncing?.catch(() => undefined);
    source.channel?.close();
    source.store.close();
    this.#source = null;
    this.#inFlight.clear();
  }

  /** Reads the committed head and the core parts of its tables (a cold start derives nothing). */
  async #loadHead(source: Source): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const head = await source.store.readHead();
      if (!head) return;
      if (head.derivedVersion !== derivedVersion) {
        await this.#rederive(source);
        return;
      }
      // Nothing but the head: each query reads the columns it touches, on first use (a cold start
      // reads the dozen columns the first widgets need, not the whole cache).
      this.#install(source, head, tablesFromColumnSet({ meta: head.meta, columns: {}, strings: {} }, { columns: head.columns, strings: head.strings }), true);
      return;
    }
    throw new Error('the cache kept changing while it was read');
  }

  /** Stored facts of another derivation: derive them again from the stored records (upgrade path). */
  async #rederive(source: Source): Promise<void> {
    const progress = await source.store.readProgress();
    if (!progress) return;
    const builder = TableBuilder.fromState(await source.store.readBuilder(progress));
    const tables = builder.finish();
    const head = await source.store.commit({ tables, builder: builder.state(), cursors: progress.cursors, workspace: progress.workspace, dataAsOf: this.#now });
    source.builder = builder;
    source.builderGeneration = head.generation;
    source.cursors = progress.cursors;
    this.#install(source, head, tables, false);
  }

  #install(source: Source, head: StoredHead, tables: WorkspaceTables, lazy: boolean): void {
    source.head = head;
    source.tables = tables;
    source.lazy = lazy;
    source.attached = new Set();
    source.workspace = tables.workspace;
    this.#inFlight.clear();
    this.#setState({ version: head.version, dataAsOf: head.dataAsOf });
    this.#emit({ type: 'version', version: head.version });
    for (const waiter of this.#waiters.splice(0)) waiter.resolve();
  }

  async #onCrossTab(source: Source, data: CrossTabMessage): Promise<void> {
    if (source !== this.#source || source.closed) return;
    if (data.type === 'committed' && data.version > (source.head?.version ?? 0)) {
      await this.#loadHead(source).catch((error) => this.#setState({ error: `the cache cannot be read: ${message(error)}` }));
    } else if (data.type === 'purged') {
      source.head = null;
      source.tables = null;
      source.builder = null;
      this.#setState({ ...initialState(), storage: this.#state.storage });
    }
  }

  // ---- queries --------------------------------------------------------------------------------

  async query<T = unknown>(query: EngineQuery): Promise<EngineAnswer<T>> {
    const source = await this.#readySource();
    const key = `${source.head?.version}|${JSON.stringify(query)}`;
    const shared = this.#inFlight.get(key);
    // A caller joining a query in flight gets its own copy of a list's columns: the worker
    // transfers (detaches) the buffers of each answer it sends.
    if (shared) return shared.then((answer) => (isListColumns(answer.value) ? { ...answer, value: structuredClone(answer.value) } : answer)) as Promise<EngineAnswer<T>>;
    const answer = this.#compute(source, query);
    this.#inFlight.set(key, answer);
    const forget = () => this.#inFlight.get(key) === answer && this.#inFlight.delete(key);
    answer.then(forget, forget);
    // One tick later than the joiners' copies above, which therefore run before this caller's
    // buffers are transferred away.
    return answer.then((value) => value) as Promise<EngineAnswer<T>>;
  }

  /** The source once it has committed data; rejects when it has none and sync failed. */
  async #readySource(): Promise<Source> {
    if (!this.#source && this.#opening) await this.#opening;
    const source = this.#source;
    if (!source) throw new Error('Parley is not configured: call Parley.configure({ baseUrl, workspace }) or add <parley-config>');
    if (source.tables) return source;
    const { phase, error } = this.#state;
    if (!this.#syncing && (phase === 'error' || phase === 'auth-required' || phase === 'offline')) throw new Error(error ?? phase);
    await new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    return this.#readySource();
  }

  async #compute(source: Source, query: EngineQuery): Promise<EngineAnswer> {
    const hinted = source.hints[query.section];
    const prefetch = hinted && source.lazy ? this.#prefetch(source, hinted) : null;
    // Resolved while the hinted columns are read: on a cold start, the zone's first Intl calls (ICU
    // set-up, ~10 ms) overlap the reads instead of following them.
    const timeZone = query.timeZone ?? source.config.timeZone ?? source.tables?.workspace?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    const range = 'preset' in query.period ? presetRange(query.period.preset, localDateOf(source.config.clock ?? this.#now, timeZone)) : query.period;
    try {
      resolvePeriod(range.from, range.to, timeZone); // validates dates and zone with a clear error
    } catch (error) {
      prefetch?.catch(() => undefined);
      throw error;
    }
    await prefetch;
    const faulted: string[] = [];
    for (let attempt = 0; ; attempt++) {
      const tables = source.tables as WorkspaceTables;
      const head = source.head as StoredHead;
      try {
        const ctx = new QueryContext(tables, { from: range.from, to: range.to, timeZone, filters: query.filters ?? {} });
        const { value, rowCount } = computeSection(ctx, query);
        if (faulted.length > 0) this.#learn(source, query.section, faulted);
        return { version: head.version, period: { ...ctx.period }, value, ...(rowCount === undefined ? {} : { rowCount }) };
      } catch (error) {
        // A column not read yet: read it and ask again (never answer from nothing). Each column is
        // read once per version; a query touches a few dozen at most.
        if (error instanceof PartNotLoadedError && attempt < 200) {
          faulted.push(error.part);
          await this.#loadColumn(source, error.part);
          continue;
        }
        throw error;
      }
    }
  }

  /** Remembers (in the store) the columns a section read, so the next cold start reads them at once. */
  #learn(source: Source, section: string, paths: readonly string[]): void {
    const known = new Set(source.hints[section] ?? []);
    const before = known.size;
    for (const path of paths) known.add(path);
    if (known.size === before) return;
    source.hints = { ...source.hints, [section]: [...known] };
    source.store.saveHints(source.hints).catch(() => undefined);
  }

  /** Reads the hinted columns not read yet in one go (one transaction, reads in parallel). */
  async #prefetch(source: Source, paths: readonly string[]): Promise<void> {
    const head = source.head;
    const tables = source.tables;
    if (!head || !tables) return;
    const wanted = paths.filter((path) => !source.attached.has(path) && !this.#columnReads.has(`${head.generation}:${path}`) && (head.columns.includes(path) || head.strings.includes(path)));
    if (wanted.length === 0) return;
    const read = source.store.readColumns(head, wanted).then((set) => {
      if (set === null || source.head !== head) return;
      for (const path of wanted) {
        const value = set.columns[path] ?? set.strings[path];
        if (value === undefined || source.attached.has(path)) continue;
        attachColumn(tables, path, value);
        source.attached.add(path);
      }
    });
    // Queries faulting on one of these meanwhile wait for this read instead of starting another.
    for (const path of wanted) this.#columnReads.set(`${head.generation}:${path}`, read);
    try {
      await read;
    } finally {
      for (const path of wanted) if (this.#columnReads.get(`${head.generation}:${path}`) === read) this.#columnReads.delete(`${head.generation}:${path}`);
    }
  }

  /** Column reads in flight, by path: queries faulting on the same column share one read. */
  #columnReads = new Map<string, Promise<void>>();

  #loadColumn(source: Source, path: string): Promise<void> {
    const key = `${source.head?.generation}:${path}`;
    let read = this.#columnReads.get(key);
    if (!read) {
      read = this.#readColumn(source, path).finally(() => this.#columnReads.delete(key));
      this.#columnReads.set(key, read);
    }
    return read;
  }

  async #readColumn(source: Source, path: string): Promise<void> {
    const head = source.head;
    if (!head || !source.tables) return;
    const read = await source.store.readColumns(head, [path]);
    if (read === null) {
      // Another tab committed a newer version meanwhile: take that one.
      await this.#loadHead(source);
      return;
    }
    const value = read.columns[path] ?? read.strings[path];
    if (value === undefined) throw new Error(`the cache has no column ${path}`);
    if (source.attached.has(path)) return;
    attachColumn(source.tables, path, value);
    source.attached.add(path);
  }

  // ---- subscriptions --------------------------------------------------------------------------

  async subscribe(listener: (event: EngineEvent) => void): Promise<number> {
    const id = this.#nextListener++;
    this.#listeners.set(id, listener);
    return id;
  }

  async unsubscribe(id: number): Promise<void> {
    this.#listeners.delete(id);
  }

  #emit(event: EngineEvent): void {
    for (const [id, listener] of this.#listeners) {
      try {
        // A proxied listener returns a promise; a page that went away rejects it: forget that page.
        const result = listener(event) as unknown;
        if (result instanceof Promise) result.catch(() => this.#listeners.delete(id));
      } catch {
        this.#listeners.delete(id);
      }
    }
  }

  #setState(patch: Partial<SyncState>): void {
    this.#state = { ...this.#state, ...patch };
    this.#emit({ type: 'sync', state: this.#state });
  }

  async syncState(): Promise<SyncState> {
    return this.#state;
  }

  #fail(error: Error): void {
    for (const waiter of this.#waiters.splice(0)) waiter.reject(error);
  }

  // ---- sync -----------------------------------------------------------------------------------

  sync(): Promise<SyncState> {
    if (this.#syncing) return this.#syncing;
    const source = this.#source;
    if (!source) return Promise.reject(new Error('Parley is not configured'));
    if (source.config.baseUrl === 'file:') return Promise.resolve(this.#state);
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const run = this.#syncWithLock(source).finally(() => {
      this.#syncing = null;
      const interval = this.#options.syncIntervalMs ?? 60_000;
      if (interval > 0 && !source.closed && source === this.#source && this.#state.phase !== 'auth-required') {
        this.#timer = setTimeout(() => void this.sync(), interval);
      }
    });
    this.#syncing = run;
    return run;
  }

  async #syncWithLock(source: Source): Promise<SyncState> {
    const locks = this.#options.locks === undefined ? (globalThis.navigator as Navigator | undefined)?.locks : this.#options.locks;
    if (!locks) return this.#round(source);
    const name = `parley-sync:${source.name}`;
    // One sync at a time across tabs: when another context holds the lock, wait for it, then read
    // what it committed instead of downloading the same pages again.
    const ran = await locks.request(name, { ifAvailable: true }, async (lock) => (lock ? this.#round(source) : null));
    if (ran) return ran;
    this.#setState({ phase: 'syncing', progress: null });
    await locks.request(name, async () => {
      await this.#loadHead(source);
    });
    this.#setState({ phase: source.head ? 'up-to-date' : 'idle' });
    return this.#state;
  }

  async #round(source: Source): Promise<SyncState> {
    this.#setState({ phase: 'syncing', progress: null, status: null, error: source.storageProblem });
    try {
      // Another tab may have committed since this one last looked.
      const stored = await source.store.readHead();
      if (stored && stored.version > (source.head?.version ?? 0)) await this.#loadHead(source);
      // The cursors come from a small meta row; the builder (the records, hundreds of MiB at 1M) is
      // restored only if the round brings something.
      const progress = await source.store.readProgress();
      if (!source.builder || progress?.generation !== source.builderGeneration) {
        source.builder = null;
        source.cursors = progress?.cursors ?? {};
      }
      const builder = async (): Promise<TableBuilder> => {
        await this.#restoreBuilder(source);
        return source.builder as TableBuilder;
      };
      const http = new HttpSync({
        fetch: this.#options.fetch ?? ((url, init) => fetch(url, init)),
        headers: async () => ({ ...((await this.#getHeaders?.()) ?? {}) }),
        sleep: this.#options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
        random: this.#options.random,
        retry: this.#options.retry,
        pageLimit: this.#options.pageLimit,
        online: () => (globalThis.navigator as Navigator | undefined)?.onLine !== false,
        onProgress: (event) => this.#setState({ progress: event.fraction }),
        onSkipped: (items) => void this.#skipped(source, items),
        onPage: (cursors) => this.#maybeCheckpoint(source, cursors),
      });
      const result = await http.round({
        baseUrl: source.config.baseUrl,
        workspace: source.config.workspace,
        builder,
        cursors: source.cursors,
        sinceFor: (workspace) => (source.config.since ? resolvePeriod(source.config.since, source.config.since, source.config.timeZone ?? workspace.timeZone).startMs : undefined),
      });
      source.cursors = result.cursors;
      source.workspace = result.workspace;
      if (source.closed) return this.#state;
      if (result.applied > 0 || result.skipped > 0 || !source.head) await this.#commit(source, await builder());
      this.#setState({ phase: 'up-to-date', progress: null, dataAsOf: this.#now, error: source.storageProblem });
    } catch (error) {
      if (error instanceof AuthRequiredError) this.#setState({ phase: 'auth-required', status: error.status, error: error.message, progress: null });
      else if (error instanceof OfflineError) this.#setState({ phase: 'offline', progress: null, error: null });
      else this.#setState({ phase: 'error', progress: null, error: message(error), status: (error as { status?: number }).status ?? null });
      // The builder may hold half a round: take it again from the last stored state next time.
      source.builder = null;
      if (!source.tables) this.#fail(new Error(this.#state.error ?? this.#state.phase));
    }
    return this.#state;
  }

  async #restoreBuilder(source: Source): Promise<void> {
    // A builder kept from an earlier round was checked against the stored generation at round start.
    if (source.builder) return;
    const progress = await source.store.readProgress();
    if (progress) {
      source.builder = TableBuilder.fromState(await source.store.readBuilder(progress));
      source.builderGeneration = progress.generation;
      // The round's cursors stay: they only moved past pages that brought nothing.
    } else {
      source.builder = new TableBuilder();
      source.builderGeneration = 0;
    }
  }

  async #maybeCheckpoint(source: Source, cursors: Cursors): Promise<void> {
    const every = this.#options.checkpointEveryMs ?? 10_000;
    if (source.store.mode === 'memory' || this.#now - this.#lastCheckpoint < every || !source.builder) return;
    this.#lastCheckpoint = this.#now;
    try {
      await source.store.checkpoint(source.builder.state(), cursors, source.workspace);
      source.builderGeneration = (await source.store.readProgress())?.generation ?? source.builderGeneration;
    } catch (error) {
      if (isQuotaError(error)) this.#toMemory(source, error);
      else throw error;
    }
  }

  async #commit(source: Source, builder: TableBuilder): Promise<void> {
    const tables = builder.finish();
    const input = { tables, builder: builder.state(), cursors: source.cursors, workspace: source.workspace, dataAsOf: this.#now };
    let head: StoredHead;
    try {
      head = await source.store.commit(input);
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      this.#toMemory(source, error);
      head = await source.store.commit(input);
    }
    source.builderGeneration = head.generation;
    this.#install(source, head, tables, false);
    source.channel?.postMessage({ type: 'committed', version: head.version } satisfies CrossTabMessage);
  }

  /** Storage full: the session goes on in memory, and says why (elements stay ready). */
  #toMemory(source: Source, error: unknown): void {
    source.store.close();
    source.store = new MemoryStore();
    source.storageProblem = `the cache is full (${message(error)}): data is kept in memory for this session`;
    this.#setState({ storage: 'memory', error: source.storageProblem });
  }

  async #skipped(source: Source, items: SkippedItem[]): Promise<void> {
    const recentSkipped = [...this.#state.recentSkipped, ...items].slice(-100);
    this.#setState({ skipped: this.#state.skipped + items.length, recentSkipped });
    await source.store.addSkipped(items).catch(() => undefined);
  }

  // ---- import and purge -----------------------------------------------------------------------

  async importFiles(files: Blob | readonly File[]): Promise<ImportSummary> {
    const imported = await importWorkspaceFiles(files);
    const config: SourceConfig = { baseUrl: 'file:', workspace: imported.workspace.id };
    await this.#closeSource();
    const name = sourceDatabaseName(config.baseUrl, config.workspace);
    const opening = this.#openSource(config, name);
    this.#opening = opening;
    const source = await opening;
    source.workspace = imported.workspace;
    source.cursors = {};
    if (imported.skipped.length > 0) await this.#skipped(source, imported.skipped);
    await this.#commit(source, imported.builder);
    source.builder = imported.builder;
    this.#setState({ phase: 'up-to-date', dataAsOf: this.#now });
    return { workspaceId: imported.workspace.id, loaded: { ...(source.tables as WorkspaceTables).loaded }, skipped: imported.skipped };
  }

  async purge(): Promise<void> {
    const source = this.#source;
    if (!source) return;
    const { config } = source;
    source.channel?.postMessage({ type: 'purged' } satisfies CrossTabMessage);
    await this.#closeSource();
    await source.store.destroy();
    this.#state = { ...initialState() };
    this.#emit({ type: 'sync', state: this.#state });
    this.#emit({ type: 'version', version: 0 });
    // The page stays configured: the next sync starts from nothing.
    const opening = this.#openSource(config, source.name);
    this.#opening = opening;
    await opening;
  }
}

/** The engine a worker exposes. */
export function createEngine(options: EngineOptions = {}): EngineApi {
  return new Engine(options);
}
