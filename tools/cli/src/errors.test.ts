import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, runCli, temporaryDirectory, writeJson } from './testing/run-cli.js';

const minimal = { format: 'parley.workspace', version: 1, workspace: { id: 'w', name: 'W', timeZone: 'UTC' }, conversations: [] };
const period = ['--from', '2024-05-06', '--to', '2024-05-07', '--tz', 'UTC'];

function expectOneLineError(result: { code: number; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('parley report: every bad argument or file is one line on stderr and exit 2', () => {
  const file = writeJson(temporaryDirectory(), 'w.json', minimal);
  const cases: [string, string[], RegExp][] = [
    ['missing --data', ['report', ...period], /missing --data/],
    ['missing --tz', ['report', '--data', file, '--from', '2024-05-06', '--to', '2024-05-06'], /missing --tz/],
    ['an unknown option', ['report', '--data', file, ...period, '--colour', 'red'], /Unknown option '--colour'/],
    ['a malformed date', ['report', '--data', file, '--from', '2024-13-01', '--to', '2024-05-07', '--tz', 'UTC'], /"2024-13-01" is not a valid date/],
    ['a date in another format', ['report', '--data', file, '--from', '06/05/2024', '--to', '2024-05-07', '--tz', 'UTC'], /not a date \(YYYY-MM-DD\)/],
    ['from after to', ['report', '--data', file, '--from', '2024-05-08', '--to', '2024-05-07', '--tz', 'UTC'], /--from 2024-05-08 is after --to 2024-05-07/],
    ['an unknown zone', ['report', '--data', file, '--from', '2024-05-06', '--to', '2024-05-07', '--tz', 'Mars/Olympus'], /unknown time zone "Mars\/Olympus"/],
    ['an unknown filter', ['report', '--data', file, ...period, '--filter', 'colour=red'], /unknown filter "colour"/],
    ['a filter without a value', ['report', '--data', file, ...period, '--filter', 'category'], /expected name=value/],
    ['an option given twice', ['report', '--data', file, ...period, '--tz', 'UTC'], /--tz given more than once/],
    ['an unknown command', ['reprot'], /unknown command "reprot"/],
  ];
  for (const [what, argv, pattern] of cases) {
    it(`rejects ${what}`, async () => expectOneLineError(await runCli(argv), pattern));
  }

  const directory = temporaryDirectory();
  const bad = (name: string, text: string) => writeJson(directory, name, text);
  const fileCases: [string, string, RegExp][] = [
    ['a file that does not exist', join(directory, 'nope.json'), /cannot read .*nope\.json: no such file or directory/],
    ['malformed JSON', bad('broken.json', '{"format": "parley.workspace", "version": 1, "users": [{"id": "u1"},'), /malformed JSON at byte \d+: unexpected end of file/],
    ['a truncated record', bad('truncated.json', '{"format": "parley.workspace", "version": 1, "users": [{"id": tru}]}'), /malformed JSON at byte \d+/],
    ['not an object', bad('array.json', '[1, 2]'), /a workspace file is one JSON object/],
    ['another format', bad('format.json', JSON.stringify({ ...minimal, format: 'other' })), /"format" must be "parley\.workspace" \(got "other"\)/],
    ['another version', bad('version.json', JSON.stringify({ ...minimal, version: 2 })), /unsupported "version" 2/],
    ['a collection that is not an array', bad('notarray.json', JSON.stringify({ ...minimal, messages: { id: 'm1' } })), /"messages" must be an array/],
    ['data after the object', bad('trailing.json', JSON.stringify(minimal) + ' {}'), /unexpected data after the workspace object/],
  ];
  for (const [what, path, pattern] of fileCases) {
    it(`rejects ${what}`, async () => expectOneLineError(await runCli(['report', '--data', path, ...period]), pattern));
  }

  it('rejects a directory without workspace.json', async () => {
    const empty = join(temporaryDirectory(), 'empty');
    mkdirSync(empty);
    expectOneLineError(await runCli(['report', '--data', empty, ...period]), /cannot read .*workspace\.json: no such file or directory/);
  });

  it('rejects a directory whose workspace.json is not JSON', async () => {
    const broken = join(temporaryDirectory(), 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'workspace.json'), '{"format": ');
    expectOneLineError(await runCli(['report', '--data', broken, ...period]), /workspace\.json: malformed JSON/);
  });

  it('exits 2 with one line from the real process too (no stack trace)', () => {
    expectOneLineError(runBin(['report', '--data', '/nonexistent/w.json', ...period]), /^parley: cannot read/);
  });
});

describe('parley generate and validate argument errors', () => {
  it('rejects a negative conversation count', async () =>
    expectOneLineError(await runCli(['generate', '--seed', '1', '--conversations', '-5', '--end', '2024-05-06', '--out', 'x']), /--conversations|Option '--conversations/));
  it('rejects a malformed end date', async () =>
    expectOneLineError(await runCli(['generate', '--seed', '1', '--conversations', '5', '--end', '2024-02-30', '--out', 'x']), /--end: "2024-02-30" is not a valid date/));
  it('rejects validate without --data', async () => expectOneLineError(await runCli(['validate']), /missing --data/));
  it('exits 2 when validate cannot read the file', async () =>
    expectOneLineError(await runCli(['validate', '--data', '/nonexistent/w.json']), /cannot read/));
});
