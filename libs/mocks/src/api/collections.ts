import type { CollectionName } from '@parley/model';

// The collections of the API contract (architecture.md) and their URL path names.

/** Served whole, as a JSON array. */
export const wholeCollections = ['users', 'teams', 'channels'] as const satisfies readonly CollectionName[];
export type WholeCollection = (typeof wholeCollections)[number];

/** Served in pages of changes, in modification order. */
export const pagedCollections = ['contacts', 'conversations', 'assignments', 'messages', 'csat', 'contactEvents'] as const satisfies readonly CollectionName[];
export type PagedCollection = (typeof pagedCollections)[number];

const pathNames: Record<PagedCollection, string> = {
  contacts: 'contacts',
  conversations: 'conversations',
  assignments: 'assignments',
  messages: 'messages',
  csat: 'csat',
  contactEvents: 'contact-events',
};

/** The URL path segment of a paged collection (`contactEvents` → `contact-events`). */
export function pathOf(collection: PagedCollection): string {
  return pathNames[collection];
}

/** The paged collection of a path segment or a model name (`contact-events` or `contactEvents`), else null. */
export function pagedCollectionOf(name: string): PagedCollection | null {
  for (const collection of pagedCollections) if (name === collection || name === pathNames[collection]) return collection;
  return null;
}

export function isWholeCollection(name: string): name is WholeCollection {
  return (wholeCollections as readonly string[]).includes(name);
}
