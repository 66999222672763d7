import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CollectionName } from './vocabularies.js';
import type { RecordLocation, WorkspaceReadSink } from './workspace-reader.js';
import { readNdjsonCollection, readWorkspaceObject, readWorkspaceParts, WorkspaceFormatError } from './workspace-reader.js';

interface Seen {
  header: unknown;
  records: [CollectionName, unknown, RecordLocation][];
  unparsable: [CollectionName, RecordLocation, string][];
}

function collector(): { sink: WorkspaceReadSink; seen: Seen } {
  const seen: Seen = { header: undefined, records: [], unparsable: [] };
  return {
    seen,
    sink: {
      header: (info) => (seen.header = info),
      record: (collection, value, location) => seen.records.push([collection, value, location]),
      unparsable: (collection, location, reason) => seen.unparsable.push([collection, location, reason]),
    },
  };
}

/** A stream of the UTF-8 bytes of `text`, cut at the given byte positions. */
function streamOf(text: string, cuts: number[] = []): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const points = [...new Set(cuts.map((cut) => Math.max(0, Math.min(bytes.length, cut))))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    if (point > start) pieces.push(bytes.subarray(start, point));
    start = point;
  }
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
}

const tricky = {
  format: 'parley.workspace',
  version: 1,
  workspace: { id: 'w{1}', name: 'Ünïcødé "quoted" \\ [brackets] 😀', timeZone: 'Europe/Paris' },
  extra: [1, { nested: [true, null, -2.5e3] }],
  users: [{ id: 'u1', name: 'a,b}c]' }, { id: 'u"2', teamIds: ['t\\1', '{'] }],
  teams: [],
  conversations: [{ id: 'c1', contactId: 'k', openedAt: 1714989600000, tags: ['😀', '中文'] }],
  messages: [7, 'text', null, true, { id: 'm1', note: '\u2028' }],
};

describe('readWorkspaceObject', () => {
  it('streams every element of every collection with its index, and reads the header', async () => {
    const { sink, seen } = collector();
    await readWorkspaceObject(streamOf(JSON.stringify(tricky, null, 2)), sink);
    expect(seen.header).toEqual(tricky.workspace);
    expect(seen.records).toEqual([
      ['users', tricky.users[0], { kind: 'index', index: 0 }],
      ['users', tricky.users[1], { kind: 'index', index: 1 }],
      ['conversations', tricky.conversations[0], { kind: 'index', index: 0 }],
      ...tricky.messages.map((value, index) => ['messages', value, { kind: 'index', index }]),
    ]);
  });

  it('gives the same result however the bytes are cut into chunks', async () => {
    const text = JSON.stringify(tricky);
    const { sink, seen: whole } = collector();
    await readWorkspaceObject(streamOf(text), sink);
    const length = new TextEncoder().encode(text).length;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: length }), { maxLength: 40 }), async (cuts) => {
        const { sink: cutSink, seen } = collector();
        await readWorkspaceObject(streamOf(text, cuts), cutSink);
        expect(seen).toEqual(whole);
      }),
      { numRuns: 200 },
    );
    const { sink: byteSink, seen: byByte } = collector();
    await readWorkspaceObject(streamOf(text, Array.from({ length }, (_, i) => i)), byteSink);
    expect(byByte).toEqual(whole);
  });

  const failures: [string, string, RegExp][] = [
    ['an array at the top', '[]', /byte 0: a workspace file is one JSON object/],
    ['a truncated file', '{"format": "parley.workspace", "users": [{"id": "u1"}', /unexpected end of file/],
    ['a bad token inside a record', '{"users": [{"id": nope}]}', /malformed JSON at byte \d+/],
    ['a missing comma', '{"format": "parley.workspace" "version": 1}', /byte 30: expected "," or "}"/],
    ['a trailing comma in a collection', '{"users": [{"id": "u1"},]}', /expected an array element/],
    ['a collection that is an object', '{"users": {"id": "u1"}}', /"users" must be an array/],
    ['a collection given twice', '{"users": [], "users": []}', /"users" appears twice/],
    ['another format', '{"format": "csv", "version": 1}', /"format" must be "parley\.workspace" \(got "csv"\)/],
    ['no version', '{"format": "parley.workspace"}', /unsupported "version" nothing/],
    ['a workspace that is not an object', '{"format": "parley.workspace", "version": 1, "workspace": 3}', /"workspace" must be an object/],
  ];
  for (const [what, text, message] of failures) {
    it(`fails with a WorkspaceFormatError for ${what}`, async () => {
      const { sink } = collector();
      const error = await readWorkspaceObject(streamOf(text), sink, 'w.json').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkspaceFormatError);
      expect((error as Error).message).toMatch(/^w\.json: /);
      expect((error as Error).message).toMatch(message);
    });
  }

  it('treats an absent collection as empty', async () => {
    const { sink, seen } = collector();
    await readWorkspaceObject(streamOf('{"format":"parley.workspace","version":1,"workspace":{"id":"w"}}'), sink);
    expect(seen.records).toEqual([]);
    expect(seen.header).toEqual({ id: 'w' });
  });
});

describe('readNdjsonCollection', () => {
  it('numbers lines from 1, skips blank ones, reports lines that are not JSON, reads a last line without newline', async () => {
    const text = '{"id":"m1"}\r\n\n   \n{"id":"m2","text":"é😀"}\nnot json\n{"id":"m3"}';
    const { sink, seen } = collector();
    await readNdjsonCollection(streamOf(text, [3, 17, 30, 31, 32]), 'messages', sink);
    expect(seen.records).toEqual([
      ['messages', { id: 'm1' }, { kind: 'line', line: 1 }],
      ['messages', { id: 'm2', text: 'é😀' }, { kind: 'line', line: 4 }],
      ['messages', { id: 'm3' }, { kind: 'line', line: 6 }],
    ]);
    expect(seen.unparsable).toEqual([['messages', { kind: 'line', line: 5 }, 'not valid JSON']]);
  });

  it('decodes multi-byte characters split across chunks', async () => {
    const text = '{"id":"😀😀😀"}\n';
    const length = new TextEncoder().encode(text).length;
    const { sink, seen } = collector();
    await readNdjsonCollection(streamOf(text, Array.from({ length }, (_, i) => i)), 'users', sink);
    expect(seen.records).toEqual([['users', { id: '😀😀😀' }, { kind: 'line', line: 1 }]]);
  });
});

describe('readWorkspaceParts', () => {
  it('reads the header and each present collection in order; a missing file is an empty collection', async () => {
    const { sink, seen } = collector();
    await readWorkspaceParts(
      {
        header: async () => '{"format":"parley.workspace","version":1,"workspace":{"id":"w"}}',
        collection: async (name) => (name === 'teams' ? streamOf('{"id":"t1"}\n') : name === 'users' ? streamOf('{"id":"u1"}\n') : null),
      },
      sink,
    );
    expect(seen.header).toEqual({ id: 'w' });
    expect(seen.records.map(([collection, value]) => [collection, value])).toEqual([
      ['users', { id: 'u1' }],
      ['teams', { id: 't1' }],
    ]);
  });

  it('refuses record arrays inside workspace.json', async () => {
    const { sink } = collector();
    await expect(
      readWorkspaceParts({ header: async () => '{"format":"parley.workspace","version":1,"users":[]}', collection: async () => null }, sink),
    ).rejects.toThrow(/"users" belongs in users\.ndjson/);
  });
});
