import type { LocalDate } from '@parley/model';

// Every number, date and duration on screen goes through Intl in the element's locale. Formatters
// are cached per (locale, options): widgets format hundreds of cells per render.

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** A count: `1,234`, `1 234`, `1,234`. */
export function formatCount(value: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** The snapshot's percent (tenths of a percent as a decimal, `57.1`) with exactly one decimal: `57.1%`, `57,1 %`. */
export function formatPercent(percent: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.round(percent * 10) / 1000);
}

/** A local calendar date (`YYYY-MM-DD`) as the locale writes it; a date is a date, so no zone applies. */
export function formatLocalDate(date: LocalDate, locale: string, style: 'short' | 'medium' = 'medium'): string {
  const [y, m, d] = date.split('-').map(Number);
  const options: Intl.DateTimeFormatOptions = style === 'short' ? { month: 'short', day: 'numeric', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' };
  return dateFormat(locale, options).format(Date.UTC(y, m - 1, d));
}

/** An inclusive range of local dates: `Oct 22 – Nov 20, 2024`. */
export function formatDateRange(from: LocalDate, to: LocalDate, locale: string): string {
  const utc = (date: LocalDate) => {
    const [y, m, d] = date.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(utc(from), utc(to));
}

/** An instant in the widget's zone: `Nov 20, 2024, 14:05`. */
export function formatDateTime(epochMs: number, locale: string, timeZone?: string): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(epochMs);
}

/** A duration in ms as `hh:mm:ss` (an hour or more; hours may exceed 24) or `mm:ss`; null as `-`. */
export function formatDuration(ms: number | null, locale: string): string {
  if (ms === null || !Number.isFinite(ms)) return '-';
  const sign = ms < 0 ? '-' : '';
  const totalSeconds = Math.round(Math.abs(ms) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const two = numberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  const parts = hours > 0 ? [two.format(hours), two.format(minutes), two.format(seconds)] : [two.format(minutes), two.format(seconds)];
  return sign + parts.join(':');
}

/** Weekday `0` = Monday … `6` = Sunday (snapshot.md §3). */
export function formatWeekday(weekday: number, locale: string, style: 'long' | 'short' = 'long'): string {
  // 2024-01-01 was a Monday.
  return dateFormat(locale, { weekday: style, timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + weekday));
}

/** A local hour of the day: `09:00`. */
export function formatHour(hour: number, locale: string): string {
  return dateFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1, hour));
}

/** An hour slot: `09:00–10:00` (the last one ends at `00:00`). */
export function formatHourRange(hour: number, locale: string): string {
  return `${formatHour(hour, locale)}–${formatHour((hour + 1) % 24, locale)}`;
}
