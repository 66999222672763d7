import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TimingPolicy } from './bench-config.js';
import type { SizeResult } from './size-run.js';
import type { WorkspaceRecipe } from './workspace-generation.js';

// Each size runs in a process of its own: no heap, JIT feedback or peer database of one size
// weighs on the next, as in a page or worker that holds one workspace. The child gets the same
// Node flags, logs on the shared stderr and returns its SizeResult as JSON on stdout.

export const childFlag = '--size-child';

export interface SizeJob {
  recipe: WorkspaceRecipe;
  fresh: boolean;
  policy: TimingPolicy;
}

export function runSizeInChild(job: SizeJob): Promise<SizeResult> {
  const main = fileURLToPath(new URL('./main.ts', import.meta.url));
  const child = spawn(process.execPath, [...process.execArgv, main, childFlag, JSON.stringify(job)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0) {
        reject(new Error(`the ${job.recipe.conversations} conversations run ended with ${signal ?? `exit code ${code}`}`));
        return;
      }
      resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as SizeResult);
    });
  });
}
