import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dateOfDay,
  dayMs,
  dayOfDate,
  isKnownTimeZone,
  startOfLocalDay,
  TimeArgumentError,
  weekdayOfDay,
  ZoneOffsets,
  zoneOffsets,
} from './time-zone.js';

// Offsets, day numbers and day starts worked out by hand from the tz rules (tzdata 2024+):
// Europe/Paris        CET +1, CEST +2; 2024-03-31 01:00Z (02:00 CET -> 03:00 CEST), 2024-10-27 01:00Z (03:00 CEST -> 02:00 CET);
//                     PMT +0:09:21 until 1911-03-11 00:00 PMT = 1911-03-10T23:50:39Z, then WET +0.
// America/New_York    EST -5, EDT -4; 2024-03-10 07:00Z (02:00 -> 03:00), 2024-11-03 06:00Z (02:00 -> 01:00).
// Asia/Kolkata        +5:30, no DST.
// Asia/Kathmandu      +5:30 until 1986-01-01 00:00 local = 1985-12-31T18:30Z, then +5:45 (local jumps to 00:15).
// Australia/Lord_Howe +10:30 / +11 (30-minute DST); 2024-04-07 02:00 +11 = 2024-04-06T15:00Z -> 01:30 +10:30;
//                     2024-10-06 02:00 +10:30 = 2024-10-05T15:30Z -> 02:30 +11.
// Africa/Monrovia     -0:44:30 until 1972-01-07 00:00 local = 1972-01-07T00:44:30Z, then GMT (local jumps 00:00 -> 00:44:30).
// America/Santiago    -4 / -3; 2024-09-08 04:00Z: 00:00 -04 -> 01:00 -03 (midnight in the gap);
//                     2024-04-07 03:00Z: 24:00 -03 -> 23:00 -04 (Saturday's last hour repeats, midnight passes once).
// America/Havana      CST -5, CDT -4; 2024-03-10 05:00Z: 00:00 CST -> 01:00 CDT (midnight in the gap);
//                     2024-11-03 05:00Z: 01:00 CDT -> 00:00 CST (hour 0 repeats: midnight passes twice).
// Asia/Beirut         +2 / +3; 2024-03-30T22:00Z: 00:00 -> 01:00; 2024-10-26T21:00Z: 24:00 +3 -> 23:00 +2.
//
// Day numbers: 2024-01-01 = 1704067200000 / 86400000 = 19723
//   (1970..2023: 54 years * 365 + 13 leap days = 19723).

const utc = (iso: string): number => Date.parse(iso);
const minute = 60_000;
const hour = 3_600_000;

