import type { CollectionCounts, CollectionName, RecordLocation, ValidRecordSink, WorkspaceInfo } from '@parley/model';
import { collections, contactEventTypes, senderTypes } from '@parley/model';
import { Dictionary } from './dictionary.js';
import { deriveFacts } from './facts.js';
import type { GrowableColumn } from './growable.js';
import { float64Column, int32Column, permute, uint32Column, uint8Column } from './growable.js';
import { breakTiesById, stableArgsort } from './sorting.js';
import type { ContactEventTable, CsatTable, Dictionaries, MessageTable, WorkspaceTables } from './tables.js';

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
  constructor(unique: boolean) {
    this.#map = unique ? null : new Map();
  }
  /** The slot for this id and whether it is new. */
  slot(id: string): { slot: number; fresh: boolean } {
    const existing = this.#map?.get(id);
    if (existing !== undefined) return { slot: existing, fresh: false };
    const slot = this.ids.length;
    this.ids.push(id);
    this.#map?.set(id, slot);
    return { slot, fresh: true };
  }
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
  #small = { users: new Set<string>(), teams: new Set<string>(), channels: new Set<string>() };
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

  constructor(options: TableBuilderOptions = {}) {
    const unique = options.uniqueIds ?? false;
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
        this.#small[collection].add(id);
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

  #addConversation(id: string, record: Record<string, unknown>): void {
    const d = this.dictionaries;
    const key = this.#conversationKeys.code(id);
    while (this.#conversationSlotOfKey.length <= key) this.#conversationSlotOfKey.push(-1);
    const existing = this.#conversationSlotOfKey.get(key);
    const fresh = existing === -1;
    const slot = fresh ? this.#conversations.slot(id).slot : existing;
    if (fresh) this.#conversationSlotOfKey.set(key, slot);
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
    const order = stableArgsort(openedAtBySlot);
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

    const messageConversation = resolve(this.#msg.conversation.finish());
    const messageAt = this.#msg.at.finish();
    const messageDirection = this.#msg.direction.finish();
    const messageSenderType = this.#msg.senderType.finish();
    const messageUser = this.#msg.user.finish();
    const derived = deriveFacts({
      conversations,
      closedSourceNone: (code) => d.closedSources.isNone(code),
      closedSourceValue: (code) => d.closedSources.values[code],
      userIsNone: (code) => d.users.isNone(code),
      contactCount: d.contacts.size,
      assignments: {
        ids: this.#assignments.ids,
        conversation: resolve(this.#asg.conversation.finish()),
        at: this.#asg.at.finish(),
        user: this.#asg.user.finish(),
      },
      messages: {
        ids: this.#messages.ids,
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
      channel: permute(this.#msg.channel.finish(), messageOrder),
      contact: permute(this.#msg.contact.finish(), messageOrder),
      user: permute(messageUser, messageOrder),
      conversation: permute(messageConversation, messageOrder),
    };

    const csatAt = this.#cs.at.finish();
    const csatOrder = stableArgsort(csatAt);
    const csat: CsatTable = {
      count: csatOrder.length,
      at: permute(csatAt, csatOrder),
      score: permute(this.#cs.score.finish(), csatOrder),
      conversation: permute(resolve(this.#cs.conversation.finish()), csatOrder),
    };

    const contactEvents = this.#finishEvents();

    const loaded: CollectionCounts = {
      users: this.#small.users.size,
      teams: this.#small.teams.size,
      channels: this.#small.channels.size,
      contacts: this.#contactsLoaded,
      contactEvents: contactEvents.count,
      conversations: n,
      assignments: this.#assignments.ids.length,
      messages: messages.count,
      csat: csat.count,
    };
    return {
      workspace: this.#workspace,
      dictionaries: d,
      conversations,
      facts: derived.facts,
      responses: derived.responses,
      closed: derived.closed,
      messages,
      csat,
      contactEvents,
      contactNames: this.#contactNames,
      loaded,
      rejected: { ...this.rejected },
    };
  }

  #finishEvents(): ContactEventTable {
    const e = this.#ev;
    const at = e.at.finish();
    const slotIds = this.#events.ids;
    const order = stableArgsort(at);
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
