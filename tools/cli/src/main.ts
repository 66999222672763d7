import { WorkspaceFormatError } from '@parley/model';
import { UsageError } from './arguments.js';
import { demoCommand } from './demo-command.js';
import { generateCommand } from './generate-command.js';
import { reportCommand } from './report-command.js';
import { validateCommand } from './validate-command.js';

const usage = `usage:
  parley generate --seed N --conversations K --end YYYY-MM-DD --out PATH   (PATH.json: one file; else a directory)
  parley report --data FILE|DIR --from YYYY-MM-DD --to YYYY-MM-DD --tz ZONE [--filter name=value]...
  parley validate --data FILE|DIR [--warnings]
  parley demo [--seed N] [--conversations K] [--end YYYY-MM-DD]`;

/**
 * Runs one command; returns the exit code. Every failure the user can cause is one line on stderr
 * and exit 2, never a stack trace.
 */
export async function main(argv: string[], io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'generate':
        return await generateCommand(rest, io.stderr);
      case 'report':
        return await reportCommand(rest, io.stdout, io.stderr);
      case 'validate':
        return await validateCommand(rest, io.stdout, io.stderr);
      case 'demo':
        return await demoCommand(rest, io.stdout, io.stderr);
      case undefined:
      case '--help':
      case 'help':
        io.stderr.write(usage + '\n');
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`parley: ${error.message} (parley --help lists the commands)\n`);
      return 2;
    }
    if (error instanceof WorkspaceFormatError) {
      io.stderr.write(`parley: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`parley: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}
