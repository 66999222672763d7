import { describe, expect, it } from 'vitest';
import { ZoneCalendar, epochDayOfIsoDate } from './zone-calendar.js';

const hourMs = 3_600_000;

describe('ZoneCalendar', () => {
  it('cuts a Paris window into local days, the fall-back day lasting 25 hours', () => {
    const calendar = ZoneCalendar.window('2024-11-20', 90, 'Europe/Paris');
    expect(calendar.dates).toHaveLength(90);
    expect(calendar.dates[0]).toBe('2024-08-23');
    expect(calendar.dates[89]).toBe('2024-11-20');
    expect(calendar.startMs).toBe(Date.UTC(2024, 7, 22, 22));
    expect(calendar.endMs).toBe(Date.UTC(2024, 10, 20, 23));
    const fallBack = calendar.dates.indexOf('2024-10-27');
    expect(calendar.dayStartMs[fallBack]).toBe(Date.UTC(2024, 9, 26, 22));
    expect(calendar.dayStartMs[fallBack + 1] - calendar.dayStartMs[fallBack]).toBe(25 * hourMs);
    const hours = Array.from(calendar.slotHour.filter((_, slot) => calendar.slotDay[slot] === fallBack));
    expect(hours).toEqual([0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
    expect(calendar.slotCount).toBe(90 * 24 + 1);
  });

  it('gives the spring-forward day 23 hours and no 2 am', () => {
    const calendar = ZoneCalendar.window('2024-04-10', 90, 'Europe/Paris');
    const springForward = calendar.dates.indexOf('2024-03-31');
    expect(calendar.dayStartMs[springForward + 1] - calendar.dayStartMs[springForward]).toBe(23 * hourMs);
    const hours = Array.from(calendar.slotHour.filter((_, slot) => calendar.slotDay[slot] === springForward));
    expect(hours).toEqual([0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
  });

  it('starts a day whose midnight falls in a DST gap at the end of the gap (snapshot.md D6)', () => {
    // Santiago moved from 00:00 to 01:00 on 2024-09-08.
    const calendar = ZoneCalendar.window('2024-09-08', 2, 'America/Santiago');
    expect(calendar.dayStartMs[0]).toBe(Date.UTC(2024, 8, 7, 4));
    expect(calendar.dayStartMs[1]).toBe(Date.UTC(2024, 8, 8, 4));
    expect(calendar.dayStartMs[2]).toBe(Date.UTC(2024, 8, 9, 3));
    expect(calendar.slotHour[calendar.slotDay.indexOf(1)]).toBe(1);
  });

  it('handles zones with half-hour offsets and UTC', () => {
    const kolkata = ZoneCalendar.window('2024-01-01', 1, 'Asia/Kolkata');
    expect(kolkata.startMs).toBe(Date.UTC(2023, 11, 31, 18, 30));
    expect(Array.from(kolkata.slotHour)).toEqual(Array.from({ length: 24 }, (_, hour) => hour));
    const utc = ZoneCalendar.window('2024-01-01', 1, 'UTC');
    expect([utc.startMs, utc.endMs]).toEqual([Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 2)]);
  });

  it('numbers weekdays from Monday', () => {
    // 2024-11-18 was a Monday.
    const calendar = ZoneCalendar.window('2024-11-24', 7, 'Europe/Paris');
    expect(Array.from(calendar.weekdayIndex)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('rejects malformed dates and unknown zones', () => {
    expect(epochDayOfIsoDate('1970-01-02')).toBe(1);
    expect(() => epochDayOfIsoDate('2024-13-01')).toThrow(RangeError);
    expect(() => epochDayOfIsoDate('2024-1-01')).toThrow(RangeError);
    expect(() => ZoneCalendar.window('2024-01-01', 1, 'Nowhere/Special')).toThrow(RangeError);
  });
});
