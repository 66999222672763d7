const hourMs = 3_600_000;
const dayMs = 86_400_000;
const minuteMs = 60_000;
/** No zone is more than 14 h from UTC; a little more covers the search for a day's first instant. */
const searchRadiusMs = 16 * hourMs;

/**
 * The local days of a window in an IANA zone, and each day cut into hour slots, computed once with
 * Intl (a few calls per day) so the generator never calls Intl per record. A slot is an hour of
 * elapsed time from the local midnight, so a 23-hour spring-forward day has 23 slots and a 25-hour
 * fall-back day 25 (the repeated local hour gets two slots with the same hour).
 */
export class ZoneCalendar {
  readonly timeZone: string;
  /** Local dates of the window, `YYYY-MM-DD`. */
  readonly dates: readonly string[];
  /** First instant of each local day, plus one more entry: the end of the window (exclusive). */
  readonly dayStartMs: Float64Array;
  /** 0 = Monday … 6 = Sunday, per day. */
  readonly weekdayIndex: Uint8Array;
  readonly slotStartMs: Float64Array;
  readonly slotLengthMs: Float64Array;
  /** Local hour (0–23) at the start of each slot. */
  readonly slotHour: Uint8Array;
  /** Index of the day each slot belongs to. */
  readonly slotDay: Uint16Array;

  private constructor(timeZone: string, epochDays: readonly number[]) {
    this.timeZone = timeZone;
    const offsets = new ZoneOffsets(timeZone);
    this.dates = epochDays.slice(0, -1).map(isoDateOfEpochDay);
    this.dayStartMs = Float64Array.from(epochDays, (epochDay) => offsets.firstInstantOfLocalDay(epochDay));
    this.weekdayIndex = Uint8Array.from(epochDays.slice(0, -1), mondayBasedWeekday);

    const starts: number[] = [];
    const lengths: number[] = [];
    const hours: number[] = [];
    const days: number[] = [];
    for (let day = 0; day < this.dates.length; day++) {
      const startMs = this.dayStartMs[day];
      const endMs = this.dayStartMs[day + 1];
      // Offsets change at most once a day; when they do not, one lookup serves every slot.
      const offsetAtStartMs = offsets.offsetMsAt(startMs);
      const uniform = offsetAtStartMs === offsets.offsetMsAt(endMs - 1);
      for (let slotStartMs = startMs; slotStartMs < endMs; slotStartMs += hourMs) {
        const offsetMs = uniform ? offsetAtStartMs : offsets.offsetMsAt(slotStartMs);
        starts.push(slotStartMs);
        lengths.push(Math.min(hourMs, endMs - slotStartMs));
        hours.push(Math.floor(positiveModulo(slotStartMs + offsetMs, dayMs) / hourMs));
        days.push(day);
      }
    }
    this.slotStartMs = Float64Array.from(starts);
    this.slotLengthMs = Float64Array.from(lengths);
    this.slotHour = Uint8Array.from(hours);
    this.slotDay = Uint16Array.from(days);
  }

  /** The `dayCount` local days that end with `endDate` (inclusive), in `timeZone`. */
  static window(endDate: string, dayCount: number, timeZone: string): ZoneCalendar {
    const endEpochDay = epochDayOfIsoDate(endDate);
    const epochDays = Array.from({ length: dayCount + 1 }, (_, index) => endEpochDay - dayCount + 1 + index);
    return new ZoneCalendar(timeZone, epochDays);
  }

  /** First instant of the window. */
  get startMs(): number {
    return this.dayStartMs[0];
  }

  /** First instant after the window: the "now" of the generated workspace. */
  get endMs(): number {
    return this.dayStartMs[this.dayStartMs.length - 1];
  }

  get slotCount(): number {
    return this.slotStartMs.length;
  }
}

/** UTC offsets of a zone through Intl; used only while building a calendar. */
class ZoneOffsets {
  readonly #formatter: Intl.DateTimeFormat;

  constructor(timeZone: string) {
    // Throws a RangeError for an unknown zone, which is what a caller passing one should get.
    this.#formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Local wall-clock time minus UTC at an instant, in ms. */
  offsetMsAt(instantMs: number): number {
    const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
    for (const part of this.#formatter.formatToParts(instantMs)) {
      if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
    }
    const wallClockAsUtcMs = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
    return wallClockAsUtcMs - (instantMs - positiveModulo(instantMs, 1000));
  }

  /** The local day (days since 1970-01-01, local calendar) an instant falls in. */
  localEpochDayAt(instantMs: number): number {
    return Math.floor((instantMs + this.offsetMsAt(instantMs)) / dayMs);
  }

  /**
   * The first instant whose local date is `epochDay`: local midnight, or the end of a DST gap that
   * swallows midnight (snapshot.md D6). Tries the obvious answer first, then searches by the minute
   * (every modern offset change falls on a whole minute).
   */
  firstInstantOfLocalDay(epochDay: number): number {
    const midnightAsUtcMs = epochDay * dayMs;
    const guessMs = midnightAsUtcMs - this.offsetMsAt(midnightAsUtcMs - this.offsetMsAt(midnightAsUtcMs));
    if (this.localEpochDayAt(guessMs) === epochDay && this.localEpochDayAt(guessMs - 1) < epochDay) return guessMs;
    let lowMinute = Math.floor((midnightAsUtcMs - searchRadiusMs) / minuteMs);
    let highMinute = Math.ceil((midnightAsUtcMs + searchRadiusMs) / minuteMs);
    while (lowMinute < highMinute) {
      const middleMinute = Math.floor((lowMinute + highMinute) / 2);
      if (this.localEpochDayAt(middleMinute * minuteMs) >= epochDay) highMinute = middleMinute;
      else lowMinute = middleMinute + 1;
    }
    return lowMinute * minuteMs;
  }
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; throws on a malformed or impossible date. */
export function epochDayOfIsoDate(isoDate: string): number {
  const match = isoDatePattern.exec(isoDate);
  if (match === null) throw new RangeError(`expected a YYYY-MM-DD date, got "${isoDate}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const epochDay = Date.UTC(year, month - 1, day) / dayMs;
  if (isoDateOfEpochDay(epochDay) !== isoDate) throw new RangeError(`not a calendar date: "${isoDate}"`);
  return epochDay;
}

function isoDateOfEpochDay(epochDay: number): string {
  return new Date(epochDay * dayMs).toISOString().slice(0, 10);
}

function mondayBasedWeekday(epochDay: number): number {
  // 1970-01-01 was a Thursday, index 3 when Monday is 0.
  return positiveModulo(epochDay + 3, 7);
}

function positiveModulo(value: number, modulus: number): number {
  return ((value % modulus) + modulus) % modulus;
}
