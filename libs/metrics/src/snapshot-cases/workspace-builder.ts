// Terse fixtures for the hand-computed snapshot cases: every record field has a default, and every
// timestamp may be given as a readable ISO string (parsed with Date.parse) or as epoch ms.
// Nothing here computes an expected value: expectations are written by hand in each test file.

import type {
  Agg,
  Assignment,
  Channel,
  CollectionName,
  Contact,
  ContactEvent,
  ContactEventType,
  Conversation,
  CsatResponse,
  Filters,
  Group,
  Message,
  MessageDirection,
  ReportArgs,
  ReportSnapshot,
  SenderType,
  Team,
  User,
  WorkspaceFile,
} from '@parley/model';

/** The engine entry point's signature (`snapshotOfWorkspace` of @parley/metrics). */
export type SnapshotOfWorkspace = (workspace: WorkspaceFile, args: ReportArgs) => ReportSnapshot;

/** An instant: an ISO string with an explicit offset (`2024-05-06T10:00:00Z`) or epoch ms. */
export type Time = string | number;

/** Epoch ms of an instant; throws on a string Date.parse cannot read (a typo in a fixture). */
export function ms(time: Time): number {
  if (typeof time === 'number') return time;
  if (!/(Z|[+-]\d\d:\d\d)$/.test(time)) throw new Error(`fixture time without offset: ${time}`);
  const value = Date.parse(time);
  if (Number.isNaN(value)) throw new Error(`unreadable fixture time: ${time}`);
  return value;
}

export function user(id: string, overrides: Partial<User> = {}): User {
  return { id, name: `User ${id}`, teamIds: [], deleted: false, ...overrides };
}

export function team(id: string, overrides: Partial<Team> = {}): Team {
  return { id, name: `Team ${id}`, ...overrides };
}

export function channel(id: string, overrides: Partial<Channel> = {}): Channel {
  return { id, name: `Channel ${id}`, type: 'webchat', deleted: false, ...overrides };
}

export function contact(id: string, overrides: Omit<Partial<Contact>, 'createdAt'> & { createdAt?: Time } = {}): Contact {
  const { createdAt, ...rest } = overrides;
  return { id, name: `Contact ${id}`, createdAt: ms(createdAt ?? '2024-01-01T00:00:00Z'), tags: [], ...rest };
}

export type ConversationInput = Omit<Partial<Conversation>, 'openedAt' | 'closedAt'> & {
  openedAt: Time;
  closedAt?: Time | null;
};

/**
 * Defaults: contact `k-<id>` (so every conversation is its contact's only one, i.e. `new`, unless a
 * test shares a contactId), opened by the contact on channel `ch1`, open. When `closedAt` is given and
 * `closedSource` is not, the source is `user` (closing user and team stay null unless given).
 */
export function conversation(id: string, input: ConversationInput): Conversation {
  const { openedAt, closedAt, ...rest } = input;
  const closed = closedAt === undefined || closedAt === null ? null : ms(closedAt);
  return {
    id,
    contactId: `k-${id}`,
    openedAt: ms(openedAt),
    openedSource: 'contact',
    openedChannelId: 'ch1',
    openedByUserId: null,
    closedAt: closed,
    closedSource: closed === null ? null : 'user',
    closedByUserId: null,
    closedByTeamId: null,
    category: null,
    summary: null,
    tags: [],
    inboxId: null,
    pageUrl: null,
    chatflowId: null,
    ...rest,
  };
}

export function assignment(
  id: string,
  conversationId: string,
  at: Time,
  userId: string | null,
  teamId: string | null = null,
): Assignment {
  return { id, conversationId, at: ms(at), userId, teamId };
}

export type MessageInput = Omit<Partial<Message>, 'at'> & { at: Time };

/**
 * Defaults: conversation `c1`, contact `k-<conversationId>` (the default contact of that conversation;
 * null for a message without conversation), channel `ch1`, sent by the contact (direction `in`), status
 * `sent`. The direction defaults to `in` for senderType `contact` and `out` for every other sender.
 */
export function message(id: string, input: MessageInput): Message {
  const { at, ...rest } = input;
  const conversationId = input.conversationId === undefined ? 'c1' : input.conversationId;
  const senderType: SenderType = input.senderType ?? 'contact';
  const direction: MessageDirection = senderType === 'contact' ? 'in' : 'out';
  return {
    id,
    conversationId,
    contactId: conversationId === null ? null : `k-${conversationId}`,
    channelId: 'ch1',
    at: ms(at),
    direction,
    senderType,
    userId: null,
    type: 'text',
    status: 'sent',
    ...rest,
  };
}

/** An incoming message from the contact. */
export function incoming(id: string, conversationId: string, at: Time, overrides: Partial<Message> = {}): Message {
  return message(id, { conversationId, at, direction: 'in', senderType: 'contact', ...overrides });
}

/** An outgoing message written by a user (a response when something is pending). */
export function reply(id: string, conversationId: string, at: Time, userId: string, overrides: Partial<Message> = {}): Message {
  return message(id, { conversationId, at, direction: 'out', senderType: 'user', userId, ...overrides });
}

