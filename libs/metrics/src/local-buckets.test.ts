import { describe, expect, it } from 'vitest';
import { LocalBuckets } from './local-buckets.js';
import { dateOfDay, dayOfDate, startOfLocalDay, ZoneOffsets } from './time-zone.js';

// Cells are weekday * 24 + hour, weekday 0 = Monday ... 6 = Sunday (snapshot.md §3).
// Europe/Paris 2024: 2024-03-31 01:00Z 02:00 CET -> 03:00 CEST; 2024-10-27 01:00Z 03:00 CEST -> 02:00 CET.
// Both nights are Sundays (weekday 6, cells 144..167); Saturdays are weekday 5 (cells 120..143),
// Mondays weekday 0 (cells 0..23).

const utc = (iso: string): number => Date.parse(iso);

/** Buckets of the local dates from..to in a fresh zone table. */
function bucketsOf(timeZone: string, from: string, to: string): LocalBuckets {
  const zone = new ZoneOffsets(timeZone);
  const firstDay = dayOfDate(from);
  return new LocalBuckets(zone, startOfLocalDay(zone, firstDay), startOfLocalDay(zone, dayOfDate(to) + 1), firstDay);
}

/** What the buckets say about an instant: [cell, hour, local date]. */
function answer(buckets: LocalBuckets, iso: string): [number, number, string] {
  const instant = utc(iso);
  return [buckets.cell(instant), buckets.hour(instant), dateOfDay(buckets.firstDay + buckets.dayIndex(instant))];
}

// [instant, cell, hour, local date] around the Paris fall-back night and the day before and after.
const fallBack: [string, number, number, string][] = [
  ['2024-10-25T22:00:00Z', 5 * 24 + 0, 0, '2024-10-26'], // Saturday 00:00 CEST, the period's first instant
  ['2024-10-26T21:59:59.999Z', 5 * 24 + 23, 23, '2024-10-26'], // Saturday 23:59:59.999 CEST
  ['2024-10-26T22:00:00Z', 6 * 24 + 0, 0, '2024-10-27'], // Sunday 00:00 CEST
  ['2024-10-26T23:59:59.999Z', 6 * 24 + 1, 1, '2024-10-27'], // 01:59:59.999 CEST
  ['2024-10-27T00:00:00Z', 6 * 24 + 2, 2, '2024-10-27'], // 02:00 CEST, first pass of hour 2
  ['2024-10-27T00:30:00Z', 6 * 24 + 2, 2, '2024-10-27'], // 02:30 CEST
  ['2024-10-27T00:59:59.999Z', 6 * 24 + 2, 2, '2024-10-27'], // 02:59:59.999 CEST
  ['2024-10-27T01:00:00Z', 6 * 24 + 2, 2, '2024-10-27'], // 02:00 CET, second pass: same cell
  ['2024-10-27T01:59:59.999Z', 6 * 24 + 2, 2, '2024-10-27'], // 02:59:59.999 CET
  ['2024-10-27T02:00:00Z', 6 * 24 + 3, 3, '2024-10-27'], // 03:00 CET
  ['2024-10-27T22:59:59.999Z', 6 * 24 + 23, 23, '2024-10-27'], // 23:59:59.999 CET
  ['2024-10-27T23:00:00Z', 0 * 24 + 0, 0, '2024-10-28'], // Monday 00:00 CET
  ['2024-10-28T11:45:00Z', 0 * 24 + 12, 12, '2024-10-28'], // 12:45 CET
  ['2024-10-28T22:59:59.999Z', 0 * 24 + 23, 23, '2024-10-28'], // the period's last instant
];

// The same around the spring-forward night (period 2024-03-30..2024-04-01).
const springForward: [string, number, number, string][] = [
  ['2024-03-29T23:00:00Z', 5 * 24 + 0, 0, '2024-03-30'], // Saturday 00:00 CET
  ['2024-03-30T23:00:00Z', 6 * 24 + 0, 0, '2024-03-31'], // Sunday 00:00 CET
  ['2024-03-31T00:00:00Z', 6 * 24 + 1, 1, '2024-03-31'], // 01:00 CET
  ['2024-03-31T00:59:59.999Z', 6 * 24 + 1, 1, '2024-03-31'], // 01:59:59.999 CET
  ['2024-03-31T01:00:00Z', 6 * 24 + 3, 3, '2024-03-31'], // 03:00 CEST: hour 2 is skipped
  ['2024-03-31T21:59:59.999Z', 6 * 24 + 23, 23, '2024-03-31'], // 23:59:59.999 CEST
  ['2024-03-31T22:00:00Z', 0 * 24 + 0, 0, '2024-04-01'], // Monday 00:00 CEST
  ['2024-04-01T21:59:59.999Z', 0 * 24 + 23, 23, '2024-04-01'],
];

