import type { CsatResponse } from '@parley/model';
import { describe, expect, it } from 'vitest';
import { conversationList } from './conversation-list.js';
import { QueryContext } from './query-context.js';
import {
  assignment,
  channel,
  contact,
  contactEvent,
  conversation,
  csat,
  incoming,
  may6,
  outgoing,
  rawWorkspace,
  reply,
  team,
  user,
  workspace,
} from './snapshot-cases/workspace-builder.js';
import { tablesFromWorkspace } from './snapshot.js';
import { decodeTables, encodeTables, tableEncodingVersion } from './table-encoding.js';
import type { Dictionaries, WorkspaceTables } from './tables.js';

// Every collection, odd strings, unknown contacts, "" values, a rejected and a duplicate record.
const file = workspace({
  timeZone: 'Europe/Paris',
  users: [user('u1'), user('u\u{1F600}')],
  teams: [team('t1')],
  channels: [channel('ch1'), channel('ch2')],
  contacts: [contact('k1', { name: 'Zoë \u{1F600}' }), contact('k2', { name: '' }), contact('k3', { name: 'has \u0000 a NUL' })],
  contactEvents: [
    contactEvent('e1', { contactId: 'k1', type: 'added', at: may6('07:00'), source: 'import' }),
    contactEvent('e2', { contactId: 'k1', type: 'connected', at: may6('07:05'), source: 'incoming', channelId: 'ch2' }),
    contactEvent('e3', { contactId: 'k2', type: 'merged', at: may6('07:10'), mergedFromIds: ['k9'] }),
  ],
  conversations: [
    conversation('c1', {
      contactId: 'k1',
      openedAt: may6('08:00'),
      closedAt: may6('09:00'),
      closedByUserId: 'u1',
      closedByTeamId: 't1',
      category: 'sales',
      summary: 'first \u{1F600}',
      tags: ['vip', 'vip', 'late'],
      inboxId: 'in1',
      pageUrl: 'https://example.com/p',
      chatflowId: 'flow1',
    }),
    // kGhost has no contact record: contactNames holds nothing (undefined) for it
    conversation('c2', { contactId: 'kGhost', openedAt: may6('08:30'), closedAt: may6('10:00'), closedSource: 'blocked', category: '' }),
    conversation('c3', { contactId: 'k1', openedAt: may6('09:00'), openedChannelId: null, openedSource: 'user' }),
    // a duplicate id: the later record wins (D28)
    conversation('c3', { contactId: 'k3', openedAt: may6('09:15'), openedChannelId: 'ch2' }),
  ],
  assignments: [assignment('a1', 'c1', may6('08:10'), 'u1', 't1'), assignment('a2', 'c2', may6('08:40'), 'u\u{1F600}'), assignment('a3', 'c2', may6('09:00'), null)],
  messages: [
    incoming('m1', 'c1', may6('08:01')),
    outgoing('m2', 'c1', may6('08:02'), 'bot'),
    reply('m3', 'c1', may6('08:20'), 'u1'),
    incoming('m4', 'c2', may6('08:31')),
    reply('m5', 'c2', may6('08:50'), 'u\u{1F600}'),
    outgoing('m6', null, may6('11:00'), 'broadcast'),
  ],
  csat: [csat('s1', 'c1', may6('09:30'), 5), csat('s2', 'c2', may6('10:30'), 2)],
});
// one invalid record, so that `rejected` is not all zeros
file.csat.push({ id: 's3', conversationId: 'c1', at: may6('09:40'), score: 7 as number as CsatResponse['score'], comment: null });

const tables = tablesFromWorkspace(file);

const tableNames = ['conversations', 'facts', 'responses', 'closed', 'messages', 'csat', 'contactEvents'] as const;
const dictionaryNames = Object.keys(tables.dictionaries) as (keyof Dictionaries)[];

/** Every column, string and dictionary of the decoded tables equals the original's. */
function expectSameTables(decoded: WorkspaceTables, original: WorkspaceTables): void {
  expect(decoded.workspace).toStrictEqual(original.workspace);
  expect(decoded.loaded).toStrictEqual(original.loaded);
  expect(decoded.rejected).toStrictEqual(original.rejected);
  for (const name of tableNames) {
    expect(Object.keys(decoded[name]).sort(), name).toStrictEqual(Object.keys(original[name]).sort());
    expect(decoded[name], name).toStrictEqual(original[name]);
  }
  expect(Object.keys(decoded.dictionaries).sort()).toStrictEqual(dictionaryNames.slice().sort());
  for (const name of dictionaryNames) {
    const [copy, source] = [decoded.dictionaries[name], original.dictionaries[name]];
    expect(copy.values, name).toStrictEqual(source.values);
    for (let code = 0; code < source.size; code++) {
      expect(copy.isNone(code), `${name} ${code}`).toBe(source.isNone(code));
      expect(copy.key(code), `${name} ${code}`).toBe(source.key(code));
      const value = source.values[code];
      if (value !== null) expect(copy.find(value), `${name} ${value}`).toBe(code);
    }
  }
  expect(decoded.contactNames.length).toBe(original.contactNames.length);
  for (let code = 0; code < original.contactNames.length; code++) expect(decoded.contactNames[code], `contact ${code}`).toBe(original.contactNames[code]);
}

