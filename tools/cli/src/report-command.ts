import type { Writable } from 'node:stream';
import type { ConversationFilterName, ReportArgs } from '@parley/model';
import { formatRejection, isConversationFilterName, validatingSink } from '@parley/model';
import { dayOfDate, TableBuilder, TimeArgumentError, snapshotChunks, zoneOffsets } from '@parley/metrics';
import { parseOptions, UsageError } from './arguments.js';
import { readWorkspacePath } from './node-workspace.js';
import { StreamWriter } from './output.js';

// `parley report`: the snapshot of snapshot.md on stdout, nothing else; rejected records on stderr.

export function parseReportArgs(argv: string[]): ReportArgs & { data: string } {
  const values = parseOptions(
    argv,
    { data: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, tz: { type: 'string' }, filter: { type: 'string', multiple: true } },
    ['data', 'from', 'to', 'tz'],
  );
  const from = values.from as string;
  const to = values.to as string;
  const timeZone = values.tz as string;
  try {
    if (dayOfDate(from) > dayOfDate(to)) throw new UsageError(`--from ${from} is after --to ${to}`);
    zoneOffsets(timeZone);
  } catch (error) {
    if (error instanceof TimeArgumentError) throw new UsageError(error.message);
    throw error;
  }
  const filters: Partial<Record<ConversationFilterName, string[]>> = {};
  for (const filter of (values.filter as string[] | undefined) ?? []) {
    const equals = filter.indexOf('=');
    if (equals < 0) throw new UsageError(`--filter ${filter}: expected name=value`);
    const name = filter.slice(0, equals);
    if (!isConversationFilterName(name)) throw new UsageError(`--filter ${filter}: unknown filter "${name}"`);
    (filters[name] ??= []).push(filter.slice(equals + 1));
  }
  return { data: values.data as string, from, to, timeZone, filters };
}

export async function reportCommand(argv: string[], stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<number> {
  const args = parseReportArgs(argv);
  const builder = new TableBuilder();
  await readWorkspacePath(
    args.data,
    validatingSink(builder, (rejection) => {
      builder.reject(rejection.collection);
      stderr.write(`rejected ${formatRejection(rejection)}\n`);
    }),
  );
  const tables = builder.finish();
  const writer = new StreamWriter(stdout as Writable);
  for (const chunk of snapshotChunks(tables, args)) {
    writer.write(chunk);
    if (writer.buffered > 1 << 20) await writer.flush();
  }
  await writer.flush();
  return 0;
}