describe('LocalBuckets (15-minute slot table)', () => {
  const autumn = bucketsOf('Europe/Paris', '2024-10-26', '2024-10-28');
  const spring = bucketsOf('Europe/Paris', '2024-03-30', '2024-04-01');

  it('knows its period', () => {
    // 2024-10-26 = 19723 + 299 = 20022; start 00:00 CEST = 2024-10-25T22:00Z, end 2024-10-29 00:00 CET = 2024-10-28T23:00Z
    expect([autumn.startMs, autumn.endMs, autumn.firstDay]).toStrictEqual([utc('2024-10-25T22:00:00Z'), utc('2024-10-28T23:00:00Z'), 20022]);
  });

  it.each(fallBack)('fall back: %s -> cell %d, hour %d, %s', (iso, cell, hour, date) => {
    expect(answer(autumn, iso)).toStrictEqual([cell, hour, date]);
  });

  it.each(springForward)('spring forward: %s -> cell %d, hour %d, %s', (iso, cell, hour, date) => {
    expect(answer(spring, iso)).toStrictEqual([cell, hour, date]);
  });

  it('the repeated hour 2 counts twice into one cell; the skipped one never appears', () => {
    // Every minute of each Sunday: 25 h on 2024-10-27 (hour 2 twice = 120 min), 23 h on 2024-03-31 (no hour 2).
    const minutesPerHour = (buckets: LocalBuckets, fromIso: string, toIso: string) => {
      const counts = new Array<number>(24).fill(0);
      for (let t = utc(fromIso); t < utc(toIso); t += 60_000) counts[buckets.hour(t)]++;
      return counts;
    };
    const autumnCounts = minutesPerHour(autumn, '2024-10-26T22:00:00Z', '2024-10-27T23:00:00Z');
    expect(autumnCounts).toStrictEqual([60, 60, 120, ...new Array<number>(21).fill(60)]);
    const springCounts = minutesPerHour(spring, '2024-03-30T23:00:00Z', '2024-03-31T22:00:00Z');
    expect(springCounts).toStrictEqual([60, 60, 0, ...new Array<number>(21).fill(60)]);
  });
});

describe('LocalBuckets (offset table: a period with offsets off the 15-minute grid)', () => {
  // This period starts on 1911-03-10 under Paris Mean Time (+0:09:21 = 561 s), so its offsets are
  // not all multiples of 15 minutes and the offset table answers. 1911-03-10 .. 2024-10-28 is
  // 41505 days (20023 + 21482), under the slot table's size limit: the alignment alone decides.
  const longPeriod = bucketsOf('Europe/Paris', '1911-03-10', '2024-10-28');

  it('knows its period', () => {
    // 1911-03-10: 1911..1969 = 59 * 365 + 15 leap days = 21550 days before 1970 for Jan 1, + 68 -> -21482
    // start: 1911-03-10 00:00 PMT = 1911-03-09T23:50:39Z
    expect([longPeriod.startMs, longPeriod.endMs, longPeriod.firstDay]).toStrictEqual([utc('1911-03-09T23:50:39Z'), utc('2024-10-28T23:00:00Z'), -21482]);
  });

  it.each(fallBack)('the same answers around the 2024 fall-back: %s -> cell %d, hour %d, %s', (iso, cell, hour, date) => {
    expect(answer(longPeriod, iso)).toStrictEqual([cell, hour, date]);
  });

  it.each(springForward)('the same answers around the 2024 spring-forward: %s -> cell %d, hour %d, %s', (iso, cell, hour, date) => {
    expect(answer(longPeriod, iso)).toStrictEqual([cell, hour, date]);
  });

  // 1911-03-10 was a Friday (weekday 4): -21482 + 3 = -21479 = -7 * 3069 + 4.
  // PMT local = UTC + 9:21 until 1911-03-10T23:50:39Z, where 24:00 PMT becomes 23:50:39 WET.
  it.each([
    ['1911-03-09T23:50:39Z', 4 * 24 + 0, 0, '1911-03-10'], // 00:00:00 PMT, the first instant
    ['1911-03-10T00:50:38Z', 4 * 24 + 0, 0, '1911-03-10'], // 00:59:59 PMT
    ['1911-03-10T00:50:39Z', 4 * 24 + 1, 1, '1911-03-10'], // 01:00:00 PMT: hours change at :50:39 UTC
    ['1911-03-10T22:50:38Z', 4 * 24 + 22, 22, '1911-03-10'], // 22:59:59 PMT
    ['1911-03-10T22:50:39Z', 4 * 24 + 23, 23, '1911-03-10'], // 23:00:00 PMT
    ['1911-03-10T23:50:38Z', 4 * 24 + 23, 23, '1911-03-10'], // 23:59:59 PMT
    ['1911-03-10T23:50:39Z', 4 * 24 + 23, 23, '1911-03-10'], // 23:50:39 WET: back into hour 23 of Friday
    ['1911-03-10T23:59:59.999Z', 4 * 24 + 23, 23, '1911-03-10'], // 23:59:59.999 WET
    ['1911-03-11T00:00:00Z', 5 * 24 + 0, 0, '1911-03-11'], // Saturday 00:00 WET
  ])('PMT -> WET, 1911: %s -> cell %d, hour %d, %s', (iso, cell, hour, date) => {
    expect(answer(longPeriod, iso)).toStrictEqual([cell, hour, date]);
  });
});

