/**
 * A deliberately simple, row-by-row reference implementation of `parley report` (docs/snapshot.md),
 * written from the specs alone and independent of the real engine, so that the two can be compared
 * value for value. Clarity over speed: it is meant for workspaces of a few thousand records.
 *
 * Nothing here may import the engine or other Parley packages; the small types it needs are local.
 */

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

export const referenceFilterNames = [
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
export type ReferenceFilterName = (typeof referenceFilterNames)[number];

export interface ReferenceReportArgs {
  from: string;
  to: string;
  timeZone: string;
  filters: Record<string, readonly string[]>;
}

const collectionNames = [
  'users',
  'teams',
  'channels',
  'contacts',
  'contactEvents',
  'conversations',
  'assignments',
  'messages',
  'csat',
] as const;
type CollectionName = (typeof collectionNames)[number];

const senderTypes = ['contact', 'user', 'bot', 'workflow', 'broadcast', 'api', 'zapier', 'make', 'echo'];
const contactEventTypes = ['added', 'deleted', 'merged', 'connected'];
const openedFamilyFilters: readonly ReferenceFilterName[] = ['openedChannel', 'openedSource', 'contactType', 'contact', 'conversationId'];
const contactOnlyFilters: readonly ReferenceFilterName[] = ['contact'];
const NA = 'not-applicable';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const MAX_ABS_TIME = 8.64e15;

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** snapshot.md §2: a JSON number without fraction, within the range of a Date, never a boolean. */
function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= MAX_ABS_TIME;
}

/** A stored field as it is, when it is a string; anything else (absent, null, other types) is null. */
function storedString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** D8: null, absent and "" are all the "none" key. */
function groupKey(value: string | null): string | null {
  return value === null || value === '' ? null : value;
}

/** D7: UTF-16 code-unit order. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byAtThenId(a: { at: number; id: string }, b: { at: number; id: string }): number {
  return compareNumbers(a.at, b.at) || compareStrings(a.id, b.id);
}

/** Nearest integer to num/den, halves away from zero (den > 0). */
export function roundRatioHalfAwayFromZero(num: bigint, den: bigint): bigint {
  const quotient = num / den; // truncates toward zero
  const remainder = num % den; // same sign as num
  const absRemainder = remainder < 0n ? -remainder : remainder;
  if (2n * absRemainder >= den) return num < 0n ? quotient - 1n : quotient + 1n;
  return quotient;
}

/** §3 Mean: sum / n rounded half away from zero, exact. */
export function meanHalfAwayFromZero(values: readonly number[]): number {
  let sum = 0n;
  for (const value of values) sum += BigInt(value);
  return Number(roundRatioHalfAwayFromZero(sum, BigInt(values.length)));
}

/** §3 Nearest rank: the value at 1-based rank ceil(p*n/100) of the ascending values. */
export function nearestRank(sortedAscending: readonly number[], p: number): number {
  const n = sortedAscending.length;
  const rank = Math.floor((p * n + 99) / 100);
  return sortedAscending[rank - 1];
}

interface Agg {
  count: number;
  meanMs: number | null;
  medianMs: number | null;
  p90Ms: number | null;
}

export function aggOf(values: readonly number[]): Agg {
  if (values.length === 0) return { count: 0, meanMs: null, medianMs: null, p90Ms: null };
  const sorted = [...values].sort(compareNumbers);
  return {
    count: values.length,
    meanMs: meanHalfAwayFromZero(values),
    medianMs: nearestRank(sorted, 50),
    p90Ms: nearestRank(sorted, 90),
  };
}

interface Group {
  key: string | null;
  count: number;
  percent: number;
}

/** §3 Group: count desc, key asc with null last; largest remainder in tenths (D8/D9). */
export function groupsOf(keys: readonly (string | null)[]): Group[] {
  const counts = new Map<string | null, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const entries = [...counts.entries()].map(([key, count]) => ({ key, count }));
  entries.sort((a, b) => {
    if (a.count !== b.count) return b.count - a.count;
    if (a.key === b.key) return 0;
    if (a.key === null) return 1;
    if (b.key === null) return -1;
    return compareStrings(a.key, b.key);
  });
  const total = entries.reduce((sum, entry) => sum + entry.count, 0);
  if (total === 0) return [];
  const tenths = entries.map((entry) => Math.floor((entry.count * 1000) / total));
  const remainders = entries.map((entry) => (entry.count * 1000) % total);
  let leftover = 1000 - tenths.reduce((sum, t) => sum + t, 0);
  const byRemainder = entries.map((_, index) => index);
  byRemainder.sort((a, b) => remainders[b] - remainders[a] || a - b);
  for (const index of byRemainder) {
    if (leftover === 0) break;
    tenths[index] += 1;
    leftover -= 1;
  }
  return entries.map((entry, index) => ({ key: entry.key, count: entry.count, percent: tenths[index] / 10 }));
}

