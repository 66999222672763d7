import { createHash } from 'node:crypto';
import {
  type Assignment,
  type CollectionName,
  type CollectionRecords,
  type Conversation,
  type Message,
  type WorkspaceFile,
  type WorkspaceInfo,
  closedSources,
  collections,
  contactAddedSources,
  contactConnectedSources,
  contactEventTypes,
  messageDirections,
  messageStatuses,
  openedSources,
  senderTypes,
} from '@parley/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoWorkspaceId, generateWorkspace, generateWorkspaceFile } from '../index.js';

// 2024-11-20 in Paris: the 90-day window starts on 2024-08-23 (CEST, UTC+2) and ends at the start of
// 2024-11-21 (CET, UTC+1), so it holds the 2024-10-27 fall-back night.
const endDate = '2024-11-20';
const windowStartMs = Date.UTC(2024, 7, 22, 22);
const windowEndMs = Date.UTC(2024, 10, 20, 23);
const options = { seed: 42, conversations: 6000, endDate } as const;

// ---- snapshot.md §2, written out here so the test does not trust the code it checks ----

function isInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 8.64e15;
}
function isNonEmptyString(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0;
}
function includes(values: readonly string[], value: unknown): boolean {
  return typeof value === 'string' && values.includes(value);
}

/** The reason snapshot.md §2 rejects the record, or null. */
function rejection(collection: CollectionName, record: unknown): string | null {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return 'not an object';
  const fields = record as Record<string, unknown>;
  if (!isNonEmptyString(fields.id)) return 'id';
  switch (collection) {
    case 'contactEvents':
      if (!isNonEmptyString(fields.contactId)) return 'contactId';
      if (!includes(contactEventTypes, fields.type)) return 'type';
      if (!isInteger(fields.at)) return 'at';
      return null;
    case 'conversations':
      if (!isNonEmptyString(fields.contactId)) return 'contactId';
      if (!isInteger(fields.openedAt)) return 'openedAt';
      if (!(fields.closedAt === null || fields.closedAt === undefined || isInteger(fields.closedAt))) return 'closedAt';
      return null;
    case 'assignments':
      if (!isNonEmptyString(fields.conversationId)) return 'conversationId';
      if (!isInteger(fields.at)) return 'at';
      if (!(fields.userId === null || fields.userId === undefined || typeof fields.userId === 'string')) return 'userId';
      return null;
    case 'messages':
      if (!isInteger(fields.at)) return 'at';
      if (!includes(messageDirections, fields.direction)) return 'direction';
      if (!includes(senderTypes, fields.senderType)) return 'senderType';
      return null;
    case 'csat':
      if (!isNonEmptyString(fields.conversationId)) return 'conversationId';
      if (!isInteger(fields.at)) return 'at';
      if (!isInteger(fields.score) || (fields.score as number) < 1 || (fields.score as number) > 5) return 'score';
      return null;
    default:
      return null;
  }
}

// ---- helpers over a generated workspace ----

const parisParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  weekday: 'short',
  hour: 'numeric',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
