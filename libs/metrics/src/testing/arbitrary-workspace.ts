/**
 * fast-check arbitraries for comparing the engine with the reference implementation: small,
 * adversarial single-object workspace files (metrics.md "Workspace file") and `parley report`
 * arguments that hit them. Small id pools make contacts, ids and timestamps collide; timestamps sit
 * around the DST nights of Europe/Paris, America/New_York and Australia/Lord_Howe and around local
 * midnights; a few records are invalid (snapshot.md §2) or duplicate an earlier id (D28).
 */
import * as fc from 'fast-check';

export interface GeneratedWorkspace {
  format: 'parley.workspace';
  version: 1;
  workspace: { id: string; name: string; timeZone: string };
  users: unknown[];
  teams: unknown[];
  channels: unknown[];
  contacts: unknown[];
  contactEvents: unknown[];
  conversations: unknown[];
  assignments: unknown[];
  messages: unknown[];
  csat: unknown[];
}

export interface GeneratedReportArgs {
  from: string;
  to: string;
  timeZone: string;
  filters: Record<string, readonly string[]>;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Instants the generated timestamps cluster around: DST transitions and local midnights. */
export const anchorInstants: readonly number[] = [
  '2024-03-30T23:00:00Z', // Europe/Paris: start of 2024-03-31
  '2024-03-31T01:00:00Z', // Europe/Paris: 02:00 CET -> 03:00 CEST
  '2024-03-31T22:00:00Z', // Europe/Paris: start of 2024-04-01
  '2024-10-26T22:00:00Z', // Europe/Paris: start of 2024-10-27
  '2024-10-27T01:00:00Z', // Europe/Paris: 03:00 CEST -> 02:00 CET
  '2024-10-27T23:00:00Z', // Europe/Paris: start of 2024-10-28
  '2024-03-10T05:00:00Z', // America/New_York: start of 2024-03-10
  '2024-03-10T07:00:00Z', // America/New_York: 02:00 EST -> 03:00 EDT
  '2024-03-11T04:00:00Z', // America/New_York: start of 2024-03-11
  '2024-11-03T04:00:00Z', // America/New_York: start of 2024-11-03
  '2024-11-03T06:00:00Z', // America/New_York: 02:00 EDT -> 01:00 EST
  '2024-11-04T05:00:00Z', // America/New_York: start of 2024-11-04
  '2024-04-06T13:00:00Z', // Australia/Lord_Howe: start of 2024-04-07
  '2024-04-06T15:00:00Z', // Australia/Lord_Howe: 02:00 +11 -> 01:30 +10:30
  '2024-10-05T13:30:00Z', // Australia/Lord_Howe: start of 2024-10-06
  '2024-10-05T15:30:00Z', // Australia/Lord_Howe: 02:00 +10:30 -> 02:30 +11
  '2024-03-30T18:30:00Z', // Asia/Kolkata: start of 2024-03-31
  '2024-03-31T00:00:00Z', // UTC midnight
  '2024-10-27T00:00:00Z', // UTC midnight
].map((iso) => Date.parse(iso));

export const reportTimeZones = ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'] as const;

const conversationIds = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11', 'c20', 'C1', 'x\uFF5E', 'x\u{1F600}'];
const unknownConversationId = 'c-unknown';
const contactIds = ['k1', 'k2', 'k3', 'k4', 'k10'];
const userIds = ['u1', 'u2', 'u3', 'u10'];
const teamIds = ['t1', 't2', 't10'];
const channelIds = ['ch1', 'ch2', 'ch3'];
const openedSources = ['user', 'contact', 'workflow', 'api', 'zapier', 'make', 'ctc_ads'];
const closedSources = ['user', 'bot', 'workflow', 'api', 'zapier', 'make', 'blocked', 'contact_merged', 'contact_deleted'];
const senderTypes = ['contact', 'user', 'bot', 'workflow', 'broadcast', 'api', 'zapier', 'make', 'echo'];
const contactSources = ['user', 'import', 'api', 'incoming', 'echo', 'zapier', 'make', 'ctc_ads', 'broadcast'];
const tagValues = ['vip', 'billing', 'VIP', 'b'];

interface Place {
  conversationId: string;
  at: number;
}

function isValidTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 8.64e15;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Drops keys whose value is `undefined`, so "absent" really is absent in the JSON. */
function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

function withOverride(record: Record<string, unknown>, [key, value]: readonly [string, unknown]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...record };
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy;
}

function pick<T>(values: readonly T[]): fc.Arbitrary<T> {
  return fc.constantFrom(...values);
}

