import { IdSequence } from './id-sequence.js';
import type { Random } from './random.js';

/** Share of returning picks made among the most recent contacts: people come back within days. */
const recentPickShare = 0.65;
const recentWindowShare = 0.15;
const minimumRecentWindow = 50;
const returningAttempts = 4;

/**
 * Every contact seen so far, as typed arrays indexed by creation order (ids are computed from the
 * index, never stored), so a 5M-conversation workspace costs a few bytes per contact and nothing per
 * message. Contacts appear in the order of their first conversation, which is why conversations are
 * generated chronologically: a picked contact always has an earlier conversation, i.e. is returning.
 */
export class ContactPool {
  readonly #ids: IdSequence;
  /** Bit c set once the contact had a successful message on channel index c (its `connected` event). */
  readonly connectedChannels: Uint32Array;
  readonly lastChannelIndex: Uint8Array;
  /** Index + 1 of the agent who owns the contact, 0 when none. */
  readonly ownerPlusOne: Uint8Array;
  /** Blocked, merged away or deleted: never comes back. */
  readonly gone: Uint8Array;
  /** Seconds (from `originMs`) until which the contact has an open conversation. */
  readonly #busyUntilSeconds: Uint32Array;
  readonly #originMs: number;
  #count = 0;

  constructor(capacity: number, originMs: number) {
    this.#ids = new IdSequence('k-', capacity);
    this.connectedChannels = new Uint32Array(capacity);
    this.lastChannelIndex = new Uint8Array(capacity);
    this.ownerPlusOne = new Uint8Array(capacity);
    this.gone = new Uint8Array(capacity);
    this.#busyUntilSeconds = new Uint32Array(capacity);
    this.#originMs = originMs;
  }

  get count(): number {
    return this.#count;
  }

  /** Registers a new contact and returns its index. */
  add(): number {
    if (this.#count === this.gone.length) throw new RangeError('contact pool is full');
    return this.#count++;
  }

  idOf(contactIndex: number): string {
    return this.#ids.format(contactIndex + 1);
  }

  /** An earlier contact free to open a conversation at `atMs`, or -1 (then the caller makes a new one). */
  pickReturning(random: Random, atMs: number): number {
    const count = this.#count;
    if (count === 0) return -1;
    const atSeconds = this.#secondsOf(atMs);
    const recentWindow = Math.min(count, Math.max(minimumRecentWindow, Math.floor(count * recentWindowShare)));
    for (let attempt = 0; attempt < returningAttempts; attempt++) {
      const contactIndex = random.chance(recentPickShare) ? count - 1 - random.below(recentWindow) : random.below(count);
      if (this.gone[contactIndex] === 0 && this.#busyUntilSeconds[contactIndex] <= atSeconds) return contactIndex;
    }
    return -1;
  }

  /** Any other contact still around: the survivor of a merge. */
  pickSurvivor(random: Random, excludedIndex: number): number {
    const count = this.#count;
    for (let attempt = 0; attempt < returningAttempts && count > 1; attempt++) {
      const contactIndex = random.below(count);
      if (contactIndex !== excludedIndex && this.gone[contactIndex] === 0) return contactIndex;
    }
    return -1;
  }

  /** Whether the contact had no open conversation at `atMs` (and existed then, for a picked returning one). */
  isFreeAt(contactIndex: number, atMs: number): boolean {
    return this.#busyUntilSeconds[contactIndex] <= this.#secondsOf(atMs);
  }

  markBusyUntil(contactIndex: number, untilMs: number): void {
    this.#busyUntilSeconds[contactIndex] = this.#secondsOf(untilMs) + 1;
  }

  #secondsOf(atMs: number): number {
    return Math.max(0, Math.ceil((atMs - this.#originMs) / 1000));
  }
}
