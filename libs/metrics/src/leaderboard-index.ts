import type { Agg } from '@parley/model';
import { emptyAgg, nearestRank, roundedMean, select } from './aggregate.js';
import { calendarDurations } from './calendar-durations.js';
import { negativeBucket as fineNegativeBucket } from './group-aggregator.js';

// The index's lists are coarser than the aggregators' histogram (8 instead of 32 per power of
// two): fewer lists mean fewer binary searches, at the price of larger slices to select from.
const coarseShift = 2;
const negativeBucket = fineNegativeBucket >> coarseShift;
const slotsPerGroup = negativeBucket + 1;
import { scratchFloat64 } from './scratch.js';
import { stableArgsort } from './sorting.js';
import type { WorkspaceTables } from './tables.js';

/**
 * A materialised index for unfiltered calendar-time leaderboards: the values of one grouping
 * (closing user or team) sorted by (group, histogram bucket, closedAt), with prefix sums. A period
 * is then two binary searches per non-empty (group, bucket) list for counts and sums, and the
 * median and p90 come from the one slice of the bucket that holds each rank — no scan of every
 * response. Built once per tables on first use.
 */
export class GroupedDurationIndex {
  readonly groupCount: number;
  /** Entries of (group, bucket) = [offsets[slot], offsets[slot + 1]), slot = group * slotsPerGroup + bucket. */
  #offsets: Uint32Array;
  #closedAt: Float64Array;
  #values: Float64Array;
  /** prefix[i] = sum of values of the entry's list before i (restarting at each list). */
  #prefix: Float64Array;
  get byteLength(): number {
    return this.#offsets.byteLength + this.#closedAt.byteLength + this.#values.byteLength + this.#prefix.byteLength;
  }

  /** False when some list's sums leave the exact float range: callers fall back to scanning. */
  readonly exact: boolean;

