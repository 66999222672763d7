import type { PeerName } from './bench-config.js';
import { benchPeriod, queryNames } from './bench-config.js';
import type { SizeResult } from './size-run.js';

// The readable report: one table per size (query × engine median/p95, peer ÷ parley ratios and
// whether each peer's answer equals parley's), then build, memory and peer-loading lines.

const int = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number | undefined) => (value === undefined ? '-' : value < 10 ? value.toFixed(2) : value < 1000 ? value.toFixed(1) : int(value));
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
}

export function sizeTable(result: SizeResult): string {
  const n = result.conversations;
  const header = `${int(n)} conversations, ${int(result.messages)} messages, ${int(result.responses)} responses` +
    (result.recipe.messagesPerConversation === undefined ? '' : ` (messagesPerConversation ${result.recipe.messagesPerConversation}, reduced for this size)`) +
    ` — period ${benchPeriod.from}..${benchPeriod.to} ${benchPeriod.timeZone}: ${int(result.closedInPeriod)} counted-closed; frt-filtered channel ${result.channelId}`;
  const widths = [14, 9, 9, 10, 10, 8, 2, 10, 10, 8, 2];
  const lines = [
    header,
    pad(['', 'parley', '', 'arquero', '', '', '', 'duckdb', '', '', ''], widths),
    pad(['query', 'med ms', 'p95 ms', 'med ms', 'p95 ms', 'aq/pa', '=', 'med ms', 'p95 ms', 'db/pa', '='], widths),
  ];
  for (const query of queryNames) {
    const p = result.timings.parley[query];
    const cells = [query, ms(p?.medianMs), ms(p?.p95Ms)];
    for (const peer of ['arquero', 'duckdb'] as PeerName[]) {
      const t = result.timings[peer][query];
      const ratio = t && p ? `${(t.medianMs / p.medianMs).toFixed(1)}×` : '-';
      const match = result.matches[peer][query];
      cells.push(ms(t?.medianMs), ms(t?.p95Ms), ratio, match === undefined ? '-' : match ? '✓' : '✗');
    }
    lines.push(pad(cells, widths));
  }
  const b = result.build;
  const when = result.fromCache ? `measured when the cache was made, ${b.measuredAt}, ${b.node}` : 'measured in this run';
  const f = result.footprint;
  lines.push(
    `build tables + facts: ${seconds(b.buildMs)} = generation+build ${seconds(b.generationAndBuildMs)} − generation alone ${seconds(b.generationMs)} (${when}); ` +
      `${int(n / (b.buildMs / 1000))} conversations/s`,
    `cached tables: ${(b.encodedBytes / 2 ** 20).toFixed(0)} MiB, read + decodeTables in ${seconds(result.tableLoadMs)}`,
    `parley's calendar durations and leaderboard indexes (derived once per tables on first use, not in query times): ${ms(result.derivedDurationsMs)} ms`,
    `resident: ${int(f.typedBytes / n)} B/conversation typed arrays + ${int(f.stringBytes / n)} B strings (estimate) + ${int(f.derivedBytes / n)} B derived caches = ${int(f.totalBytes / n)} B/conversation; ` +
      `process RSS delta on loading the tables ${int(result.rssDeltaBytes / n)} B/conversation; peak RSS so far ${(result.peakRssBytes / 2 ** 30).toFixed(1)} GiB`,
    `peers: column set derived from the tables in ${ms(result.peerColumnsMs)} ms; loaded into Arquero in ${ms(result.peerLoadMs.arquero)} ms, DuckDB in ${seconds(result.peerLoadMs.duckdb)} (not in query times)`,
    `this size took ${(result.elapsedMs / 60_000).toFixed(1)} min wall time${result.fromCache ? ' (tables from the cache)' : ' (generation, build and caching included)'}`,
  );
  return lines.join('\n');
}

export const peerNote = [
  'Peers: Arquero 8.0.3 and DuckDB 1.5.6 (@duckdb/node-api, SET threads=1) query a per-conversation column set built from',
  "parley's own tables (openedAt, closedAt, countedClosed, contactType, dictionary codes of opened source/channel, category,",
  'closed source, closing user, closing team, firstResponseAt, id) plus the response table (conversation, user, since, at), and',
  'are GIVEN each conversation\'s precomputed Europe/Paris weekday×hour cell of openedAt/closedAt (parley derives it per query):',
  'this favours the peers. Peer loading is timed apart. Mean rounding, group percentages and leaderboard ranking of the peers',
  "use parley's helpers on their ≤ 30 result rows. `all` = the five queries; parley shares one QueryContext (plus the filtered",
  'one of frt-filtered), Arquero reuses its two period filters, DuckDB runs its five prepared statements.',
].join('\n');
