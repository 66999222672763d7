import type { CodedStrings, ListColumns } from '@parley/model';
import { contactTypes, listNumberKeys, listStringKeys } from '@parley/model';
import { averageResponseTime } from './conversation-list.js';
import type { DurationMeasure } from './durations.js';
import type { ConversationDurationKey } from './durations.js';
import { calendarTime, conversationDurationKeys, durationGetter } from './durations.js';
import { roundedMean } from './aggregate.js';
import type { WorkspaceTables } from './tables.js';

// A list page straight from the tables into the columns the worker transfers (model/list-columns.ts):
// numbers copied from the typed columns, strings re-coded from the table dictionaries through a code
// map, no row object on the way. rowMaterializer is the row-at-a-time definition these columns equal.

/** values[rows[i]] for each i, as float64. */
function gather(values: Float64Array | Uint32Array | Uint8Array, rows: ArrayLike<number>): Float64Array {
  const result = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) result[i] = values[rows[i]];
  return result;
}

/** codes[rows[i]] for each i. */
function gatherCodes(codes: Uint32Array | Uint8Array, rows: ArrayLike<number>): Uint32Array {
  const result = new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) result[i] = codes[rows[i]];
  return result;
}

function each(rows: ArrayLike<number>, value: (row: number) => number): Float64Array {
  const result = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) result[i] = value(rows[i]);
  return result;
}

/**
 * The seven durations in calendar time, in one pass over the rows: durationGetter's definitions
 * with the measure a subtraction, written out because a call per value through seven getters cost
 * the 1M list round trip ~3 ms of its 30 ms budget (22.8 vs 27.9 ms p95 in the browser bench). The
 * property tests hold these columns to rowMaterializer, which reads durationGetter.
 */
function calendarDurationColumns(tables: WorkspaceTables, rows: ArrayLike<number>): Record<`${ConversationDurationKey}Ms`, Float64Array> {
  const n = rows.length;
  const { openedAt, closedAt } = tables.conversations;
  const { assignedBeforeOpen, firstAssignmentAt, firstResponseAt, lastAssignmentAt, lastAssigneeResponseAt } = tables.facts;
  const toAssignment = new Float64Array(n);
  const toResponse = new Float64Array(n);
  const assignmentToResponse = new Float64Array(n);
  const lastAssignmentToResponse = new Float64Array(n);
  const resolution = new Float64Array(n);
  const assignmentToClose = new Float64Array(n);
  const lastAssignmentToClose = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const opened = openedAt[row];
    const closed = closedAt[row];
    const firstAssignment = firstAssignmentAt[row];
    const firstResponse = firstResponseAt[row];
    const lastAssignment = lastAssignmentAt[row];
    toAssignment[i] = assignedBeforeOpen[row] ? Number.NaN : firstAssignment - opened;
    toResponse[i] = firstResponse - opened;
    // Null when negative (NaN stays NaN).
    const delta = firstResponse - firstAssignment;
    assignmentToResponse[i] = delta < 0 ? Number.NaN : delta;
    lastAssignmentToResponse[i] = lastAssigneeResponseAt[row] - lastAssignment;
    resolution[i] = closed - opened;
    assignmentToClose[i] = closed - firstAssignment;
    lastAssignmentToClose[i] = closed - lastAssignment;
  }
  return {
    timeToFirstAssignmentMs: toAssignment,
    firstResponseTimeMs: toResponse,
    firstAssignmentToFirstResponseMs: assignmentToResponse,
    lastAssignmentToResponseMs: lastAssignmentToResponse,
    resolutionTimeMs: resolution,
    firstAssignmentToCloseMs: assignmentToClose,
    lastAssignmentToCloseMs: lastAssignmentToClose,
  };
}

/** Mean response time per row (§3 rounding); in calendar time summed inline while provably exact. */
function averageResponseTimes(tables: WorkspaceTables, rows: ArrayLike<number>, measure: DurationMeasure): Float64Array {
  if (measure !== calendarTime) return each(rows, (row) => averageResponseTime(tables, row, measure) ?? Number.NaN);
  const offsets = tables.facts.responseOffsets;
  const { since, at } = tables.responses;
  const result = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const from = offsets[row];
    const to = offsets[row + 1];
    if (to === from) {
      result[i] = Number.NaN;
      continue;
    }
    let sum = 0;
    let maxMagnitude = 0;
    for (let r = from; r < to; r++) {
      const value = at[r] - since[r];
      sum += value;
      maxMagnitude = Math.max(maxMagnitude, Math.abs(value));
    }
    result[i] = maxMagnitude * (to - from) <= Number.MAX_SAFE_INTEGER ? roundedMean(sum, to - from) : (averageResponseTime(tables, row, measure) as number);
  }
  return result;
}

/**
 * Scratch map from table codes to page codes, shared by every call (queries run one at a time in a
 * worker): grown to the largest dictionary seen, and put back to zeros after each use by clearing
 * only the codes the page held, so a 10,000-row page of a million-contact table costs 10,000 steps.
 */
let scratch = new Uint32Array(1024);

/**
 * Table codes (into `values`, 0 = none) → the page's own value table (values[0] = null) and codes
 * into it, each distinct value once in order of first appearance. Codes of a null or missing
 * value become 0. Rewrites `codes` in place.
 */
