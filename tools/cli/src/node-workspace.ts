import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { CollectionName, WorkspaceReadSink } from '@parley/model';
import { readWorkspaceObject, readWorkspaceParts, WorkspaceFormatError } from '@parley/model';

// The Node side of the workspace reader: a file is the single-object form, a directory holds
// workspace.json and one <collection>.ndjson per collection. Both stream.

const chunkBytes = 1 << 20;

function webStream(path: string): ReadableStream<Uint8Array> {
  return Readable.toWeb(createReadStream(path, { highWaterMark: chunkBytes })) as unknown as ReadableStream<Uint8Array>;
}

function unreadable(path: string, error: unknown): WorkspaceFormatError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
  return new WorkspaceFormatError(`cannot read ${path}: ${reason}`);
}

/** Streams a workspace file or directory into a sink. Throws WorkspaceFormatError when it cannot be read as one. */
export async function readWorkspacePath(path: string, sink: WorkspaceReadSink): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (error) {
    throw unreadable(path, error);
  }
  if (!isDirectory) {
    try {
      await readWorkspaceObject(webStream(path), sink, path);
    } catch (error) {
      if (error instanceof WorkspaceFormatError) throw error;
      throw unreadable(path, error);
    }
    return;
  }
  const headerPath = join(path, 'workspace.json');
  await readWorkspaceParts(
    {
      header: async () => {
        try {
          return await readFile(headerPath, 'utf8');
        } catch (error) {
          throw unreadable(headerPath, error);
        }
      },
      collection: async (name: CollectionName) => {
        const file = join(path, `${name}.ndjson`);
        try {
          await stat(file);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
          throw unreadable(file, error);
        }
        return webStream(file);
      },
    },
    sink,
    headerPath,
  );
}
