import type {
  Assignment,
  ContactAddedSource,
  ContactConnectedSource,
  ContactEvent,
  CsatResponse,
  Message,
  MessageDirection,
  MessageStatus,
  SenderType,
} from '@parley/model';
import type { WorkspaceSink } from './generate-options.js';
import { IdSequence } from './id-sequence.js';

/**
 * Builds the records that get an id from a counter and hands them to the sink. Each record is a
 * fresh object literal with its fields always in the same order, so V8 keeps one hidden class per
 * collection and the sink may keep what it receives.
 */
export class RecordFactory {
  readonly #sink: WorkspaceSink;
  readonly #messageIds: IdSequence;
  readonly #assignmentIds: IdSequence;
  readonly #contactEventIds: IdSequence;
  readonly #csatIds: IdSequence;

  constructor(sink: WorkspaceSink, conversations: number, messagesPerConversation: number) {
    this.#sink = sink;
    // Widths sized for generous upper bounds, so ids of one workspace keep one length.
    this.#messageIds = new IdSequence('m-', conversations * messagesPerConversation * 2, 5);
    this.#assignmentIds = new IdSequence('a-', conversations * 2);
    this.#contactEventIds = new IdSequence('e-', conversations * 3);
    this.#csatIds = new IdSequence('s-', conversations / 2);
  }

  message(
    conversationId: string | null,
    contactId: string,
    channelId: string,
    atMs: number,
    direction: MessageDirection,
    senderType: SenderType,
    userId: string | null,
    type: string,
    status: MessageStatus,
  ): void {
    const message: Message = {
      id: this.#messageIds.next(),
      conversationId,
      contactId,
      channelId,
      at: atMs,
      direction,
      senderType,
      userId,
      type,
      status,
    };
    this.#sink.record('messages', message);
  }

  assignment(conversationId: string, atMs: number, userId: string | null, teamId: string | null): void {
    const assignment: Assignment = { id: this.#assignmentIds.next(), conversationId, at: atMs, userId, teamId };
    this.#sink.record('assignments', assignment);
  }

  added(contactId: string, atMs: number, source: ContactAddedSource, userId: string | null): void {
    const event: ContactEvent = { id: this.#contactEventIds.next(), contactId, type: 'added', at: atMs, source, userId };
    this.#sink.record('contactEvents', event);
  }

  connected(contactId: string, atMs: number, source: ContactConnectedSource, userId: string | null, channelId: string): void {
    const event: ContactEvent = {
      id: this.#contactEventIds.next(),
      contactId,
      type: 'connected',
      at: atMs,
      source,
      userId,
      channelId,
    };
    this.#sink.record('contactEvents', event);
  }

  /** `survivorId` absorbed `mergedFromId`; the event belongs to the survivor (snapshot.md D26). */
  merged(survivorId: string, atMs: number, source: string, userId: string | null, mergedFromId: string): void {
    const event: ContactEvent = {
      id: this.#contactEventIds.next(),
      contactId: survivorId,
      type: 'merged',
      at: atMs,
      source,
      userId,
      mergedFromIds: [mergedFromId],
    };
    this.#sink.record('contactEvents', event);
  }

  deleted(contactId: string, atMs: number, source: string, userId: string | null): void {
    const event: ContactEvent = { id: this.#contactEventIds.next(), contactId, type: 'deleted', at: atMs, source, userId };
    this.#sink.record('contactEvents', event);
  }

  csat(conversationId: string, atMs: number, score: CsatResponse['score'], comment: string | null): void {
    const response: CsatResponse = { id: this.#csatIds.next(), conversationId, at: atMs, score, comment };
    this.#sink.record('csat', response);
  }
}
