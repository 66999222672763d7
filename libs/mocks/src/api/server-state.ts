import { type PagedCollection, pagedCollections, pathOf } from './collections.js';
import type { FaultSettings, TransientFault } from './faults.js';

/** A change appended by a test (`_control/changes`): any JSON value, tombstones and invalid items too. */
export interface AppendedChange {
  readonly value: unknown;
  /** The server clock when it was appended: where it sorts among generated changes. */
  readonly modifiedAt: number;
  /** Compared with `since`; +Infinity when always kept (tombstones, items without a usable instant). */
  readonly sinceKey: number;
}

export type InjectedFault = '401' | TransientFault | 'slow' | 'malformed';

/** What `GET {base}/_control/stats` answers. */
export interface DemoApiStats {
  /** The server clock, epoch ms. */
  nowMs: number;
  /** The active fault list. */
  faults: string;
  /** Data requests received, by route (`workspace`, `messages`, `contact-events`, …); control requests excluded. */
  requests: Record<string, number>;
  /** Answers 401/429/500/503, bodies cut (`drop`), answers delayed (`slow`), items served invalid (`malformed`). */
  injected: Record<InjectedFault, number>;
  /** Items sent in pages whose body was sent whole, by route. */
  served: Record<string, number>;
  /** Changes appended by `_control/changes`, by route. */
  appended: Record<string, number>;
}

/** The mutable state behind one base URL: clock, appended changes, fault counters. */
export class ServerState {
  readonly #defaultNowMs: number;
  readonly #defaultFaults: FaultSettings;
  nowMs: number;
  faults: FaultSettings;
  appended = emptyAppended();
  #attempts = new Map<string, number>();
  #requests: Record<string, number> = {};
  #served: Record<string, number> = {};
  #injected = noneInjected();

  constructor(defaultNowMs: number, faults: FaultSettings) {
    this.#defaultNowMs = defaultNowMs;
    this.#defaultFaults = faults;
    this.nowMs = defaultNowMs;
    this.faults = faults;
  }

  /** Back to the URL's faults and the default clock; forgets appended changes and counters. */
  reset(nowMs = this.#defaultNowMs): void {
    this.nowMs = nowMs;
    this.faults = this.#defaultFaults;
    this.appended = emptyAppended();
    this.#attempts = new Map();
    this.#requests = {};
    this.#served = {};
    this.#injected = noneInjected();
  }

  /** The transient fault this attempt of request `key` meets, if any: the n-th attempt meets the n-th fault. */
  transientFault(key: string): TransientFault | null {
    const attempt = this.#attempts.get(key) ?? 0;
    const fault = this.faults.transient[attempt] ?? null;
    // Stop counting once past the faults: the map stays as small as the set of pages.
    if (fault !== null) this.#attempts.set(key, attempt + 1);
    return fault;
  }

  countRequest(route: string): void {
    this.#requests[route] = (this.#requests[route] ?? 0) + 1;
  }

  countInjected(fault: InjectedFault, count = 1): void {
    this.#injected[fault] += count;
  }

  countServed(route: string, items: number): void {
    this.#served[route] = (this.#served[route] ?? 0) + items;
  }

  stats(): DemoApiStats {
    const appended: Record<string, number> = {};
    for (const collection of pagedCollections) if (this.appended[collection].length > 0) appended[pathOf(collection)] = this.appended[collection].length;
    return {
      nowMs: this.nowMs,
      faults: this.faults.list,
      requests: { ...this.#requests },
      injected: { ...this.#injected },
      served: { ...this.#served },
      appended,
    };
  }
}

function emptyAppended(): Record<PagedCollection, AppendedChange[]> {
  return Object.fromEntries(pagedCollections.map((collection) => [collection, []])) as unknown as Record<PagedCollection, AppendedChange[]>;
}

function noneInjected(): Record<InjectedFault, number> {
  return { '401': 0, '429': 0, '500': 0, '503': 0, drop: 0, slow: 0, malformed: 0 };
}
