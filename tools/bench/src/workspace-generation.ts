import type { WorkspaceTables } from '@parley/metrics';
import { TableBuilder } from '@parley/metrics';
import type { WorkspaceSink } from '@parley/mocks';
import { generateWorkspace } from '@parley/mocks';
import { benchEndDate, benchSeed } from './bench-config.js';

// Generation of the demo workspace, alone (into a counting sink) and into the table builder, so the
// build cost is the difference of the two: the generator's own cost is not the engine's.

export interface WorkspaceRecipe {
  seed: number;
  conversations: number;
  endDate: string;
  /** Mean messages per conversation; undefined = the generator's default. */
  messagesPerConversation?: number;
}

export function benchRecipe(conversations: number, messagesPerConversation?: number): WorkspaceRecipe {
  return { seed: benchSeed, conversations, endDate: benchEndDate, ...(messagesPerConversation === undefined ? {} : { messagesPerConversation }) };
}

export interface GenerationCount {
  ms: number;
  records: number;
  messages: number;
}

export type ProgressCallback = (conversationsDone: number) => void;

/** Generates the workspace into a sink that only counts: the generator's cost alone. */
export function measureGeneration(recipe: WorkspaceRecipe, progress?: ProgressCallback): GenerationCount {
  let records = 0;
  let messages = 0;
  let conversations = 0;
  const sink: WorkspaceSink = {
    workspace: () => undefined,
    record(collection) {
      records++;
      if (collection === 'messages') messages++;
      else if (collection === 'conversations' && ++conversations % 100_000 === 0) progress?.(conversations);
    },
  };
  const start = performance.now();
  generateWorkspace(recipe, sink);
  return { ms: performance.now() - start, records, messages };
}

/** Generates the workspace straight into a TableBuilder and finishes it (columns + facts). */
export function generateTables(recipe: WorkspaceRecipe, progress?: ProgressCallback): { tables: WorkspaceTables; ms: number } {
  const start = performance.now();
  const builder = new TableBuilder({ uniqueIds: true });
  let conversations = 0;
  const sink: WorkspaceSink = {
    workspace: (info) => builder.header(info),
    record(collection, record) {
      // Generated records are valid by construction; the builder reads them as plain field bags.
      builder.record(collection, record as unknown as Record<string, unknown>);
      if (collection === 'conversations' && ++conversations % 100_000 === 0) progress?.(conversations);
    },
  };
  generateWorkspace(recipe, sink);
  const tables = builder.finish();
  return { tables, ms: performance.now() - start };
}