describe('zoneOffsets', () => {
  it('throws TimeArgumentError for an unknown or empty zone', () => {
    expect(() => zoneOffsets('Mars/Olympus')).toThrow(TimeArgumentError);
    expect(() => zoneOffsets('')).toThrow(TimeArgumentError);
    expect(() => zoneOffsets('+01:00')).toThrow(TimeArgumentError);
    expect(() => new ZoneOffsets('Europe/Pariss')).toThrow(/unknown time zone "Europe\/Pariss"/);
  });

  it('the error is named TimeArgumentError', () => {
    let error: unknown = null;
    try {
      zoneOffsets('Nowhere/Town');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TimeArgumentError);
    expect((error as Error).name).toBe('TimeArgumentError');
  });

  it('is cached per zone name and knows the canonical name', () => {
    expect(zoneOffsets('Europe/Paris')).toBe(zoneOffsets('Europe/Paris'));
    expect(zoneOffsets('Europe/Paris').timeZone).toBe('Europe/Paris');
    expect(zoneOffsets('utc').timeZone).toBe('UTC');
  });

  it('isKnownTimeZone', () => {
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Asia/Kathmandu')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
  });

  // [zone, instant, offset in minutes] — before covering (Intl) and after (the segment table).
  const offsets: [string, string, number][] = [
    ['UTC', '2024-05-06T12:00:00Z', 0],
    ['Europe/Paris', '2024-01-15T12:00:00Z', 60],
    ['Europe/Paris', '2024-03-31T00:59:59.999Z', 60], // 01:59:59.999 CET, last instant before the gap
    ['Europe/Paris', '2024-03-31T01:00:00Z', 120], // 03:00 CEST
    ['Europe/Paris', '2024-10-27T00:59:59.999Z', 120], // 02:59:59.999 CEST, first pass
    ['Europe/Paris', '2024-10-27T01:00:00Z', 60], // 02:00 CET, second pass
    ['America/New_York', '2024-03-10T06:59:59.999Z', -300], // 01:59:59.999 EST
    ['America/New_York', '2024-03-10T07:00:00Z', -240], // 03:00 EDT
    ['America/New_York', '2024-11-03T05:59:59.999Z', -240], // 01:59:59.999 EDT
    ['America/New_York', '2024-11-03T06:00:00Z', -300], // 01:00 EST
    ['Asia/Kolkata', '2024-05-06T00:00:00Z', 330],
    ['Asia/Kolkata', '2024-12-31T23:59:59Z', 330],
    ['Australia/Lord_Howe', '2024-04-06T14:59:59.999Z', 660], // 01:59:59.999 +11
    ['Australia/Lord_Howe', '2024-04-06T15:00:00Z', 630], // 01:30 +10:30
    ['Australia/Lord_Howe', '2024-10-05T15:29:59.999Z', 630], // 01:59:59.999 +10:30
    ['Australia/Lord_Howe', '2024-10-05T15:30:00Z', 660], // 02:30 +11
    ['Asia/Kathmandu', '2024-05-06T00:00:00Z', 345],
    ['Asia/Kathmandu', '1985-12-31T18:29:59Z', 330],
    ['Asia/Kathmandu', '1985-12-31T18:30:00Z', 345],
  ];

  it.each(offsets)('%s at %s has offset %d min (Intl, uncovered)', (zone, iso, minutes) => {
    expect(new ZoneOffsets(zone).offsetAt(utc(iso))).toBe(minutes * minute);
  });

  it.each(offsets)('%s at %s has offset %d min (segment table)', (zone, iso, minutes) => {
    const offsets = new ZoneOffsets(zone);
    offsets.cover(utc(iso) - 3 * dayMs, utc(iso) + 3 * dayMs);
    expect(offsets.offsetAt(utc(iso))).toBe(minutes * minute);
  });

  it('historical offsets that are not whole minutes: Paris PMT +0:09:21, Monrovia -0:44:30', () => {
    const paris = new ZoneOffsets('Europe/Paris');
    // +0:09:21 = 9 * 60 + 21 = 561 s
    expect(paris.offsetAt(utc('1900-01-01T00:00:00Z'))).toBe(561_000);
    expect(paris.offsetAt(utc('1911-03-10T23:50:38Z'))).toBe(561_000);
    expect(paris.offsetAt(utc('1911-03-10T23:50:39Z'))).toBe(0);
    const monrovia = new ZoneOffsets('Africa/Monrovia');
    // -(44 * 60 + 30) s = -2670 s
    expect(monrovia.offsetAt(utc('1950-01-01T00:00:00Z'))).toBe(-2_670_000);
    expect(monrovia.offsetAt(utc('1972-01-07T00:44:29Z'))).toBe(-2_670_000);
    expect(monrovia.offsetAt(utc('1972-01-07T00:44:30Z'))).toBe(0);
    monrovia.cover(utc('1972-01-01T00:00:00Z'), utc('1972-01-31T00:00:00Z'));
    expect(monrovia.offsetAt(utc('1972-01-07T00:44:29.999Z'))).toBe(-2_670_000);
    expect(monrovia.offsetAt(utc('1972-01-07T00:44:30Z'))).toBe(0);
  });
});

