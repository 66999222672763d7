import { closeSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { CollectionName, CollectionRecords, WorkspaceInfo } from '@parley/model';
import { collections, workspaceFormat, workspaceFormatVersion } from '@parley/model';

// Writes a streamed workspace in either form of metrics.md "Workspace file". Records of all
// collections arrive interleaved, so each collection gets its own buffered NDJSON file; the
// single-object form is then assembled from them, never held in memory.

class BufferedFile {
  #fd: number;
  #parts: string[] = [];
  #length = 0;
  count = 0;
  constructor(readonly path: string) {
    this.#fd = openSync(path, 'w');
  }
  line(text: string): void {
    this.#parts.push(text, '\n');
    this.#length += text.length + 1;
    this.count++;
    if (this.#length > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.#length === 0) return;
    writeSync(this.#fd, this.#parts.join(''));
    this.#parts = [];
    this.#length = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.#fd);
  }
}

export interface WorkspaceFileWriter {
  workspace(info: WorkspaceInfo): void;
  record<C extends CollectionName>(collection: C, record: CollectionRecords[C]): void;
  close(): void;
}

/** A PATH ending in `.json` is one file; any other PATH a directory of NDJSON files. */
export function workspaceFileWriter(path: string): WorkspaceFileWriter {
  const single = path.endsWith('.json');
  const directory = single ? `${path}.parts.tmp` : path;
  mkdirSync(directory, { recursive: true });
  if (single) mkdirSync(dirname(path), { recursive: true });
  const files = new Map<CollectionName, BufferedFile>(collections.map((name) => [name, new BufferedFile(join(directory, `${name}.ndjson`))]));
  let info: WorkspaceInfo | null = null;
  return {
    workspace(value) {
      info = value;
    },
    record(collection, record) {
      (files.get(collection) as BufferedFile).line(JSON.stringify(record));
    },
    close() {
      for (const file of files.values()) file.close();
      const header = { format: workspaceFormat, version: workspaceFormatVersion, workspace: info };
      if (!single) {
        const fd = openSync(join(directory, 'workspace.json'), 'w');
        writeSync(fd, JSON.stringify(header, null, 2) + '\n');
        closeSync(fd);
        return;
      }
      const fd = openSync(path, 'w');
      writeSync(fd, JSON.stringify(header).slice(0, -1));
      for (const name of collections) {
        const file = files.get(name) as BufferedFile;
        writeSync(fd, `,\n${JSON.stringify(name)}: [`);
        copyLinesAsArray(file.path, fd, file.count);
        writeSync(fd, ']');
      }
      writeSync(fd, '\n}\n');
      closeSync(fd);
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** Appends an NDJSON file's lines as array elements (one per line), chunk by chunk. */
function copyLinesAsArray(source: string, fd: number, lines: number): void {
  if (lines === 0) return;
  const input = openSync(source, 'r');
  const buffer = Buffer.alloc(1 << 20);
  let first = true;
  let carry = '';
  const decoder = new StringDecoder('utf8');
  for (;;) {
    const read = readSync(input, buffer, 0, buffer.length, null);
    if (read === 0) break;
    const text = carry + decoder.write(buffer.subarray(0, read));
    const last = text.lastIndexOf('\n');
    if (last < 0) {
      carry = text;
      continue;
    }
    const body = text.slice(0, last);
    carry = text.slice(last + 1);
    writeSync(fd, (first ? '\n' : ',\n') + body.replaceAll('\n', ',\n'));
    first = false;
  }
  closeSync(input);
  if (carry !== '') writeSync(fd, (first ? '\n' : ',\n') + carry);
  writeSync(fd, '\n');
}
