import type { ZoneOffsets } from './time-zone.js';
import { dayMs, hourMs, slotMs, weekdayOfDay } from './time-zone.js';

/**
 * Local (weekday × hour) cell and local day of instants inside one period. When every offset and
 * transition of the period sits on a 15-minute boundary (all zones today), a precomputed
 * 15-minute-slot table answers each instant with one array read; otherwise the offset table does.
 */
export class LocalBuckets {
  readonly startMs: number;
  readonly endMs: number;
  readonly firstDay: number;
  #zone: ZoneOffsets;
  #slotBase = 0;
  #slotCells: Uint8Array | null = null;
  #slotDays: Int32Array | null = null;

  constructor(zone: ZoneOffsets, startMs: number, endMs: number, firstDay: number) {
    this.#zone = zone;
    this.startMs = startMs;
    this.endMs = endMs;
    this.firstDay = firstDay;
    zone.cover(startMs - dayMs, endMs + dayMs);
    const segments = zone.segments(startMs, endMs);
    const aligned = segments.every((s) => s.offset % slotMs === 0 && (s.start === -Infinity || s.start % slotMs === 0));
    const slotCount = Math.ceil((endMs - Math.floor(startMs / slotMs) * slotMs) / slotMs);
    if (aligned && slotCount <= 4_000_000) {
      this.#slotBase = Math.floor(startMs / slotMs) * slotMs;
      const cells = new Uint8Array(slotCount);
      const days = new Int32Array(slotCount);
      for (let slot = 0; slot < slotCount; slot++) {
        const instant = this.#slotBase + slot * slotMs;
        const local = instant + zone.offsetAt(instant);
        const day = Math.floor(local / dayMs);
        cells[slot] = weekdayOfDay(day) * 24 + Math.floor((local - day * dayMs) / hourMs);
        days[slot] = day - firstDay;
      }
      this.#slotCells = cells;
      this.#slotDays = days;
    }
  }

  /** weekday * 24 + hour of an instant in the period. */
  cell(instant: number): number {
    if (this.#slotCells) return this.#slotCells[Math.floor((instant - this.#slotBase) / slotMs)];
    const local = instant + this.#zone.offsetAt(instant);
    const day = Math.floor(local / dayMs);
    return weekdayOfDay(day) * 24 + Math.floor((local - day * dayMs) / hourMs);
  }

  /** Adds 1 to counts[weekday * 24 + hour] for the instant at[row] of every row (rows strictly increasing). */
  countCells(rows: Uint32Array, at: Float64Array, counts: Uint32Array): void {
    const cells = this.#slotCells;
    if (!cells) {
      for (let i = 0; i < rows.length; i++) counts[this.cell(at[rows[i]])]++;
      return;
    }
    const base = this.#slotBase;
    const n = rows.length;
    // Rows sorted by time fall in the same cell one after another: four interleaved count lanes
    // keep each increment from waiting on the previous one.
    const lanes = new Uint32Array(4 * 168);
    let i = 0;
    if (n > 0 && rows[n - 1] - rows[0] === n - 1) {
      // Rows are strictly increasing, so this is a contiguous range: read `at` directly.
      const first = rows[0];
      for (; i + 3 < n; i += 4) {
        lanes[cells[((at[first + i] - base) / slotMs) | 0]]++;
        lanes[168 + cells[((at[first + i + 1] - base) / slotMs) | 0]]++;
        lanes[336 + cells[((at[first + i + 2] - base) / slotMs) | 0]]++;
        lanes[504 + cells[((at[first + i + 3] - base) / slotMs) | 0]]++;
      }
    }
    for (; i < n; i++) lanes[cells[((at[rows[i]] - base) / slotMs) | 0]]++;
    for (let cell = 0; cell < 168; cell++) counts[cell] += lanes[cell] + lanes[168 + cell] + lanes[336 + cell] + lanes[504 + cell];
  }

  /** Adds 1 to counts[day index] for the instant at[row] of every row. */
  countDays(rows: Uint32Array, at: Float64Array, counts: Uint32Array): void {
    const days = this.#slotDays;
    if (!days) {
      for (let i = 0; i < rows.length; i++) counts[this.dayIndex(at[rows[i]])]++;
      return;
    }
    const base = this.#slotBase;
    for (let i = 0; i < rows.length; i++) counts[days[Math.floor((at[rows[i]] - base) / slotMs)]]++;
  }

  /** Index of the local date of an instant, counted from the period's first date. */
  dayIndex(instant: number): number {
    if (this.#slotDays) return this.#slotDays[Math.floor((instant - this.#slotBase) / slotMs)];
    return this.#zone.localDay(instant) - this.firstDay;
  }

  /** The local hour of an instant (date × hour heatmaps). */
  hour(instant: number): number {
    return this.cell(instant) % 24;
  }
}