describe('ZoneOffsets.segments', () => {
  it('lists the two 2024 transitions of Europe/Paris', () => {
    const paris = new ZoneOffsets('Europe/Paris');
    // 2024-03-31T01:00Z = 1711846800000, 2024-10-27T01:00Z = 1729990800000
    expect(paris.segments(utc('2024-01-01T00:00:00Z'), utc('2024-12-31T00:00:00Z'))).toStrictEqual([
      { start: -Infinity, end: 1711846800000, offset: hour },
      { start: 1711846800000, end: 1729990800000, offset: 2 * hour },
      { start: 1729990800000, end: Infinity, offset: hour },
    ]);
  });

  it('lists only the segments overlapping the range asked for', () => {
    const paris = new ZoneOffsets('Europe/Paris');
    paris.cover(utc('2024-01-01T00:00:00Z'), utc('2024-12-31T00:00:00Z'));
    expect(paris.segments(utc('2024-06-01T00:00:00Z'), utc('2024-06-30T00:00:00Z'))).toStrictEqual([
      { start: utc('2024-03-31T01:00:00Z'), end: utc('2024-10-27T01:00:00Z'), offset: 2 * hour },
    ]);
    // A range ending exactly at a transition includes the segment that starts there.
    expect(paris.segments(utc('2024-10-01T00:00:00Z'), utc('2024-10-27T01:00:00Z')).map((s) => s.offset)).toStrictEqual([2 * hour, hour]);
  });

  it('segmentAt finds the segment holding an instant', () => {
    const paris = new ZoneOffsets('Europe/Paris');
    paris.cover(utc('2024-01-01T00:00:00Z'), utc('2024-12-31T00:00:00Z'));
    expect(paris.segmentAt(utc('2024-03-31T00:59:59.999Z'))).toBe(0);
    expect(paris.segmentAt(utc('2024-03-31T01:00:00Z'))).toBe(1);
    expect(paris.segmentAt(utc('2024-10-27T00:59:59.999Z'))).toBe(1);
    expect(paris.segmentAt(utc('2024-10-27T01:00:00Z'))).toBe(2);
  });

  it('New York, Lord Howe (30-minute DST) and a zone without DST', () => {
    expect(new ZoneOffsets('America/New_York').segments(utc('2024-01-01T00:00:00Z'), utc('2024-12-31T00:00:00Z'))).toStrictEqual([
      { start: -Infinity, end: utc('2024-03-10T07:00:00Z'), offset: -5 * hour },
      { start: utc('2024-03-10T07:00:00Z'), end: utc('2024-11-03T06:00:00Z'), offset: -4 * hour },
      { start: utc('2024-11-03T06:00:00Z'), end: Infinity, offset: -5 * hour },
    ]);
    expect(new ZoneOffsets('Australia/Lord_Howe').segments(utc('2024-01-01T00:00:00Z'), utc('2024-12-31T00:00:00Z'))).toStrictEqual([
      { start: -Infinity, end: utc('2024-04-06T15:00:00Z'), offset: 660 * minute },
      { start: utc('2024-04-06T15:00:00Z'), end: utc('2024-10-05T15:30:00Z'), offset: 630 * minute },
      { start: utc('2024-10-05T15:30:00Z'), end: Infinity, offset: 660 * minute },
    ]);
    expect(new ZoneOffsets('Asia/Kathmandu').segments(utc('2024-01-01T00:00:00Z'), utc('2024-12-31T00:00:00Z'))).toStrictEqual([
      { start: -Infinity, end: Infinity, offset: 345 * minute },
    ]);
  });

  it('finds transitions to the second, off the 15-minute grid', () => {
    expect(new ZoneOffsets('Africa/Monrovia').segments(utc('1972-01-01T00:00:00Z'), utc('1972-01-31T00:00:00Z'))).toStrictEqual([
      { start: -Infinity, end: utc('1972-01-07T00:44:30Z'), offset: -2_670_000 },
      { start: utc('1972-01-07T00:44:30Z'), end: Infinity, offset: 0 },
    ]);
    // 1911-03-11 00:00 PMT = 1911-03-10T24:00Z - 0:09:21 = 1911-03-10T23:50:39Z
    expect(new ZoneOffsets('Europe/Paris').segments(utc('1911-03-01T00:00:00Z'), utc('1911-03-20T00:00:00Z'))).toStrictEqual([
      { start: -Infinity, end: utc('1911-03-10T23:50:39Z'), offset: 561_000 },
      { start: utc('1911-03-10T23:50:39Z'), end: Infinity, offset: 0 },
    ]);
  });
});

