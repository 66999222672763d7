import type {
  EngineAnswer,
  EngineApi,
  EngineEvent,
  EngineQuery,
  HeadersProvider,
  ImportSummary,
  SourceConfig,
  SyncState,
} from '@parley/model';
import { queryKey } from './query-key.js';

/**
 * The worker's engine as Comlink's `wrap` presents it: plain values become promises. `query` loses
 * its type parameter on the way (the answer's type is the caller's claim, not the worker's).
 */
export interface EngineRemote {
  readonly protocol: Promise<number>;
  readonly workerId: Promise<string>;
  configure(config: SourceConfig, getHeaders?: HeadersProvider): Promise<SyncState>;
  query(query: EngineQuery): Promise<EngineAnswer>;
  subscribe(listener: (event: EngineEvent) => void): Promise<number>;
  unsubscribe(id: number): Promise<void>;
  sync(): Promise<SyncState>;
  syncState(): Promise<SyncState>;
  importFiles(files: Blob | readonly File[]): Promise<ImportSummary>;
  purge(): Promise<void>;
}

/** Marks a function to cross to the worker by reference (`Comlink.proxy` of the bundle that wraps). */
export type MarkProxy = <T extends object>(value: T) => T;

/**
 * The page's engine, shared by every bundle through the registry. Its methods are plain async
 * functions: the Comlink copy of the bundle that started the worker does all the marshalling, so
 * a bundle with another copy of Comlink never wraps the worker itself (a second `wrap` would send
 * `RELEASE` when its proxies are collected, and the worker would stop answering everyone).
 *
 * On top of the worker's API: identical queries in flight share one answer (its typed arrays are
 * shared too: treat answers as read-only), and one worker subscription fans out to local listeners.
 */
export class SharedEngine implements EngineApi {
  readonly protocol: number;
  readonly workerId: string;
  readonly #remote: EngineRemote;
  readonly #markProxy: MarkProxy;
  readonly #inFlight = new Map<string, Promise<EngineAnswer>>();
  readonly #listeners = new Map<number, (event: EngineEvent) => void>();
  #nextListenerId = 1;
  #remoteSubscription: Promise<number> | null = null;

  constructor(remote: EngineRemote, markProxy: MarkProxy, identity: { protocol: number; workerId: string }) {
    this.#remote = remote;
    this.#markProxy = markProxy;
    this.protocol = identity.protocol;
    this.workerId = identity.workerId;
  }

  configure(config: SourceConfig, getHeaders?: HeadersProvider): Promise<SyncState> {
    this.#inFlight.clear();
    // A fresh function, so the host's own function is never marked (or released) by Comlink.
    const headers = getHeaders && this.#markProxy(async () => getHeaders());
    return this.#remote.configure(config, headers);
  }

  query<T = unknown>(query: EngineQuery): Promise<EngineAnswer<T>> {
    const key = queryKey(query);
    let answer = this.#inFlight.get(key);
    if (!answer) {
      const pending = this.#remote.query(query).finally(() => {
        if (this.#inFlight.get(key) === pending) this.#inFlight.delete(key);
      });
      this.#inFlight.set(key, pending);
      answer = pending;
    }
    return answer as Promise<EngineAnswer<T>>;
  }

  async subscribe(listener: (event: EngineEvent) => void): Promise<number> {
    const id = this.#nextListenerId++;
    this.#listeners.set(id, listener);
    try {
      await this.#subscribeRemote();
    } catch (error) {
      this.#listeners.delete(id);
      throw error;
    }
    return id;
  }

  async unsubscribe(id: number): Promise<void> {
    this.#listeners.delete(id);
  }

  sync(): Promise<SyncState> {
    return this.#remote.sync();
  }

  syncState(): Promise<SyncState> {
    return this.#remote.syncState();
  }

  importFiles(files: Blob | readonly File[]): Promise<ImportSummary> {
    this.#inFlight.clear();
    return this.#remote.importFiles(files);
  }

  purge(): Promise<void> {
    this.#inFlight.clear();
    return this.#remote.purge();
  }

  /** One worker subscription for the page, kept once made; a failed attempt is retried next time. */
  #subscribeRemote(): Promise<number> {
    if (!this.#remoteSubscription) {
      const attempt = this.#remote.subscribe(this.#markProxy((event: EngineEvent) => this.#emit(event)));
      attempt.catch(() => {
        if (this.#remoteSubscription === attempt) this.#remoteSubscription = null;
      });
      this.#remoteSubscription = attempt;
    }
    return this.#remoteSubscription;
  }

  #emit(event: EngineEvent): void {
    // A new version: queries asked from now on must not join answers computed on the old one.
    if (event.type === 'version') this.#inFlight.clear();
    for (const listener of [...this.#listeners.values()]) {
      try {
        listener(event);
      } catch (error) {
        reportError(error);
      }
    }
  }
}