/** Values that fail snapshot.md §2 whatever the collection. */
const notARecord: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(null, 42, 'record', true, [], {}, { id: '' }, { id: 7 }, { id: true });

/** An invalid record: a valid one with one field broken, or something that is no record at all. */
function invalidVersionOf(valid: fc.Arbitrary<Record<string, unknown>>, breakages: readonly (readonly [string, unknown])[]): fc.Arbitrary<unknown> {
  const allBreakages: (readonly [string, unknown])[] = [...breakages, ['id', undefined], ['id', ''], ['id', 12]];
  return fc.oneof(
    { weight: 3, arbitrary: fc.tuple(valid, pick(allBreakages)).map(([record, breakage]) => withOverride(record, breakage)) },
    { weight: 1, arbitrary: notARecord },
  );
}

function collectionOf(
  valid: fc.Arbitrary<Record<string, unknown>>,
  breakages: readonly (readonly [string, unknown])[],
  maxLength: number,
): fc.Arbitrary<unknown[]> {
  return fc.array(
    fc.oneof({ weight: 14, arbitrary: valid as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: invalidVersionOf(valid, breakages) }),
    { maxLength, size: 'medium' }, // the default 'small' size would stop near 10 records whatever maxLength says
  );
}

function workspaceWithTimes(timePool: readonly number[]): fc.Arbitrary<GeneratedWorkspace> {
  const offset = fc.oneof(
    { weight: 5, arbitrary: fc.constant(0) },
    { weight: 2, arbitrary: fc.constantFrom(-1, 1, -1000, 1000, -MINUTE_MS, MINUTE_MS, -30 * MINUTE_MS, 30 * MINUTE_MS, HOUR_MS, -HOUR_MS) },
    { weight: 2, arbitrary: fc.integer({ min: -180, max: 180 }).map((minutes) => minutes * MINUTE_MS) },
  );
  const time = fc.tuple(fc.nat({ max: timePool.length - 1 }), offset).map(([index, delta]) => timePool[index] + delta);
  const later = fc.oneof(
    fc.constantFrom(0, 1, MINUTE_MS, HOUR_MS),
    fc.integer({ min: 0, max: 600 }).map((minutes) => minutes * MINUTE_MS),
  );
  const maybeAbsent = <T>(values: readonly T[]): fc.Arbitrary<T | undefined> =>
    fc.oneof({ weight: 6, arbitrary: pick(values) }, { weight: 1, arbitrary: fc.constant(undefined) });

  const user = fc
    .record({
      id: pick(userIds),
      name: fc.constantFrom('Ann', 'Bob', ''),
      teamIds: fc.subarray(teamIds),
      deleted: fc.boolean(),
    })
    .map(compact);
  const team = fc.record({ id: pick(teamIds), name: fc.constantFrom('Support', 'Sales') }).map(compact);
  const channel = fc
    .record({
      id: pick(channelIds),
      name: fc.constantFrom('WhatsApp', 'Web'),
      type: fc.constantFrom('whatsapp', 'webchat', 'email', 'other'),
      deleted: fc.boolean(),
    })
    .map(compact);
  const contact = fc
    .record({
      id: pick(contactIds),
      name: maybeAbsent(['Alice', 'Bob', '', null]),
      createdAt: time,
      tags: fc.subarray(tagValues),
    })
    .map(compact);

  const contactEvent = fc
    .record({
      id: fc.integer({ min: 1, max: 24 }).map((n) => `e${n}`),
      contactId: pick(contactIds),
      type: fc.oneof({ weight: 3, arbitrary: fc.constant('connected') }, { weight: 3, arbitrary: fc.constantFrom('added', 'deleted', 'merged') }),
      at: time,
      source: maybeAbsent([...contactSources, null, 'weird']),
      userId: pick([...userIds, null]),
      channelId: maybeAbsent([...channelIds, null]),
      mergedFromIds: fc.subarray(contactIds),
    })
    .map(compact);

  const tags = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.constant([] as string[]),
    fc.array(pick(tagValues), { minLength: 1, maxLength: 4 }),
  );
  const conversation = fc
    .record({
      id: pick(conversationIds),
      contactId: pick(contactIds),
      openedAt: time,
      closing: fc.oneof(
        { weight: 3, arbitrary: later.map((delta) => ({ kind: 'after' as const, delta })) },
        { weight: 2, arbitrary: time.map((at) => ({ kind: 'at' as const, at })) },
        { weight: 1, arbitrary: fc.constantFrom({ kind: 'null' as const }, { kind: 'absent' as const }) },
      ),
      openedSource: maybeAbsent([...openedSources, null, 'weird']),
      openedChannelId: maybeAbsent([...channelIds, null, '']),
      openedByUserId: pick([...userIds, null]),
      closedSource: maybeAbsent([...closedSources, null]),
      closedByUserId: maybeAbsent([...userIds, null]),
      closedByTeamId: maybeAbsent([...teamIds, null, '']),
      category: maybeAbsent(['billing', 'sales', 'Billing', '', null]),
      summary: maybeAbsent(['done', '', null]),
      tags,
    })
    .map(({ closing, ...rest }) => {
      const closedAt = closing.kind === 'after' ? rest.openedAt + closing.delta : closing.kind === 'at' ? closing.at : closing.kind === 'null' ? null : undefined;
      return compact({ ...rest, closedAt, inboxId: null, pageUrl: null, chatflowId: null });
    });

  // One user does most of the work, so "the last assignee replies" happens often enough to test D15.
  const busyUser = fc.oneof({ weight: 3, arbitrary: fc.constant(userIds[0]) }, { weight: 2, arbitrary: pick(userIds) });
  const assignment = (place: fc.Arbitrary<Place>) =>
    fc
      .record({
        id: fc.integer({ min: 1, max: 45 }).map((n) => `a${n}`),
        place,
        userId: fc.oneof({ weight: 5, arbitrary: busyUser }, { weight: 2, arbitrary: fc.constantFrom(null, undefined) }),
        teamId: pick([...teamIds, null]),
      })
      .map(({ place: { conversationId, at }, ...rest }) => compact({ ...rest, conversationId, at }));

  const senderAndDirection = fc.oneof(
    { weight: 4, arbitrary: fc.constant({ direction: 'in', senderType: 'contact' }) },
    { weight: 4, arbitrary: fc.constant({ direction: 'out', senderType: 'user' }) },
    { weight: 3, arbitrary: pick(senderTypes).map((senderType) => ({ direction: 'out', senderType })) },
    { weight: 1, arbitrary: pick(senderTypes).map((senderType) => ({ direction: 'in', senderType })) },
  );
  const message = (place: fc.Arbitrary<Place>) =>
    fc
      .record({
        id: fc.integer({ min: 1, max: 170 }).map((n) => `m${n}`),
        place,
        orphan: fc.oneof(
          { weight: 14, arbitrary: fc.constant(false as const) },
          { weight: 1, arbitrary: fc.constantFrom(unknownConversationId, null, undefined) },
        ),
        contactId: pick([...contactIds, null]),
        channelId: maybeAbsent([...channelIds, null]),
        sender: senderAndDirection,
        userId: fc.oneof({ weight: 4, arbitrary: busyUser }, { weight: 1, arbitrary: fc.constant(null) }),
        type: fc.constant('text'),
        status: fc.constantFrom('sent', 'delivered', 'read', 'failed'),
      })
      .map(({ place, orphan, sender, ...rest }) =>
        compact({
          ...rest,
          conversationId: orphan === false ? place.conversationId : orphan,
          at: place.at,
          direction: sender.direction,
          senderType: sender.senderType,
        }),
      );

  const csatResponse = (place: fc.Arbitrary<Place>) =>
    fc
      .record({
        id: fc.integer({ min: 1, max: 14 }).map((n) => `s${n}`),
        place,
        score: fc.integer({ min: 1, max: 5 }),
        comment: fc.constantFrom(null, 'ok'),
      })
      .map(({ place: { conversationId, at }, ...rest }) => compact({ ...rest, conversationId, at }));

  const badTimes: (readonly [string, unknown])[] = [];
  for (const value of [1.5, '1714989600000', true, null, 8.64e15 + 1]) badTimes.push(['at', value]);

  const independent = fc.record({
    users: collectionOf(user, [], 5),
    teams: collectionOf(team, [], 3),
    channels: collectionOf(channel, [], 4),
    contacts: collectionOf(contact, [], 6),
    contactEvents: collectionOf(contactEvent, [...badTimes, ['type', 'opened'], ['type', undefined], ['contactId', ''], ['contactId', 3]], 20),
    conversations: collectionOf(
      conversation,
      [['openedAt', 1.5], ['openedAt', '1714989600000'], ['openedAt', true], ['openedAt', undefined], ['closedAt', false], ['closedAt', 0.5], ['closedAt', -8.64e15 - 1], ['contactId', ''], ['contactId', undefined]],
      30,
    ),
  });

  return independent.chain((collections) => {
    // Most assignments, messages and ratings hang off a generated conversation's openedAt or
    // closedAt, so that equal timestamps, "exactly at open/close" and real reply chains are common.
    const anchors = collections.conversations.filter(isRecord).flatMap((record) => {
      const result: Place[] = [];
      if (typeof record.id === 'string' && isValidTime(record.openedAt)) {
        result.push({ conversationId: record.id, at: record.openedAt });
        if (isValidTime(record.closedAt)) result.push({ conversationId: record.id, at: record.closedAt });
      }
      return result;
    });
    const nearby = fc.oneof(
      { weight: 3, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.constantFrom(-1, 1, -MINUTE_MS, MINUTE_MS) },
      { weight: 4, arbitrary: fc.integer({ min: 1, max: 120 }).map((minutes) => minutes * MINUTE_MS) },
      { weight: 1, arbitrary: fc.integer({ min: -60, max: -1 }).map((minutes) => minutes * MINUTE_MS) },
    );
    const loose: fc.Arbitrary<Place> = fc.record({
      conversationId: fc.oneof({ weight: 12, arbitrary: pick(conversationIds) }, { weight: 1, arbitrary: fc.constant(unknownConversationId) }),
      at: time,
    });
    const place: fc.Arbitrary<Place> =
      anchors.length === 0
        ? loose
        : fc.oneof(
            { weight: 3, arbitrary: fc.tuple(pick(anchors), nearby).map(([anchor, delta]) => ({ conversationId: anchor.conversationId, at: anchor.at + delta })) },
            { weight: 1, arbitrary: loose },
          );
    return fc
      .record({
        assignments: collectionOf(assignment(place), [...badTimes, ['userId', 5], ['userId', false], ['conversationId', ''], ['conversationId', null]], 40),
        messages: collectionOf(message(place), [...badTimes, ['direction', 'sideways'], ['direction', undefined], ['senderType', 'robot'], ['senderType', null]], 150),
        csat: collectionOf(
          csatResponse(place),
          [...badTimes, ['score', 6], ['score', 0], ['score', 4.5], ['score', true], ['score', '5'], ['conversationId', undefined]],
          12,
        ),
      })
      .map(
        (linked): GeneratedWorkspace => ({
          format: 'parley.workspace',
          version: 1,
          workspace: { id: 'ws-gen', name: 'Generated', timeZone: 'UTC' },
          users: collections.users,
          teams: collections.teams,
          channels: collections.channels,
          contacts: collections.contacts,
          contactEvents: collections.contactEvents,
          conversations: collections.conversations,
          assignments: linked.assignments,
          messages: linked.messages,
          csat: linked.csat,
        }),
      );
  });
}