describe('localDay', () => {
  it('is the local date as a day number, DST and negative days included', () => {
    const paris = zoneOffsets('Europe/Paris');
    // 2024-03-31 = 19723 + 31 + 29 + 30 = 19813; its local midnight is 2024-03-30T23:00Z (CET)
    expect(paris.localDay(utc('2024-03-30T22:59:59.999Z'))).toBe(19812);
    expect(paris.localDay(utc('2024-03-30T23:00:00Z'))).toBe(19813);
    // 2024-10-27 = 19723 + 300 = 20023; 2024-10-27T22:59Z is 23:59 CET, 23:00Z is Monday 00:00
    expect(paris.localDay(utc('2024-10-27T22:59:59.999Z'))).toBe(20023);
    expect(paris.localDay(utc('2024-10-27T23:00:00Z'))).toBe(20024);
    const newYork = zoneOffsets('America/New_York');
    // 2024-11-03 = 19723 + 305 + 2 = 20030; 04:00Z = 00:00 EDT
    expect(newYork.localDay(utc('2024-11-03T03:59:59.999Z'))).toBe(20029);
    expect(newYork.localDay(utc('2024-11-03T04:00:00Z'))).toBe(20030);
    const kolkata = zoneOffsets('Asia/Kolkata');
    // 2024-05-06 = 19723 + 121 + 5 = 19849; 2024-05-05T18:30Z = 00:00 IST
    expect(kolkata.localDay(utc('2024-05-05T18:29:59.999Z'))).toBe(19848);
    expect(kolkata.localDay(utc('2024-05-05T18:30:00Z'))).toBe(19849);
    const utcZone = zoneOffsets('UTC');
    expect(utcZone.localDay(0)).toBe(0);
    expect(utcZone.localDay(-1)).toBe(-1);
    // 1950-01-01T00:00Z in Monrovia is 1949-12-31 23:15:30: day -7306
    // (1950..1969 = 20 years * 365 + 5 leap days = 7305 days before 1970-01-01, one more for Dec 31)
    expect(zoneOffsets('Africa/Monrovia').localDay(utc('1950-01-01T00:00:00Z'))).toBe(-7306);
  });
});

describe('weekdayOfDay', () => {
  it('counts from Monday = 0', () => {
    expect(weekdayOfDay(0)).toBe(3); // 1970-01-01, a Thursday
    expect(weekdayOfDay(4)).toBe(0); // 1970-01-05, a Monday
    expect(weekdayOfDay(19849)).toBe(0); // 2024-05-06, a Monday
    expect(weekdayOfDay(19813)).toBe(6); // 2024-03-31, a Sunday
    expect(weekdayOfDay(-1)).toBe(2); // 1969-12-31, a Wednesday
    expect(weekdayOfDay(-7306)).toBe(5); // 1949-12-31, a Saturday
    expect(weekdayOfDay(-719162)).toBe(0); // 0001-01-01 (proleptic Gregorian), a Monday
  });
});

