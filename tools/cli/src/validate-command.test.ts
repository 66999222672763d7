import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, temporaryDirectory, writeJson } from './testing/run-cli.js';

const header = { format: 'parley.workspace', version: 1, workspace: { id: 'w', name: 'W', timeZone: 'UTC' } };

describe('parley validate', () => {
  it('prints nothing and exits 0 for a valid workspace', async () => {
    const file = writeJson(temporaryDirectory(), 'ok.json', {
      ...header,
      conversations: [{ id: 'c1', contactId: 'k1', openedAt: 1, closedAt: null }],
      csat: [{ id: 's1', conversationId: 'c1', at: 5.0, score: 5 }],
    });
    const result = await runCli(['validate', '--data', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('2 records checked: 0 invalid, 0 warnings\n');
  });

  it('prints one line per invalid record, in file order, by index, and exits 1', async () => {
    const file = writeJson(temporaryDirectory(), 'bad.json', {
      ...header,
      users: [{ id: 'u1' }, { name: 'no id' }, 'not an object'],
      conversations: [
        { id: 'c1', contactId: 'k1', openedAt: 1.5 },
        { id: 'c2', contactId: '', openedAt: 1 },
        { id: 'c3', contactId: 'k1', openedAt: 1, closedAt: true },
      ],
      assignments: [{ id: 'a1', conversationId: 'c1', at: 1, userId: 7 }],
      messages: [{ id: 'm1', at: 1, direction: 'sideways', senderType: 'contact' }],
      csat: [{ id: 's1', conversationId: 'c1', at: 1, score: 6 }, { id: 's2', conversationId: 'c1', at: 9e15, score: 3 }],
      contactEvents: [{ id: 'e1', contactId: 'k1', type: 'born', at: 1 }],
    });
    const result = await runCli(['validate', '--data', file]);
    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      'users index 1: id: is missing',
      'users index 2: (record): must be an object',
      'conversations index 0: openedAt: must be an integer',
      'conversations index 1: contactId: must be a non-empty string',
      'conversations index 2: closedAt: must be an integer',
      'assignments index 0: userId: must be a string or null',
      'messages index 0: direction: must be one of in, out',
      'csat index 0: score: must be an integer from 1 to 5',
      'csat index 1: at: must be within ±8.64e15',
      'contactEvents index 0: type: must be one of added, deleted, merged, connected',
    ]);
    expect(result.stderr).toBe('11 records checked: 10 invalid, 0 warnings\n');
  });

  it('numbers NDJSON lines from 1, blank lines included but not checked', async () => {
    const directory = join(temporaryDirectory(), 'ws');
    mkdirSync(directory);
    writeFileSync(join(directory, 'workspace.json'), JSON.stringify(header));
    writeFileSync(join(directory, 'messages.ndjson'), [
      '{"id":"m1","at":1,"direction":"in","senderType":"contact","conversationId":"c1"}',
      '',
      '{"id":"m2","at":1,"direction":"in","senderType":"robot","conversationId":"c1"}',
      '{"id":"m3",',
      '   ',
    ].join('\n'));
    const result = await runCli(['validate', '--data', directory]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('messages line 3: senderType: must be one of contact, user, bot, workflow, broadcast, api, zapier, make, echo\nmessages line 4: (line): not valid JSON\n');
  });

  it('lists warnings (kept records with odd values) on stderr when asked', async () => {
    const file = writeJson(temporaryDirectory(), 'odd.json', {
      ...header,
      conversations: [{ id: 'c1', contactId: 'k1', openedAt: 10, closedAt: 5, closedSource: 'teleport' }],
    });
    const result = await runCli(['validate', '--data', file, '--warnings']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning conversations index 0: closedSource: unknown source "teleport"');
    expect(result.stderr).toContain('warning conversations index 0: closedAt: is before openedAt');
  });
});
