import type { Dictionary, WorkspaceTables } from '@parley/metrics';
import { dayMs, hourMs, weekdayOfDay, zoneOffsets } from '@parley/metrics';

// The plain per-conversation column set the peers (Arquero, DuckDB) query, derived from the same
// WorkspaceTables as parley so the engines are compared, not the fact derivation. It already holds
// what parley computes at query time and the peers would otherwise have to: the counted-closed
// flag, the closing user, contact type, first response, and each conversation's local
// (weekday × hour) cell in the bench zone (DST included) — a head start the peers get for free.

export interface PeerConversations {
  count: number;
  /** Conversation row (parley's row order: openedAt, id). */
  row: Uint32Array;
  id: readonly string[];
  openedAt: Float64Array;
  /** NaN while open. */
  closedAt: Float64Array;
  /** 1 = closed and not by contact_merged/contact_deleted. */
  countedClosed: Uint8Array;
  /** 0 = new, 1 = returning. */
  contactType: Uint8Array;
  /** Dictionary codes; every "none" code (null, "") is 0. */
  openedSource: Uint32Array;
  openedChannel: Uint32Array;
  category: Uint32Array;
  closedSource: Uint32Array;
  /** Closing user (none for blocked closures). */
  closingUser: Uint32Array;
  closedByTeam: Uint32Array;
  /** NaN when there is no response. */
  firstResponseAt: Float64Array;
  /** weekday * 24 + hour of openedAt / closedAt in the zone; 255 for a NaN closedAt. */
  openedCell: Uint8Array;
  closedCell: Uint8Array;
}

export interface PeerResponses {
  count: number;
  /** Conversation row. */
  conversation: Uint32Array;
  /** Sender (user code, none = 0). */
  user: Uint32Array;
  /** Earliest unanswered incoming message: the response time runs from here. */
  since: Float64Array;
  at: Float64Array;
}

/** Decodes peer codes back to the strings parley reports (code 0 = none = null). */
export interface PeerDictionaries {
  openedSources: Dictionary;
  channels: Dictionary;
  categories: Dictionary;
  closedSources: Dictionary;
  users: Dictionary;
  teams: Dictionary;
}

export interface PeerData {
  conversations: PeerConversations;
  responses: PeerResponses;
  dictionaries: PeerDictionaries;
}

function normalizedCodes(column: Uint32Array, dictionary: Dictionary): Uint32Array {
  const out = new Uint32Array(column.length);
  for (let i = 0; i < column.length; i++) out[i] = dictionary.isNone(column[i]) ? 0 : column[i];
  return out;
}

/** Local weekday × hour cells of instants (NaN → 255). */
export function localCells(instants: Float64Array, timeZone: string): Uint8Array {
  const zone = zoneOffsets(timeZone);
  let min = Infinity;
  let max = -Infinity;
  for (const instant of instants) {
    if (instant < min) min = instant;
    if (instant > max) max = instant;
  }
  const cells = new Uint8Array(instants.length).fill(255);
  if (min > max) return cells;
  zone.cover(min - dayMs, max + dayMs);
  for (let i = 0; i < instants.length; i++) {
    const instant = instants[i];
    if (instant !== instant) continue;
    const local = instant + zone.offsetAt(instant);
    const day = Math.floor(local / dayMs);
    cells[i] = weekdayOfDay(day) * 24 + Math.floor((local - day * dayMs) / hourMs);
  }
  return cells;
}

export function peerData(tables: WorkspaceTables, timeZone: string): PeerData {
  const c = tables.conversations;
  const f = tables.facts;
  const d = tables.dictionaries;
  const n = c.count;
  const row = new Uint32Array(n);
  for (let i = 0; i < n; i++) row[i] = i;
  const conversations: PeerConversations = {
    count: n,
    row,
    id: c.ids,
    openedAt: c.openedAt,
    closedAt: c.closedAt,
    countedClosed: f.countedClosed,
    contactType: f.contactType,
    openedSource: normalizedCodes(c.openedSource, d.openedSources),
    openedChannel: normalizedCodes(c.openedChannel, d.channels),
    category: normalizedCodes(c.category, d.categories),
    closedSource: normalizedCodes(c.closedSource, d.closedSources),
    closingUser: normalizedCodes(f.closingUser, d.users),
    closedByTeam: normalizedCodes(c.closedByTeam, d.teams),
    firstResponseAt: f.firstResponseAt,
    openedCell: localCells(c.openedAt, timeZone),
    closedCell: localCells(c.closedAt, timeZone),
  };
  const r = tables.responses;
  const responses: PeerResponses = {
    count: r.count,
    conversation: r.conversation,
    user: normalizedCodes(r.user, d.users),
    since: r.since,
    at: r.at,
  };
  return {
    conversations,
    responses,
    dictionaries: { openedSources: d.openedSources, channels: d.channels, categories: d.categories, closedSources: d.closedSources, users: d.users, teams: d.teams },
  };
}

/** The most frequent opened channel (ties: the lowest code), the frt-filtered query's filter. */
export function mostFrequentOpenedChannel(tables: WorkspaceTables): { code: number; id: string } {
  const d = tables.dictionaries.channels;
  const counts = new Uint32Array(d.size);
  const column = tables.conversations.openedChannel;
  for (let i = 0; i < column.length; i++) counts[column[i]]++;
  let best = -1;
  for (let code = 0; code < d.size; code++) if (!d.isNone(code) && (best < 0 || counts[code] > counts[best])) best = code;
  if (best < 0) throw new Error('no conversation has an opened channel');
  return { code: best, id: d.values[best] as string };
}
