// Time bucketing in an IANA zone through a table of UTC-offset transitions: Intl is asked about a
// zone a few times per covered day when the table is built, never once per row.

export const minuteMs = 60_000;
export const hourMs = 3_600_000;
export const dayMs = 86_400_000;
export const slotMs = 15 * minuteMs;
const sampleStepMs = 12 * hourMs;

/** An unknown zone name, a malformed date: a caller error, reported as is. */
export class TimeArgumentError extends Error {
  override name = 'TimeArgumentError';
}

const zones = new Map<string, ZoneOffsets>();

/** The offset table of a zone (cached per zone name). Throws TimeArgumentError for an unknown zone. */
export function zoneOffsets(timeZone: string): ZoneOffsets {
  let zone = zones.get(timeZone);
  if (!zone) {
    zone = new ZoneOffsets(timeZone);
    zones.set(timeZone, zone);
  }
  return zone;
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    zoneOffsets(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * UTC offsets of one zone as constant segments: segment i starts at starts[i] (ms) and has offset
 * offsets[i] (ms, local = utc + offset). Covers a growing range; outside it, one Intl call per instant.
 */
export class ZoneOffsets {
  readonly timeZone: string;
  #format: Intl.DateTimeFormat;
  #starts: number[] = [];
  #offsets: number[] = [];
  #coveredFrom = Infinity;
  #coveredTo = -Infinity;

  constructor(timeZone: string) {
    if (typeof timeZone !== 'string' || timeZone === '') throw new TimeArgumentError('a time zone is required');
    try {
      this.#format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      });
    } catch {
      throw new TimeArgumentError(`unknown time zone "${timeZone}"`);
    }
    this.timeZone = this.#format.resolvedOptions().timeZone;
  }

  /** The offset Intl reports at an instant (whole seconds). */
  #intlOffset(instant: number): number {
    const wholeSeconds = Math.floor(instant / 1000) * 1000;
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let beforeCommonEra = false;
    for (const part of this.#format.formatToParts(wholeSeconds)) {
      switch (part.type) {
        case 'year': year = Number(part.value); break;
        case 'month': month = Number(part.value); break;
        case 'day': day = Number(part.value); break;
        case 'hour': hour = Number(part.value); break;
        case 'minute': minute = Number(part.value); break;
        case 'second': second = Number(part.value); break;
        case 'era': beforeCommonEra = part.value.startsWith('B'); break;
      }
    }
    const local = new Date(0);
    local.setUTCFullYear(beforeCommonEra ? 1 - year : year, month - 1, day);
    local.setUTCHours(hour, minute, second, 0);
    return local.getTime() - wholeSeconds;
  }

  /** Makes sure [from, to] is covered by the segment table. */
  cover(from: number, to: number): void {
    if (from >= this.#coveredFrom && to <= this.#coveredTo) return;
    // Grow the covered range when the new one is near it; otherwise cover only the new one, so a
    // far-away period (year 0001) does not make the next ordinary one sample centuries.
    const near = from <= this.#coveredTo + 400 * dayMs && to >= this.#coveredFrom - 400 * dayMs;
    const lo = near ? Math.min(from, this.#coveredFrom) : from;
    const hi = near ? Math.max(to, this.#coveredTo) : to;
    const starts: number[] = [-Infinity];
    let current = this.#intlOffset(lo);
    const offsets: number[] = [current];
    for (let at = lo; at < hi; ) {
      const next = Math.min(at + sampleStepMs, hi);
      const nextOffset = this.#intlOffset(next);
      // Usually no change or one; a second change inside one step (historical zones) is found too.
      for (let from = at; current !== nextOffset; ) {
        const change = this.#firstChange(from, next, current);
        current = this.#intlOffset(change);
        starts.push(change);
        offsets.push(current);
        from = change;
      }
      at = next;
    }
    this.#starts = starts;
    this.#offsets = offsets;
    this.#coveredFrom = lo;
    this.#coveredTo = hi;
  }

  /** The first whole second in (from, to] whose offset differs from `offset`. */
  #firstChange(from: number, to: number, offset: number): number {
    let lo = Math.floor(from / 1000); // offset here is `offset`
    let hi = Math.ceil(to / 1000); // offset here differs
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.#intlOffset(mid * 1000) === offset) lo = mid;
      else hi = mid;
    }
    return hi * 1000;
  }

  /** Index of the segment holding an instant inside the covered range. */
  segmentAt(instant: number): number {
    const starts = this.#starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= instant) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  offsetAt(instant: number): number {
    if (instant < this.#coveredFrom || instant > this.#coveredTo) return this.#intlOffset(instant);
    return this.#offsets[this.segmentAt(instant)];
  }

  /** Segment starts and offsets overlapping [from, to] (covering it first). */
  segments(from: number, to: number): { start: number; end: number; offset: number }[] {
    this.cover(from, to);
    const result: { start: number; end: number; offset: number }[] = [];
    for (let i = this.segmentAt(from); i < this.#starts.length && this.#starts[i] <= to; i++) {
      result.push({ start: this.#starts[i], end: this.#starts[i + 1] ?? Infinity, offset: this.#offsets[i] });
    }
    return result;
  }

  /** Local day number (days since 1970-01-01 in local time) of an instant. */
  localDay(instant: number): number {
    return Math.floor((instant + this.offsetAt(instant)) / dayMs);
  }
}

/** Weekday of a local day number, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a `YYYY-MM-DD` date; throws TimeArgumentError for anything else. */
export function dayOfDate(date: string): number {
  const match = typeof date === 'string' ? datePattern.exec(date) : null;
  if (!match) throw new TimeArgumentError(`"${date}" is not a date (YYYY-MM-DD)`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  if (year < 1 || instant.getUTCFullYear() !== year || instant.getUTCMonth() !== month - 1 || instant.getUTCDate() !== day) {
    throw new TimeArgumentError(`"${date}" is not a valid date`);
  }
  return Math.floor(instant.getTime() / dayMs);
}

/** `YYYY-MM-DD` of a day number. */
export function dateOfDay(day: number): string {
  const instant = new Date(day * dayMs);
  const year = instant.getUTCFullYear();
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(instant.getUTCMonth() + 1, 2)}-${pad(instant.getUTCDate(), 2)}`;
}

/**
 * The first instant whose local date is `day` (D6): local midnight, or the end of a DST gap that
 * swallows it; with a fall-back over midnight, the first pass.
 */
export function startOfLocalDay(zone: ZoneOffsets, day: number): number {
  const midnight = day * dayMs;
  const segments = zone.segments(midnight - 2 * dayMs, midnight + 2 * dayMs);
  let best = Infinity;
  for (const segment of segments) {
    const candidate = midnight - segment.offset;
    if (candidate >= segment.start && candidate < segment.end && candidate < best) best = candidate;
    if (segment.start !== -Infinity && segment.start < best && zone.localDay(segment.start) === day) best = segment.start;
  }
  if (best !== Infinity) return best;
  // A date that never happens (a zone skipping a whole day across the date line): the period
  // starts at the first instant of a later date, the transition that jumps over it.
  for (const segment of segments) {
    if (segment.start === -Infinity) continue;
    if (zone.localDay(segment.start) > day && zone.localDay(segment.start - 1) < day) best = Math.min(best, segment.start);
  }
  return best;
}
