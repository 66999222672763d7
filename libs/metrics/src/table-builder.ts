import type { CollectionCounts, CollectionName, RecordLocation, ValidRecordSink, WorkspaceInfo } from '@parley/model';
import { collections, compareStrings, contactEventTypes, senderTypes } from '@parley/model';
import { Dictionary } from './dictionary.js';
import { deriveFacts } from './facts.js';
import { float64Column, GrowableColumn, int32Column, permute, uint32Column, uint8Column } from './growable.js';
import { breakTiesById, stableArgsort } from './sorting.js';
import type { ContactEventTable, CsatTable, Dictionaries, Directory, DirectoryEntry, MessageTable, WorkspaceTables } from './tables.js';

// Builds WorkspaceTables from validated records streamed in any order (upserts by id, D28), then
// derives every per-conversation fact once (snapshot.md §6).

export interface TableBuilderOptions {
  /**
   * The source guarantees unique ids per collection (the generator): skip the id → slot maps of the
   * large collections, which are the largest cost in memory when reading millions of records.
   */
  uniqueIds?: boolean;
}

const senderTypeIndex = new Map<unknown, number>(senderTypes.map((type, index) => [type, index]));
const eventTypeIndex = new Map<unknown, number>(contactEventTypes.map((type, index) => [type, index]));

/** The collections whose records a tombstone removes (contacts never are: architecture.md). */
export type RemovableCollection = 'conversations' | 'assignments' | 'messages' | 'csat' | 'contactEvents';

export type BuilderColumn = Float64Array | Uint32Array | Int32Array | Uint8Array;

/** Bumped whenever the builder's state layout changes: a stored state of another format is rebuilt. */
export const builderStateFormat = 'parley.builder-state.2';

/** A TableBuilder's whole state: typed columns, string arrays and small JSON parts. */
export interface BuilderState {
  format: string;
  unique: boolean;
  workspace: WorkspaceInfo | null;
  rejected: CollectionCounts;
  directory: Directory;
  contactsLoaded: number;
  /** Contact names by code; 0 = no contact record. */
  contactNames: (string | null | 0)[];
  dictionaries: Record<string, (string | null)[]>;
  strings: Record<string, (string | null)[]>;
  columns: Record<string, BuilderColumn>;
}

export function zeroCounts(): CollectionCounts {
  return Object.fromEntries(collections.map((name) => [name, 0])) as CollectionCounts;
}

function createDictionaries(): Dictionaries {
  return {
    users: new Dictionary(),
    teams: new Dictionary(),
    channels: new Dictionary(),
    contacts: new Dictionary(),
    openedSources: new Dictionary(),
    closedSources: new Dictionary(),
    eventSources: new Dictionary(),
    categories: new Dictionary(),
    tags: new Dictionary(),
    inboxes: new Dictionary(),
    pageUrls: new Dictionary(),
    chatflows: new Dictionary(),
  };
}

