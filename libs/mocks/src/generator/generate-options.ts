import type { CollectionName, CollectionRecords, WorkspaceInfo } from '@parley/model';
import { epochDayOfIsoDate } from './zone-calendar.js';

export interface GenerateOptions {
  /** Any safe integer; the same options always give the same workspace. */
  seed: number;
  /** Exactly this many conversations are opened. */
  conversations: number;
  /** Last local date of the window (inclusive), `YYYY-MM-DD`; its end is the workspace's "now". */
  endDate: string;
  /** IANA zone of the workspace; seasonality follows its local time. Default `Europe/Paris`. */
  timeZone?: string;
  /** Mean number of messages per conversation. Default 8. */
  messagesPerConversation?: number;
}

/** Receives the generated workspace record by record. */
export interface WorkspaceSink {
  /** Called once, before any record. */
  workspace(info: WorkspaceInfo): void;
  /** Called for every record, collections in any interleaving; the sink may keep the record. */
  record<C extends CollectionName>(collection: C, record: CollectionRecords[C]): void;
}

export const defaultTimeZone = 'Europe/Paris';
export const defaultMessagesPerConversation = 8;
/** The demo's window: the 90 local days that end on the end date. */
export const windowDays = 90;

export type ResolvedOptions = Required<GenerateOptions>;

/** Options with defaults filled in; throws a RangeError on a value the generator cannot honour. */
export function resolveOptions(options: GenerateOptions): ResolvedOptions {
  const { seed, conversations, endDate } = options;
  const timeZone = options.timeZone ?? defaultTimeZone;
  const messagesPerConversation = options.messagesPerConversation ?? defaultMessagesPerConversation;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  if (!Number.isSafeInteger(conversations) || conversations < 0) {
    throw new RangeError(`conversations must be a non-negative integer, got ${conversations}`);
  }
  epochDayOfIsoDate(endDate);
  if (!(messagesPerConversation > 0 && messagesPerConversation <= 200)) {
    throw new RangeError(`messagesPerConversation must be in (0, 200], got ${messagesPerConversation}`);
  }
  return { seed, conversations, endDate, timeZone, messagesPerConversation };
}
