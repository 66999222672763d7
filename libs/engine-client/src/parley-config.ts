import type { HeadersProvider, SyncState } from '@parley/model';
import { Parley } from './parley.js';

export interface AuthRequiredDetail {
  /** The HTTP status the API answered (401 or 403). */
  status: number | null;
}

/** Fired when the API refuses the configured credentials; sync resumes after the next configuration. */
export class ParleyAuthRequiredEvent extends CustomEvent<AuthRequiredDetail> {
  constructor(status: number | null) {
    super('parley-auth-required', { bubbles: true, composed: true, detail: { status } });
  }
}

const attributes = ['base-url', 'workspace', 'time-zone', 'since', 'clock'] as const;

/**
 * The `clock` attribute as epoch ms: digits are epoch ms, `YYYY-MM-DD` is noon UTC of that day
 * (the same local date in every zone from UTC−11 to UTC+11), anything else an ISO 8601 instant.
 * Absent or unreadable: undefined (presets follow the real clock).
 */
export function parseClock(value: string | null): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const ms = /^-?\d+$/.test(text) ? Number(text) : Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T12:00:00Z` : text);
  if (Number.isFinite(ms)) return ms;
  console.warn(`<parley-config>: ignoring clock="${text}" (epoch ms, YYYY-MM-DD or an ISO 8601 instant)`);
  return undefined;
}

/**
 * The page's data source, as markup. Renders nothing.
 *
 * @summary Sets the page-wide data source (`Parley.configure`) from its attributes.
 * @attr base-url - the API's base URL, relative to the page or absolute
 * @attr workspace - the workspace id
 * @attr time-zone - IANA zone overriding the workspace's
 * @attr since - sync horizon `YYYY-MM-DD` in the workspace zone
 * @attr clock - the instant date presets are relative to (a demo's end date): epoch ms, `YYYY-MM-DD` or ISO 8601; default now
 * @prop getHeaders - async function returning each request's headers (kept in memory only)
 * @event parley-auth-required - the API answered 401/403; `detail.status`
 */
export class ParleyConfigElement extends HTMLElement {
  static readonly observedAttributes: readonly string[] = attributes;

  #getHeaders: HeadersProvider | undefined;
  #configureQueued = false;
  #stopListening: (() => void) | null = null;
  #authRequired = false;

  constructor() {
    super();
    // A host may set the property before this element was defined (an own property then hides
    // the accessor): take it over.
    if (Object.hasOwn(this, 'getHeaders')) {
      const value = (this as { getHeaders?: HeadersProvider }).getHeaders;
      delete (this as { getHeaders?: HeadersProvider }).getHeaders;
      this.getHeaders = value;
    }
  }

  get getHeaders(): HeadersProvider | undefined {
    return this.#getHeaders;
  }

  set getHeaders(provider: HeadersProvider | undefined) {
    this.#getHeaders = provider;
    this.#queueConfigure();
  }

  connectedCallback(): void {
    this.#stopListening ??= Parley.onSyncState((state) => this.#onSyncState(state));
    this.#queueConfigure();
  }

  disconnectedCallback(): void {
    this.#stopListening?.();
    this.#stopListening = null;
  }

  attributeChangedCallback(): void {
    this.#queueConfigure();
  }

  /** Attribute and property changes of one task make one configuration. */
  #queueConfigure(): void {
    if (this.#configureQueued) return;
    this.#configureQueued = true;
    queueMicrotask(() => {
      this.#configureQueued = false;
      this.#configure();
    });
  }

  #configure(): void {
    const baseUrl = this.getAttribute('base-url');
    const workspace = this.getAttribute('workspace');
    if (!this.isConnected || !baseUrl || !workspace) return;
    Parley.configure({
      baseUrl,
      workspace,
      timeZone: this.getAttribute('time-zone') ?? undefined,
      since: this.getAttribute('since') ?? undefined,
      getHeaders: this.#getHeaders,
      clock: parseClock(this.getAttribute('clock')),
    }).then(
      (state) => this.#onSyncState(state),
      (error: unknown) => console.error('<parley-config>: configuration failed', error),
    );
  }

  #onSyncState(state: SyncState): void {
    const authRequired = state.phase === 'auth-required';
    if (authRequired && !this.#authRequired) this.dispatchEvent(new ParleyAuthRequiredEvent(state.status));
    this.#authRequired = authRequired;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-config': ParleyConfigElement;
  }
  interface HTMLElementEventMap {
    'parley-auth-required': ParleyAuthRequiredEvent;
  }
}
