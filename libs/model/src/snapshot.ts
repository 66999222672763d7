import type { ActiveFilter, ConversationFilterName, NotApplicable, Period } from './filters.js';
import type { CollectionName } from './vocabularies.js';

// The shape of `parley report`'s output (snapshot.md §5). Key order of every object is the order
// these types list, and the engine builds objects in exactly that order (D30).

export interface Group {
  key: string | null;
  count: number;
  /** Tenths of a percent, largest remainder, as a decimal (57.1). */
  percent: number;
}

/** A duration aggregate; the three values are null when count is 0 (D19). */
export interface Agg {
  count: number;
  meanMs: number | null;
  medianMs: number | null;
  p90Ms: number | null;
}

export type OrNA<T> = T | NotApplicable;

/** One conversation-list row: seed 000's columns, ids not names (D32), then contactType (D33). */
export interface ConversationRow {
  closedAt: number | null;
  closedSource: string | null;
  closedByUserId: string | null;
  closedByTeamId: string | null;
  openedAt: number;
  openedSource: string | null;
  openedChannelId: string | null;
  conversationId: string;
  contactId: string;
  contactName: string | null;
  firstAssignmentAt: number | null;
  firstAssigneeId: string | null;
  firstResponseAt: number | null;
  firstResponseById: string | null;
  lastAssignmentAt: number | null;
  lastAssigneeId: string | null;
  timeToFirstAssignmentMs: number | null;
  firstResponseTimeMs: number | null;
  firstAssignmentToFirstResponseMs: number | null;
  lastAssignmentToResponseMs: number | null;
  resolutionTimeMs: number | null;
  firstAssignmentToCloseMs: number | null;
  lastAssignmentToCloseMs: number | null;
  averageResponseTimeMs: number | null;
  assignments: number;
  incomingMessages: number;
  outgoingMessages: number;
  responses: number;
  category: string | null;
  summary: string | null;
  contactType: 'new' | 'returning';
}

export const durationKeys = [
  'timeToFirstAssignment',
  'firstResponseTime',
  'firstAssignmentToFirstResponse',
  'lastAssignmentToResponse',
  'resolutionTime',
  'firstAssignmentToClose',
  'lastAssignmentToClose',
  'responseTime',
] as const;
export type DurationKey = (typeof durationKeys)[number];
export type Durations = Record<DurationKey, Agg>;

export interface LeaderboardEntry {
  id: string;
  conversations: number;
  responseTime: Agg;
  resolutionTime: Agg;
}

export interface LeaderboardLists {
  responseTime: LeaderboardEntry[];
  resolutionTime: LeaderboardEntry[];
}

export interface UserPerformanceRow {
  userId: string;
  conversationsClosed: number;
  messagesSent: number;
  responses: number;
  firstResponseTime: Agg;
  responseTime: Agg;
  resolutionTime: Agg;
  assignments: number;
}

export interface CsatSummary {
  responses: number;
  average: number | null;
  distribution: [number, number, number, number, number];
  csatPercent: number | null;
}

export interface OpenedVsClosedDay {
  date: string;
  opened: number;
  closed: number;
}

/** `number[7][24]`: weekday (0 = Monday) × local hour. */
export type WeekHourHeatmap = number[][];

export type CollectionCounts = Record<CollectionName, number>;

export interface ReportSnapshot {
  format: 'parley.report-snapshot';
  version: 1;
  period: Pick<Period, 'from' | 'to' | 'timeZone' | 'startMs' | 'endMs'>;
  filters: ActiveFilter[];
  input: { loaded: CollectionCounts; rejected: CollectionCounts };
  conversations: {
    overview: { opened: OrNA<number>; closed: number };
    openedVsClosed: OrNA<OpenedVsClosedDay[]>;
    openedHeatmap: OrNA<WeekHourHeatmap>;
    closedHeatmap: WeekHourHeatmap;
    openedByContactType: OrNA<Group[]>;
    openedBySource: OrNA<Group[]>;
    openedByChannel: OrNA<Group[]>;
    closedByCategory: Group[];
    closedBySource: Group[];
    closedByContactType: Group[];
    durations: Durations;
    list: ConversationRow[];
  };
  contacts: {
    added: OrNA<number>;
    deleted: OrNA<number>;
    merged: OrNA<number>;
    addedBySource: OrNA<Group[]>;
    connectedByChannel: OrNA<Group[]>;
    connectedBySource: OrNA<Group[]>;
  };
  messages: {
    total: OrNA<number>;
    incomingByChannel: OrNA<Group[]>;
    outgoingBySource: OrNA<Group[]>;
  };
  leaderboard: { byUser: LeaderboardLists; byTeam: LeaderboardLists };
  userPerformance: UserPerformanceRow[];
  csat: CsatSummary;
  origin: OrNA<Group[]>;
  byTag: OrNA<Group[]>;
}

/** The arguments of one `parley report` run. */
export interface ReportArgs {
  from: string;
  to: string;
  timeZone: string;
  filters: Partial<Record<ConversationFilterName, readonly string[]>>;
}
