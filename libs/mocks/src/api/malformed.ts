import type { PagedCollection } from './collections.js';

// The `malformed` fault: the damage an API bug could do, one kind per collection, each breaking a
// rule of snapshot.md §2 so that validateRecord rejects the item (the tests check it does).

/** Whether the `row`-th generated record (0-based) is served malformed: every Nth one, always the same. */
export function isMalformedRow(row: number, every: number): boolean {
  return every > 0 && (row + 1) % every === 0;
}

/** Damages `record` in place and returns it. */
export function damage(collection: PagedCollection, record: Record<string, unknown>): Record<string, unknown> {
  switch (collection) {
    case 'conversations':
      // A date string where epoch ms belong.
      record.openedAt = new Date(record.openedAt as number).toISOString();
      break;
    case 'messages':
      delete record.at;
      break;
    case 'assignments':
      record.conversationId = '';
      break;
    case 'contactEvents':
      record.type = 'renamed';
      break;
    case 'csat':
      // A 0–10 score sent to a 1–5 field.
      record.score = 10;
      break;
    case 'contacts':
      // A contact's only rule is its id.
      record.id = '';
      break;
  }
  return record;
}
