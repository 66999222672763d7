import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { benchEndDate, benchSeed } from '../bench-config.js';
import type { Log } from '../progress.js';
import { cacheDir, repoRoot, sourceFingerprint } from '../table-cache.js';

// The workspace file `ingest-import` imports: `parley generate` output (the single-object JSON
// file), made once per recipe and kept in .bench-cache/ next to the tables.

export async function workspaceFile(conversations: number, log: Log): Promise<{ path: string; bytes: number; made: boolean }> {
  const path = join(cacheDir, `workspace-seed${benchSeed}-n${conversations}-end${benchEndDate}-src${sourceFingerprint()}.json`);
  if (existsSync(path)) return { path, bytes: statSync(path).size, made: false };
  mkdirSync(cacheDir, { recursive: true });
  log(`${conversations.toLocaleString('en-US')}: parley generate → ${path}`);
  const temporary = `${path}.tmp.json`;
  const cli = join(repoRoot, 'tools/cli/bin/parley.mjs');
  const args = [cli, 'generate', '--seed', String(benchSeed), '--conversations', String(conversations), '--end', benchEndDate, '--out', temporary];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`parley generate ended with ${code}: ${stderr.trim()}`))));
  });
  renameSync(temporary, path);
  return { path, bytes: statSync(path).size, made: true };
}
