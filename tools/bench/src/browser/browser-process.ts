import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stderrLog } from '../progress.js';
import type { BrowserJob, BrowserResult } from './browser-run.js';

// The browser part runs in a process of its own, like each size of the Node part: the tables it
// decodes for the expected answers (1M: ~1 GB) and the demo API's workspace leave with it. The
// child writes its result to a file (Vite, puppeteer or Chromium may print on stdout).

export const browserChildFlag = '--browser-child';

export function runBrowserInChild(job: BrowserJob): Promise<BrowserResult> {
  const main = fileURLToPath(new URL('../main.ts', import.meta.url));
  const directory = mkdtempSync(join(tmpdir(), 'parley-bench-browser-'));
  const resultPath = join(directory, 'result.json');
  const child = spawn(process.execPath, [...process.execArgv, main, browserChildFlag, JSON.stringify(job), resultPath], { stdio: ['ignore', 'ignore', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      try {
        if (code !== 0) throw new Error(`the browser part ended with ${signal ?? `exit code ${code}`}`);
        resolve(JSON.parse(readFileSync(resultPath, 'utf8')) as BrowserResult);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    });
  });
}

/** The child side: runs the browser part, writes its result as JSON. */
export async function browserChild(jobJson: string, resultPath: string): Promise<number> {
  const { runBrowserBench } = await import('./browser-run.js');
  const result = await runBrowserBench(JSON.parse(jobJson) as BrowserJob, stderrLog());
  writeFileSync(resultPath, JSON.stringify(result));
  return 0;
}
