import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SyncState } from '@parley/model';
import { describeSyncState } from '@parley/model';
import { defineOnce, Parley } from '@parley/engine-client';
import { formatCount, ParleyElement } from '@parley/ui';
import { syncStatusStyles } from './parley-sync-status.styles.js';
import '../scope/parley-scope.js';

/** How often the "2 min ago" text is refreshed. */
const tickMs = 30_000;

/**
 * The page's data source at a glance: `syncing 40%`, `up to date 2 min ago`, `offline — data from
 * 14:05`, `error: …` (model's `describeSyncState`, in the element's language), the number of invalid
 * items sync skipped, and a button that starts a sync round now (Retry after a failure).
 *
 * @summary Cache age, sync progress, offline state, errors, skipped items, sync now.
 * @tagname parley-sync-status
 * @attr time-zone - IANA zone for the "data from" time (default: the browser's)
 * @csspart base - the outer wrapper
 * @csspart indicator - the coloured phase dot
 * @csspart status - the status text
 * @csspart progress - the progress bar while syncing with known totals
 * @csspart skipped - the skipped-items count
 * @csspart retry - the sync / retry button
 */
export class ParleySyncStatusElement extends ParleyElement {
  static override styles = [...ParleyElement.styles, syncStatusStyles];

  @property({ attribute: 'time-zone' }) timeZone?: string;

  @state() private sync: SyncState | null = null;
  @state() private now = Date.now();
  @state() private requested = false;

  #stops: (() => void)[] = [];
  #timer: ReturnType<typeof setInterval> | null = null;

  /** The last sync state heard of (null before the first). */
  get syncState(): SyncState | null {
    return this.sync;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stops.push(Parley.onSyncState((sync) => this.#onSync(sync)));
    Parley.syncState().then(
      (sync) => this.#onSync(sync),
      () => undefined,
    );
    this.#timer = setInterval(() => (this.now = Date.now()), tickMs);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stops.forEach((stop) => stop());
    this.#stops = [];
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }

  /** Starts a sync round now (what the button does). */
  async syncNow(): Promise<void> {
    this.requested = true;
    try {
      this.#onSync(await Parley.sync());
    } catch (error) {
      console.error('<parley-sync-status>: sync failed', error);
    } finally {
      this.requested = false;
    }
  }

  #onSync(sync: SyncState): void {
    this.sync = sync;
    this.now = Date.now();
  }

  protected override render(): TemplateResult {
    const m = this.messages;
    const sync = this.sync;
    const phase = sync?.phase ?? 'idle';
    const text = sync ? describeSyncState(sync, { now: this.now, locale: this.locale, ...(this.timeZone ? { timeZone: this.timeZone } : {}) }) : m.loading;
    const failed = phase === 'error' || phase === 'offline' || phase === 'auth-required';
    const busy = phase === 'syncing' || this.requested;
    return html`<div part="base" class="base phase-${phase}" role="group" aria-label=${m.syncTitle}>
      <span part="indicator" class="dot" aria-hidden="true"></span>
      <span part="status" class="status" role="status">${text}</span>
      ${phase === 'syncing' && sync?.progress !== null && sync?.progress !== undefined
        ? html`<progress part="progress" max="1" .value=${sync.progress} aria-label=${text}></progress>`
        : nothing}
      ${sync && sync.skipped > 0 ? html`<span part="skipped" class="skipped">${m.skipped(formatCount(sync.skipped, this.locale))}</span>` : nothing}
      <button part="retry" class="button" ?disabled=${busy} @click=${() => void this.syncNow()}>${failed ? m.retry : m.syncNow}</button>
    </div>`;
  }
}

defineOnce('parley-sync-status', ParleySyncStatusElement);

declare global {
  interface HTMLElementTagNameMap {
    'parley-sync-status': ParleySyncStatusElement;
  }
}
