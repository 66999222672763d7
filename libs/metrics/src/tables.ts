import type { CollectionCounts, WorkspaceInfo } from '@parley/model';
import type { Dictionary } from './dictionary.js';

// The in-memory columnar form of a workspace: typed arrays and dictionary codes, no object per row.
// Durations are never stored: facts keep the instants they are measured between, so any duration
// (calendar or, later, business time) is derived at query time.

export interface Dictionaries {
  users: Dictionary;
  teams: Dictionary;
  channels: Dictionary;
  contacts: Dictionary;
  openedSources: Dictionary;
  closedSources: Dictionary;
  eventSources: Dictionary;
  categories: Dictionary;
  tags: Dictionary;
  inboxes: Dictionary;
  pageUrls: Dictionary;
  chatflows: Dictionary;
}

/** Conversations as stored, rows sorted by (openedAt, id) so a period is a binary-searched range. */
export interface ConversationTable {
  count: number;
  ids: string[];
  openedAt: Float64Array;
  /** NaN while open. */
  closedAt: Float64Array;
  contact: Uint32Array;
  openedSource: Uint32Array;
  openedChannel: Uint32Array;
  openedByUser: Uint32Array;
  closedSource: Uint32Array;
  closedByUser: Uint32Array;
  closedByTeam: Uint32Array;
  category: Uint32Array;
  summary: (string | null)[];
  /** Distinct tag codes of row r: tagCodes[tagOffsets[r] .. tagOffsets[r + 1]). */
  tagOffsets: Uint32Array;
  tagCodes: Uint32Array;
  inbox: Uint32Array;
  pageUrl: Uint32Array;
  chatflow: Uint32Array;
}

/** Per-conversation facts of metrics.md / snapshot.md §6, one entry per conversation row. NaN = none. */
export interface ConversationFacts {
  /** closedAt set and source not contact_merged/contact_deleted (D31). */
  countedClosed: Uint8Array;
  /** Closing user, none for blocked closures (D12). */
  closingUser: Uint32Array;
  /** 0 = new, 1 = returning (D29). */
  contactType: Uint8Array;
  firstAssignmentAt: Float64Array;
  firstAssignee: Uint32Array;
  assignedBeforeOpen: Uint8Array;
  /** Last assignment event at (clamped to openedAt); set with lastAssignee none = "Unassigned". */
  lastAssignmentAt: Float64Array;
  lastAssignee: Uint32Array;
  assignments: Uint32Array;
  firstResponseAt: Float64Array;
  firstResponseBy: Uint32Array;
  /** At of the response chosen by D15 (last assignment to response), NaN when none. */
  lastAssigneeResponseAt: Float64Array;
  incoming: Uint32Array;
  /** Outgoing messages, broadcasts excluded. */
  outgoing: Uint32Array;
  /** Outgoing user messages sent by the closing user (user performance, D18). */
  closerMessagesSent: Uint32Array;
  /** Responses of row r: responses[responseOffsets[r] .. responseOffsets[r + 1]). */
  responseOffsets: Uint32Array;
}

/** Every response (metrics.md "response"), grouped by conversation row in time order. */
export interface ResponseTable {
  count: number;
  at: Float64Array;
  /** At of the earliest unanswered incoming message: the response time runs from here. */
  since: Float64Array;
  /** At of the latest incoming message it answers (D15). */
  latestAnsweredAt: Float64Array;
  user: Uint32Array;
  conversation: Uint32Array;
}

/** Counted-closed conversations sorted by (closedAt asc, id desc): read backwards, the list order. */
export interface ClosedIndex {
  rows: Uint32Array;
  closedAt: Float64Array;
  /**
   * The closed breakdowns' columns in this order (conversations.category, closedSource and
   * facts.contactType at `rows`): stored with the facts, so a cold start's closed breakdowns read
   * three small columns instead of the index and three row-order columns, and gather nothing.
   */
  category: Uint32Array;
  closedSource: Uint32Array;
  contactType: Uint8Array;
}

/** Messages sorted by at. */
export interface MessageTable {
  count: number;
  at: Float64Array;
  /** 0 = in, 1 = out. */
  direction: Uint8Array;
  /** Index into `senderTypes`. */
  senderType: Uint8Array;
  channel: Uint32Array;
  contact: Uint32Array;
  user: Uint32Array;
  /** Conversation row, -1 when none or unknown. */
  conversation: Int32Array;
}

/** CSAT responses sorted by at. */
export interface CsatTable {
  count: number;
  at: Float64Array;
  score: Uint8Array;
  /** Conversation row, -1 when unknown. */
  conversation: Int32Array;
}

/** Contact events sorted by (at, id). */
export interface ContactEventTable {
  count: number;
  ids: string[];
  at: Float64Array;
  /** Index into `contactEventTypes`. */
  type: Uint8Array;
  source: Uint32Array;
  channel: Uint32Array;
  contact: Uint32Array;
  user: Uint32Array;
  /** 1 on the first `connected` event of its (contact, channel) over all time (D21). */
  firstConnection: Uint8Array;
}

/** A user, team or channel as the source last sent it (names for display; ids stay the keys). */
export interface DirectoryEntry {
  id: string;
  name: string | null;
  deleted: boolean;
}

export interface Directory {
  users: DirectoryEntry[];
  teams: DirectoryEntry[];
  channels: DirectoryEntry[];
}

export interface WorkspaceTables {
  workspace: WorkspaceInfo | null;
  directory: Directory;
  dictionaries: Dictionaries;
  conversations: ConversationTable;
  facts: ConversationFacts;
  responses: ResponseTable;
  closed: ClosedIndex;
  messages: MessageTable;
  csat: CsatTable;
  contactEvents: ContactEventTable;
  /** Name of each contact code that has a contact record; undefined = unknown contact. */
  contactNames: (string | null | undefined)[];
  loaded: CollectionCounts;
  rejected: CollectionCounts;
}
