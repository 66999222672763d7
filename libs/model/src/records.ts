import type {
  ChannelType,
  ClosedSource,
  CollectionName,
  ContactEventType,
  MessageDirection,
  MessageStatus,
  OpenedSource,
  SenderType,
} from './vocabularies.js';

/** UTC epoch milliseconds. */
export type EpochMs = number;

// Canonical records of metrics.md "Data model". Validation (snapshot.md §2) checks only a few fields;
// the others are typed as what a well-formed source sends, and readers must tolerate odd values.

export interface User {
  id: string;
  name: string;
  teamIds: string[];
  deleted: boolean;
}

export interface Team {
  id: string;
  name: string;
}

export interface Channel {
  id: string;
  name: string;
  type: ChannelType;
  deleted: boolean;
}

export interface Contact {
  id: string;
  name: string;
  createdAt: EpochMs;
  tags: string[];
}

export interface ContactEvent {
  id: string;
  contactId: string;
  type: ContactEventType;
  at: EpochMs;
  source: string | null;
  userId: string | null;
  /** `connected` events only. */
  channelId?: string | null;
  /** `merged` events only. */
  mergedFromIds?: string[];
}

export interface Conversation {
  id: string;
  contactId: string;
  openedAt: EpochMs;
  openedSource: OpenedSource | null;
  /** null when opened by hand. */
  openedChannelId: string | null;
  openedByUserId: string | null;
  closedAt: EpochMs | null;
  closedSource: ClosedSource | null;
  closedByUserId: string | null;
  closedByTeamId: string | null;
  category: string | null;
  summary: string | null;
  tags: string[];
  inboxId: string | null;
  pageUrl: string | null;
  chatflowId: string | null;
}

export interface Assignment {
  id: string;
  conversationId: string;
  at: EpochMs;
  /** null = unassigned. */
  userId: string | null;
  teamId: string | null;
}

export interface Message {
  id: string;
  conversationId: string | null;
  contactId: string | null;
  channelId: string | null;
  at: EpochMs;
  direction: MessageDirection;
  senderType: SenderType;
  userId: string | null;
  type: string;
  status: MessageStatus;
}

export interface CsatResponse {
  id: string;
  conversationId: string;
  at: EpochMs;
  score: 1 | 2 | 3 | 4 | 5;
  comment: string | null;
}

/** The record type of each collection of the workspace file. */
export interface CollectionRecords {
  users: User;
  teams: Team;
  channels: Channel;
  contacts: Contact;
  contactEvents: ContactEvent;
  conversations: Conversation;
  assignments: Assignment;
  messages: Message;
  csat: CsatResponse;
}

export type AnyRecord = CollectionRecords[CollectionName];

/** The `workspace` object of a workspace file (metrics.md "Workspace file"). */
export interface WorkspaceInfo {
  id: string;
  name: string;
  timeZone: string;
  /** snapshot-v2.md §2; ignored by v1. */
  businessHours?: unknown;
}

export const workspaceFormat = 'parley.workspace';
export const workspaceFormatVersion = 1;

/** The single-object form of a workspace file, every collection in memory (small workspaces, tests). */
export type WorkspaceFile = {
  format: typeof workspaceFormat;
  version: typeof workspaceFormatVersion;
  workspace: WorkspaceInfo;
} & { [C in CollectionName]: CollectionRecords[C][] };
