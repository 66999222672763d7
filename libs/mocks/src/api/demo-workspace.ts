import type { Channel, CollectionName, CollectionRecords, Team, User, WorkspaceInfo } from '@parley/model';
import { type GenerateOptions, type WorkspaceSink, resolveOptions, windowDays } from '../generator/generate-options.js';
import { generateWorkspace } from '../generator/generate-workspace.js';
import { ZoneCalendar } from '../generator/zone-calendar.js';
import { type PagedCollection, pagedCollections } from './collections.js';
import { type GeneratedLog, GeneratedLogBuilder } from './generated-log.js';

/** A generated workspace as the API serves it: the whole collections, and a change log per paged one. */
export class DemoWorkspace {
  readonly info: WorkspaceInfo;
  readonly users: readonly User[];
  readonly teams: readonly Team[];
  readonly channels: readonly Channel[];
  /** The end of the end date in the workspace zone: nothing was generated at or after it. */
  readonly endMs: number;
  readonly logs: Readonly<Record<PagedCollection, GeneratedLog>>;
  readonly #conversationOpenedAt: Map<string, number>;

  private constructor(sink: CollectingSink, endMs: number) {
    if (sink.info === null) throw new Error('the generator never described the workspace');
    this.info = sink.info;
    this.users = sink.users;
    this.teams = sink.teams;
    this.channels = sink.channels;
    this.endMs = endMs;
    this.#conversationOpenedAt = sink.conversationOpenedAt;
    const openedAt = (conversationId: string) => this.#conversationOpenedAt.get(conversationId);
    const logs = {} as Record<PagedCollection, GeneratedLog>;
    for (const collection of pagedCollections) logs[collection] = sink.logs[collection].finish(openedAt);
    this.logs = logs;
  }

  /** Generates the workspace of `options` (synchronously: ~2 s per 100k conversations). */
  static generate(options: GenerateOptions): DemoWorkspace {
    const resolved = resolveOptions(options);
    const sink = new CollectingSink();
    generateWorkspace(resolved, sink);
    return new DemoWorkspace(sink, ZoneCalendar.window(resolved.endDate, windowDays, resolved.timeZone).endMs);
  }

  /** openedAt of a generated conversation. */
  conversationOpenedAt(conversationId: string): number | undefined {
    return this.#conversationOpenedAt.get(conversationId);
  }
}

class CollectingSink implements WorkspaceSink {
  info: WorkspaceInfo | null = null;
  readonly users: User[] = [];
  readonly teams: Team[] = [];
  readonly channels: Channel[] = [];
  readonly conversationOpenedAt = new Map<string, number>();
  readonly logs = Object.fromEntries(pagedCollections.map((collection) => [collection, new GeneratedLogBuilder(collection)])) as Record<
    PagedCollection,
    GeneratedLogBuilder
  >;

  workspace(info: WorkspaceInfo): void {
    this.info = info;
  }

  record<C extends CollectionName>(collection: C, record: CollectionRecords[C]): void {
    switch (collection) {
      case 'users':
        this.users.push(record as User);
        return;
      case 'teams':
        this.teams.push(record as Team);
        return;
      case 'channels':
        this.channels.push(record as Channel);
        return;
      case 'conversations': {
        const conversation = record as CollectionRecords['conversations'];
        this.conversationOpenedAt.set(conversation.id, conversation.openedAt);
        break;
      }
    }
    this.logs[collection as PagedCollection].add(record as unknown as Readonly<Record<string, unknown>>);
  }
}