function recode(values: readonly (string | null | undefined)[], codes: Uint32Array): CodedStrings {
  if (scratch.length < values.length) scratch = new Uint32Array(Math.max(values.length, scratch.length * 2));
  const map = scratch;
  const pageValues: (string | null)[] = [null];
  const seen: number[] = [];
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    let pageCode = map[code];
    if (pageCode === 0) {
      const value = values[code];
      if (value === null || value === undefined) {
        codes[i] = 0;
        continue;
      }
      pageCode = pageValues.push(value) - 1;
      map[code] = pageCode;
      seen.push(code);
    }
    codes[i] = pageCode;
  }
  for (const code of seen) map[code] = 0;
  return { codes, values: pageValues };
}

/** Free text coded by value (summaries repeat: templates, short notes). */
function byValue(texts: readonly (string | null)[], rows: ArrayLike<number>): CodedStrings {
  const values: (string | null)[] = [null];
  const index = new Map<string, number>();
  const codes = new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const value = texts[rows[i]];
    if (value === null || value === undefined) continue;
    let code = index.get(value);
    if (code === undefined) {
      code = values.push(value) - 1;
      index.set(value, code);
    }
    codes[i] = code;
  }
  return { codes, values };
}

type NumberKey = (typeof listNumberKeys)[number];
type StringKey = (typeof listStringKeys)[number];

/** The list columns of table rows `rows`, in that order (equal to toListColumns of their rows). */
export function listColumns(tables: WorkspaceTables, rows: ArrayLike<number>, measure: DurationMeasure = calendarTime): ListColumns {
  const n = rows.length;
  const c = tables.conversations;
  const f = tables.facts;
  const d = tables.dictionaries;

  const numbers = {} as Record<NumberKey, Float64Array>;
  numbers.closedAt = gather(c.closedAt, rows);
  numbers.openedAt = gather(c.openedAt, rows);
  numbers.firstAssignmentAt = gather(f.firstAssignmentAt, rows);
  numbers.firstResponseAt = gather(f.firstResponseAt, rows);
  numbers.lastAssignmentAt = gather(f.lastAssignmentAt, rows);
  if (measure === calendarTime) Object.assign(numbers, calendarDurationColumns(tables, rows));
  else for (const key of conversationDurationKeys) numbers[`${key}Ms`] = each(rows, durationGetter(tables, key, measure));
  numbers.averageResponseTimeMs = averageResponseTimes(tables, rows, measure);
  numbers.assignments = gather(f.assignments, rows);
  numbers.incomingMessages = gather(f.incoming, rows);
  numbers.outgoingMessages = gather(f.outgoing, rows);
  const responses = new Float64Array(n);
  const offsets = f.responseOffsets;
  for (let i = 0; i < n; i++) responses[i] = offsets[rows[i] + 1] - offsets[rows[i]];
  numbers.responses = responses;

  const strings = {} as Record<StringKey, CodedStrings>;
  const users = d.users.values;
  const closedSource = c.closedSource;
  const blocked = d.closedSources.values.indexOf('blocked');
  const closedByUser = gatherCodes(c.closedByUser, rows);
  const firstResponseBy = gatherCodes(f.firstResponseBy, rows);
  const lastAssignee = gatherCodes(f.lastAssignee, rows);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    // Null: no closing user for blocked closures, no responder without a response, no last
    // assignee without an assignment.
    if (closedSource[row] === blocked) closedByUser[i] = 0;
    if (numbers.firstResponseAt[i] !== numbers.firstResponseAt[i]) firstResponseBy[i] = 0;
    if (numbers.lastAssignmentAt[i] !== numbers.lastAssignmentAt[i]) lastAssignee[i] = 0;
  }
  strings.closedSource = recode(d.closedSources.values, gatherCodes(closedSource, rows));
  strings.closedByUserId = recode(users, closedByUser);
  strings.closedByTeamId = recode(d.teams.values, gatherCodes(c.closedByTeam, rows));
  strings.openedSource = recode(d.openedSources.values, gatherCodes(c.openedSource, rows));
  strings.openedChannelId = recode(d.channels.values, gatherCodes(c.openedChannel, rows));
  // Conversation ids are unique: one value each.
  const ids: (string | null)[] = [null];
  const idCodes = new Uint32Array(n);
  const tableIds = c.ids;
  for (let i = 0; i < n; i++) idCodes[i] = ids.push(tableIds[rows[i]]) - 1;
  strings.conversationId = { codes: idCodes, values: ids };
  const contacts = gatherCodes(c.contact, rows);
  strings.contactId = recode(d.contacts.values, contacts.slice());
  strings.contactName = recode(tables.contactNames, contacts);
  strings.firstAssigneeId = recode(users, gatherCodes(f.firstAssignee, rows));
  strings.firstResponseById = recode(users, firstResponseBy);
  strings.lastAssigneeId = recode(users, lastAssignee);
  strings.category = recode(d.categories.values, gatherCodes(c.category, rows));
  strings.summary = byValue(c.summary, rows);
  // Contact types are 0-based (0 = new): shifted by one, as code 0 means none.
  const contactTypeCodes = gatherCodes(f.contactType, rows);
  for (let i = 0; i < n; i++) contactTypeCodes[i] += 1;
  strings.contactType = recode([null, ...contactTypes], contactTypeCodes);

  return { format: 'parley.list-columns', length: n, numbers, strings };
}
