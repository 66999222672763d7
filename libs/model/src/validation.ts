import * as v from 'valibot';
import type { CollectionName } from './vocabularies.js';
import { closedSources, contactEventTypes, messageDirections, openedSources, senderTypes } from './vocabularies.js';

// Record validation exactly by snapshot.md §2 (D27): one function for `report`, `validate`, import and
// sync. A record is rejected only for these rules; every other oddity is a warning (recordWarnings).

/** The bound of a JavaScript Date, the largest magnitude an instant or duration may have. */
export const maxEpochMagnitude = 8.64e15;

/** Why a record was rejected: the field (or `(record)` for the whole value) and a reason. */
export interface RecordIssue {
  field: string;
  reason: string;
}

const integer = v.pipe(
  v.number('must be an integer'),
  v.integer('must be an integer'),
  v.minValue(-maxEpochMagnitude, 'must be within ±8.64e15'),
  v.maxValue(maxEpochMagnitude, 'must be within ±8.64e15'),
);
const nonEmptyString = v.pipe(v.string('must be a non-empty string'), v.minLength(1, 'must be a non-empty string'));
const oneOf = (values: readonly string[]) => v.picklist(values, `must be one of ${values.join(', ')}`);
const id = { id: nonEmptyString };

const schemas = {
  users: v.looseObject(id),
  teams: v.looseObject(id),
  channels: v.looseObject(id),
  contacts: v.looseObject(id),
  contactEvents: v.looseObject({ ...id, contactId: nonEmptyString, type: oneOf(contactEventTypes), at: integer }),
  conversations: v.looseObject({
    ...id,
    contactId: nonEmptyString,
    openedAt: integer,
    closedAt: v.optional(v.nullable(integer)),
  }),
  assignments: v.looseObject({
    ...id,
    conversationId: nonEmptyString,
    at: integer,
    userId: v.optional(v.nullable(v.string('must be a string or null'))),
  }),
  messages: v.looseObject({ ...id, at: integer, direction: oneOf(messageDirections), senderType: oneOf(senderTypes) }),
  csat: v.looseObject({
    ...id,
    conversationId: nonEmptyString,
    at: integer,
    score: v.pipe(integer, v.minValue(1, 'must be an integer from 1 to 5'), v.maxValue(5, 'must be an integer from 1 to 5')),
  }),
} satisfies Record<CollectionName, v.GenericSchema>;

const parseConfig = { abortEarly: true } as const;

/** null when the record is valid, else the first rule it breaks. */
export function validateRecord(collection: CollectionName, value: unknown): RecordIssue | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { field: '(record)', reason: 'must be an object' };
  }
  const result = v.safeParse(schemas[collection], value, parseConfig);
  if (result.success) return null;
  const issue = result.issues[0];
  const key = issue.path?.[0]?.key;
  const present = typeof key === 'string' && key in value;
  return {
    field: typeof key === 'string' ? key : '(record)',
    reason: present || issue.kind !== 'schema' ? issue.message : 'is missing',
  };
}

const openedSourceSet = new Set<unknown>(openedSources);
const closedSourceSet = new Set<unknown>(closedSources);

/**
 * Oddities that do not reject a record (D27): they are kept and may be shown in a data-quality
 * report. Only called on valid records.
 */
export function recordWarnings(collection: CollectionName, value: Record<string, unknown>): RecordIssue[] {
  const warnings: RecordIssue[] = [];
  if (collection === 'conversations') {
    const { openedAt, closedAt, openedSource, closedSource } = value;
    if (openedSource != null && !openedSourceSet.has(openedSource)) {
      warnings.push({ field: 'openedSource', reason: `unknown source ${JSON.stringify(openedSource)}` });
    }
    if (closedSource != null && !closedSourceSet.has(closedSource)) {
      warnings.push({ field: 'closedSource', reason: `unknown source ${JSON.stringify(closedSource)}` });
    }
    if (typeof closedAt === 'number' && typeof openedAt === 'number' && closedAt < openedAt) {
      warnings.push({ field: 'closedAt', reason: 'is before openedAt (negative resolution time)' });
    }
    if (closedAt != null && closedSource == null) {
      warnings.push({ field: 'closedSource', reason: 'is missing on a closed conversation' });
    }
  }
  if (collection === 'messages' && (value.conversationId == null || value.conversationId === '')) {
    warnings.push({ field: 'conversationId', reason: 'is missing: counted in the messages report only' });
  }
  return warnings;
}