  constructor(groupCount: number, group: Uint32Array, bucket: Uint16Array, closedAt: Float64Array, values: Float64Array) {
    this.groupCount = groupCount;
    const n = group.length;
    // (group, bucket, closedAt): closedAt first, then stable counting sorts by slot.
    const byTime = stableArgsort(closedAt);
    const slotCount = groupCount * slotsPerGroup;
    const offsets = new Uint32Array(slotCount + 1);
    for (let i = 0; i < n; i++) offsets[group[i] * slotsPerGroup + bucket[i] + 1]++;
    for (let s = 0; s < slotCount; s++) offsets[s + 1] += offsets[s];
    const cursor = offsets.slice(0, slotCount);
    this.#closedAt = new Float64Array(n);
    this.#values = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const i = byTime[k];
      const at = cursor[group[i] * slotsPerGroup + bucket[i]]++;
      this.#closedAt[at] = closedAt[i];
      this.#values[at] = values[i];
    }
    this.#prefix = new Float64Array(n + 1);
    let exact = true;
    for (let s = 0; s < slotCount; s++) {
      let sum = 0;
      for (let i = offsets[s]; i < offsets[s + 1]; i++) {
        this.#prefix[i] = sum;
        sum += this.#values[i];
        if (!Number.isSafeInteger(sum)) exact = false;
      }
    }
    this.#offsets = offsets;
    this.exact = exact;
  }

  /** Aggs of every group over entries with closedAt in [startMs, endMs); null when a group has a negative value there. */
  aggregate(startMs: number, endMs: number): { aggs: Agg[]; counts: Uint32Array } | null {
    const aggs: Agg[] = [];
    const counts = new Uint32Array(this.groupCount);
    const los = new Uint32Array(slotsPerGroup);
    const his = new Uint32Array(slotsPerGroup);
    for (let group = 0; group < this.groupCount; group++) {
      let n = 0;
      let sum = 0;
      const base = group * slotsPerGroup;
      for (let bucket = 0; bucket < slotsPerGroup; bucket++) {
        const from = this.#offsets[base + bucket];
        const to = this.#offsets[base + bucket + 1];
        if (from === to) {
          los[bucket] = his[bucket] = from;
          continue;
        }
        // Periods often cover a whole list's start or end (the latest days): skip those searches.
        const closedAt = this.#closedAt;
        const lo = closedAt[from] >= startMs ? from : lowerBoundIn(closedAt, startMs, from, to);
        const hi = closedAt[to - 1] < endMs ? to : lowerBoundIn(closedAt, endMs, lo, to);
        los[bucket] = lo;
        his[bucket] = hi;
        if (hi === lo) continue;
        if (bucket === negativeBucket) return null;
        n += hi - lo;
        sum += (hi < to ? this.#prefix[hi] : this.#prefix[lo] + rangeSum(this.#values, lo, hi)) - this.#prefix[lo];
      }
      counts[group] = n;
      if (n === 0) {
        aggs.push(emptyAgg());
        continue;
      }
      const percentile = (rank: number): number => {
        let seen = 0;
        for (let bucket = 0; bucket < negativeBucket; bucket++) {
          const inBucket = his[bucket] - los[bucket];
          if (seen + inBucket >= rank) {
            const length = his[bucket] - los[bucket];
            const slice = scratchFloat64('leaderboard-slice', length);
            slice.set(this.#values.subarray(los[bucket], his[bucket]));
            select(slice, 0, length - 1, rank - seen - 1);
            return slice[rank - seen - 1];
          }
          seen += inBucket;
        }
        throw new Error('rank beyond the group');
      };
      aggs.push({ count: n, meanMs: roundedMean(sum, n), medianMs: percentile(nearestRank(50, n)), p90Ms: percentile(nearestRank(90, n)) });
    }
    return { aggs, counts };
  }
}

function lowerBoundIn(sorted: Float64Array, target: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function rangeSum(values: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i];
  return sum;
}

export interface LeaderboardIndexes {
  userResolution: GroupedDurationIndex;
  userResponse: GroupedDurationIndex;
  teamResolution: GroupedDurationIndex;
  teamResponse: GroupedDurationIndex;
}

const indexes = new WeakMap<WorkspaceTables, LeaderboardIndexes>();

/** The four indexes of the calendar leaderboard (closing user / team × resolution / response). */
export function leaderboardIndexes(tables: WorkspaceTables): LeaderboardIndexes {
  let result = indexes.get(tables);
  if (result) return result;
  const { conversations, facts, responses, dictionaries } = tables;
  const durations = calendarDurations(tables);
  const teams = dictionaries.teams;
  const teamOf = (row: number) => (teams.isNone(conversations.closedByTeam[row]) ? 0 : conversations.closedByTeam[row]);
  const build = (groupCount: number, items: number[], groupOf: (item: number) => number, rowOf: (item: number) => number, value: Float64Array, bucket: Uint16Array) => {
    const n = items.length;
    const group = new Uint32Array(n);
    const buckets = new Uint16Array(n);
    const closedAt = new Float64Array(n);
    const values = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const item = items[k];
      group[k] = groupOf(item);
      buckets[k] = bucket[item] >> coarseShift;
      closedAt[k] = conversations.closedAt[rowOf(item)];
      values[k] = value[item];
    }
    return new GroupedDurationIndex(groupCount, group, buckets, closedAt, values);
  };
  const closedRows: number[] = [];
  for (let row = 0; row < conversations.count; row++) if (facts.countedClosed[row]) closedRows.push(row);
  const userRows = closedRows.filter((row) => facts.closingUser[row] !== 0);
  const teamRows = closedRows.filter((row) => teamOf(row) !== 0);
  const userResponses: number[] = [];
  const teamResponses: number[] = [];
  for (let r = 0; r < responses.count; r++) {
    const row = responses.conversation[r];
    if (!facts.countedClosed[row]) continue;
    if (durations.sentByCloser[r]) userResponses.push(r);
    if (teamOf(row) !== 0) teamResponses.push(r);
  }
  const responseRow = (r: number) => responses.conversation[r];
  result = {
    userResolution: build(dictionaries.users.size, userRows, (row) => facts.closingUser[row], (row) => row, durations.resolutionMs, durations.resolutionBucket),
    teamResolution: build(teams.size, teamRows, teamOf, (row) => row, durations.resolutionMs, durations.resolutionBucket),
    userResponse: build(dictionaries.users.size, userResponses, (r) => facts.closingUser[responseRow(r)], responseRow, durations.responseMs, durations.responseBucket),
    teamResponse: build(teams.size, teamResponses, (r) => teamOf(responseRow(r)), responseRow, durations.responseMs, durations.responseBucket),
  };
  indexes.set(tables, result);
  return result;
}


/** Bytes held by the leaderboard indexes of these tables (0 when not built). */
export function leaderboardIndexBytes(tables: WorkspaceTables): number {
  const built = indexes.get(tables);
  return built ? Object.values(built).reduce((sum: number, index: GroupedDurationIndex) => sum + index.byteLength, 0) : 0;
}
