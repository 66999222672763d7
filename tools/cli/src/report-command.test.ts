import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeSnapshot, snapshotOfWorkspace } from '@parley/metrics';
import { collections } from '@parley/model';
import { repositoryRoot, runBin, runCli, temporaryDirectory, writeJson } from './testing/run-cli.js';

const examples = join(repositoryRoot, '../shared/examples');
const example = JSON.parse(readFileSync(join(examples, 'a_single_conversation.json'), 'utf8')) as {
  workspace: Record<string, unknown>;
};
const reportArgs = ['--from', '2024-05-06', '--to', '2024-05-06', '--tz', 'UTC'];

/** The same workspace in the directory form: workspace.json + one NDJSON file per collection. */
function writeDirectory(workspace: Record<string, unknown>, extraLines: Partial<Record<string, string[]>> = {}): string {
  const directory = join(temporaryDirectory(), 'ws');
  mkdirSync(directory);
  const header = { format: workspace.format, version: workspace.version, workspace: workspace.workspace };
  writeFileSync(join(directory, 'workspace.json'), JSON.stringify(header));
  for (const name of collections) {
    const lines = (workspace[name] as unknown[]).map((record) => JSON.stringify(record)).concat(extraLines[name] ?? []);
    writeFileSync(join(directory, `${name}.ndjson`), lines.join('\n') + '\n');
  }
  return directory;
}

describe('parley report', () => {
  it('prints exactly the serialised snapshot of the file and nothing else', async () => {
    const file = writeJson(temporaryDirectory(), 'a.json', example.workspace);
    const result = await runCli(['report', '--data', file, ...reportArgs]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const expected = serializeSnapshot(snapshotOfWorkspace(example.workspace, { from: '2024-05-06', to: '2024-05-06', timeZone: 'UTC', filters: {} }));
    expect(result.stdout).toBe(expected);
    expect(result.stdout).toBe(JSON.stringify(JSON.parse(result.stdout), null, 2) + '\n');
  });

  it('reads the directory form to the same output as the single file', async () => {
    const file = writeJson(temporaryDirectory(), 'a.json', example.workspace);
    const single = await runCli(['report', '--data', file, ...reportArgs, '--filter', 'lastAssignee=u-b']);
    const directory = await runCli(['report', '--data', writeDirectory(example.workspace), ...reportArgs, '--filter', 'lastAssignee=u-b']);
    expect(directory.code).toBe(0);
    expect(directory.stdout).toBe(single.stdout);
    expect(JSON.parse(single.stdout).filters).toEqual([{ name: 'lastAssignee', values: ['u-b'] }]);
  });

  it('reports rejected records on stderr with where they came from, counts them and keeps the rest', async () => {
    const directory = writeDirectory(example.workspace, {
      messages: ['{"id": "bad-1", "at": "yesterday", "direction": "in", "senderType": "contact"}', 'not json at all'],
      csat: ['{"id": "cs-9", "conversationId": "c1", "at": 1714990700000, "score": 6}'],
    });
    const result = await runCli(['report', '--data', directory, ...reportArgs]);
    expect(result.code).toBe(0);
    const snapshot = JSON.parse(result.stdout);
    expect(snapshot.input.rejected).toMatchObject({ messages: 2, csat: 1, conversations: 0 });
    expect(snapshot.input.loaded).toMatchObject({ messages: 11, csat: 2, conversations: 1 });
    expect(snapshot.messages.total).toBe(11);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^rejected messages line 12: at: must be an integer$/);
    expect(lines[1]).toMatch(/^rejected messages line 13: \(line\): not valid JSON$/);
    expect(lines[2]).toMatch(/^rejected csat line 3: score: /);
  });

  it('streams a list longer than one batch exactly like JSON.stringify', async () => {
    const conversations = Array.from({ length: 2345 }, (_, i) => ({
      id: `c${i}`,
      contactId: `k${i % 700}`,
      openedAt: 1714989600000 + i * 1000,
      closedAt: 1714989600000 + i * 1000 + 60000 + (i % 7) * 1000,
      closedSource: 'user',
      closedByUserId: 'u-a',
    }));
    const workspace = { ...example.workspace, conversations, messages: [], assignments: [], csat: [] };
    const file = writeJson(temporaryDirectory(), 'big.json', workspace);
    const result = await runCli(['report', '--data', file, ...reportArgs]);
    const expected = serializeSnapshot(snapshotOfWorkspace(workspace, { from: '2024-05-06', to: '2024-05-06', timeZone: 'UTC', filters: {} }));
    expect(result.stdout).toBe(expected);
    expect(JSON.parse(result.stdout).conversations.list).toHaveLength(2345);
  });

  it('runs as `npx parley` from the repository root with no build step', () => {
    const file = writeJson(temporaryDirectory(), 'a.json', example.workspace);
    const result = runBin(['report', '--data', file, ...reportArgs]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).conversations.overview).toEqual({ opened: 1, closed: 1 });
  });
});
