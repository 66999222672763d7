import type { WorkspaceInfo } from './records.js';
import { workspaceFormat, workspaceFormatVersion } from './records.js';
import type { CollectionName } from './vocabularies.js';
import { collections } from './vocabularies.js';

// The workspace-file parser of metrics.md "Workspace file", over web ReadableStreams so the same code
// runs in Node (tools/) and in the engine worker. The single-object form is scanned byte by byte and
// each record is parsed alone: a multi-GB file never sits in memory as text.

/** Where a record came from: its 0-based index in a JSON array, or its 1-based line in an NDJSON file. */
export type RecordLocation = { kind: 'index'; index: number } | { kind: 'line'; line: number };

export function formatLocation(location: RecordLocation): string {
  return location.kind === 'index' ? `index ${location.index}` : `line ${location.line}`;
}

/** Receives what a reader finds, unvalidated: callers decide (validation, tombstones, upserts). */
export interface WorkspaceReadSink {
  /** The header (format and version checked), once; for a single file it may come after records. */
  header(info: WorkspaceInfo | null): void;
  record(collection: CollectionName, value: unknown, location: RecordLocation): void;
  /** A line of an NDJSON file that is not JSON: a rejected record, never fatal. */
  unparsable(collection: CollectionName, location: RecordLocation, reason: string): void;
}

/** A file that cannot be read as a workspace at all: the whole read stops (CLI exit 2). */
export class WorkspaceFormatError extends Error {
  override name = 'WorkspaceFormatError';
}

const collectionSet = new Set<string>(collections);

export function isCollectionName(name: string): name is CollectionName {
  return collectionSet.has(name);
}

/** Checks the top-level fields of a workspace file (or `workspace.json`) and returns its `workspace`. */
export function checkWorkspaceHeader(value: unknown, source: string): WorkspaceInfo | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new WorkspaceFormatError(`${source}: not a JSON object`);
  }
  const header = value as Record<string, unknown>;
  if (header.format !== workspaceFormat) {
    throw new WorkspaceFormatError(`${source}: "format" must be "${workspaceFormat}" (got ${describe(header.format)})`);
  }
  if (header.version !== workspaceFormatVersion) {
    throw new WorkspaceFormatError(`${source}: unsupported "version" ${describe(header.version)} (expected ${workspaceFormatVersion})`);
  }
  const workspace = header.workspace;
  if (workspace === undefined || workspace === null) return null;
  if (typeof workspace !== 'object' || Array.isArray(workspace)) {
    throw new WorkspaceFormatError(`${source}: "workspace" must be an object`);
  }
  return workspace as WorkspaceInfo;
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

const enum Byte {
  Tab = 0x09,
  LineFeed = 0x0a,
  CarriageReturn = 0x0d,
  Space = 0x20,
  Quote = 0x22,
  Comma = 0x2c,
  Colon = 0x3a,
  OpenBracket = 0x5b,
  Backslash = 0x5c,
  CloseBracket = 0x5d,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d,
}

function isWhitespace(byte: number): boolean {
  return byte === Byte.Space || byte === Byte.LineFeed || byte === Byte.CarriageReturn || byte === Byte.Tab;
}

/** Collects the bytes of one JSON value across chunk boundaries. */
class ValueBuffer {
  #parts: Uint8Array[] = [];
  #length = 0;
  add(part: Uint8Array): void {
    if (part.length === 0) return;
    this.#parts.push(part);
    this.#length += part.length;
  }
  take(): Uint8Array {
    const parts = this.#parts;
    this.#parts = [];
    const length = this.#length;
    this.#length = 0;
    if (parts.length === 1) return parts[0];
    const joined = new Uint8Array(length);
    let offset = 0;
    for (const part of parts) {
      joined.set(part, offset);
      offset += part.length;
    }
    return joined;
  }
}

type State =
  | 'start' // before the top-level `{`
  | 'key-or-end' // after `{`: a key or `}`
  | 'key' // after `,`: a key
  | 'in-key'
  | 'colon'
  | 'value' // before a member value
  | 'in-value' // inside a scalar/object member value
  | 'after-value' // `,` or `}`
  | 'array-first' // after a collection's `[`: an element or `]`
  | 'array-element' // after `,` in a collection: an element
  | 'in-element'
  | 'after-element' // `,` or `]`
  | 'done';

