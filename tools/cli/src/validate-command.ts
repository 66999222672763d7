import type { Writable } from 'node:stream';
import { formatRejection, recordWarnings, validateRecord } from '@parley/model';
import type { WorkspaceReadSink } from '@parley/model';
import { parseOptions } from './arguments.js';
import { readWorkspacePath } from './node-workspace.js';
import { StreamWriter } from './output.js';

// `parley validate`: one line per invalid record on stdout; exit 0 when none, 1 when some.
// Warnings (kept records with odd values, D27) are summed up on stderr, listed with --warnings.

export async function validateCommand(argv: string[], stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<number> {
  const values = parseOptions(argv, { data: { type: 'string' }, warnings: { type: 'boolean' } }, ['data']);
  const out = new StreamWriter(stdout as Writable);
  let checked = 0;
  let invalid = 0;
  let warned = 0;
  const showWarnings = values.warnings === true;
  const sink: WorkspaceReadSink = {
    header: () => {},
    record(collection, value, location) {
      checked++;
      const issue = validateRecord(collection, value);
      if (issue) {
        invalid++;
        out.write(formatRejection({ collection, location, ...issue }) + '\n');
        return;
      }
      for (const warning of recordWarnings(collection, value as Record<string, unknown>)) {
        warned++;
        if (showWarnings) stderr.write(`warning ${formatRejection({ collection, location, ...warning })}\n`);
      }
    },
    unparsable(collection, location, reason) {
      checked++;
      invalid++;
      out.write(formatRejection({ collection, location, field: '(line)', reason }) + '\n');
    },
  };
  await readWorkspacePath(values.data as string, sink);
  await out.flush();
  stderr.write(`${checked} records checked: ${invalid} invalid, ${warned} warnings${warned && !showWarnings ? ' (list them with --warnings)' : ''}\n`);
  return invalid > 0 ? 1 : 0;
}
