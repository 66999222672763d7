// Relative opening rates by local hour and weekday: a morning peak around 10:00, a dip at lunch, a
// second peak mid-afternoon, quiet nights; weekends lower and later. Shapes, not data: they only need
// to make the heatmaps look like a support inbox.

// prettier-ignore
const weekdayHourRates = [
  0.14, 0.08, 0.05, 0.04, 0.05, 0.10, 0.28, 0.70, 1.40, 2.00, 2.30, 2.10,
  1.45, 1.35, 1.85, 2.00, 1.80, 1.40, 1.00, 0.80, 0.70, 0.58, 0.42, 0.26,
] as const;

// prettier-ignore
const weekendHourRates = [
  0.22, 0.14, 0.08, 0.05, 0.04, 0.05, 0.10, 0.22, 0.45, 0.75, 1.00, 1.10,
  1.05, 0.95, 0.95, 1.00, 1.00, 1.05, 1.10, 1.05, 0.95, 0.80, 0.60, 0.38,
] as const;

/** Monday … Sunday: Mondays carry the weekend's backlog, Fridays taper off. */
const weekdayRates = [1.12, 1.05, 1.0, 1.0, 0.9, 0.42, 0.33] as const;

/** The relative rate of conversation openings in a local hour of a local weekday (0 = Monday). */
export function openingRate(weekdayIndex: number, localHour: number): number {
  const hourRates = weekdayIndex >= 5 ? weekendHourRates : weekdayHourRates;
  return weekdayRates[weekdayIndex] * hourRates[localHour];
}
