import type { Agg, Group, ReportSnapshot } from '@parley/model';
import { validatingSink } from '@parley/model';
import { dateOfDay, dayOfDate, reportSnapshot, TableBuilder, zoneOffsets } from '@parley/metrics';
import { generateWorkspace } from '@parley/mocks';
import { parseOptions, UsageError } from './arguments.js';
import { progressReporter } from './generate-command.js';
import { workspaceFileWriter } from './workspace-writer.js';

// `parley demo` (the README's first command): generates the demo workspace, keeps a copy on disk
// so any number can be rechecked with `parley report`, and prints the last 30 days in words.

const demoZone = 'Europe/Paris';

export function todayIn(timeZone: string, now = Date.now()): string {
  return dateOfDay(zoneOffsets(timeZone).localDay(now));
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return '-';
  const sign = ms < 0 ? '-' : '';
  const totalSeconds = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const two = (value: number) => String(value).padStart(2, '0');
  return hours > 0 ? `${sign}${two(hours)}:${two(minutes)}:${two(seconds)}` : `${sign}${two(minutes)}:${two(seconds)}`;
}

const numberFormat = new Intl.NumberFormat('en-US');
const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function groupsLine(groups: Group[] | string, top = 4): string {
  if (typeof groups === 'string') return groups;
  return groups
    .slice(0, top)
    .map((group) => `${group.key ?? '(none)'} ${numberFormat.format(group.count)} (${group.percent}%)`)
    .join(', ');
}

function aggLine(agg: Agg): string {
  return `mean ${formatDuration(agg.meanMs)}, median ${formatDuration(agg.medianMs)}, p90 ${formatDuration(agg.p90Ms)} (${numberFormat.format(agg.count)})`;
}

export function summarize(snapshot: ReportSnapshot, source: string): string {
  const c = snapshot.conversations;
  const lines: string[] = [];
  const { from, to, timeZone } = snapshot.period;
  lines.push(`Parley demo — conversations from ${from} to ${to} (${timeZone})`, '');
  lines.push(`Opened ${numberFormat.format(c.overview.opened as number)}, closed ${numberFormat.format(c.overview.closed)}`);
  if (Array.isArray(c.openedHeatmap)) {
    let best = { weekday: 0, hour: 0, count: -1 };
    c.openedHeatmap.forEach((row, weekday) => row.forEach((count, hour) => {
      if (count > best.count) best = { weekday, hour, count };
    }));
    lines.push(`Busiest hour: ${weekdays[best.weekday]} ${String(best.hour).padStart(2, '0')}:00 with ${best.count} conversations opened`);
  }
  lines.push(`Opened by contact type: ${groupsLine(c.openedByContactType)}`);
  lines.push(`Opened by source: ${groupsLine(c.openedBySource)}`);
  lines.push(`Opened by channel: ${groupsLine(c.openedByChannel)}`);
  lines.push(`Closed by source: ${groupsLine(c.closedBySource)}`);
  lines.push(`Closed by category: ${groupsLine(c.closedByCategory)}`);
  lines.push('', `First response time: ${aggLine(c.durations.firstResponseTime)}`);
  lines.push(`Response time: ${aggLine(c.durations.responseTime)}`);
  lines.push(`Resolution time: ${aggLine(c.durations.resolutionTime)}`);
  const fastest = snapshot.leaderboard.byUser.responseTime.slice(0, 3);
  lines.push(`Fastest responders: ${fastest.map((entry) => `${entry.id} ${formatDuration(entry.responseTime.meanMs)}`).join(', ') || '-'}`);
  lines.push(`Messages: ${numberFormat.format(snapshot.messages.total as number)}; outgoing by source: ${groupsLine(snapshot.messages.outgoingBySource)}`);
  const count = (value: number | string) => (typeof value === 'number' ? numberFormat.format(value) : value);
  lines.push(`Contacts added ${count(snapshot.contacts.added)}, merged ${count(snapshot.contacts.merged)}, deleted ${count(snapshot.contacts.deleted)}`);
  const csat = snapshot.csat;
  lines.push(`CSAT: ${numberFormat.format(csat.responses)} responses, average ${csat.average ?? '-'}, ${csat.csatPercent ?? '-'}% satisfied`);
  lines.push('', `Every number above, and the full list of ${numberFormat.format(c.list.length)} closed conversations:`);
  lines.push(`  npx parley report --data ${source} --from ${from} --to ${to} --tz ${timeZone}`);
  return lines.join('\n') + '\n';
}

export async function demoCommand(argv: string[], stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<number> {
  const values = parseOptions(argv, { seed: { type: 'string' }, conversations: { type: 'string' }, end: { type: 'string' } }, []);
  const seed = Number(values.seed ?? 1);
  const conversations = Number(values.conversations ?? 20_000);
  if (!Number.isSafeInteger(seed) || seed < 0 || !Number.isSafeInteger(conversations) || conversations < 1) {
    throw new UsageError('--seed and --conversations must be whole numbers');
  }
  const endDate = (values.end as string | undefined) ?? todayIn(demoZone);
  try {
    dayOfDate(endDate);
  } catch (error) {
    throw new UsageError(`--end: ${(error as Error).message}`);
  }
  const out = `tmp/demo-${seed}-${conversations}-${endDate}`;
  const writer = workspaceFileWriter(out);
  const builder = new TableBuilder({ uniqueIds: true });
  const sink = validatingSink(builder, (rejection) => {
    throw new Error(`generated an invalid record: ${rejection.collection} ${rejection.field} ${rejection.reason}`);
  });
  const progress = progressReporter(conversations, stderr, 'demo');
  let count = 0;
  let index = 0;
  generateWorkspace(
    { seed, conversations, endDate, timeZone: demoZone },
    {
      workspace(info) {
        writer.workspace(info);
        builder.header(info);
      },
      record(collection, record) {
        writer.record(collection, record);
        sink.record(collection, record, { kind: 'index', index: index++ });
        if (collection === 'conversations') progress(++count);
      },
    },
  );
  writer.close();
  const tables = builder.finish();
  const lastDay = dayOfDate(endDate);
  const snapshot = reportSnapshot(tables, { from: dateOfDay(lastDay - 29), to: endDate, timeZone: demoZone, filters: {} });
  stdout.write(summarize(snapshot, out));
  return 0;
}
