// A page cursor: how far a client has read the generated change log and, independently, the changes
// appended by tests; plus the `since` it started with, so every later page filters the same way.
// Two independent positions keep "nothing duplicated, nothing lost" whichever way the clock moves.
// Clients treat it as opaque; it reads `{collection}:{generated}:{appended}[:{since}]`.

export interface Cursor {
  /** The collection's URL name: a cursor of another collection is refused. */
  collection: string;
  generated: number;
  appended: number;
  sinceMs: number | null;
}

export function encodeCursor(cursor: Cursor): string {
  const text = `${cursor.collection}:${cursor.generated}:${cursor.appended}`;
  return cursor.sinceMs === null ? text : `${text}:${cursor.sinceMs}`;
}

/** The cursor, or null when `text` is not one of this collection's. */
export function decodeCursor(text: string, collection: string): Cursor | null {
  const match = /^([a-z-]+):(\d{1,15}):(\d{1,15})(?::(-?\d{1,16}))?$/.exec(text);
  if (match === null || match[1] !== collection) return null;
  const sinceMs = match[4] === undefined ? null : Number(match[4]);
  if (sinceMs !== null && !Number.isSafeInteger(sinceMs)) return null;
  return { collection, generated: Number(match[2]), appended: Number(match[3]), sinceMs };
}