/** Upsert bookkeeping: id → slot, or plain appends when ids are known to be unique. */
class Slots {
  #map: Map<string, number> | null;
  ids: string[] = [];
  /** 1 for a slot whose record a tombstone removed (it comes back if the id is sent again). */
  dead = uint8Column();
  deadCount = 0;
  constructor(unique: boolean) {
    this.#map = unique ? null : new Map();
  }
  /** The slot for this id and whether it is new. */
  slot(id: string): { slot: number; fresh: boolean } {
    const existing = this.#map?.get(id);
    if (existing !== undefined) {
      if (this.dead.get(existing) === 1) {
        this.dead.set(existing, 0);
        this.deadCount--;
      }
      return { slot: existing, fresh: false };
    }
    const slot = this.ids.length;
    this.ids.push(id);
    this.dead.push(0);
    this.#map?.set(id, slot);
    return { slot, fresh: true };
  }
  /** Marks the record of `id` removed; false when there is none. */
  remove(id: string): boolean {
    if (this.#map === null) throw new Error('a builder of unique ids cannot remove records');
    const slot = this.#map.get(id);
    if (slot === undefined || this.dead.get(slot) === 1) return false;
    this.dead.set(slot, 1);
    this.deadCount++;
    return true;
  }
  /** The slots still alive, in slot order; null when none was removed. */
  liveSlots(): Uint32Array | null {
    if (this.deadCount === 0) return null;
    const dead = this.dead.view();
    const live = new Uint32Array(dead.length - this.deadCount);
    let k = 0;
    for (let slot = 0; slot < dead.length; slot++) if (dead[slot] === 0) live[k++] = slot;
    return live;
  }
  restore(ids: string[], dead: Uint8Array): void {
    this.ids = ids;
    this.dead = GrowableColumn.of(Uint8Array, dead);
    this.deadCount = 0;
    for (let slot = 0; slot < dead.length; slot++) this.deadCount += dead[slot];
    if (this.#map) {
      const map = new Map<string, number>();
      for (let slot = 0; slot < ids.length; slot++) map.set(ids[slot], slot);
      this.#map = map;
    }
  }
}

/** Keeps the given slots of a column (all of it when `live` is null). */
function keep<T extends Float64Array | Uint32Array | Int32Array | Uint8Array>(column: T, live: Uint32Array | null): T {
  return live === null ? column : permute(column, live);
}

function store(column: GrowableColumn<Float64Array | Uint32Array | Int32Array | Uint8Array>, slot: number, fresh: boolean, value: number): void {
  if (fresh) column.push(value);
  else column.set(slot, value);
}

const toTime = (value: unknown): number => (typeof value === 'number' ? value : NaN);

export class TableBuilder implements ValidRecordSink {
  readonly dictionaries = createDictionaries();
  readonly rejected = zeroCounts();
  #workspace: WorkspaceInfo | null = null;
  #small = { users: new Map<string, DirectoryEntry>(), teams: new Map<string, DirectoryEntry>(), channels: new Map<string, DirectoryEntry>() };
  #contactNames: (string | null | undefined)[] = [];
  #contactsLoaded = 0;

  /** Conversation ids of every collection share one dictionary, so references resolve without strings. */
  #conversationKeys = new Dictionary();
  #conversationSlotOfKey = int32Column();
  #conversations: Slots;
  #conv = {
    key: uint32Column(),
    openedAt: float64Column(),
    closedAt: float64Column(),
    contact: uint32Column(),
    openedSource: uint32Column(),
    openedChannel: uint32Column(),
    openedByUser: uint32Column(),
    closedSource: uint32Column(),
    closedByUser: uint32Column(),
    closedByTeam: uint32Column(),
    category: uint32Column(),
    inbox: uint32Column(),
    pageUrl: uint32Column(),
    chatflow: uint32Column(),
  };
  #convSummary: (string | null)[] = [];
  #convTags: (number[] | null)[] = [];

  #assignments: Slots;
  #asg = { conversation: uint32Column(), at: float64Column(), user: uint32Column() };

