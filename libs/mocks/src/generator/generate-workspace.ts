import { type CollectionName, type CollectionRecords, type WorkspaceFile, type WorkspaceInfo, workspaceFormat, workspaceFormatVersion } from '@parley/model';
import { ContactPool } from './contact-pool.js';
import { ConversationGenerator } from './conversation-generator.js';
import { demoWorkspaceId } from './demo-workspace-id.js';
import { Directory } from './directory.js';
import { type GenerateOptions, type WorkspaceSink, resolveOptions, windowDays } from './generate-options.js';
import { scheduleOpenings } from './opening-schedule.js';
import { Random } from './random.js';
import { RecordFactory } from './record-factory.js';
import { ZoneCalendar } from './zone-calendar.js';

/**
 * Generates the demo workspace of `options` into `sink`, synchronously and record by record: a pure
 * function of the options (same options, same records in the same order), whose memory grows with
 * the number of contacts (a few bytes each) but not with the number of messages.
 */
export function generateWorkspace(options: GenerateOptions, sink: WorkspaceSink): void {
  const { seed, conversations, endDate, timeZone, messagesPerConversation } = resolveOptions(options);
  const calendar = ZoneCalendar.window(endDate, windowDays, timeZone);
  const random = new Random(seed);

  sink.workspace({
    id: demoWorkspaceId(seed, conversations, endDate),
    name: `Demo workspace (seed ${seed}, ${conversations} conversations, until ${endDate})`,
    timeZone,
  });
  const directory = new Directory(random, calendar);
  for (const team of directory.teams) sink.record('teams', team);
  for (const user of directory.users) sink.record('users', user);
  for (const channel of directory.channels) sink.record('channels', channel);

  // Every conversation may bring a new contact; nothing else does.
  const pool = new ContactPool(conversations, calendar.startMs);
  const records = new RecordFactory(sink, conversations, messagesPerConversation);
  const generator = new ConversationGenerator(random, directory, pool, records, sink, {
    conversations,
    messagesPerConversation,
    endMs: calendar.endMs,
  });
  scheduleOpenings(calendar, conversations, random, generator);
}

/** The whole workspace in memory, as a workspace file object: for tests and small workspaces. */
export function generateWorkspaceFile(options: GenerateOptions): WorkspaceFile {
  const sink = new CollectingSink();
  generateWorkspace(options, sink);
  return sink.toWorkspaceFile();
}

class CollectingSink implements WorkspaceSink {
  #info: WorkspaceInfo | null = null;
  readonly #collections: { [C in CollectionName]: CollectionRecords[C][] } = {
    users: [],
    teams: [],
    channels: [],
    contacts: [],
    contactEvents: [],
    conversations: [],
    assignments: [],
    messages: [],
    csat: [],
  };

  workspace(info: WorkspaceInfo): void {
    this.#info = info;
  }

  record<C extends CollectionName>(collection: C, record: CollectionRecords[C]): void {
    this.#collections[collection].push(record);
  }

  toWorkspaceFile(): WorkspaceFile {
    if (this.#info === null) throw new Error('the generator never described the workspace');
    return { format: workspaceFormat, version: workspaceFormatVersion, workspace: this.#info, ...this.#collections };
  }
}