describe('dayOfDate / dateOfDay', () => {
  // 0001-01-01: 1969 years before 1970, 1969 * 365 + (492 - 19 + 4) leap days = 719162 days.
  // 10000-01-01: 8030 years after 1970, 8030 * 365 + (2424 - 477) leap days = 2932897, so 9999-12-31 = 2932896.
  const dates: [string, number][] = [
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['2024-01-01', 19723],
    ['2024-02-29', 19782], // 19723 + 31 + 28
    ['2024-05-06', 19849],
    ['0001-01-01', -719162],
    ['9999-12-31', 2932896],
  ];

  it.each(dates)('%s is day %d and back', (date, day) => {
    expect(dayOfDate(date)).toBe(day);
    expect(dateOfDay(day)).toBe(date);
  });

  it.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-01-00', '2024-04-31', '24-01-01', '2024-1-01', '0000-01-01', ' 2024-01-01', '2024-01-01T00:00', '', '２０２４-01-01'])(
    'rejects %j',
    (date) => {
      expect(() => dayOfDate(date)).toThrow(TimeArgumentError);
    },
  );

  it('rejects a non-string', () => {
    expect(() => dayOfDate(20240101 as unknown as string)).toThrow(TimeArgumentError);
  });

  it('round-trips every day from 0001-01-01 to 9999-12-31', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719162, max: 2932896 }), (day) => {
        expect(dayOfDate(dateOfDay(day))).toBe(day);
      }),
    );
  });
});