  #messages: Slots;
  #msg = {
    conversation: uint32Column(),
    at: float64Column(),
    direction: uint8Column(),
    senderType: uint8Column(),
    channel: uint32Column(),
    contact: uint32Column(),
    user: uint32Column(),
  };

  #csat: Slots;
  #cs = { conversation: uint32Column(), at: float64Column(), score: uint8Column() };

  #events: Slots;
  #ev = {
    at: float64Column(),
    type: uint8Column(),
    source: uint32Column(),
    channel: uint32Column(),
    contact: uint32Column(),
    user: uint32Column(),
  };

  #unique: boolean;

  constructor(options: TableBuilderOptions = {}) {
    const unique = options.uniqueIds ?? false;
    this.#unique = unique;
    this.#conversations = new Slots(false);
    this.#assignments = new Slots(unique);
    this.#messages = new Slots(unique);
    this.#csat = new Slots(unique);
    this.#events = new Slots(unique);
  }

  header(info: WorkspaceInfo | null): void {
    this.#workspace = info;
  }

  /** Counts a record that failed validation (the caller reports where and why). */
  reject(collection: CollectionName): void {
    this.rejected[collection]++;
  }

  record(collection: CollectionName, record: Record<string, unknown>, _location?: RecordLocation): void {
    const d = this.dictionaries;
    const id = record.id as string;
    switch (collection) {
      case 'users':
      case 'teams':
      case 'channels':
        this.#small[collection].set(id, directoryEntry(id, record));
        (collection === 'users' ? d.users : collection === 'teams' ? d.teams : d.channels).code(id);
        return;
      case 'contacts': {
        const code = d.contacts.code(id);
        if (this.#contactNames[code] === undefined) this.#contactsLoaded++;
        const name = record.name;
        this.#contactNames[code] = typeof name === 'string' ? name : null;
        return;
      }
      case 'conversations':
        return this.#addConversation(id, record);
      case 'assignments': {
        const { slot, fresh } = this.#assignments.slot(id);
        const a = this.#asg;
        store(a.conversation, slot, fresh, this.#conversationKeys.code(record.conversationId));
        store(a.at, slot, fresh, record.at as number);
        // userId null or absent = unassignment (§6); any string, "" included, is an assignee as stored.
        store(a.user, slot, fresh, d.users.code(record.userId));
        return;
      }
      case 'messages': {
        const { slot, fresh } = this.#messages.slot(id);
        const m = this.#msg;
        const conversationId = record.conversationId;
        const conversationKey = typeof conversationId === 'string' && conversationId !== '' ? this.#conversationKeys.code(conversationId) : 0;
        store(m.conversation, slot, fresh, conversationKey);
        store(m.at, slot, fresh, record.at as number);
        store(m.direction, slot, fresh, record.direction === 'out' ? 1 : 0);
        store(m.senderType, slot, fresh, senderTypeIndex.get(record.senderType) as number);
        store(m.channel, slot, fresh, d.channels.code(record.channelId));
        store(m.contact, slot, fresh, d.contacts.code(record.contactId));
        store(m.user, slot, fresh, d.users.code(record.userId));
        return;
      }
      case 'csat': {
        const { slot, fresh } = this.#csat.slot(id);
        store(this.#cs.conversation, slot, fresh, this.#conversationKeys.code(record.conversationId));
        store(this.#cs.at, slot, fresh, record.at as number);
        store(this.#cs.score, slot, fresh, record.score as number);
        return;
      }
      case 'contactEvents': {
        const { slot, fresh } = this.#events.slot(id);
        const e = this.#ev;
        store(e.at, slot, fresh, record.at as number);
        store(e.type, slot, fresh, eventTypeIndex.get(record.type) as number);
        store(e.source, slot, fresh, d.eventSources.code(record.source));
        store(e.channel, slot, fresh, d.channels.code(record.channelId));
        store(e.contact, slot, fresh, d.contacts.code(record.contactId));
        store(e.user, slot, fresh, d.users.code(record.userId));
        return;
      }
    }
  }

  /**
   * A tombstone (`{ id, deleted: true }`, architecture.md): removes the record of that id from the
   * collections that allow it; a later record with the id brings it back. False when unknown.
   */
  remove(collection: RemovableCollection, id: string): boolean {
    switch (collection) {
      case 'conversations':
        return this.#conversations.remove(id);
      case 'assignments':
        return this.#assignments.remove(id);
      case 'messages':
        return this.#messages.remove(id);
      case 'csat':
        return this.#csat.remove(id);
      case 'contactEvents':
        return this.#events.remove(id);
    }
  }

  /**
   * Everything the builder holds, as typed columns and string arrays (no object per record), so a
   * store can persist it and a later session go on upserting where this one stopped.
   */
  state(): BuilderState {
    const columns: Record<string, BuilderColumn> = {};
    const strings: Record<string, (string | null)[]> = {};
    const put = (prefix: string, group: Record<string, GrowableColumn<BuilderColumn>>) => {
      for (const [name, column] of Object.entries(group)) columns[`${prefix}.${name}`] = column.finish();
    };
    put('conversations', this.#conv);
    put('assignments', this.#asg);
    put('messages', this.#msg);
    put('csat', this.#cs);
    put('contactEvents', this.#ev);
    const slots = { conversations: this.#conversations, assignments: this.#assignments, messages: this.#messages, csat: this.#csat, contactEvents: this.#events };
    for (const [name, slot] of Object.entries(slots)) {
      strings[`${name}.ids`] = slot.ids;
      columns[`${name}.dead`] = slot.dead.finish();
    }
    columns['conversations.slotOfKey'] = this.#conversationSlotOfKey.finish();
    strings['conversations.summary'] = this.#convSummary;
    const tagOffsets = new Uint32Array(this.#convTags.length + 1);
    for (let slot = 0; slot < this.#convTags.length; slot++) tagOffsets[slot + 1] = tagOffsets[slot] + (this.#convTags[slot]?.length ?? 0);
    const tagCodes = new Uint32Array(tagOffsets[this.#convTags.length]);
    this.#convTags.forEach((tags, slot) => tags && tagCodes.set(tags, tagOffsets[slot]));
    columns['conversations.tagOffsets'] = tagOffsets;
    columns['conversations.tagCodes'] = tagCodes;
    const dictionaries: Record<string, (string | null)[]> = { conversationKeys: this.#conversationKeys.values };
    for (const [name, dictionary] of Object.entries(this.dictionaries)) dictionaries[name] = (dictionary as Dictionary).values;
    return {
      format: builderStateFormat,
      unique: this.#unique,
      workspace: this.#workspace,
      rejected: { ...this.rejected },
      directory: this.#directory(),
      contactsLoaded: this.#contactsLoaded,
      contactNames: Array.from(this.#contactNames, (name) => (name === undefined ? 0 : name)),
      dictionaries,
      strings,
      columns,
    };
  }

  /** A builder that goes on from a state(). */
  static fromState(state: BuilderState): TableBuilder {
    if (state.format !== builderStateFormat) throw new Error(`builder state of format ${String(state.format)}, expected ${builderStateFormat}`);
    const builder = new TableBuilder({ uniqueIds: state.unique });
    builder.#restore(state);
    return builder;
  }

  #restore(state: BuilderState): void {
    this.#workspace = state.workspace;
    Object.assign(this.rejected, state.rejected);
    const byId = (entries: DirectoryEntry[]) => new Map(entries.map((entry) => [entry.id, entry]));
    this.#small = { users: byId(state.directory.users), teams: byId(state.directory.teams), channels: byId(state.directory.channels) };
    this.#contactsLoaded = state.contactsLoaded;
    this.#contactNames = state.contactNames.map((name) => (name === 0 ? undefined : name));
    const { dictionaries, strings, columns } = state;
    this.#conversationKeys = Dictionary.from(dictionaries.conversationKeys);
    for (const name of Object.keys(this.dictionaries) as (keyof Dictionaries)[]) this.dictionaries[name] = Dictionary.from(dictionaries[name]);
    const take = (prefix: string, group: Record<string, GrowableColumn<BuilderColumn>>) => {
      for (const [name, column] of Object.entries(group)) {
        const values = columns[`${prefix}.${name}`];
        if (!values) throw new Error(`builder state without column ${prefix}.${name}`);
        group[name] = GrowableColumn.of(column.finish().constructor as new (length: number) => BuilderColumn, values);
      }
    };
    take('conversations', this.#conv);
    take('assignments', this.#asg);
    take('messages', this.#msg);
    take('csat', this.#cs);
    take('contactEvents', this.#ev);
    const slots = { conversations: this.#conversations, assignments: this.#assignments, messages: this.#messages, csat: this.#csat, contactEvents: this.#events };
    for (const [name, slot] of Object.entries(slots)) slot.restore(strings[`${name}.ids`] as string[], columns[`${name}.dead`] as Uint8Array);
    this.#conversationSlotOfKey = GrowableColumn.of(Int32Array, columns['conversations.slotOfKey']);
    this.#convSummary = strings['conversations.summary'];
    const tagOffsets = columns['conversations.tagOffsets'];
    const tagCodes = columns['conversations.tagCodes'];
    this.#convTags = [];
    for (let slot = 0; slot + 1 < tagOffsets.length; slot++) {
      this.#convTags.push(tagOffsets[slot + 1] > tagOffsets[slot] ? Array.from(tagCodes.subarray(tagOffsets[slot], tagOffsets[slot + 1])) : null);
    }
  }

  #addConversation(id: string, record: Record<string, unknown>): void {
    const d = this.dictionaries;
    const key = this.#conversationKeys.code(id);
    while (this.#conversationSlotOfKey.length <= key) this.#conversationSlotOfKey.push(-1);
    const existing = this.#conversationSlotOfKey.get(key);
    const fresh = existing === -1;
    const slot = fresh ? this.#conversations.slot(id).slot : existing;
    if (fresh) this.#conversationSlotOfKey.set(key, slot);
    else if (this.#conversations.deadCount > 0) this.#conversations.slot(id); // brings a removed one back
    const c = this.#conv;
    store(c.key, slot, fresh, key);
    store(c.openedAt, slot, fresh, record.openedAt as number);
    store(c.closedAt, slot, fresh, toTime(record.closedAt));
    store(c.contact, slot, fresh, d.contacts.code(record.contactId));
    store(c.openedSource, slot, fresh, d.openedSources.code(record.openedSource));
    store(c.openedChannel, slot, fresh, d.channels.code(record.openedChannelId));
    store(c.openedByUser, slot, fresh, d.users.code(record.openedByUserId));
    store(c.closedSource, slot, fresh, d.closedSources.code(record.closedSource));
    store(c.closedByUser, slot, fresh, d.users.code(record.closedByUserId));
    store(c.closedByTeam, slot, fresh, d.teams.code(record.closedByTeamId));
    store(c.category, slot, fresh, d.categories.code(record.category));
    store(c.inbox, slot, fresh, d.inboxes.code(record.inboxId));
    store(c.pageUrl, slot, fresh, d.pageUrls.code(record.pageUrl));
    store(c.chatflow, slot, fresh, d.chatflows.code(record.chatflowId));
    const summary = record.summary;
    this.#convSummary[slot] = typeof summary === 'string' ? summary : null;
    this.#convTags[slot] = tagCodes(record.tags, d.tags);
  }

  /** Sorts, links and derives: the tables are immutable from here on. */
  finish(): WorkspaceTables {
    const d = this.dictionaries;
    const slotIds = this.#conversations.ids;
    const c = this.#conv;
    const openedAtBySlot = c.openedAt.finish();
    let order = stableArgsort(openedAtBySlot);
    if (this.#conversations.deadCount > 0) {
      const dead = this.#conversations.dead.view();
      order = order.filter((slot) => dead[slot] === 0);
    }
    breakTiesById(order, openedAtBySlot, slotIds);
    const n = order.length;

    const ids = new Array<string>(n);
    const summary = new Array<string | null>(n);
    const tagOffsets = new Uint32Array(n + 1);
    let tagTotal = 0;
    for (let row = 0; row < n; row++) {
      const slot = order[row];
      ids[row] = slotIds[slot];
      summary[row] = this.#convSummary[slot] ?? null;
      tagTotal += this.#convTags[slot]?.length ?? 0;
      tagOffsets[row + 1] = tagTotal;
    }
    const tagCodesColumn = new Uint32Array(tagTotal);
    for (let row = 0; row < n; row++) {
      const tags = this.#convTags[order[row]];
      if (tags) tagCodesColumn.set(tags, tagOffsets[row]);
    }
    const col = (column: GrowableColumn<Uint32Array>) => permute(column.finish(), order);
    const conversations = {
      count: n,
      ids,
      openedAt: permute(openedAtBySlot, order),
      closedAt: permute(c.closedAt.finish(), order),
      contact: col(c.contact),
      openedSource: col(c.openedSource),
      openedChannel: col(c.openedChannel),
      openedByUser: col(c.openedByUser),
      closedSource: col(c.closedSource),
      closedByUser: col(c.closedByUser),
      closedByTeam: col(c.closedByTeam),
      category: col(c.category),
      summary,
      tagOffsets,
      tagCodes: tagCodesColumn,
      inbox: col(c.inbox),
      pageUrl: col(c.pageUrl),
      chatflow: col(c.chatflow),
    };

    // Conversation key → row, for every reference (-1: no such conversation).
    const rowOfKey = new Int32Array(this.#conversationKeys.size).fill(-1);
    const keyBySlot = c.key.finish();
    for (let row = 0; row < n; row++) rowOfKey[keyBySlot[order[row]]] = row;
    const resolve = (keys: Uint32Array): Int32Array => {
      const rows = new Int32Array(keys.length);
      for (let i = 0; i < keys.length; i++) rows[i] = keys[i] === 0 ? -1 : rowOfKey[keys[i]];
      return rows;
    };

    const liveMessages = this.#messages.liveSlots();
    const liveAssignments = this.#assignments.liveSlots();
    const liveCsat = this.#csat.liveSlots();
    const messageConversation = resolve(keep(this.#msg.conversation.finish(), liveMessages));
    const messageAt = keep(this.#msg.at.finish(), liveMessages);
    const messageDirection = keep(this.#msg.direction.finish(), liveMessages);
    const messageSenderType = keep(this.#msg.senderType.finish(), liveMessages);
    const messageUser = keep(this.#msg.user.finish(), liveMessages);
    const derived = deriveFacts({
      conversations,
      closedSourceNone: (code) => d.closedSources.isNone(code),
      closedSourceValue: (code) => d.closedSources.values[code],
      userIsNone: (code) => d.users.isNone(code),
      contactCount: d.contacts.size,
      assignments: {
        ids: liveIds(this.#assignments.ids, liveAssignments),
        conversation: resolve(keep(this.#asg.conversation.finish(), liveAssignments)),
        at: keep(this.#asg.at.finish(), liveAssignments),
        user: keep(this.#asg.user.finish(), liveAssignments),
      },
      messages: {
        ids: liveIds(this.#messages.ids, liveMessages),
        conversation: messageConversation,
        at: messageAt,
        direction: messageDirection,
        senderType: messageSenderType,
        user: messageUser,
      },
    });

    const messageOrder = stableArgsort(messageAt);
    const messages: MessageTable = {
      count: messageOrder.length,
      at: permute(messageAt, messageOrder),
      direction: permute(messageDirection, messageOrder),
      senderType: permute(messageSenderType, messageOrder),
      channel: permute(keep(this.#msg.channel.finish(), liveMessages), messageOrder),
      contact: permute(keep(this.#msg.contact.finish(), liveMessages), messageOrder),
      user: permute(messageUser, messageOrder),
      conversation: permute(messageConversation, messageOrder),
    };

    const csatAt = keep(this.#cs.at.finish(), liveCsat);
    const csatOrder = stableArgsort(csatAt);
    const csat: CsatTable = {
      count: csatOrder.length,
      at: permute(csatAt, csatOrder),
      score: permute(keep(this.#cs.score.finish(), liveCsat), csatOrder),
      conversation: permute(resolve(keep(this.#cs.conversation.finish(), liveCsat)), csatOrder),
    };

    const contactEvents = this.#finishEvents();

    const loaded: CollectionCounts = {
      users: this.#small.users.size,
      teams: this.#small.teams.size,
      channels: this.#small.channels.size,
      contacts: this.#contactsLoaded,
      contactEvents: contactEvents.count,
      conversations: n,
      assignments: this.#assignments.ids.length - this.#assignments.deadCount,
      messages: messages.count,
      csat: csat.count,
    };
    // The tables are one immutable version: later records grow the builder's dictionaries and
    // names, never these copies.
    return {
      workspace: this.#workspace,
      directory: this.#directory(),
      dictionaries: copyDictionaries(d),
      conversations,
      facts: derived.facts,
      responses: derived.responses,
      closed: derived.closed,
      messages,
      csat,
      contactEvents,
      contactNames: this.#contactNames.slice(),
      loaded,
      rejected: { ...this.rejected },
    };
  }

  /** Users, teams and channels as last sent, in id order. */
  #directory(): Directory {
    const sorted = (entries: Map<string, DirectoryEntry>) => [...entries.values()].sort((a, b) => compareStrings(a.id, b.id));
    return { users: sorted(this.#small.users), teams: sorted(this.#small.teams), channels: sorted(this.#small.channels) };
  }

  #finishEvents(): ContactEventTable {
    const e = this.#ev;
    const at = e.at.finish();
    const slotIds = this.#events.ids;
    let order = stableArgsort(at);
    if (this.#events.deadCount > 0) {
      const dead = this.#events.dead.view();
      order = order.filter((slot) => dead[slot] === 0);
    }
    breakTiesById(order, at, slotIds);
    const table: ContactEventTable = {
      count: order.length,
      ids: Array.from(order, (slot) => slotIds[slot]),
      at: permute(at, order),
      type: permute(e.type.finish(), order),
      source: permute(e.source.finish(), order),
      channel: permute(e.channel.finish(), order),
      contact: permute(e.contact.finish(), order),
      user: permute(e.user.finish(), order),
      firstConnection: new Uint8Array(order.length),
    };
    // D21: the first `connected` event of each (contact, channel) over all time, in (at, id) order.
    const connectedType = contactEventTypes.indexOf('connected');
    const seen = new Set<number>();
    const channels = this.dictionaries.channels;
    for (let i = 0; i < table.count; i++) {
      if (table.type[i] !== connectedType) continue;
      // Every "none" channel (null, absent, "") is one channel for the pair (D8).
      const channel = channels.isNone(table.channel[i]) ? 0 : table.channel[i];
      const pair = table.contact[i] * channels.size + channel;
      if (seen.has(pair)) continue;
      seen.add(pair);
      table.firstConnection[i] = 1;
    }
    return table;
  }
}

/** What the UI shows of a user, team or channel: its name, and whether it was deleted. */
function directoryEntry(id: string, record: Record<string, unknown>): DirectoryEntry {
  return { id, name: typeof record.name === 'string' ? record.name : null, deleted: record.deleted === true };
}

function liveIds(ids: string[], live: Uint32Array | null): string[] {
  return live === null ? ids : Array.from(live, (slot) => ids[slot]);
}

function copyDictionaries(dictionaries: Dictionaries): Dictionaries {
  return Object.fromEntries(Object.entries(dictionaries).map(([name, dictionary]) => [name, Dictionary.from((dictionary as Dictionary).values)])) as unknown as Dictionaries;
}

/**
 * Distinct tag codes of a conversation (D25: duplicates count once); null when it has none. A tag
 * is a non-empty string: "" or a non-string element tags nothing.
 */
function tagCodes(tags: unknown, dictionary: Dictionary): number[] | null {
  if (!Array.isArray(tags) || tags.length === 0) return null;
  const codes: number[] = [];
  for (const tag of tags) {
    if (typeof tag !== 'string' || tag === '') continue;
    const code = dictionary.code(tag);
    if (!codes.includes(code)) codes.push(code);
  }
  return codes.length > 0 ? codes : null;
}
