import type { CsatSummary, Group, OrNA } from '@parley/model';
import { contactEventTypes, notApplicable, senderTypes } from '@parley/model';
import { groupsFromCounts } from './groups.js';
import type { QueryContext } from './query-context.js';

// Contacts (seed 003), messages (seed 004) and CSAT (seed 001) over a query context.

const eventType = (name: (typeof contactEventTypes)[number]) => contactEventTypes.indexOf(name);

export interface ContactsSummary {
  added: OrNA<number>;
  deleted: OrNA<number>;
  merged: OrNA<number>;
  addedBySource: OrNA<Group[]>;
  connectedByChannel: OrNA<Group[]>;
  connectedBySource: OrNA<Group[]>;
}

export function contactsSummary(ctx: QueryContext): ContactsSummary {
  if (!ctx.applies('contacts')) {
    return {
      added: notApplicable,
      deleted: notApplicable,
      merged: notApplicable,
      addedBySource: notApplicable,
      connectedByChannel: notApplicable,
      connectedBySource: notApplicable,
    };
  }
  const events = ctx.tables.contactEvents;
  const d = ctx.tables.dictionaries;
  const contactAllowed = ctx.contactFilter();
  const [lo, hi] = ctx.periodRange(events.at);
  const counts = new Uint32Array(contactEventTypes.length);
  const addedBySource = new Uint32Array(d.eventSources.size);
  const connectedByChannel = new Uint32Array(d.channels.size);
  const connectedBySource = new Uint32Array(d.eventSources.size);
  const added = eventType('added');
  for (let i = lo; i < hi; i++) {
    if (contactAllowed && !contactAllowed[events.contact[i]]) continue;
    const type = events.type[i];
    counts[type]++;
    if (type === added) addedBySource[events.source[i]]++;
    if (events.firstConnection[i]) {
      connectedByChannel[events.channel[i]]++;
      connectedBySource[events.source[i]]++;
    }
  }
  return {
    added: counts[added],
    deleted: counts[eventType('deleted')],
    merged: counts[eventType('merged')],
    addedBySource: groupsFromCounts(addedBySource, (code) => d.eventSources.key(code)),
    connectedByChannel: groupsFromCounts(connectedByChannel, (code) => d.channels.key(code)),
    connectedBySource: groupsFromCounts(connectedBySource, (code) => d.eventSources.key(code)),
  };
}

export interface MessagesSummary {
  total: OrNA<number>;
  incomingByChannel: OrNA<Group[]>;
  outgoingBySource: OrNA<Group[]>;
}

/** D22: every message in the period, with or without a conversation; outgoing by sender type, broadcasts included. */
export function messagesSummary(ctx: QueryContext): MessagesSummary {
  if (!ctx.applies('messages')) return { total: notApplicable, incomingByChannel: notApplicable, outgoingBySource: notApplicable };
  const messages = ctx.tables.messages;
  const channels = ctx.tables.dictionaries.channels;
  const contactAllowed = ctx.contactFilter();
  const [lo, hi] = ctx.periodRange(messages.at);
  const incomingByChannel = new Uint32Array(channels.size);
  const outgoingBySender = new Uint32Array(senderTypes.length);
  let total = 0;
  for (let i = lo; i < hi; i++) {
    if (contactAllowed && !contactAllowed[messages.contact[i]]) continue;
    total++;
    if (messages.direction[i] === 0) incomingByChannel[messages.channel[i]]++;
    else outgoingBySender[messages.senderType[i]]++;
  }
  return {
    total,
    incomingByChannel: groupsFromCounts(incomingByChannel, (code) => channels.key(code)),
    outgoingBySource: groupsFromCounts(outgoingBySender, (code) => senderTypes[code]),
  };
}

/** D20: every response in the period without filters; with filters, those whose conversation exists and matches. */
export function csatSummary(ctx: QueryContext): CsatSummary {
  const csat = ctx.tables.csat;
  const [lo, hi] = ctx.periodRange(csat.at);
  const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  let responses = 0;
  let scoreSum = 0;
  for (let i = lo; i < hi; i++) {
    if (ctx.hasFilters) {
      const row = csat.conversation[i];
      if (row < 0 || !ctx.matches(row)) continue;
    }
    responses++;
    scoreSum += csat.score[i];
    distribution[csat.score[i] - 1]++;
  }
  if (responses === 0) return { responses, average: null, distribution, csatPercent: null };
  return {
    responses,
    average: exactRound(scoreSum * 100, responses) / 100,
    distribution,
    csatPercent: exactRound((distribution[3] + distribution[4]) * 1000, responses) / 10,
  };
}

/** numerator / denominator rounded half away from zero, for non-negative integers (exact). */
function exactRound(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}