/** A small adversarial single-object workspace file (≤ 30 conversations, ≤ 150 messages). */
export function arbitraryWorkspace(): fc.Arbitrary<GeneratedWorkspace> {
  // One or two anchors per workspace, so that a period of a few days catches most of its records.
  const delta = fc.oneof(
    fc.constantFrom(0, -1, 1, -HOUR_MS, HOUR_MS, -30 * MINUTE_MS, 30 * MINUTE_MS, -12 * HOUR_MS, 12 * HOUR_MS),
    fc.integer({ min: -360, max: 360 }).map((minutes) => minutes * MINUTE_MS),
  );
  return fc
    .shuffledSubarray([...anchorInstants], { minLength: 1, maxLength: 2 })
    .chain((anchors) => fc.array(fc.tuple(pick(anchors), delta).map(([anchor, d]) => anchor + d), { minLength: 1, maxLength: 6 }))
    .chain((timePool) => workspaceWithTimes(timePool));
}

// ---------------------------------------------------------------------------------------------
// Report arguments
// ---------------------------------------------------------------------------------------------

const filterNames = [
  'closedSource',
  'firstAssignee',
  'firstResponseBy',
  'lastAssignee',
  'closedByTeam',
  'closedByUser',
  'category',
  'openedChannel',
  'openedSource',
  'contactType',
  'contact',
  'conversationId',
] as const;
type FilterName = (typeof filterNames)[number];
const openedFamilyFilterNames: readonly FilterName[] = ['openedChannel', 'openedSource', 'contactType', 'contact', 'conversationId'];