describe('LocalBuckets (offset table: Africa/Monrovia, -0:44:30 until 1972-01-07T00:44:30Z)', () => {
  // 1972-01-06: 730 + 5 = 735 (1970 and 1971: 365 days each), a Thursday: (735 + 3) mod 7 = 3.
  // Local = UTC - 0:44:30 before the change, UTC after; local jumps from 1972-01-06 23:59:59 to 1972-01-07 00:44:30.
  const monrovia = bucketsOf('Africa/Monrovia', '1972-01-06', '1972-01-07');

  it('knows its period', () => {
    expect([monrovia.startMs, monrovia.endMs, monrovia.firstDay]).toStrictEqual([utc('1972-01-06T00:44:30Z'), utc('1972-01-08T00:00:00Z'), 735]);
  });

  it.each([
    ['1972-01-06T00:44:30Z', 3 * 24 + 0, 0, '1972-01-06'], // 00:00:00
    ['1972-01-06T01:44:29Z', 3 * 24 + 0, 0, '1972-01-06'], // 00:59:59
    ['1972-01-06T01:44:30Z', 3 * 24 + 1, 1, '1972-01-06'], // 01:00:00
    ['1972-01-06T12:00:00Z', 3 * 24 + 11, 11, '1972-01-06'], // 11:15:30
    ['1972-01-07T00:00:00Z', 3 * 24 + 23, 23, '1972-01-06'], // 23:15:30
    ['1972-01-07T00:44:29.999Z', 3 * 24 + 23, 23, '1972-01-06'], // 23:59:59.999
    ['1972-01-07T00:44:30Z', 4 * 24 + 0, 0, '1972-01-07'], // Friday 00:44:30 GMT
    ['1972-01-07T00:44:45Z', 4 * 24 + 0, 0, '1972-01-07'], // inside the 15-minute slot that holds the change
    ['1972-01-07T01:00:00Z', 4 * 24 + 1, 1, '1972-01-07'],
    ['1972-01-07T23:59:59.999Z', 4 * 24 + 23, 23, '1972-01-07'],
  ])('%s -> cell %d, hour %d, %s', (iso, cell, hour, date) => {
    expect(answer(monrovia, iso)).toStrictEqual([cell, hour, date]);
  });
});

describe('LocalBuckets in zones with 30- and 45-minute offsets (slot table)', () => {
  it('Asia/Kathmandu (+5:45) and Australia/Lord_Howe (+10:30 / +11)', () => {
    // 2024-05-06 is a Monday; 2024-05-06 00:00 +5:45 = 2024-05-05T18:15Z
    const kathmandu = bucketsOf('Asia/Kathmandu', '2024-05-06', '2024-05-06');
    expect(answer(kathmandu, '2024-05-05T18:15:00Z')).toStrictEqual([0, 0, '2024-05-06']);
    expect(answer(kathmandu, '2024-05-05T19:14:59.999Z')).toStrictEqual([0, 0, '2024-05-06']); // 00:59:59.999
    expect(answer(kathmandu, '2024-05-05T19:15:00Z')).toStrictEqual([1, 1, '2024-05-06']); // 01:00
    expect(answer(kathmandu, '2024-05-06T18:14:59.999Z')).toStrictEqual([23, 23, '2024-05-06']);
    // Lord Howe, Sunday 2024-04-07: 02:00 +11 (15:00Z) -> 01:30 +10:30, so 01:30..01:59 happen twice.
    const lordHowe = bucketsOf('Australia/Lord_Howe', '2024-04-07', '2024-04-07');
    expect(answer(lordHowe, '2024-04-06T13:00:00Z')).toStrictEqual([6 * 24, 0, '2024-04-07']); // 00:00 +11
    expect(answer(lordHowe, '2024-04-06T14:59:59.999Z')).toStrictEqual([6 * 24 + 1, 1, '2024-04-07']); // 01:59:59.999 +11
    expect(answer(lordHowe, '2024-04-06T15:00:00Z')).toStrictEqual([6 * 24 + 1, 1, '2024-04-07']); // 01:30 +10:30
    expect(answer(lordHowe, '2024-04-06T15:30:00Z')).toStrictEqual([6 * 24 + 2, 2, '2024-04-07']); // 02:00 +10:30
    expect(answer(lordHowe, '2024-04-07T13:29:59.999Z')).toStrictEqual([6 * 24 + 23, 23, '2024-04-07']); // 23:59:59.999 +10:30
  });
});