/**
 * Reads the single-object form. Each collection array is streamed element by element; every other
 * member is parsed whole. Structural errors throw WorkspaceFormatError with the byte offset.
 */
export async function readWorkspaceObject(stream: ReadableStream<Uint8Array>, sink: WorkspaceReadSink, source = 'workspace file'): Promise<void> {
  const decoder = new TextDecoder();
  const buffer = new ValueBuffer();
  const members = new Map<string, unknown>();
  let state = 'start' as State;
  let offset = 0; // bytes consumed before the current chunk
  let keyBytes: number[] = [];
  let key = '';
  let collection: CollectionName | null = null;
  let index = 0;
  // Scanner for the value being collected (member value or array element).
  let depth = 0;
  let inString = false;
  let escaped = false;
  let scalar = false; // a number/literal value: ends at a delimiter

  const fail = (position: number, what: string): never => {
    throw new WorkspaceFormatError(`${source}: malformed JSON at byte ${position}: ${what}`);
  };
  const parse = (bytes: Uint8Array, position: number): unknown => {
    try {
      return JSON.parse(decoder.decode(bytes));
    } catch (error) {
      return fail(position, error instanceof Error ? error.message : String(error));
    }
  };
  const finishMemberValue = (position: number): void => {
    members.set(key, parse(buffer.take(), position));
    state = 'after-value';
  };
  const finishElement = (position: number): void => {
    const value = parse(buffer.take(), position);
    sink.record(collection as CollectionName, value, { kind: 'index', index: index++ });
    state = 'after-element';
  };

  const reader = stream.getReader();
  for (;;) {
    const { done, value: chunk } = await reader.read();
    if (done) break;
    let valueStart = -1; // start in this chunk of the value being collected
    if (state === 'in-value' || state === 'in-element') valueStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      switch (state) {
        case 'in-value':
        case 'in-element': {
          if (inString) {
            if (escaped) escaped = false;
            else if (byte === Byte.Backslash) escaped = true;
            else if (byte === Byte.Quote) {
              inString = false;
              if (depth === 0) {
                buffer.add(chunk.subarray(valueStart, i + 1));
                if (state === 'in-value') finishMemberValue(offset + i);
                else finishElement(offset + i);
              }
            }
            continue;
          }
          if (scalar) {
            if (isWhitespace(byte) || byte === Byte.Comma || byte === Byte.CloseBrace || byte === Byte.CloseBracket) {
              buffer.add(chunk.subarray(valueStart, i));
              if (state === 'in-value') finishMemberValue(offset + i);
              else finishElement(offset + i);
              scalar = false;
              i--; // the delimiter belongs to the enclosing structure
            }
            continue;
          }
          if (byte === Byte.Quote) inString = true;
          else if (byte === Byte.OpenBrace || byte === Byte.OpenBracket) depth++;
          else if (byte === Byte.CloseBrace || byte === Byte.CloseBracket) {
            depth--;
            if (depth === 0) {
              buffer.add(chunk.subarray(valueStart, i + 1));
              if (state === 'in-value') finishMemberValue(offset + i);
              else finishElement(offset + i);
            }
          }
          continue;
        }
        case 'in-key': {
          if (escaped) escaped = false;
          else if (byte === Byte.Backslash) escaped = true;
          else if (byte === Byte.Quote) {
            key = JSON.parse(decoder.decode(new Uint8Array([Byte.Quote, ...keyBytes, Byte.Quote]))) as string;
            keyBytes = [];
            state = 'colon';
            continue;
          }
          keyBytes.push(byte);
          continue;
        }
      }
      if (isWhitespace(byte)) continue;
      switch (state) {
        case 'start':
          if (byte !== Byte.OpenBrace) fail(offset + i, 'a workspace file is one JSON object');
          state = 'key-or-end';
          break;
        case 'key-or-end':
        case 'key':
          if (byte === Byte.Quote) {
            state = 'in-key';
            escaped = false;
          } else if (byte === Byte.CloseBrace && state === 'key-or-end') state = 'done';
          else fail(offset + i, 'expected a member name');
          break;
        case 'colon':
          if (byte !== Byte.Colon) fail(offset + i, 'expected ":"');
          state = 'value';
          break;
        case 'value':
          if (isCollectionName(key) && byte === Byte.OpenBracket) {
            if (members.has(key)) fail(offset + i, `"${key}" appears twice`);
            members.set(key, null);
            collection = key;
            index = 0;
            state = 'array-first';
            break;
          }
          if (isCollectionName(key)) {
            throw new WorkspaceFormatError(`${source}: "${key}" must be an array`);
          }
          startValue(byte);
          valueStart = i;
          state = 'in-value';
          break;
        case 'after-value':
          if (byte === Byte.Comma) state = 'key';
          else if (byte === Byte.CloseBrace) state = 'done';
          else fail(offset + i, 'expected "," or "}"');
          break;
        case 'array-first':
        case 'array-element':
          if (byte === Byte.CloseBracket && state === 'array-first') {
            state = 'after-value';
            break;
          }
          if (byte === Byte.CloseBracket || byte === Byte.Comma) fail(offset + i, 'expected an array element');
          startValue(byte);
          valueStart = i;
          state = 'in-element';
          break;
        case 'after-element':
          if (byte === Byte.Comma) state = 'array-element';
          else if (byte === Byte.CloseBracket) state = 'after-value';
          else fail(offset + i, 'expected "," or "]"');
          break;
        case 'done':
          fail(offset + i, 'unexpected data after the workspace object');
      }
    }
    if ((state === 'in-value' || state === 'in-element') && valueStart >= 0) {
      buffer.add(chunk.subarray(valueStart));
    }
    offset += chunk.length;
  }
  if (state !== 'done') fail(offset, 'unexpected end of file');
  sink.header(checkWorkspaceHeader(Object.fromEntries(members), source));

  function startValue(byte: number): void {
    depth = 0;
    inString = false;
    escaped = false;
    scalar = false;
    if (byte === Byte.Quote) inString = true;
    else if (byte === Byte.OpenBrace || byte === Byte.OpenBracket) depth = 1;
    else scalar = true;
  }
}