function parisLocal(atMs: number): { date: string; weekday: string; hour: number } {
  const parts = Object.fromEntries(parisParts.formatToParts(atMs).map((part) => [part.type, part.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday: parts.weekday, hour: Number(parts.hour) };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return groups;
}

const byAtThenId = (a: { at: number; id: string }, b: { at: number; id: string }): number =>
  a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Contact type of every conversation, by metrics.md (earliest (openedAt, id) of the contact is new). */
function returningConversationIds(conversations: readonly Conversation[]): Set<string> {
  const returning = new Set<string>();
  for (const group of groupBy(conversations, (conversation) => conversation.contactId).values()) {
    const sorted = [...group].sort((a, b) => a.openedAt - b.openedAt || (a.id < b.id ? -1 : 1));
    for (const conversation of sorted.slice(1)) returning.add(conversation.id);
  }
  return returning;
}

/** Every timestamp a record carries. */
function timestampsOf(workspace: WorkspaceFile): number[] {
  return [
    ...workspace.contacts.map((contact) => contact.createdAt),
    ...workspace.contactEvents.map((event) => event.at),
    ...workspace.conversations.flatMap((conversation) =>
      conversation.closedAt === null ? [conversation.openedAt] : [conversation.openedAt, conversation.closedAt],
    ),
    ...workspace.assignments.map((assignment) => assignment.at),
    ...workspace.messages.map((message) => message.at),
    ...workspace.csat.map((response) => response.at),
  ];
}

describe('generateWorkspace', () => {
  let workspace: WorkspaceFile;
  let messagesByConversation: Map<string, Message[]>;
  let assignmentsByConversation: Map<string, Assignment[]>;

  beforeAll(() => {
    workspace = generateWorkspaceFile(options);
    messagesByConversation = groupBy(workspace.messages, (message) => message.conversationId);
    for (const messages of messagesByConversation.values()) messages.sort(byAtThenId);
    assignmentsByConversation = groupBy(workspace.assignments, (assignment) => assignment.conversationId);
    for (const assignments of assignmentsByConversation.values()) assignments.sort(byAtThenId);
  });

  describe('determinism', () => {
    it('gives byte-identical output for the same options', () => {
      const small = { seed: 3, conversations: 400, endDate } as const;
      expect(JSON.stringify(generateWorkspaceFile(small))).toBe(JSON.stringify(generateWorkspaceFile(small)));
    });

    it('gives another workspace for another seed', () => {
      const first = generateWorkspaceFile({ seed: 3, conversations: 400, endDate });
      const second = generateWorkspaceFile({ seed: 4, conversations: 400, endDate });
      expect(JSON.stringify(second.conversations)).not.toBe(JSON.stringify(first.conversations));
      expect(second.workspace.id).not.toBe(first.workspace.id);
    });

    it('still generates the recorded workspace for seed 1', () => {
      // A demo workspace's id keys its browser cache (elements.md), so the same id must keep meaning
      // the same records. A deliberate change of the generator updates this fingerprint, knowingly.
      const json = JSON.stringify(generateWorkspaceFile({ seed: 1, conversations: 300, endDate }));
      expect(createHash('sha256').update(json).digest('hex')).toBe('0e8f38cd0be3b9f32211e2e4965ed77f7b5156b5c856a0bde7987a8ebe123830');
    });

    it('emits the records in the same order every time', () => {
      const order = (): string[] => {
        const seen: string[] = [];
        generateWorkspace({ seed: 9, conversations: 200, endDate }, {
          workspace: () => seen.push('workspace'),
          record: (collection, record) => seen.push(`${collection}:${record.id}`),
        });
        return seen;
      };
      expect(order()).toEqual(order());
    });
  });

  describe('workspace', () => {
    it('describes itself first, with the demo id and the default zone', () => {
      const calls: string[] = [];
      let info: WorkspaceInfo | null = null;
      generateWorkspace({ seed: 5, conversations: 10, endDate }, {
        workspace: (described) => {
          info = described;
          calls.push('workspace');
        },
        record: (collection) => calls.push(collection),
      });
      expect(calls[0]).toBe('workspace');
      expect(calls.filter((call) => call === 'workspace')).toHaveLength(1);
      expect(info).toMatchObject({ id: 'demo-5-10-2024-11-20', timeZone: 'Europe/Paris' });
      expect(demoWorkspaceId(5, 10, endDate)).toBe('demo-5-10-2024-11-20');
    });

    it('is a workspace file of format version 1', () => {
      expect(workspace.format).toBe('parley.workspace');
      expect(workspace.version).toBe(1);
      for (const collection of collections) expect(Array.isArray(workspace[collection])).toBe(true);
    });

    it('rejects options it cannot honour', () => {
      expect(() => generateWorkspaceFile({ seed: 1.5, conversations: 1, endDate })).toThrow(RangeError);
      expect(() => generateWorkspaceFile({ seed: 1, conversations: -1, endDate })).toThrow(RangeError);
      expect(() => generateWorkspaceFile({ seed: 1, conversations: 1, endDate: '2024-02-30' })).toThrow(RangeError);
      expect(() => generateWorkspaceFile({ seed: 1, conversations: 1, endDate: '20241120' })).toThrow(RangeError);
      expect(() => generateWorkspaceFile({ seed: 1, conversations: 1, endDate, timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    });
  });

  describe('counts and time window', () => {
    it.each([0, 1, 7, 1234])('opens exactly %i conversations', (conversations) => {
      expect(generateWorkspaceFile({ seed: 11, conversations, endDate }).conversations).toHaveLength(conversations);
    });

    it('opens every conversation inside the 90 local days, DST night included', () => {
      const openedAt = workspace.conversations.map((conversation) => conversation.openedAt);
      expect(Math.min(...openedAt)).toBeGreaterThanOrEqual(windowStartMs);
      expect(Math.max(...openedAt)).toBeLessThan(windowEndMs);
      const localDates = new Set(openedAt.map((atMs) => parisLocal(atMs).date));
      expect(localDates.size).toBe(90);
      expect(localDates.has('2024-08-23')).toBe(true);
      expect(localDates.has('2024-10-27')).toBe(true);
      expect(localDates.has('2024-11-20')).toBe(true);
    });

    it('lets nothing happen after the end of the end date', () => {
      expect(Math.max(...timestampsOf(workspace))).toBeLessThan(windowEndMs);
    });

    it('leaves open the conversations that would close after "now", without their later messages', () => {
      const open = workspace.conversations.filter((conversation) => conversation.closedAt === null);
      expect(open.length).toBeGreaterThan(0);
      for (const conversation of open) {
        expect(conversation.closedSource).toBeNull();
        expect(conversation.closedByUserId).toBeNull();
      }
      // Most open ones are recent: conversations of the last days have not finished yet.
      const lastWeekMs = windowEndMs - 7 * 86_400_000;
      expect(open.filter((conversation) => conversation.openedAt >= lastWeekMs).length).toBeGreaterThan(open.length / 2);
    });

    it('keeps the records of another zone inside that zone’s window', () => {
      const tokyo = generateWorkspaceFile({ seed: 2, conversations: 500, endDate: '2024-03-31', timeZone: 'Asia/Tokyo' });
      const tokyoStartMs = Date.UTC(2024, 0, 1) - 9 * 3_600_000;
      const tokyoEndMs = Date.UTC(2024, 3, 1) - 9 * 3_600_000;
      expect(tokyo.workspace.timeZone).toBe('Asia/Tokyo');
      for (const conversation of tokyo.conversations) {
        expect(conversation.openedAt).toBeGreaterThanOrEqual(tokyoStartMs);
        expect(conversation.openedAt).toBeLessThan(tokyoEndMs);
      }
      expect(Math.max(...timestampsOf(tokyo))).toBeLessThan(tokyoEndMs);
    });
  });

  describe('validity (snapshot.md §2)', () => {
    it('generates only records that pass validation', () => {
      const rejected: string[] = [];
      for (const collection of collections) {
        workspace[collection].forEach((record, index) => {
          const reason = rejection(collection, record);
          if (reason !== null) rejected.push(`${collection} ${index}: ${reason}`);
        });
      }
      expect(rejected).toEqual([]);
    });

    it('also passes in other zones and with a spring-forward night in the window', () => {
      for (const [timeZone, end] of [
        ['UTC', '2024-06-30'],
        ['America/New_York', '2024-04-10'],
        ['Asia/Kolkata', '2024-11-20'],
        ['Europe/Paris', '2024-04-10'],
      ] as const) {
        const other = generateWorkspaceFile({ seed: 8, conversations: 300, endDate: end, timeZone });
        for (const collection of collections) {
          for (const record of other[collection]) expect(rejection(collection, record)).toBeNull();
        }
      }
    });

    it('uses only the vocabularies of metrics.md', () => {
      const problems: string[] = [];
      for (const conversation of workspace.conversations) {
        if (!includes(openedSources, conversation.openedSource)) problems.push(`${conversation.id} openedSource`);
        if (conversation.closedSource !== null && !includes(closedSources, conversation.closedSource)) problems.push(`${conversation.id} closedSource`);
      }
      for (const message of workspace.messages) if (!includes(messageStatuses, message.status)) problems.push(`${message.id} status`);
      for (const event of workspace.contactEvents) {
        if (event.type === 'added' && !includes(contactAddedSources, event.source)) problems.push(`${event.id} added source`);
        if (event.type === 'connected' && !includes(contactConnectedSources, event.source)) problems.push(`${event.id} connected source`);
      }
      expect(problems).toEqual([]);
    });

    it('gives every id its prefix, uniquely within each collection', () => {
      const prefixes: Record<CollectionName, string> = {
        users: 'u-',
        teams: 't-',
        channels: 'ch-',
        contacts: 'k-',
        contactEvents: 'e-',
        conversations: 'c-',
        assignments: 'a-',
        messages: 'm-',
        csat: 's-',
      };
      for (const collection of collections) {
        const ids = workspace[collection].map((record: CollectionRecords[typeof collection]) => record.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.filter((id) => !id.startsWith(prefixes[collection]))).toEqual([]);
      }
    });

    it('refers only to records that exist', () => {
      const ids = (collection: CollectionName): Set<string> =>
        new Set(workspace[collection].map((record: CollectionRecords[typeof collection]) => record.id));
      const [users, teams, channels, contacts, conversations] = [ids('users'), ids('teams'), ids('channels'), ids('contacts'), ids('conversations')];
      const problems: string[] = [];
      const check = (set: Set<string>, id: string | null | undefined, what: string, nullable = true): void => {
        if (id === null || id === undefined ? !nullable : !set.has(id)) problems.push(`${what} ${id}`);
      };
      for (const user of workspace.users) for (const teamId of user.teamIds) check(teams, teamId, `${user.id} team`, false);
      for (const conversation of workspace.conversations) {
        check(contacts, conversation.contactId, `${conversation.id} contact`, false);
        check(users, conversation.openedByUserId, `${conversation.id} opened by`);
        check(users, conversation.closedByUserId, `${conversation.id} closed by`);
        check(teams, conversation.closedByTeamId, `${conversation.id} closed by team`);
        check(channels, conversation.openedChannelId, `${conversation.id} channel`);
      }
      for (const message of workspace.messages) {
        check(conversations, message.conversationId, `${message.id} conversation`);
        check(contacts, message.contactId, `${message.id} contact`, false);
        check(channels, message.channelId, `${message.id} channel`, false);
        check(users, message.userId, `${message.id} user`);
        if ((message.userId !== null) !== (message.senderType === 'user')) problems.push(`${message.id} userId without user sender`);
      }
      for (const assignment of workspace.assignments) {
        check(conversations, assignment.conversationId, `${assignment.id} conversation`, false);
        check(users, assignment.userId, `${assignment.id} user`);
        check(teams, assignment.teamId, `${assignment.id} team`);
      }
      for (const event of workspace.contactEvents) {
        check(contacts, event.contactId, `${event.id} contact`, false);
        check(users, event.userId, `${event.id} user`);
        for (const mergedId of event.mergedFromIds ?? []) check(contacts, mergedId, `${event.id} merged from`, false);
      }
      for (const response of workspace.csat) check(conversations, response.conversationId, `${response.id} conversation`, false);
      expect(problems).toEqual([]);
    });
  });

  describe('consistency', () => {
    it('gives each contact one `added` event, at its creation', () => {
      const added = groupBy(
        workspace.contactEvents.filter((event) => event.type === 'added'),
        (event) => event.contactId,
      );
      for (const contact of workspace.contacts) {
        expect(added.get(contact.id)).toHaveLength(1);
        expect(added.get(contact.id)?.[0].at).toBe(contact.createdAt);
      }
    });

    it('connects each contact once per channel, with a channel, at a message on it', () => {
      const connected = workspace.contactEvents.filter((event) => event.type === 'connected');
      const pairs = connected.map((event) => `${event.contactId} ${event.channelId}`);
      expect(new Set(pairs).size).toBe(pairs.length);
      const messageKeys = new Set(workspace.messages.map((message) => `${message.contactId} ${message.channelId} ${message.at}`));
      for (const event of connected) {
        expect(typeof event.channelId).toBe('string');
        expect(messageKeys.has(`${event.contactId} ${event.channelId} ${event.at}`)).toBe(true);
      }
    });

    it('closes merged and deleted contacts’ conversations at their contact event', () => {
      const merges = workspace.contactEvents.filter((event) => event.type === 'merged');
      const deletions = workspace.contactEvents.filter((event) => event.type === 'deleted');
      for (const conversation of workspace.conversations) {
        if (conversation.closedSource === 'contact_merged') {
          const merge = merges.find((event) => event.mergedFromIds?.includes(conversation.contactId));
          expect(merge?.at).toBe(conversation.closedAt);
          expect(merge?.contactId).not.toBe(conversation.contactId);
        }
        if (conversation.closedSource === 'contact_deleted') {
          const deletion = deletions.find((event) => event.contactId === conversation.contactId);
          expect(deletion?.at).toBe(conversation.closedAt);
        }
      }
      for (const merge of merges) expect(merge.mergedFromIds?.length).toBeGreaterThan(0);
    });

    it('names the last assignee as the closing user, and none for blocked closures', () => {
      for (const conversation of workspace.conversations) {
        if (conversation.closedAt === null) continue;
        const closedAt = conversation.closedAt;
        const events = (assignmentsByConversation.get(conversation.id) ?? []).filter((assignment) => assignment.at <= closedAt);
        const last = events.at(-1);
        if (conversation.closedSource === 'user') {
          expect(conversation.closedByUserId).not.toBeNull();
          if (last?.userId) expect(conversation.closedByUserId).toBe(last.userId);
          if (last?.teamId) expect(conversation.closedByTeamId).toBe(last.teamId);
        } else {
          expect(conversation.closedByUserId).toBeNull();
        }
      }
      // No assignment is generated after its conversation closed.
      for (const conversation of workspace.conversations) {
        const closedAt = conversation.closedAt;
        if (closedAt === null) continue;
        for (const assignment of assignmentsByConversation.get(conversation.id) ?? []) expect(assignment.at).toBeLessThanOrEqual(closedAt);
      }
    });

    it('writes the messages of a conversation at distinct instants, none before the opening', () => {
      for (const conversation of workspace.conversations) {
        const messages = messagesByConversation.get(conversation.id) ?? [];
        expect(messages.length).toBeGreaterThan(0);
        expect(messages[0].at).toBe(conversation.openedAt);
        expect(new Set(messages.map((message) => message.at)).size).toBe(messages.length);
      }
    });

    it('puts page and chatflow on webchat conversations only, inboxes on email only', () => {
      const channelTypes = new Map(workspace.channels.map((channel) => [channel.id, channel.type]));
      for (const conversation of workspace.conversations) {
        const channelId = (messagesByConversation.get(conversation.id) ?? [])[0]?.channelId ?? '';
        const type = channelTypes.get(channelId);
        expect(conversation.pageUrl !== null).toBe(type === 'webchat');
        if (conversation.chatflowId !== null) expect(type).toBe('webchat');
        expect(conversation.inboxId !== null).toBe(type === 'email');
      }
    });
  });

  describe('realism', () => {
    it('has about 8 messages per conversation, in both directions, with statuses', () => {
      const inConversations = workspace.messages.filter((message) => message.conversationId !== null);
      const mean = inConversations.length / workspace.conversations.length;
      expect(mean).toBeGreaterThanOrEqual(6);
      expect(mean).toBeLessThanOrEqual(10);
      const incoming = inConversations.filter((message) => message.direction === 'in').length;
      expect(incoming / inConversations.length).toBeGreaterThan(0.3);
      expect(incoming / inConversations.length).toBeLessThan(0.7);
      for (const status of messageStatuses) expect(workspace.messages.some((message) => message.status === status)).toBe(true);
    });

    it('follows the mean asked for', () => {
      const sparse = generateWorkspaceFile({ ...options, conversations: 2000, messagesPerConversation: 4 });
      const mean = sparse.messages.filter((message) => message.conversationId !== null).length / 2000;
      expect(mean).toBeGreaterThan(3);
      expect(mean).toBeLessThan(5);
    });

    it('has 30–50% returning conversations', () => {
      const share = returningConversationIds(workspace.conversations).size / workspace.conversations.length;
      expect(share).toBeGreaterThanOrEqual(0.3);
      expect(share).toBeLessThanOrEqual(0.5);
    });

    it('is busier on weekday mornings than at night, in local time on both sides of the DST change', () => {
      const dstChangeMs = Date.UTC(2024, 9, 27, 1);
      for (const [fromMs, toMs] of [
        [windowStartMs, dstChangeMs],
        [dstChangeMs, windowEndMs],
      ]) {
        let mornings = 0;
        let nights = 0;
        for (const conversation of workspace.conversations) {
          if (conversation.openedAt < fromMs || conversation.openedAt >= toMs) continue;
          const local = parisLocal(conversation.openedAt);
          const weekday = local.weekday !== 'Sat' && local.weekday !== 'Sun';
          if (weekday && local.hour >= 9 && local.hour <= 11) mornings++;
          if (local.hour >= 2 && local.hour <= 4) nights++;
        }
        // Three weekday hours against three night hours of all seven days: 5× at least.
        expect(mornings).toBeGreaterThan(5 * nights);
        expect(nights).toBeGreaterThan(0);
      }
    });

    it('is quieter on weekends and has an afternoon peak after the lunch dip', () => {
      const byWeekday = new Map<string, number>();
      const byHour = new Array<number>(24).fill(0);
      for (const conversation of workspace.conversations) {
        const local = parisLocal(conversation.openedAt);
        byWeekday.set(local.weekday, (byWeekday.get(local.weekday) ?? 0) + 1);
        byHour[local.hour]++;
      }
      expect(byWeekday.get('Sun') ?? 0).toBeLessThan((byWeekday.get('Tue') ?? 0) / 2);
      expect(byHour[15]).toBeGreaterThan(byHour[13]);
      expect(byHour[10]).toBeGreaterThan(byHour[13]);
    });

    it('mixes channels, one of them deleted, and opened sources', () => {
      const channelsUsed = new Set(workspace.conversations.map((conversation) => conversation.openedChannelId));
      const deleted = workspace.channels.filter((channel) => channel.deleted);
      expect(deleted).toHaveLength(1);
      expect(channelsUsed.has(deleted[0].id)).toBe(true);
      for (const type of ['whatsapp', 'messenger', 'instagram', 'webchat', 'email', 'telegram', 'sms']) {
        expect(workspace.channels.some((channel) => channel.type === type)).toBe(true);
      }
      for (const source of openedSources) {
        expect(workspace.conversations.some((conversation) => conversation.openedSource === source)).toBe(true);
      }
      const bySource = groupBy(workspace.conversations, (conversation) => conversation.openedSource);
      expect(bySource.get('contact')?.length ?? 0).toBeGreaterThan(workspace.conversations.length / 2);
      const byHand = (bySource.get('user') ?? []).filter((conversation) => conversation.openedChannelId === null);
      expect(byHand.length).toBeGreaterThan(0);
      for (const conversation of workspace.conversations) {
        expect(conversation.openedByUserId !== null).toBe(conversation.openedSource === 'user');
        if (conversation.openedSource !== 'user') expect(conversation.openedChannelId).not.toBeNull();
      }
    });

    it('has 4–6 teams and 15–25 users in teams, one of them deleted but with history', () => {
      expect(workspace.teams.length).toBeGreaterThanOrEqual(4);
      expect(workspace.teams.length).toBeLessThanOrEqual(6);
      expect(workspace.users.length).toBeGreaterThanOrEqual(15);
      expect(workspace.users.length).toBeLessThanOrEqual(25);
      for (const user of workspace.users) expect(user.teamIds.length).toBeGreaterThan(0);
      const deleted = workspace.users.filter((user) => user.deleted);
      expect(deleted).toHaveLength(1);
      expect(workspace.assignments.some((assignment) => assignment.userId === deleted[0].id)).toBe(true);
      expect(workspace.messages.some((message) => message.userId === deleted[0].id)).toBe(true);
    });

    it('has reassignments, unassignments and conversations assigned before they opened', () => {
      let reassigned = 0;
      let unassigned = 0;
      let beforeOpen = 0;
      let neverAssigned = 0;
      for (const conversation of workspace.conversations) {
        const events = assignmentsByConversation.get(conversation.id) ?? [];
        if (events.length === 0) neverAssigned++;
        if (new Set(events.filter((event) => event.userId !== null).map((event) => event.userId)).size > 1) reassigned++;
        if (events.some((event) => event.userId === null)) unassigned++;
        const first = events.find((event) => event.userId !== null);
        if (first !== undefined && first.at <= conversation.openedAt) beforeOpen++;
      }
      expect(reassigned).toBeGreaterThan(0.05 * workspace.conversations.length);
      expect(unassigned).toBeGreaterThan(0.01 * workspace.conversations.length);
      expect(beforeOpen).toBeGreaterThan(0.02 * workspace.conversations.length);
      expect(neverAssigned).toBeGreaterThan(0.01 * workspace.conversations.length);
    });

    it('has user replies before any assignment and after closing', () => {
      let beforeAssignment = 0;
      let afterClosing = 0;
      for (const conversation of workspace.conversations) {
        const firstUserMessage = (messagesByConversation.get(conversation.id) ?? []).find((message) => message.senderType === 'user');
        if (firstUserMessage === undefined) continue;
        const firstAssignment = (assignmentsByConversation.get(conversation.id) ?? []).find((event) => event.userId !== null);
        if (firstAssignment === undefined || firstAssignment.at > firstUserMessage.at) beforeAssignment++;
        const closedAt = conversation.closedAt;
        if (closedAt !== null && (messagesByConversation.get(conversation.id) ?? []).some((message) => message.senderType === 'user' && message.at > closedAt)) {
          afterClosing++;
        }
      }
      expect(beforeAssignment).toBeGreaterThan(0.01 * workspace.conversations.length);
      expect(afterClosing).toBeGreaterThan(0);
    });

    it('has bot, workflow, broadcast and integration messages beside contact and user ones', () => {
      const senders = new Set(workspace.messages.map((message) => message.senderType));
      for (const senderType of senderTypes) expect(senders.has(senderType)).toBe(true);
      expect(workspace.messages.some((message) => message.senderType === 'broadcast' && message.conversationId === null)).toBe(true);
    });

    it('closes mostly by users, with every closing source present', () => {
      const closed = workspace.conversations.filter((conversation) => conversation.closedAt !== null);
      const bySource = groupBy(closed, (conversation) => conversation.closedSource);
      for (const source of closedSources) expect(bySource.get(source)?.length ?? 0).toBeGreaterThan(0);
      expect((bySource.get('user')?.length ?? 0) / closed.length).toBeGreaterThan(0.6);
      for (const conversation of bySource.get('blocked') ?? []) expect(conversation.closedByUserId).toBeNull();
    });

    it('has CSAT on 20–30% of closed conversations, skewed high, some with comments', () => {
      const closed = workspace.conversations.filter((conversation) => conversation.closedAt !== null);
      const share = workspace.csat.length / closed.length;
      expect(share).toBeGreaterThanOrEqual(0.2);
      expect(share).toBeLessThanOrEqual(0.3);
      const high = workspace.csat.filter((response) => response.score >= 4).length;
      expect(high / workspace.csat.length).toBeGreaterThan(0.6);
      expect(workspace.csat.some((response) => response.comment !== null)).toBe(true);
      expect(workspace.csat.some((response) => response.comment === null)).toBe(true);
      const closedAt = new Map(closed.map((conversation) => [conversation.id, conversation.closedAt ?? 0]));
      for (const response of workspace.csat) expect(response.at).toBeGreaterThan(closedAt.get(response.conversationId) ?? Infinity);
    });

    it('tags and categorises: untagged and multi-tag conversations, some without category', () => {
      const tagCounts = workspace.conversations.map((conversation) => conversation.tags.length);
      expect(tagCounts.some((count) => count === 0)).toBe(true);
      expect(tagCounts.some((count) => count >= 2)).toBe(true);
      expect(Math.max(...tagCounts)).toBeLessThanOrEqual(3);
      for (const conversation of workspace.conversations) expect(new Set(conversation.tags).size).toBe(conversation.tags.length);
      const closed = workspace.conversations.filter((conversation) => conversation.closedAt !== null);
      expect(closed.some((conversation) => conversation.category === null)).toBe(true);
      expect(new Set(closed.map((conversation) => conversation.category)).size).toBeGreaterThanOrEqual(5);
      expect(closed.some((conversation) => conversation.summary !== null)).toBe(true);
      expect(workspace.contacts.some((contact) => contact.tags.length > 0)).toBe(true);
    });

    it('has contact events of every type and source', () => {
      const types = new Set(workspace.contactEvents.map((event) => event.type));
      for (const type of contactEventTypes) expect(types.has(type)).toBe(true);
      const addedSources = new Set(workspace.contactEvents.filter((event) => event.type === 'added').map((event) => event.source));
      for (const source of contactAddedSources) expect(addedSources.has(source)).toBe(true);
      const connectedSources = new Set(workspace.contactEvents.filter((event) => event.type === 'connected').map((event) => event.source));
      for (const source of contactConnectedSources) expect(connectedSources.has(source)).toBe(true);
    });

    it('has log-normal-looking durations: median minutes, long tail', () => {
      const firstResponseMs: number[] = [];
      const resolutionMs: number[] = [];
      for (const conversation of workspace.conversations) {
        const firstIncoming = (messagesByConversation.get(conversation.id) ?? []).find((message) => message.direction === 'in');
        const reply = (messagesByConversation.get(conversation.id) ?? []).find(
          (message) => message.senderType === 'user' && firstIncoming !== undefined && message.at > firstIncoming.at,
        );
        if (reply !== undefined) firstResponseMs.push(reply.at - conversation.openedAt);
        if (conversation.closedAt !== null) resolutionMs.push(conversation.closedAt - conversation.openedAt);
      }
      const quantile = (values: number[], p: number): number => [...values].sort((a, b) => a - b)[Math.ceil((p * values.length) / 100) - 1];
      expect(quantile(firstResponseMs, 50)).toBeGreaterThan(30_000);
      expect(quantile(firstResponseMs, 50)).toBeLessThan(30 * 60_000);
      expect(quantile(firstResponseMs, 90)).toBeGreaterThan(3 * quantile(firstResponseMs, 50));
      expect(quantile(resolutionMs, 50)).toBeGreaterThan(5 * 60_000);
      expect(quantile(resolutionMs, 50)).toBeLessThan(24 * 3_600_000);
      expect(quantile(resolutionMs, 90)).toBeGreaterThan(3 * quantile(resolutionMs, 50));
    });
  });
});