// ---------------------------------------------------------------------------------------------
// Calendar and time zone
// ---------------------------------------------------------------------------------------------

/** Days since 1970-01-01 of a proleptic Gregorian date (setUTCFullYear: years 0..99 are not 1900+). */
function dayNumberOf(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.floor(date.getTime() / DAY_MS);
}

function dateStringOf(dayNumber: number): string {
  const date = new Date(dayNumber * DAY_MS);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

function parseDate(text: string, what: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`${what}: malformed date ${JSON.stringify(text)} (expected YYYY-MM-DD)`);
  const dayNumber = dayNumberOf(Number(match[1]), Number(match[2]), Number(match[3]));
  if (dateStringOf(dayNumber) !== text) throw new Error(`${what}: no such date ${text}`);
  return dayNumber;
}

/** Monday = 0 … Sunday = 6; day 0 (1970-01-01) was a Thursday. */
function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface LocalTime {
  dayNumber: number;
  weekday: number;
  hour: number;
}

function localTimeOf(ms: number, timeZone: string): LocalTime {
  let era = 'AD';
  let year = NaN;
  let month = NaN;
  let day = NaN;
  let hour = NaN;
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type === 'era') era = part.value;
    else if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
    else if (part.type === 'hour') hour = Number(part.value);
  }
  if (era === 'BC' || era === 'B') year = 1 - year;
  if (![year, month, day, hour].every(Number.isFinite)) throw new Error(`cannot read the local time of ${ms} in ${timeZone}`);
  const dayNumber = dayNumberOf(year, month, day);
  return { dayNumber, weekday: weekdayOf(dayNumber), hour };
}

function localDayOf(ms: number, timeZone: string): number {
  return localTimeOf(ms, timeZone).dayNumber;
}

/**
 * D6: the first instant whose local date is `dayNumber` (local midnight, or the end of a DST gap
 * covering it). Found by walking in 15-minute steps from well before the day (UTC midnight − 26 h:
 * no zone is ahead of UTC by that much), then bisecting to the millisecond. "Local date ≥ day" is
 * used so a day skipped altogether (a date-line move) still gets the start of the next one.
 */
function firstInstantOfLocalDay(dayNumber: number, timeZone: string): number {
  const step = 15 * MINUTE_MS;
  let before = dayNumber * DAY_MS - 26 * HOUR_MS;
  if (localDayOf(before, timeZone) >= dayNumber) throw new Error(`time zone ${timeZone}: offset beyond 26 h`);
  const limit = dayNumber * DAY_MS + 50 * HOUR_MS;
  while (localDayOf(before + step, timeZone) < dayNumber) {
    before += step;
    if (before > limit) throw new Error(`time zone ${timeZone}: no start found for ${dateStringOf(dayNumber)}`);
  }
  let after = before + step; // invariant: local day at `before` < dayNumber <= local day at `after`
  while (after - before > 1) {
    const middle = before + Math.floor((after - before) / 2);
    if (localDayOf(middle, timeZone) >= dayNumber) after = middle;
    else before = middle;
  }
  return after;
}