describe('startOfLocalDay', () => {
  const day = dayOfDate;

  it.each([
    // [zone, date, first instant of that local date]
    ['UTC', '1970-01-01', '1970-01-01T00:00:00Z'],
    ['Europe/Paris', '2024-03-30', '2024-03-29T23:00:00Z'], // CET
    ['Europe/Paris', '2024-03-31', '2024-03-30T23:00:00Z'], // 00:00 CET, a 23-hour day
    ['Europe/Paris', '2024-04-01', '2024-03-31T22:00:00Z'], // 00:00 CEST
    ['Europe/Paris', '2024-10-27', '2024-10-26T22:00:00Z'], // 00:00 CEST, a 25-hour day
    ['Europe/Paris', '2024-10-28', '2024-10-27T23:00:00Z'], // 00:00 CET
    ['America/New_York', '2024-03-10', '2024-03-10T05:00:00Z'], // 00:00 EST
    ['America/New_York', '2024-03-11', '2024-03-11T04:00:00Z'], // 00:00 EDT
    ['America/New_York', '2024-11-03', '2024-11-03T04:00:00Z'], // 00:00 EDT
    ['America/New_York', '2024-11-04', '2024-11-04T05:00:00Z'], // 00:00 EST
    ['Asia/Kolkata', '2024-05-06', '2024-05-05T18:30:00Z'],
    ['Asia/Kathmandu', '2024-05-06', '2024-05-05T18:15:00Z'],
    ['Australia/Lord_Howe', '2024-04-07', '2024-04-06T13:00:00Z'], // 00:00 +11
    ['Australia/Lord_Howe', '2024-04-08', '2024-04-07T13:30:00Z'], // 00:00 +10:30
    ['Australia/Lord_Howe', '2024-10-06', '2024-10-05T13:30:00Z'], // 00:00 +10:30
    ['Australia/Lord_Howe', '2024-10-07', '2024-10-06T13:00:00Z'], // 00:00 +11
    // Midnight in a DST gap: the day starts where the gap ends (D6).
    ['America/Santiago', '2024-09-07', '2024-09-07T04:00:00Z'], // 00:00 -04
    ['America/Santiago', '2024-09-08', '2024-09-08T04:00:00Z'], // 01:00 -03 (00:00..00:59 never happen)
    ['America/Santiago', '2024-09-09', '2024-09-09T03:00:00Z'], // 00:00 -03
    ['America/Havana', '2024-03-09', '2024-03-09T05:00:00Z'], // 00:00 CST
    ['America/Havana', '2024-03-10', '2024-03-10T05:00:00Z'], // 01:00 CDT
    ['Asia/Beirut', '2024-03-31', '2024-03-30T22:00:00Z'], // 01:00 +3 (00:00 +2 = 22:00Z is the gap's end)
    ['Asia/Kathmandu', '1986-01-01', '1985-12-31T18:30:00Z'], // 00:15 +5:45
    ['Africa/Monrovia', '1972-01-06', '1972-01-06T00:44:30Z'], // 00:00 -0:44:30
    ['Africa/Monrovia', '1972-01-07', '1972-01-07T00:44:30Z'], // 00:44:30 GMT, the gap's end
    ['Africa/Monrovia', '1972-01-08', '1972-01-08T00:00:00Z'],
    // Falling back at midnight.
    // Havana: 01:00 CDT -> 00:00 CST, midnight passes twice (04:00Z and 05:00Z): the first pass.
    ['America/Havana', '2024-11-03', '2024-11-03T04:00:00Z'],
    ['America/Havana', '2024-11-04', '2024-11-04T05:00:00Z'],
    // Santiago: 24:00 -03 -> 23:00 -04, Saturday's 23:00 hour repeats; Sunday starts at 00:00 -04.
    ['America/Santiago', '2024-04-06', '2024-04-06T03:00:00Z'], // 00:00 -03, a 25-hour day
    ['America/Santiago', '2024-04-07', '2024-04-07T04:00:00Z'],
    ['Asia/Beirut', '2024-10-26', '2024-10-25T21:00:00Z'], // 00:00 +3
    ['Asia/Beirut', '2024-10-27', '2024-10-26T22:00:00Z'], // 00:00 +2
  ])('%s %s starts at %s', (zone, date, iso) => {
    expect(startOfLocalDay(zoneOffsets(zone), day(date))).toBe(utc(iso));
  });

  it('Paris PMT -> WET in 1911: a fall-back of 9 min 21 s at midnight', () => {
    const paris = new ZoneOffsets('Europe/Paris');
    // 1911-03-10 00:00 PMT = 1911-03-10T00:00Z - 561 s = 1911-03-09T23:50:39Z
    expect(startOfLocalDay(paris, day('1911-03-10'))).toBe(utc('1911-03-09T23:50:39Z'));
    // 1911-03-11: local 24:00 PMT becomes 23:50:39 WET, so 00:00 is reached once, at 00:00 WET
    expect(startOfLocalDay(paris, day('1911-03-11'))).toBe(utc('1911-03-11T00:00:00Z'));
    // 1900-01-01 00:00 PMT
    expect(startOfLocalDay(paris, day('1900-01-01'))).toBe(utc('1899-12-31T23:50:39Z'));
  });

  it('consecutive day starts are 23, 24 or 25 hours apart around the 2024 transitions', () => {
    const paris = zoneOffsets('Europe/Paris');
    const length = (date: string) => (startOfLocalDay(paris, day(date) + 1) - startOfLocalDay(paris, day(date))) / hour;
    expect(['2024-03-30', '2024-03-31', '2024-04-01', '2024-10-26', '2024-10-27', '2024-10-28'].map(length)).toStrictEqual([24, 23, 24, 24, 25, 24]);
  });
});

describe('startOfLocalDay on a date the zone skips', () => {
  it('starts Pacific/Apia 2011-12-30 (skipped across the date line) where 12-31 starts, an empty day', () => {
    // Apia jumped from 2011-12-29 23:59:59 (UTC−10) to 2011-12-31 00:00 (UTC+14): that instant
    // is 2011-12-30T10:00Z = 1325239200000, the first whose local date is on or after 12-30.
    const apia = zoneOffsets('Pacific/Apia');
    expect(startOfLocalDay(apia, dayOfDate('2011-12-30'))).toBe(1325239200000);
    expect(startOfLocalDay(apia, dayOfDate('2011-12-31'))).toBe(1325239200000);
  });
});
