import type { WorkspaceInfo } from './records.js';
import type { RecordIssue } from './validation.js';
import { validateRecord } from './validation.js';
import type { CollectionName } from './vocabularies.js';
import { collections } from './vocabularies.js';
import type { RecordLocation, WorkspaceReadSink } from './workspace-reader.js';
import { checkWorkspaceHeader, WorkspaceFormatError } from './workspace-reader.js';

/** A record that failed snapshot.md §2: where it came from and why. */
export interface RecordRejection extends RecordIssue {
  collection: CollectionName;
  location: RecordLocation;
  /** The record's id when it has a usable one. */
  id?: string;
}

/** Where valid records go: `record` is only ever called with records that pass validateRecord. */
export interface ValidRecordSink {
  header(info: WorkspaceInfo | null): void;
  record(collection: CollectionName, record: Record<string, unknown>, location: RecordLocation): void;
}

/** Wraps a sink so that it sees valid records only; rejections go to `onRejected`, never thrown. */
export function validatingSink(target: ValidRecordSink, onRejected: (rejection: RecordRejection) => void): WorkspaceReadSink {
  return {
    header: (info) => target.header(info),
    record(collection, value, location) {
      const issue = validateRecord(collection, value);
      if (issue === null) {
        target.record(collection, value as Record<string, unknown>, location);
        return;
      }
      const id = (value as { id?: unknown } | null)?.id;
      onRejected({ collection, location, ...issue, ...(typeof id === 'string' && id !== '' ? { id } : {}) });
    },
    unparsable(collection, location, reason) {
      onRejected({ collection, location, field: '(line)', reason });
    },
  };
}

/** One line for a rejection: `<collection> <index N | line N>: <field>: <reason>` (the `validate` format). */
export function formatRejection(rejection: RecordRejection): string {
  const where = rejection.location.kind === 'index' ? `index ${rejection.location.index}` : `line ${rejection.location.line}`;
  return `${rejection.collection} ${where}: ${rejection.field}: ${rejection.reason}`;
}

/**
 * Feeds an already-parsed single-object workspace (tests, small files in memory) through the same
 * checks as the streaming reader.
 */
export function readWorkspaceValue(value: unknown, sink: WorkspaceReadSink, source = 'workspace file'): void {
  const info = checkWorkspaceHeader(value, source);
  const file = value as Record<string, unknown>;
  for (const name of collections) {
    const records = file[name];
    if (records === undefined) continue;
    if (!Array.isArray(records)) throw new WorkspaceFormatError(`${source}: "${name}" must be an array`);
    records.forEach((record: unknown, index) => sink.record(name, record, { kind: 'index', index }));
  }
  sink.header(info);
}