function recordsOf(workspace: unknown, collection: string): Record<string, unknown>[] {
  if (typeof workspace !== 'object' || workspace === null) return [];
  const records: unknown = (workspace as Record<string, unknown>)[collection];
  if (!Array.isArray(records)) return [];
  return records.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null && !Array.isArray(r));
}

function stringsOf(workspace: unknown, collection: string, field: string): string[] {
  const values = new Set<string>();
  for (const record of recordsOf(workspace, collection)) {
    const value = record[field];
    if (typeof value === 'string') values.add(value);
  }
  return [...values];
}

function filterValueCandidates(workspace: unknown, name: FilterName): string[] {
  const found: Record<FilterName, () => string[]> = {
    closedSource: () => stringsOf(workspace, 'conversations', 'closedSource'),
    firstAssignee: () => stringsOf(workspace, 'assignments', 'userId'),
    firstResponseBy: () => stringsOf(workspace, 'messages', 'userId'),
    lastAssignee: () => stringsOf(workspace, 'assignments', 'userId'),
    closedByTeam: () => stringsOf(workspace, 'conversations', 'closedByTeamId'),
    closedByUser: () => stringsOf(workspace, 'conversations', 'closedByUserId'),
    category: () => stringsOf(workspace, 'conversations', 'category'),
    openedChannel: () => stringsOf(workspace, 'conversations', 'openedChannelId'),
    openedSource: () => stringsOf(workspace, 'conversations', 'openedSource'),
    contactType: () => ['new', 'returning'],
    contact: () => [...stringsOf(workspace, 'conversations', 'contactId'), ...stringsOf(workspace, 'messages', 'contactId')],
    conversationId: () => stringsOf(workspace, 'conversations', 'id'),
  };
  return [...new Set(['', 'zz-nobody', ...found[name]()])];
}

function dateStringOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

const earliestCandidate = Date.parse('2000-01-01T00:00:00Z');
const latestCandidate = Date.parse('2100-01-01T00:00:00Z');

/** UTC dates (± 1 day) of the workspace's timestamps in 2000..2099, so most periods hit some records. */
function candidateDays(workspace: unknown): number[] {
  const days = new Set<number>();
  const add = (value: unknown) => {
    if (isValidTime(value) && value >= earliestCandidate && value < latestCandidate) {
      const day = Math.floor(value / DAY_MS);
      for (const d of [day - 1, day, day + 1]) days.add(d);
    }
  };
  for (const record of recordsOf(workspace, 'conversations')) {
    add(record.openedAt);
    add(record.closedAt);
  }
  for (const collection of ['messages', 'assignments', 'contactEvents', 'csat']) for (const record of recordsOf(workspace, collection)) add(record.at);
  if (days.size === 0) for (const instant of anchorInstants) days.add(Math.floor(instant / DAY_MS));
  return [...days].sort((a, b) => a - b);
}

function filtersFor(workspace: unknown, names: readonly FilterName[]): fc.Arbitrary<Record<string, readonly string[]>> {
  if (names.length === 0) return fc.constant({});
  return fc
    .tuple(...names.map((name) => fc.array(pick(filterValueCandidates(workspace, name)), { minLength: 1, maxLength: 3 })))
    .map((valueLists) => Object.fromEntries(names.map((name, index) => [name, valueLists[index]])));
}

/**
 * `parley report` arguments for `workspace`: a 1–4 day period around its timestamps, one of five
 * zones (UTC, two DST zones, a half-hour zone, a half-hour-DST zone), and filter combinations drawn
 * from values occurring in the workspace plus the empty value and a value that matches nothing.
 */
export function arbitraryReportArgs(workspace: unknown): fc.Arbitrary<GeneratedReportArgs> {
  const names = fc.oneof(
    { weight: 4, arbitrary: fc.constant([] as FilterName[]) },
    { weight: 2, arbitrary: fc.constant(['contact'] as FilterName[]) },
    { weight: 3, arbitrary: fc.subarray([...openedFamilyFilterNames], { minLength: 1, maxLength: 2 }) },
    { weight: 3, arbitrary: fc.subarray([...filterNames], { minLength: 1, maxLength: 3 }) },
  );
  return fc.record({
    from: pick(candidateDays(workspace)),
    span: fc.integer({ min: 0, max: 3 }),
    timeZone: pick(reportTimeZones),
    filters: names.chain((chosen) => filtersFor(workspace, chosen)),
  }).map(({ from, span, timeZone, filters }) => ({ from: dateStringOf(from), to: dateStringOf(from + span), timeZone, filters }));
}

/** A workspace together with report arguments for it. */
export function arbitraryReportCase(): fc.Arbitrary<{ workspace: GeneratedWorkspace; args: GeneratedReportArgs }> {
  return arbitraryWorkspace().chain((workspace) => arbitraryReportArgs(workspace).map((args) => ({ workspace, args })));
}
