import { senderTypes } from '@parley/model';
import { noneCode } from './dictionary.js';
import { breakTiesById, groupIndices, sortSegmentByTime, stableArgsort } from './sorting.js';
import type { ClosedIndex, ConversationFacts, ConversationTable, ResponseTable } from './tables.js';

// Per-conversation facts of metrics.md, made exact by snapshot.md §6. Computed once per workspace,
// independent of any period; durations are left to query time (only instants are kept).

/**
 * Bumped whenever the derivation below (or the tables' layout) changes: a cache holding facts of
 * another version derives them again from its stored records instead of trusting them.
 */
export const factsVersion = 2;

export interface FactInput {
  conversations: ConversationTable;
  closedSourceNone: (code: number) => boolean;
  closedSourceValue: (code: number) => string | null;
  userIsNone: (code: number) => boolean;
  contactCount: number;
  assignments: { ids: string[]; conversation: Int32Array; at: Float64Array; user: Uint32Array };
  messages: {
    ids: string[];
    conversation: Int32Array;
    at: Float64Array;
    direction: Uint8Array;
    senderType: Uint8Array;
    user: Uint32Array;
  };
}

const userSender = senderTypes.indexOf('user');
const broadcastSender = senderTypes.indexOf('broadcast');

export function deriveFacts(input: FactInput): { facts: ConversationFacts; responses: ResponseTable; closed: ClosedIndex } {
  const table = input.conversations;
  const n = table.count;
  const facts: ConversationFacts = {
    countedClosed: new Uint8Array(n),
    closingUser: new Uint32Array(n),
    contactType: new Uint8Array(n),
    firstAssignmentAt: new Float64Array(n).fill(NaN),
    firstAssignee: new Uint32Array(n),
    assignedBeforeOpen: new Uint8Array(n),
    lastAssignmentAt: new Float64Array(n).fill(NaN),
    lastAssignee: new Uint32Array(n),
    assignments: new Uint32Array(n),
    firstResponseAt: new Float64Array(n).fill(NaN),
    firstResponseBy: new Uint32Array(n),
    lastAssigneeResponseAt: new Float64Array(n).fill(NaN),
    incoming: new Uint32Array(n),
    outgoing: new Uint32Array(n),
    closerMessagesSent: new Uint32Array(n),
    responseOffsets: new Uint32Array(n + 1),
  };
  deriveClosing(input, facts);
  deriveContactTypes(table, input.contactCount, facts);
  deriveAssignments(input, facts);
  const responses = deriveMessages(input, facts);
  deriveLastAssigneeResponses(facts, responses, n);
  return { facts, responses, closed: closedIndex(table, facts) };
}

function deriveClosing(input: FactInput, facts: ConversationFacts): void {
  const table = input.conversations;
  for (let row = 0; row < table.count; row++) {
    const source = input.closedSourceValue(table.closedSource[row]);
    const closed = table.closedAt[row] === table.closedAt[row];
    facts.countedClosed[row] = closed && source !== 'contact_merged' && source !== 'contact_deleted' ? 1 : 0;
    const user = table.closedByUser[row];
    // D12: a blocked closure has no closing user; "" names nobody (D8).
    facts.closingUser[row] = source === 'blocked' || input.userIsNone(user) ? noneCode : user;
  }
}

/** D29: rows are in (openedAt, id) order, so a contact's first row is its `new` conversation. */
function deriveContactTypes(table: ConversationTable, contactCount: number, facts: ConversationFacts): void {
  const seen = new Uint8Array(contactCount);
  for (let row = 0; row < table.count; row++) {
    const contact = table.contact[row];
    facts.contactType[row] = seen[contact];
    seen[contact] = 1;
  }
}

/** D13/D14/D16: events at or before closedAt, in (at, id) order; first with a user; last clamped. */
function deriveAssignments(input: FactInput, facts: ConversationFacts): void {
  const table = input.conversations;
  const { conversation, at, user, ids } = input.assignments;
  const known = (i: number) => conversation[i] >= 0;
  const { offsets, order } = groupIndices(conversation, table.count, known);
  for (let row = 0; row < table.count; row++) {
    const start = offsets[row];
    const end = offsets[row + 1];
    if (start === end) continue;
    sortSegmentByTime(order, start, end, at, ids);
    const closedAt = table.closedAt[row];
    const openedAt = table.openedAt[row];
    let count = 0;
    let first = -1;
    let last = -1;
    for (let k = start; k < end; k++) {
      const event = order[k];
      if (at[event] > closedAt) break; // NaN (open) never compares greater
      count++;
      if (first < 0 && user[event] !== noneCode) first = event;
      last = event;
    }
    facts.assignments[row] = count;
    if (first >= 0) {
      const beforeOpen = at[first] <= openedAt;
      facts.assignedBeforeOpen[row] = beforeOpen ? 1 : 0;
      facts.firstAssignmentAt[row] = beforeOpen ? openedAt : at[first];
      facts.firstAssignee[row] = user[first];
    }
    if (last >= 0) {
      facts.lastAssignmentAt[row] = Math.max(at[last], openedAt);
      facts.lastAssignee[row] = user[last];
    }
  }
}