/** An outgoing message from a non-user sender (bot, workflow, broadcast, api, zapier, make, echo). */
export function outgoing(
  id: string,
  conversationId: string | null,
  at: Time,
  senderType: SenderType,
  overrides: Partial<Message> = {},
): Message {
  return message(id, { conversationId, at, direction: 'out', senderType, ...overrides });
}

export function csat(
  id: string,
  conversationId: string,
  at: Time,
  score: CsatResponse['score'],
  overrides: Partial<CsatResponse> = {},
): CsatResponse {
  return { id, conversationId, at: ms(at), score, comment: null, ...overrides };
}

export type ContactEventInput = Omit<Partial<ContactEvent>, 'at'> & { at: Time; contactId: string; type: ContactEventType };

/** Defaults: source null, userId null; `connected` events get channelId `ch1` unless given. */
export function contactEvent(id: string, input: ContactEventInput): ContactEvent {
  const { at, ...rest } = input;
  const base: ContactEvent = { id, contactId: input.contactId, type: input.type, at: ms(at), source: null, userId: null };
  if (input.type === 'connected') base.channelId = 'ch1';
  if (input.type === 'merged') base.mergedFromIds = [];
  return { ...base, ...rest };
}

export interface WorkspaceParts {
  timeZone?: string;
  users?: User[];
  teams?: Team[];
  channels?: Channel[];
  contacts?: Contact[];
  contactEvents?: ContactEvent[];
  conversations?: Conversation[];
  assignments?: Assignment[];
  messages?: Message[];
  csat?: CsatResponse[];
}

/** A single-object workspace file (metrics.md "Workspace file"); absent collections are empty. */
export function workspace(parts: WorkspaceParts = {}): WorkspaceFile {
  return {
    format: 'parley.workspace',
    version: 1,
    workspace: { id: 'ws-test', name: 'Test workspace', timeZone: parts.timeZone ?? 'UTC' },
    users: parts.users ?? [],
    teams: parts.teams ?? [],
    channels: parts.channels ?? [],
    contacts: parts.contacts ?? [],
    contactEvents: parts.contactEvents ?? [],
    conversations: parts.conversations ?? [],
    assignments: parts.assignments ?? [],
    messages: parts.messages ?? [],
    csat: parts.csat ?? [],
  };
}

/**
 * A workspace whose collections hold raw values as a parsed file may (invalid records, absent
 * fields). Typed as a WorkspaceFile because that is what the engine reads; the records are not checked.
 */
export function rawWorkspace(raw: Partial<Record<CollectionName, unknown[]>>, timeZone = 'UTC'): WorkspaceFile {
  const file: Record<string, unknown> = {
    format: 'parley.workspace',
    version: 1,
    workspace: { id: 'ws-raw', name: 'Raw workspace', timeZone },
    users: raw.users ?? [],
    teams: raw.teams ?? [],
    channels: raw.channels ?? [],
    contacts: raw.contacts ?? [],
    contactEvents: raw.contactEvents ?? [],
    conversations: raw.conversations ?? [],
    assignments: raw.assignments ?? [],
    messages: raw.messages ?? [],
    csat: raw.csat ?? [],
  };
  return file as unknown as WorkspaceFile;
}

/** A record with some keys removed (an "absent" field in the file). */
export function without<T extends object>(record: T, ...keys: (keyof T)[]): Partial<T> {
  const copy: Partial<T> = { ...record };
  for (const key of keys) delete copy[key];
  return copy;
}

/** The arguments of one report run. */
export function args(from: string, to: string = from, timeZone = 'UTC', filters: Filters = {}): ReportArgs {
  return { from, to, timeZone, filters };
}

// Expected-value shorthands (written values, not computed ones).

export function agg(count: number, meanMs: number, medianMs: number, p90Ms: number): Agg {
  return { count, meanMs, medianMs, p90Ms };
}

/** An Agg over one value: count 1, mean = median = p90 = the value. */
export function agg1(valueMs: number): Agg {
  return { count: 1, meanMs: valueMs, medianMs: valueMs, p90Ms: valueMs };
}

/** The Agg of no values (D19). */
export const noAgg: Agg = { count: 0, meanMs: null, medianMs: null, p90Ms: null };

export function group(key: string | null, count: number, percent: number): Group {
  return { key, count, percent };
}

/** A 7×24 heatmap of zeros with the listed `[weekday, hour, count]` cells set. */
export function heatmap(cells: readonly (readonly [weekday: number, hour: number, count: number])[]): number[][] {
  const grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const [weekday, hour, count] of cells) grid[weekday][hour] = count;
  return grid;
}

/** A 24-hour heatmap row of zeros with the listed `[hour, count]` cells set. */
export function hours(cells: readonly (readonly [hour: number, count: number])[]): number[] {
  const row = Array.from({ length: 24 }, () => 0);
  for (const [hour, count] of cells) row[hour] = count;
  return row;
}

export const NA = 'not-applicable';

/** Computes a value on first use, so a failing engine fails each test, not the file's collection. */
export function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T | undefined;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as T;
  };
}

/** An instant of Monday 2024-05-06, UTC, from `hh:mm` or `hh:mm:ss` (the default fixture day). */
export function may6(time: string): number {
  return ms(`2024-05-06T${time.length === 5 ? `${time}:00` : time}Z`);
}
