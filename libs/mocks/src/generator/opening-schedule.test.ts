import { describe, expect, it } from 'vitest';
import { type OpeningConsumer, scheduleOpenings } from './opening-schedule.js';
import { Random } from './random.js';
import { ZoneCalendar } from './zone-calendar.js';

function openings(count: number, seed = 1): number[] {
  const calendar = ZoneCalendar.window('2024-11-20', 90, 'Europe/Paris');
  const opened: number[] = [];
  const consumer: OpeningConsumer = { open: (openedAtMs) => opened.push(openedAtMs) };
  scheduleOpenings(calendar, count, new Random(seed), consumer);
  return opened;
}

describe('scheduleOpenings', () => {
  it.each([0, 1, 5, 999, 30_000])('opens exactly %i conversations, in chronological order, inside the window', (count) => {
    const opened = openings(count);
    expect(opened).toHaveLength(count);
    for (let index = 1; index < opened.length; index++) expect(opened[index]).toBeGreaterThanOrEqual(opened[index - 1]);
    for (const atMs of opened) {
      expect(Number.isInteger(atMs)).toBe(true);
      expect(atMs).toBeGreaterThanOrEqual(Date.UTC(2024, 7, 22, 22));
      expect(atMs).toBeLessThan(Date.UTC(2024, 10, 20, 23));
    }
  });

  it('follows local time across the DST change: 10 am is busy, 3 am is quiet, in CEST and in CET', () => {
    const opened = openings(50_000);
    const inUtcHour = (fromMs: number, toMs: number, utcHour: number): number =>
      opened.filter((atMs) => atMs >= fromMs && atMs < toMs && new Date(atMs).getUTCHours() === utcHour).length;
    const changeMs = Date.UTC(2024, 9, 27, 1);
    const summerStartMs = Date.UTC(2024, 7, 22, 22);
    const winterEndMs = Date.UTC(2024, 10, 20, 23);
    // Summer (UTC+2): local 10:00 is 08:00 UTC, local 03:00 is 01:00 UTC; winter (UTC+1): 09:00 and 02:00.
    expect(inUtcHour(summerStartMs, changeMs, 8)).toBeGreaterThan(10 * inUtcHour(summerStartMs, changeMs, 1));
    expect(inUtcHour(changeMs, winterEndMs, 9)).toBeGreaterThan(10 * inUtcHour(changeMs, winterEndMs, 2));
  });
});