/**
 * Reads one `<collection>.ndjson` stream: one record per line, blank lines skipped (not counted), a
 * line that is not JSON reported as unparsable. Lines are numbered from 1, blank ones included.
 */
export async function readNdjsonCollection(stream: ReadableStream<Uint8Array>, collection: CollectionName, sink: WorkspaceReadSink): Promise<void> {
  const decoder = new TextDecoder();
  let pending = '';
  let line = 0;
  const handle = (text: string): void => {
    line++;
    const trimmed = text.trim();
    if (trimmed === '') return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      sink.unparsable(collection, { kind: 'line', line }, 'not valid JSON');
      return;
    }
    sink.record(collection, value, { kind: 'line', line });
  };
  const reader = stream.getReader();
  for (;;) {
    const { done, value: chunk } = await reader.read();
    if (done) break;
    const text = pending + decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
      handle(text.slice(start, newline));
      start = newline + 1;
    }
    pending = text.slice(start);
  }
  pending += decoder.decode();
  if (pending !== '') handle(pending);
}

/**
 * Reads the directory form from its parts: `workspace.json` and whichever `<collection>.ndjson`
 * exist (a missing file is an empty collection). Parts are opened lazily, one at a time.
 */
export async function readWorkspaceParts(
  parts: {
    header: () => Promise<string>;
    collection: (name: CollectionName) => Promise<ReadableStream<Uint8Array> | null>;
  },
  sink: WorkspaceReadSink,
  source = 'workspace.json',
): Promise<void> {
  let header: unknown;
  try {
    header = JSON.parse(await parts.header());
  } catch (error) {
    if (error instanceof SyntaxError) throw new WorkspaceFormatError(`${source}: malformed JSON: ${error.message}`);
    throw error;
  }
  const info = checkWorkspaceHeader(header, source);
  for (const name of collections) {
    if (Array.isArray((header as Record<string, unknown>)[name])) {
      throw new WorkspaceFormatError(`${source}: "${name}" belongs in ${name}.ndjson in the directory form`);
    }
  }
  sink.header(info);
  for (const name of collections) {
    const stream = await parts.collection(name);
    if (stream) await readNdjsonCollection(stream, name, sink);
  }
}
