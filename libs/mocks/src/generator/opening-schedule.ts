import type { Random } from './random.js';
import { openingRate } from './seasonality.js';
import type { ZoneCalendar } from './zone-calendar.js';

/** Receives conversation openings in chronological order. */
export interface OpeningConsumer {
  open(openedAtMs: number): void;
}

/** Growth over the window: a workspace that gains customers looks more alive than a flat one. */
const windowGrowth = 0.2;
/** Day-to-day variation, so no two Tuesdays are identical. */
const dailyNoise = 0.3;

/**
 * Spreads exactly `count` openings over the calendar's hour slots, in chronological order.
 * Systematic sampling over the cumulative expected counts gives every slot its expected share (±1)
 * with an exact total and no per-opening sort over the whole window; only the openings of one slot
 * are sorted, in a reused buffer, so memory stays bounded by the busiest hour.
 */
export function scheduleOpenings(calendar: ZoneCalendar, count: number, random: Random, consumer: OpeningConsumer): void {
  const slotCount = calendar.slotCount;
  const dayCount = calendar.dates.length;
  if (count === 0 || slotCount === 0) return;

  const dayFactors = new Float64Array(dayCount);
  for (let day = 0; day < dayCount; day++) {
    const progress = dayCount > 1 ? day / (dayCount - 1) : 1;
    dayFactors[day] = (1 - windowGrowth / 2 + windowGrowth * progress) * (1 - dailyNoise / 2 + dailyNoise * random.next());
  }
  const slotRates = new Float64Array(slotCount);
  let totalRate = 0;
  for (let slot = 0; slot < slotCount; slot++) {
    const day = calendar.slotDay[slot];
    const rate =
      openingRate(calendar.weekdayIndex[day], calendar.slotHour[slot]) * dayFactors[day] * (calendar.slotLengthMs[slot] / 3_600_000);
    slotRates[slot] = rate;
    totalRate += rate;
  }

  const phase = random.next();
  let cumulativeExpected = 0;
  let emitted = 0;
  let offsets = new Int32Array(64);
  for (let slot = 0; slot < slotCount; slot++) {
    cumulativeExpected += (count * slotRates[slot]) / totalRate;
    // The last slot takes whatever rounding left, so the total is exactly `count`.
    const upTo = slot === slotCount - 1 ? count : Math.min(count, Math.floor(cumulativeExpected + phase));
    const inSlot = upTo - emitted;
    if (inSlot <= 0) continue;
    if (offsets.length < inSlot) offsets = new Int32Array(Math.max(inSlot, offsets.length * 2));
    const lengthMs = calendar.slotLengthMs[slot];
    for (let index = 0; index < inSlot; index++) offsets[index] = random.below(lengthMs);
    const sorted = offsets.subarray(0, inSlot).sort();
    const slotStartMs = calendar.slotStartMs[slot];
    for (let index = 0; index < inSlot; index++) consumer.open(slotStartMs + sorted[index]);
    emitted = upTo;
  }
}
