import type { CollectionName, RecordRejection, SkippedItem, WorkspaceInfo } from '@parley/model';
import { collections, readWorkspaceObject, readWorkspaceParts, validatingSink, WorkspaceFormatError } from '@parley/model';
import { TableBuilder } from '@parley/metrics';

// Import of a workspace file in the browser: the single-object file (one Blob) or the directory
// form (`workspace.json` + `<collection>.ndjson`, e.g. from `<input webkitdirectory>`), streamed
// through the same reader and validation as `parley report`.

export interface ImportedWorkspace {
  workspace: WorkspaceInfo;
  builder: TableBuilder;
  skipped: SkippedItem[];
}

function skippedOf(rejection: RecordRejection): SkippedItem {
  const where = rejection.location.kind === 'index' ? rejection.location.index : rejection.location.line;
  return { collection: rejection.collection, cursor: null, index: where, id: rejection.id ?? null, field: rejection.field, reason: rejection.reason };
}

/** The file named like a part (`workspace.json`, `<collection>.ndjson`), wherever it sits in a picked folder. */
function partNamed(files: readonly File[], name: string): File | undefined {
  return files.find((file) => file.name === name);
}

export async function importWorkspaceFiles(input: Blob | readonly File[]): Promise<ImportedWorkspace> {
  const builder = new TableBuilder();
  const skipped: SkippedItem[] = [];
  let workspace: WorkspaceInfo | null = null;
  const sink = validatingSink(
    {
      header: (info) => {
        workspace = info;
        builder.header(info);
      },
      record: (collection, record) => builder.record(collection, record),
    },
    (rejection) => {
      builder.reject(rejection.collection);
      skipped.push(skippedOf(rejection));
    },
  );
  if (input instanceof Blob) {
    await readWorkspaceObject(input.stream(), sink, input instanceof File ? input.name : 'workspace file');
  } else if (input.length === 1 && !input[0].name.endsWith('.ndjson') && input[0].name !== 'workspace.json') {
    await readWorkspaceObject(input[0].stream(), sink, input[0].name);
  } else {
    const header = partNamed(input, 'workspace.json');
    if (!header) throw new WorkspaceFormatError('the chosen files have no workspace.json (pick the workspace folder or a single workspace file)');
    const known = new Set<string>(['workspace.json', ...collections.map((name) => `${name}.ndjson`)]);
    const unknown = input.filter((file) => !known.has(file.name) && file.name.endsWith('.ndjson'));
    if (unknown.length > 0) throw new WorkspaceFormatError(`unknown collection file ${unknown[0].name} (expected ${collections.map((name) => `${name}.ndjson`).join(', ')})`);
    await readWorkspaceParts(
      {
        header: () => header.text(),
        collection: async (name: CollectionName) => partNamed(input, `${name}.ndjson`)?.stream() ?? null,
      },
      sink,
    );
  }
  if (workspace === null) throw new WorkspaceFormatError('the file has no workspace header');
  return { workspace, builder, skipped };
}
