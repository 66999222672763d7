import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../main.js';

export const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const binPath = join(repositoryRoot, 'tools/cli/bin/parley.mjs');

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `parley` in this process (fast) with captured output. */
export async function runCli(argv: string[]): Promise<CliResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(argv, { stdout: stdout as unknown as typeof process.stdout, stderr: stderr as unknown as typeof process.stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Runs the real `parley` bin in a child process, as a user would. */
export function runBin(argv: string[], options: { cwd?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [binPath, ...argv], { cwd: options.cwd ?? repositoryRoot, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function temporaryDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'parley-cli-'));
}

export function writeJson(directory: string, name: string, value: unknown): string {
  const path = join(directory, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}