/** snapshot.md §6 "Responses" (D10, D11): only user messages answer, every message counts. */
function deriveMessages(input: FactInput, facts: ConversationFacts): ResponseTable {
  const table = input.conversations;
  const { conversation, at, direction, senderType, user, ids } = input.messages;
  const { offsets, order } = groupIndices(conversation, table.count, (i) => conversation[i] >= 0);
  // At most one response per outgoing message: size the columns by the upper bound, trim after.
  const capacity = order.length;
  const responseAt = new Float64Array(capacity);
  const since = new Float64Array(capacity);
  const latest = new Float64Array(capacity);
  const responseUser = new Uint32Array(capacity);
  const responseConversation = new Uint32Array(capacity);
  let count = 0;
  for (let row = 0; row < table.count; row++) {
    facts.responseOffsets[row] = count;
    const start = offsets[row];
    const end = offsets[row + 1];
    if (start === end) continue;
    sortSegmentByTime(order, start, end, at, ids);
    const closer = facts.closingUser[row];
    let pending = 0;
    let pendingFirstAt = 0;
    let pendingLatestAt = 0;
    let incoming = 0;
    let outgoing = 0;
    let closerSent = 0;
    for (let k = start; k < end; k++) {
      const message = order[k];
      const messageAt = at[message];
      if (direction[message] === 0) {
        incoming++;
        if (pending === 0) pendingFirstAt = messageAt;
        pendingLatestAt = messageAt;
        pending++;
        continue;
      }
      const sender = senderType[message];
      if (sender !== broadcastSender) outgoing++;
      if (sender !== userSender) continue;
      if (closer !== noneCode && user[message] === closer) closerSent++;
      if (pending === 0) continue;
      responseAt[count] = messageAt;
      since[count] = pendingFirstAt;
      latest[count] = pendingLatestAt;
      responseUser[count] = user[message];
      responseConversation[count] = row;
      if (count === facts.responseOffsets[row]) {
        facts.firstResponseAt[row] = messageAt;
        facts.firstResponseBy[row] = user[message];
      }
      count++;
      pending = 0;
    }
    facts.incoming[row] = incoming;
    facts.outgoing[row] = outgoing;
    facts.closerMessagesSent[row] = closerSent;
  }
  facts.responseOffsets[table.count] = count;
  return {
    count,
    at: responseAt.slice(0, count),
    since: since.slice(0, count),
    latestAnsweredAt: latest.slice(0, count),
    user: responseUser.slice(0, count),
    conversation: responseConversation.slice(0, count),
  };
}

/** D15: the first response by the last assignee whose latest answered message is at or after the last assignment. */
function deriveLastAssigneeResponses(facts: ConversationFacts, responses: ResponseTable, n: number): void {
  for (let row = 0; row < n; row++) {
    const assignee = facts.lastAssignee[row];
    if (assignee === noneCode) continue;
    const assignedAt = facts.lastAssignmentAt[row];
    for (let r = facts.responseOffsets[row]; r < facts.responseOffsets[row + 1]; r++) {
      if (responses.user[r] === assignee && responses.latestAnsweredAt[r] >= assignedAt) {
        facts.lastAssigneeResponseAt[row] = responses.at[r];
        break;
      }
    }
  }
}

function closedIndex(table: ConversationTable, facts: ConversationFacts): ClosedIndex {
  let count = 0;
  for (let row = 0; row < table.count; row++) count += facts.countedClosed[row];
  const rows = new Uint32Array(count);
  const closedAt = new Float64Array(count);
  const ids = new Array<string>(count);
  for (let row = 0, k = 0; row < table.count; row++) {
    if (!facts.countedClosed[row]) continue;
    rows[k] = row;
    closedAt[k] = table.closedAt[row];
    ids[k] = table.ids[row];
    k++;
  }
  // (closedAt asc, id desc): read backwards it is the list's (closedAt desc, id asc).
  const order = stableArgsort(closedAt);
  breakTiesById(order, closedAt, ids, true);
  const sortedRows = new Uint32Array(count);
  const sortedAt = new Float64Array(count);
  const category = new Uint32Array(count);
  const closedSource = new Uint32Array(count);
  const contactType = new Uint8Array(count);
  for (let k = 0; k < count; k++) {
    const row = rows[order[k]];
    sortedRows[k] = row;
    sortedAt[k] = closedAt[order[k]];
    category[k] = table.category[row];
    closedSource[k] = table.closedSource[row];
    contactType[k] = facts.contactType[row];
  }
  return { rows: sortedRows, closedAt: sortedAt, category, closedSource, contactType };
}