describe('encodeTables / decodeTables', () => {
  it('the fixture has what the round trip must keep', () => {
    const contacts = tables.dictionaries.contacts;
    expect(tables.contactNames[contacts.find('k1')]).toBe('Zoë \u{1F600}');
    expect(tables.contactNames[contacts.find('k2')]).toBe('');
    expect(tables.contactNames[contacts.find('kGhost')]).toBe(undefined);
    expect(tables.rejected.csat).toBe(1);
    expect(tables.loaded.conversations).toBe(3);
    expect(tables.conversations.ids).toStrictEqual(['c1', 'c2', 'c3']);
    expect(tables.conversations.summary).toStrictEqual(['first \u{1F600}', null, null]);
    expect(tables.responses.count).toBe(2);
    expect(tables.dictionaries.categories.values).toStrictEqual([null, 'sales', '']);
  });

  it('round-trips every column, string and dictionary', () => {
    const decoded = decodeTables(encodeTables(tables));
    expectSameTables(decoded, tables);
    const contacts = decoded.dictionaries.contacts;
    expect(decoded.contactNames[contacts.find('kGhost')]).toBe(undefined);
    expect(decoded.contactNames[contacts.find('k2')]).toBe('');
    expect(decoded.contactNames[contacts.find('k3')]).toBe('has \u0000 a NUL');
    expect(decoded.contactNames[0]).toBe(undefined);
  });

  it('the decoded tables answer queries the same', () => {
    const decoded = decodeTables(encodeTables(tables));
    const spec = { from: '2024-05-06', to: '2024-05-06', timeZone: 'Europe/Paris' };
    const rows = conversationList(new QueryContext(decoded, spec)).rows;
    expect(rows).toStrictEqual(conversationList(new QueryContext(tables, spec)).rows);
    // c2 (closed 10:00Z) then c1 (09:00Z); c2's contact is unknown
    expect(rows.map((row) => [row.conversationId, row.contactName])).toStrictEqual([
      ['c2', null],
      ['c1', 'Zoë \u{1F600}'],
    ]);
  });

  it('starts with the header length and the version, little-endian; columns are 8-byte aligned', () => {
    const bytes = encodeTables(tables);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const headerLength = view.getUint32(0, true);
    expect(view.getUint32(4, true)).toBe(tableEncodingVersion);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as { columns: { offset: number }[] };
    expect(header.columns.length).toBeGreaterThan(0);
    for (const column of header.columns) expect(column.offset % 8).toBe(0);
    expect(bytes.length % 8).toBe(0);
  });

  it('decodes from a byte array that starts at an unaligned byteOffset (3)', () => {
    const encoded = encodeTables(tables);
    const padded = new Uint8Array(encoded.length + 3);
    padded.set(encoded, 3);
    const unaligned = padded.subarray(3);
    expect(unaligned.byteOffset % 8).toBe(3);
    expectSameTables(decodeTables(unaligned), tables);
  });

  it('decodes from a byte array at an aligned, non-zero byteOffset (8)', () => {
    const encoded = encodeTables(tables);
    const padded = new Uint8Array(encoded.length + 16);
    padded.set(encoded, 8);
    expectSameTables(decodeTables(padded.subarray(8, 8 + encoded.length)), tables);
  });

  it('decodes from a Node Buffer at an unaligned byteOffset', () => {
    // Buffer#slice() returns a view, not a copy (unlike Uint8Array#slice()).
    const encoded = encodeTables(tables);
    const buffer = Buffer.alloc(encoded.length + 3);
    buffer.set(encoded, 3);
    const unaligned = buffer.subarray(3);
    expect(unaligned.byteOffset % 8).toBe(3);
    const decoded = decodeTables(unaligned);
    // c1 opened 2024-05-06T08:00Z = 19849 * 86400000 + 8 h = 1714982400000
    expect(decoded.conversations.openedAt[0]).toBe(1714982400000);
    expectSameTables(decoded, tables);
  });

  it('decodes from a Node Buffer at an aligned byteOffset', () => {
    const encoded = encodeTables(tables);
    const buffer = Buffer.alloc(encoded.length + 8);
    buffer.set(encoded, 8);
    expectSameTables(decodeTables(buffer.subarray(8)), tables);
  });

  it('round-trips empty tables', () => {
    const empty = tablesFromWorkspace(workspace());
    const decoded = decodeTables(encodeTables(empty));
    expectSameTables(decoded, empty);
    expect(decoded.conversations.count).toBe(0);
    expect(decoded.contactNames).toStrictEqual([]);
  });

  it('round-trips a file of raw, odd values (non-string names and summaries)', () => {
    const raw = tablesFromWorkspace(
      rawWorkspace({
        contacts: [{ id: 'k1', name: 42, createdAt: 0, tags: [] }, { id: 'k2', name: null, createdAt: 0, tags: [] }],
        conversations: [{ id: 'c1', contactId: 'k2', openedAt: 5, closedAt: 7, closedSource: 'user', summary: 12, category: 3, tags: [1, 'x', null] }],
      }),
    );
    // a non-string name is no name: null (a known contact), not undefined (an unknown one)
    expect([raw.contactNames[1], raw.contactNames[2]]).toStrictEqual([null, null]);
    expectSameTables(decodeTables(encodeTables(raw)), raw);
  });

  it('rejects bytes of another encoding version', () => {
    const bytes = encodeTables(tables).slice();
    new DataView(bytes.buffer).setUint32(4, tableEncodingVersion + 1, true);
    expect(() => decodeTables(bytes)).toThrow(/another version/);
  });
});
