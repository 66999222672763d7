import { type Cursor, encodeCursor } from './cursor.js';
import type { GeneratedLog } from './generated-log.js';
import { damage, isMalformedRow } from './malformed.js';
import type { AppendedChange } from './server-state.js';

export interface PageRequest {
  cursor: Cursor;
  limit: number;
  /** The server clock: generated changes after it are not served yet. */
  nowMs: number;
  /** Every Nth generated record is served damaged; 0 = none. */
  malformedEvery: number;
}

export interface Page {
  items: unknown[];
  next: string;
  hasMore: boolean;
  /** Changes visible now (passing the cursor's `since`), for progress. */
  total: number;
  /** How many items were damaged by `malformed`. */
  malformed: number;
}

/**
 * Reads the next page of changes after `cursor`: the generated changes visible at `nowMs` merged
 * with the appended ones by modification time (generated first on ties), skipping those `since`
 * leaves out. Only the page's records are decoded.
 */
export function readPage(log: GeneratedLog, appended: readonly AppendedChange[], request: PageRequest): Page {
  const { cursor, limit, nowMs, malformedEvery } = request;
  const sinceMs = cursor.sinceMs;
  const visible = log.visibleLength(nowMs);
  let generated = cursor.generated;
  let added = cursor.appended;
  const items: unknown[] = [];
  let malformed = 0;
  let hasMore = false;
  for (;;) {
    const generatedNext = generated < visible;
    const appendedNext = added < appended.length;
    if (!generatedNext && !appendedNext) break;
    const takeGenerated = generatedNext && (!appendedNext || log.modifiedAt(generated) <= appended[added].modifiedAt);
    const passes = sinceMs === null || (takeGenerated ? log.passesSince(generated, sinceMs) : appended[added].sinceKey >= sinceMs);
    if (passes && items.length === limit) {
      // Stopped before a change that will be served: more to come. Left-out changes were skipped on.
      hasMore = true;
      break;
    }
    if (passes) {
      if (takeGenerated) {
        const record = log.record(generated);
        if (isMalformedRow(log.rowOf(generated), malformedEvery)) {
          damage(log.collection, record);
          malformed++;
        }
        items.push(record);
      } else {
        items.push(appended[added].value);
      }
    }
    if (takeGenerated) generated++;
    else added++;
  }
  let total = visible + appended.length;
  if (sinceMs !== null) {
    total = log.countPassing(sinceMs, visible);
    for (const change of appended) if (change.sinceKey >= sinceMs) total++;
  }
  const next = encodeCursor({ collection: cursor.collection, generated, appended: added, sinceMs });
  return { items, next, hasMore, total, malformed };
}