function checkTimeZone(timeZone: string): void {
  if (typeof timeZone !== 'string' || timeZone.length === 0) throw new Error('--tz: a time zone is required');
  try {
    formatterFor(timeZone);
  } catch {
    throw new Error(`--tz: unknown time zone ${JSON.stringify(timeZone)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Input: validation (snapshot.md §2, D27) and duplicate ids (D28)
// ---------------------------------------------------------------------------------------------

interface ContactRecord {
  id: string;
  name: string | null;
}

interface ContactEventRecord {
  id: string;
  contactId: string;
  type: string;
  at: number;
  source: string | null;
  channelId: string | null;
}

interface ConversationRecord {
  id: string;
  contactId: string;
  openedAt: number;
  openedSource: string | null;
  openedChannelId: string | null;
  closedAt: number | null;
  closedSource: string | null;
  closedByUserId: string | null;
  closedByTeamId: string | null;
  category: string | null;
  summary: string | null;
  /** distinct non-empty string tags, in stored order */
  tags: string[];
}

interface AssignmentRecord {
  id: string;
  conversationId: string;
  at: number;
  userId: string | null;
}

interface MessageRecord {
  id: string;
  conversationId: string | null;
  contactId: string | null;
  channelId: string | null;
  at: number;
  direction: string;
  senderType: string;
  userId: string | null;
}

interface CsatRecord {
  id: string;
  conversationId: string;
  at: number;
  score: number;
}

interface LoadedWorkspace {
  loaded: Record<CollectionName, number>;
  rejected: Record<CollectionName, number>;
  contacts: Map<string, ContactRecord>;
  contactEvents: ContactEventRecord[];
  conversations: ConversationRecord[];
  assignments: AssignmentRecord[];
  messages: MessageRecord[];
  csat: CsatRecord[];
}

/** Returns the typed record, or null when §2 rejects it. The `id` check is done by the caller. */
function validateRecord(collection: CollectionName, raw: Record<string, unknown>, id: string): unknown {
  switch (collection) {
    case 'users':
    case 'teams':
    case 'channels':
      return { id };
    case 'contacts': {
      const contact: ContactRecord = { id, name: storedString(raw.name) };
      return contact;
    }
    case 'contactEvents': {
      if (!isNonEmptyString(raw.contactId)) return null;
      if (typeof raw.type !== 'string' || !contactEventTypes.includes(raw.type)) return null;
      if (!isInteger(raw.at)) return null;
      const event: ContactEventRecord = {
        id,
        contactId: raw.contactId,
        type: raw.type,
        at: raw.at,
        source: storedString(raw.source),
        channelId: storedString(raw.channelId),
      };
      return event;
    }
    case 'conversations': {
      if (!isNonEmptyString(raw.contactId)) return null;
      if (!isInteger(raw.openedAt)) return null;
      if (!(raw.closedAt === undefined || raw.closedAt === null || isInteger(raw.closedAt))) return null;
      const tags: string[] = [];
      if (Array.isArray(raw.tags)) {
        for (const tag of raw.tags) if (isNonEmptyString(tag) && !tags.includes(tag)) tags.push(tag);
      }
      const conversation: ConversationRecord = {
        id,
        contactId: raw.contactId,
        openedAt: raw.openedAt,
        openedSource: storedString(raw.openedSource),
        openedChannelId: storedString(raw.openedChannelId),
        closedAt: isInteger(raw.closedAt) ? raw.closedAt : null,
        closedSource: storedString(raw.closedSource),
        closedByUserId: storedString(raw.closedByUserId),
        closedByTeamId: storedString(raw.closedByTeamId),
        category: storedString(raw.category),
        summary: storedString(raw.summary),
        tags,
      };
      return conversation;
    }
    case 'assignments': {
      if (!isNonEmptyString(raw.conversationId)) return null;
      if (!isInteger(raw.at)) return null;
      if (!(raw.userId === undefined || raw.userId === null || typeof raw.userId === 'string')) return null;
      const assignment: AssignmentRecord = {
        id,
        conversationId: raw.conversationId,
        at: raw.at,
        userId: storedString(raw.userId),
      };
      return assignment;
    }
    case 'messages': {
      if (!isInteger(raw.at)) return null;
      if (raw.direction !== 'in' && raw.direction !== 'out') return null;
      if (typeof raw.senderType !== 'string' || !senderTypes.includes(raw.senderType)) return null;
      const message: MessageRecord = {
        id,
        conversationId: storedString(raw.conversationId),
        contactId: storedString(raw.contactId),
        channelId: storedString(raw.channelId),
        at: raw.at,
        direction: raw.direction,
        senderType: raw.senderType,
        userId: storedString(raw.userId),
      };
      return message;
    }
    case 'csat': {
      if (!isNonEmptyString(raw.conversationId)) return null;
      if (!isInteger(raw.at)) return null;
      if (!isInteger(raw.score) || raw.score < 1 || raw.score > 5) return null;
      const response: CsatRecord = { id, conversationId: raw.conversationId, at: raw.at, score: raw.score };
      return response;
    }
  }
}

/** Valid records of one collection, later duplicates replacing earlier ones (D28). */
function loadCollection(collection: CollectionName, records: readonly unknown[]): { kept: Map<string, unknown>; rejected: number } {
  const kept = new Map<string, unknown>();
  let rejected = 0;
  for (const raw of records) {
    if (!isObject(raw) || !isNonEmptyString(raw.id)) {
      rejected += 1;
      continue;
    }
    const record = validateRecord(collection, raw, raw.id);
    if (record === null) {
      rejected += 1;
      continue;
    }
    kept.set(raw.id, record);
  }
  return { kept, rejected };
}

function loadWorkspace(workspace: unknown): LoadedWorkspace {
  if (!isObject(workspace)) throw new Error('workspace: not a JSON object');
  if (workspace.format !== 'parley.workspace') throw new Error('workspace: format is not "parley.workspace"');
  if (workspace.version !== 1) throw new Error('workspace: version is not 1');
  const loaded = {} as Record<CollectionName, number>;
  const rejected = {} as Record<CollectionName, number>;
  const kept = {} as Record<CollectionName, unknown[]>;
  for (const collection of collectionNames) {
    const records = workspace[collection] ?? [];
    if (!Array.isArray(records)) throw new Error(`workspace: ${collection} is not an array`);
    const result = loadCollection(collection, records);
    loaded[collection] = result.kept.size;
    rejected[collection] = result.rejected;
    kept[collection] = [...result.kept.values()];
  }
  const contacts = new Map<string, ContactRecord>();
  for (const contact of kept.contacts as ContactRecord[]) contacts.set(contact.id, contact);
  return {
    loaded,
    rejected,
    contacts,
    contactEvents: kept.contactEvents as ContactEventRecord[],
    conversations: kept.conversations as ConversationRecord[],
    assignments: kept.assignments as AssignmentRecord[],
    messages: kept.messages as MessageRecord[],
    csat: kept.csat as CsatRecord[],
  };
}

// ---------------------------------------------------------------------------------------------
// Per-conversation facts (snapshot.md §6)
// ---------------------------------------------------------------------------------------------

interface ConversationResponse {
  at: number;
  userId: string | null;
  timeMs: number;
  /** `at` of the latest incoming message it answers */
  latestAnsweredAt: number;
}

interface Facts {
  contactType: 'new' | 'returning';
  messages: MessageRecord[];
  responses: ConversationResponse[];
  firstResponseAt: number | null;
  firstResponseById: string | null;
  firstAssignmentAt: number | null;
  firstAssigneeId: string | null;
  assignedBeforeOpen: boolean;
  lastAssignmentAt: number | null;
  lastAssigneeId: string | null;
  assignments: number;
  incomingMessages: number;
  outgoingMessages: number;
}

function responsesOf(messagesInOrder: readonly MessageRecord[]): ConversationResponse[] {
  const responses: ConversationResponse[] = [];
  let pending: MessageRecord[] = [];
  for (const message of messagesInOrder) {
    if (message.direction === 'in') {
      pending.push(message);
    } else if (message.senderType === 'user' && pending.length > 0) {
      responses.push({
        at: message.at,
        userId: message.userId,
        timeMs: message.at - pending[0].at,
        latestAnsweredAt: pending[pending.length - 1].at,
      });
      pending = [];
    }
  }
  return responses;
}

function factsOf(conversation: ConversationRecord, contactType: 'new' | 'returning', ownMessages: MessageRecord[], ownAssignments: AssignmentRecord[]): Facts {
  const messages = [...ownMessages].sort(byAtThenId);
  const responses = responsesOf(messages);
  const closedAt = conversation.closedAt;
  const events = ownAssignments.filter((a) => closedAt === null || a.at <= closedAt).sort(byAtThenId);
  const openedAt = conversation.openedAt;

  const first = events.find((event) => event.userId !== null);
  const last = events.length > 0 ? events[events.length - 1] : undefined;

  return {
    contactType,
    messages,
    responses,
    firstResponseAt: responses.length > 0 ? responses[0].at : null,
    firstResponseById: responses.length > 0 ? responses[0].userId : null,
    firstAssignmentAt: first ? Math.max(first.at, openedAt) : null,
    firstAssigneeId: first ? first.userId : null,
    assignedBeforeOpen: first ? first.at <= openedAt : false,
    lastAssignmentAt: last ? Math.max(last.at, openedAt) : null,
    lastAssigneeId: last ? last.userId : null,
    assignments: events.length,
    incomingMessages: messages.filter((m) => m.direction === 'in').length,
    outgoingMessages: messages.filter((m) => m.direction === 'out' && m.senderType !== 'broadcast').length,
  };
}

/** D29: per contact, conversations sorted by (openedAt, id); the first is new. */
function contactTypesOf(conversations: readonly ConversationRecord[]): Map<string, 'new' | 'returning'> {
  const byContact = new Map<string, ConversationRecord[]>();
  for (const conversation of conversations) {
    const list = byContact.get(conversation.contactId) ?? [];
    list.push(conversation);
    byContact.set(conversation.contactId, list);
  }
  const types = new Map<string, 'new' | 'returning'>();
  for (const list of byContact.values()) {
    list.sort((a, b) => compareNumbers(a.openedAt, b.openedAt) || compareStrings(a.id, b.id));
    list.forEach((conversation, index) => types.set(conversation.id, index === 0 ? 'new' : 'returning'));
  }
  return types;
}

/** D12: a blocked closure has no closing user. */
function closingUserOf(conversation: ConversationRecord): string | null {
  return conversation.closedSource === 'blocked' ? null : conversation.closedByUserId;
}

/** D31 */
function isCountedClosed(conversation: ConversationRecord): boolean {
  return conversation.closedAt !== null && conversation.closedSource !== 'contact_merged' && conversation.closedSource !== 'contact_deleted';
}

function lastAssignmentToResponseOf(facts: Facts): number | null {
  if (facts.lastAssignmentAt === null || facts.lastAssigneeId === null) return null;
  const lastAt = facts.lastAssignmentAt;
  const response = facts.responses.find((r) => r.userId === facts.lastAssigneeId && r.latestAnsweredAt >= lastAt);
  return response ? response.at - lastAt : null;
}

interface Row {
  closedAt: number;
  closedSource: string | null;
  closedByUserId: string | null;
  closedByTeamId: string | null;
  openedAt: number;
  openedSource: string | null;
  openedChannelId: string | null;
  conversationId: string;
  contactId: string;
  contactName: string | null;
  firstAssignmentAt: number | null;
  firstAssigneeId: string | null;
  firstResponseAt: number | null;
  firstResponseById: string | null;
  lastAssignmentAt: number | null;
  lastAssigneeId: string | null;
  timeToFirstAssignmentMs: number | null;
  firstResponseTimeMs: number | null;
  firstAssignmentToFirstResponseMs: number | null;
  lastAssignmentToResponseMs: number | null;
  resolutionTimeMs: number;
  firstAssignmentToCloseMs: number | null;
  lastAssignmentToCloseMs: number | null;
  averageResponseTimeMs: number | null;
  assignments: number;
  incomingMessages: number;
  outgoingMessages: number;
  responses: number;
  category: string | null;
  summary: string | null;
  contactType: 'new' | 'returning';
}

function rowOf(conversation: ConversationRecord, facts: Facts, contacts: Map<string, ContactRecord>, closedAt: number): Row {
  const openedAt = conversation.openedAt;
  const firstToFirstResponse =
    facts.firstResponseAt !== null && facts.firstAssignmentAt !== null ? facts.firstResponseAt - facts.firstAssignmentAt : null;
  return {
    closedAt,
    closedSource: conversation.closedSource,
    closedByUserId: closingUserOf(conversation),
    closedByTeamId: conversation.closedByTeamId,
    openedAt,
    openedSource: conversation.openedSource,
    openedChannelId: conversation.openedChannelId,
    conversationId: conversation.id,
    contactId: conversation.contactId,
    contactName: contacts.get(conversation.contactId)?.name ?? null,
    firstAssignmentAt: facts.firstAssignmentAt,
    firstAssigneeId: facts.firstAssigneeId,
    firstResponseAt: facts.firstResponseAt,
    firstResponseById: facts.firstResponseById,
    lastAssignmentAt: facts.lastAssignmentAt,
    lastAssigneeId: facts.lastAssigneeId,
    timeToFirstAssignmentMs: facts.firstAssignmentAt !== null && !facts.assignedBeforeOpen ? facts.firstAssignmentAt - openedAt : null,
    firstResponseTimeMs: facts.firstResponseAt !== null ? facts.firstResponseAt - openedAt : null,
    firstAssignmentToFirstResponseMs: firstToFirstResponse !== null && firstToFirstResponse >= 0 ? firstToFirstResponse : null,
    lastAssignmentToResponseMs: lastAssignmentToResponseOf(facts),
    resolutionTimeMs: closedAt - openedAt,
    firstAssignmentToCloseMs: facts.firstAssignmentAt !== null ? closedAt - facts.firstAssignmentAt : null,
    lastAssignmentToCloseMs: facts.lastAssignmentAt !== null ? closedAt - facts.lastAssignmentAt : null,
    averageResponseTimeMs: facts.responses.length > 0 ? meanHalfAwayFromZero(facts.responses.map((r) => r.timeMs)) : null,
    assignments: facts.assignments,
    incomingMessages: facts.incomingMessages,
    outgoingMessages: facts.outgoingMessages,
    responses: facts.responses.length,
    category: conversation.category,
    summary: conversation.summary,
    contactType: facts.contactType,
  };
}

// ---------------------------------------------------------------------------------------------
// Filters (snapshot.md §4)
// ---------------------------------------------------------------------------------------------

interface ActiveFilter {
  name: ReferenceFilterName;
  values: string[];
}

function activeFiltersOf(filters: Record<string, readonly string[]>): ActiveFilter[] {
  if (!isObject(filters)) throw new Error('filters: not an object');
  const known: readonly string[] = referenceFilterNames;
  for (const name of Object.keys(filters)) {
    if (!known.includes(name)) throw new Error(`--filter: unknown filter name ${JSON.stringify(name)}`);
    const values: unknown = filters[name];
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) throw new Error(`--filter ${name}: values must be strings`);
  }
  const active: ActiveFilter[] = [];
  for (const name of referenceFilterNames) {
    const values = filters[name];
    if (values === undefined || values.length === 0) continue;
    active.push({ name, values: [...new Set(values)].sort(compareStrings) });
  }
  return active;
}

function filterAttributeOf(name: ReferenceFilterName, conversation: ConversationRecord, facts: Facts): string | null {
  switch (name) {
    case 'closedSource':
      return conversation.closedSource;
    case 'firstAssignee':
      return facts.firstAssigneeId;
    case 'firstResponseBy':
      return facts.firstResponseById;
    case 'lastAssignee':
      return facts.lastAssigneeId;
    case 'closedByTeam':
      return conversation.closedByTeamId;
    case 'closedByUser':
      return closingUserOf(conversation);
    case 'category':
      return conversation.category;
    case 'openedChannel':
      return conversation.openedChannelId;
    case 'openedSource':
      return conversation.openedSource;
    case 'contactType':
      return facts.contactType;
    case 'contact':
      return conversation.contactId;
    case 'conversationId':
      return conversation.id;
  }
}

/** A value matches when equal; the empty value matches null or "" (D4). */
function valueMatches(values: readonly string[], attribute: string | null): boolean {
  return values.some((value) => (value === '' ? attribute === null || attribute === '' : attribute === value));
}

function conversationMatches(active: readonly ActiveFilter[], conversation: ConversationRecord, facts: Facts): boolean {
  return active.every((filter) => valueMatches(filter.values, filterAttributeOf(filter.name, conversation, facts)));
}

function contactMatches(active: readonly ActiveFilter[], contactId: string | null): boolean {
  return active.every((filter) => filter.name !== 'contact' || valueMatches(filter.values, contactId));
}

function familyApplies(active: readonly ActiveFilter[], allowed: readonly ReferenceFilterName[]): boolean {
  return active.every((filter) => allowed.includes(filter.name));
}

// ---------------------------------------------------------------------------------------------
// The snapshot
// ---------------------------------------------------------------------------------------------

function emptyHeatmap(): number[][] {
  return Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
}

function originOf(openedSource: string | null): string {
  if (openedSource === 'user') return 'inbox';
  if (openedSource === 'workflow') return 'flow';
  if (openedSource === 'contact' || openedSource === 'ctc_ads') return 'inbound';
  return 'other';
}

interface Entry {
  id: string;
  conversations: number;
  responseTime: Agg;
  resolutionTime: Agg;
}

function leaderboardOf(groups: Map<string, { conversations: ConversationRecord[]; responseTimes: number[] }>): {
  responseTime: Entry[];
  resolutionTime: Entry[];
} {
  const entries: Entry[] = [];
  for (const [id, group] of groups) {
    entries.push({
      id,
      conversations: group.conversations.length,
      responseTime: aggOf(group.responseTimes),
      resolutionTime: aggOf(group.conversations.map((c) => (c.closedAt as number) - c.openedAt)),
    });
  }
  const byMean = (pick: (entry: Entry) => Agg) => (a: Entry, b: Entry) =>
    compareNumbers(pick(a).meanMs as number, pick(b).meanMs as number) || compareStrings(a.id, b.id);
  return {
    responseTime: entries.filter((e) => e.responseTime.count > 0).sort(byMean((e) => e.responseTime)),
    resolutionTime: [...entries].sort(byMean((e) => e.resolutionTime)),
  };
}

export function referenceSnapshot(
  workspace: unknown,
  args: { from: string; to: string; timeZone: string; filters: Record<string, readonly string[]> },
): unknown {
  // --- arguments
  const fromDay = parseDate(args.from, '--from');
  const toDay = parseDate(args.to, '--to');
  if (fromDay > toDay) throw new Error(`--from ${args.from} is after --to ${args.to}`);
  const timeZone = args.timeZone;
  checkTimeZone(timeZone);
  const active = activeFiltersOf(args.filters);
  const startMs = firstInstantOfLocalDay(fromDay, timeZone);
  const endMs = firstInstantOfLocalDay(toDay + 1, timeZone);
  const inPeriod = (ms: number) => ms >= startMs && ms < endMs;

  // --- input
  const data = loadWorkspace(workspace);

  // --- per-conversation facts, over the whole workspace
  const contactTypes = contactTypesOf(data.conversations);
  const facts = new Map<string, Facts>();
  const messagesByConversation = new Map<string, MessageRecord[]>();
  for (const message of data.messages) {
    if (message.conversationId === null) continue;
    const list = messagesByConversation.get(message.conversationId) ?? [];
    list.push(message);
    messagesByConversation.set(message.conversationId, list);
  }
  const assignmentsByConversation = new Map<string, AssignmentRecord[]>();
  for (const assignment of data.assignments) {
    const list = assignmentsByConversation.get(assignment.conversationId) ?? [];
    list.push(assignment);
    assignmentsByConversation.set(assignment.conversationId, list);
  }
  for (const conversation of data.conversations) {
    const ownMessages = messagesByConversation.get(conversation.id) ?? [];
    const ownAssignments = assignmentsByConversation.get(conversation.id) ?? [];
    facts.set(conversation.id, factsOf(conversation, contactTypes.get(conversation.id) ?? 'new', ownMessages, ownAssignments));
  }
  const factsFor = (conversation: ConversationRecord): Facts => facts.get(conversation.id) as Facts;

  // --- opened family
  const openedApplies = familyApplies(active, openedFamilyFilters);
  const openedConversations = data.conversations.filter(
    (c) => inPeriod(c.openedAt) && conversationMatches(active, c, factsFor(c)),
  );
  const openedHeatmap = emptyHeatmap();
  for (const conversation of openedConversations) {
    const local = localTimeOf(conversation.openedAt, timeZone);
    openedHeatmap[local.weekday][local.hour] += 1;
  }
  const tagKeys: (string | null)[] = [];
  for (const conversation of openedConversations) {
    if (conversation.tags.length === 0) tagKeys.push(null);
    else tagKeys.push(...conversation.tags);
  }

  // --- closed family (all 12 filters always apply)
  const closedConversations = data.conversations.filter(
    (c) => isCountedClosed(c) && inPeriod(c.closedAt as number) && conversationMatches(active, c, factsFor(c)),
  );
  const closedHeatmap = emptyHeatmap();
  for (const conversation of closedConversations) {
    const local = localTimeOf(conversation.closedAt as number, timeZone);
    closedHeatmap[local.weekday][local.hour] += 1;
  }
  const rows = closedConversations.map((c) => rowOf(c, factsFor(c), data.contacts, c.closedAt as number));
  rows.sort((a, b) => compareNumbers(b.closedAt, a.closedAt) || compareStrings(a.conversationId, b.conversationId));
  const columnAgg = (pick: (row: Row) => number | null): Agg =>
    aggOf(rows.map(pick).filter((value): value is number => value !== null));
  const allResponseTimes: number[] = [];
  for (const conversation of closedConversations) for (const r of factsFor(conversation).responses) allResponseTimes.push(r.timeMs);

  // --- opened vs closed, one entry per local date
  const perDay = new Map<number, { opened: number; closed: number }>();
  for (let day = fromDay; day <= toDay; day++) perDay.set(day, { opened: 0, closed: 0 });
  for (const conversation of openedConversations) {
    const counts = perDay.get(localDayOf(conversation.openedAt, timeZone));
    if (counts) counts.opened += 1;
  }
  for (const conversation of closedConversations) {
    const counts = perDay.get(localDayOf(conversation.closedAt as number, timeZone));
    if (counts) counts.closed += 1;
  }
  const openedVsClosed = [...perDay.entries()].map(([day, counts]) => ({ date: dateStringOf(day), opened: counts.opened, closed: counts.closed }));

  // --- leaderboard and user performance
  const byUser = new Map<string, { conversations: ConversationRecord[]; responseTimes: number[] }>();
  const byTeam = new Map<string, { conversations: ConversationRecord[]; responseTimes: number[] }>();
  for (const conversation of closedConversations) {
    const conversationFacts = factsFor(conversation);
    const user = groupKey(closingUserOf(conversation));
    if (user !== null) {
      const group = byUser.get(user) ?? { conversations: [], responseTimes: [] };
      group.conversations.push(conversation);
      for (const r of conversationFacts.responses) if (r.userId === user) group.responseTimes.push(r.timeMs);
      byUser.set(user, group);
    }
    const team = groupKey(conversation.closedByTeamId);
    if (team !== null) {
      const group = byTeam.get(team) ?? { conversations: [], responseTimes: [] };
      group.conversations.push(conversation);
      for (const r of conversationFacts.responses) group.responseTimes.push(r.timeMs);
      byTeam.set(team, group);
    }
  }
  const userPerformance = [...byUser.keys()].sort(compareStrings).map((userId) => {
    const conversations = (byUser.get(userId) as { conversations: ConversationRecord[] }).conversations;
    let messagesSent = 0;
    const responseTimes: number[] = [];
    const firstResponseTimes: number[] = [];
    let assignments = 0;
    for (const conversation of conversations) {
      const f = factsFor(conversation);
      messagesSent += f.messages.filter((m) => m.direction === 'out' && m.senderType === 'user' && m.userId === userId).length;
      for (const r of f.responses) if (r.userId === userId) responseTimes.push(r.timeMs);
      if (f.firstResponseAt !== null) firstResponseTimes.push(f.firstResponseAt - conversation.openedAt);
      assignments += f.assignments;
    }
    return {
      userId,
      conversationsClosed: conversations.length,
      messagesSent,
      responses: responseTimes.length,
      firstResponseTime: aggOf(firstResponseTimes),
      responseTime: aggOf(responseTimes),
      resolutionTime: aggOf(conversations.map((c) => (c.closedAt as number) - c.openedAt)),
      assignments,
    };
  });

  // --- contacts family
  const contactsApply = familyApplies(active, contactOnlyFilters);
  const eventsInPeriod = data.contactEvents.filter((e) => inPeriod(e.at) && contactMatches(active, e.contactId));
  const firstConnections = new Map<string, ContactEventRecord>();
  for (const event of data.contactEvents.filter((e) => e.type === 'connected').sort(byAtThenId)) {
    const pair = JSON.stringify([event.contactId, groupKey(event.channelId)]);
    if (!firstConnections.has(pair)) firstConnections.set(pair, event);
  }
  const connections = [...firstConnections.values()].filter((e) => inPeriod(e.at) && contactMatches(active, e.contactId));
  const countOfType = (type: string) => eventsInPeriod.filter((e) => e.type === type).length;

  // --- messages family
  const messagesApply = familyApplies(active, contactOnlyFilters);
  const messagesInPeriod = data.messages.filter((m) => inPeriod(m.at) && contactMatches(active, m.contactId));

  // --- CSAT (D20)
  const conversationsById = new Map<string, ConversationRecord>();
  for (const conversation of data.conversations) conversationsById.set(conversation.id, conversation);
  const ratings = data.csat.filter((response) => {
    if (!inPeriod(response.at)) return false;
    if (active.length === 0) return true;
    const conversation = conversationsById.get(response.conversationId);
    return conversation !== undefined && conversationMatches(active, conversation, factsFor(conversation));
  });
  const distribution = [0, 0, 0, 0, 0];
  let scoreSum = 0n;
  let satisfied = 0n;
  for (const rating of ratings) {
    distribution[rating.score - 1] += 1;
    scoreSum += BigInt(rating.score);
    if (rating.score >= 4) satisfied += 1n;
  }
  const ratingCount = BigInt(ratings.length);

  const orNA = <T>(applies: boolean, value: () => T): T | typeof NA => (applies ? value() : NA);

  return {
    format: 'parley.report-snapshot',
    version: 1,
    period: { from: args.from, to: args.to, timeZone, startMs, endMs },
    filters: active.map((filter) => ({ name: filter.name, values: filter.values })),
    input: { loaded: data.loaded, rejected: data.rejected },
    conversations: {
      overview: {
        opened: orNA(openedApplies, () => openedConversations.length),
        closed: closedConversations.length,
      },
      openedVsClosed: orNA(openedApplies, () => openedVsClosed),
      openedHeatmap: orNA(openedApplies, () => openedHeatmap),
      closedHeatmap,
      openedByContactType: orNA(openedApplies, () => groupsOf(openedConversations.map((c) => factsFor(c).contactType))),
      openedBySource: orNA(openedApplies, () => groupsOf(openedConversations.map((c) => groupKey(c.openedSource)))),
      openedByChannel: orNA(openedApplies, () => groupsOf(openedConversations.map((c) => groupKey(c.openedChannelId)))),
      closedByCategory: groupsOf(closedConversations.map((c) => groupKey(c.category))),
      closedBySource: groupsOf(closedConversations.map((c) => groupKey(c.closedSource))),
      closedByContactType: groupsOf(closedConversations.map((c) => factsFor(c).contactType)),
      durations: {
        timeToFirstAssignment: columnAgg((r) => r.timeToFirstAssignmentMs),
        firstResponseTime: columnAgg((r) => r.firstResponseTimeMs),
        firstAssignmentToFirstResponse: columnAgg((r) => r.firstAssignmentToFirstResponseMs),
        lastAssignmentToResponse: columnAgg((r) => r.lastAssignmentToResponseMs),
        resolutionTime: columnAgg((r) => r.resolutionTimeMs),
        firstAssignmentToClose: columnAgg((r) => r.firstAssignmentToCloseMs),
        lastAssignmentToClose: columnAgg((r) => r.lastAssignmentToCloseMs),
        responseTime: aggOf(allResponseTimes),
      },
      list: rows,
    },
    contacts: {
      added: orNA(contactsApply, () => countOfType('added')),
      deleted: orNA(contactsApply, () => countOfType('deleted')),
      merged: orNA(contactsApply, () => countOfType('merged')),
      addedBySource: orNA(contactsApply, () => groupsOf(eventsInPeriod.filter((e) => e.type === 'added').map((e) => groupKey(e.source)))),
      connectedByChannel: orNA(contactsApply, () => groupsOf(connections.map((e) => groupKey(e.channelId)))),
      connectedBySource: orNA(contactsApply, () => groupsOf(connections.map((e) => groupKey(e.source)))),
    },
    messages: {
      total: orNA(messagesApply, () => messagesInPeriod.length),
      incomingByChannel: orNA(messagesApply, () =>
        groupsOf(messagesInPeriod.filter((m) => m.direction === 'in').map((m) => groupKey(m.channelId))),
      ),
      outgoingBySource: orNA(messagesApply, () => groupsOf(messagesInPeriod.filter((m) => m.direction === 'out').map((m) => m.senderType))),
    },
    leaderboard: { byUser: leaderboardOf(byUser), byTeam: leaderboardOf(byTeam) },
    userPerformance,
    csat: {
      responses: ratings.length,
      average: ratings.length > 0 ? Number(roundRatioHalfAwayFromZero(scoreSum * 100n, ratingCount)) / 100 : null,
      distribution,
      csatPercent: ratings.length > 0 ? Number(roundRatioHalfAwayFromZero(satisfied * 1000n, ratingCount)) / 10 : null,
    },
    origin: orNA(openedApplies, () => groupsOf(openedConversations.map((c) => originOf(groupKey(c.openedSource))))),
    byTag: orNA(openedApplies, () => groupsOf(tagKeys)),
  };
}
