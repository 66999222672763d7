import type { ClosedSource } from '@parley/model';
import type { Random } from './random.js';

// How long things take. Waiting times in support are log-normal (many quick answers, a long tail);
// each draw is capped so one extreme normal draw cannot push a reply weeks out. Every result is an
// integer number of ms of at least a second, so the messages of a conversation never share an `at`
// and their (at, id) order is the order they were written in.

const secondMs = 1000;
const minuteMs = 60 * secondMs;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

function logNormalMs(random: Random, medianMs: number, sigma: number, maxMs: number, minMs = secondMs): number {
  const drawn = random.logNormal(medianMs, sigma);
  return Math.floor(drawn > maxMs ? maxMs : drawn < minMs ? minMs : drawn);
}

/** Until an agent first answers; a share waits for the next shift. */
export function firstResponseDelayMs(random: Random, speedFactor: number): number {
  if (random.chance(0.07)) return logNormalMs(random, 2.5 * hourMs, 0.9, 3 * dayMs);
  return logNormalMs(random, 150 * secondMs * speedFactor, 1.4, 12 * hourMs, 5 * secondMs);
}

/** Until an agent answers a later message of an ongoing exchange. */
export function responseDelayMs(random: Random, speedFactor: number): number {
  return logNormalMs(random, 60 * secondMs * speedFactor, 1.2, 6 * hourMs, 3 * secondMs);
}

/** Until the contact writes back; sometimes they come back hours later. */
export function contactReplyDelayMs(random: Random): number {
  if (random.chance(0.05)) return logNormalMs(random, 6 * hourMs, 1, 3 * dayMs);
  return logNormalMs(random, 100 * secondMs, 1.4, 6 * hourMs, 3 * secondMs);
}

/** Until the contact answers a message they did not start the conversation with. */
export function contactFirstReplyDelayMs(random: Random): number {
  return logNormalMs(random, 6 * minuteMs, 1.4, 2 * dayMs, 3 * secondMs);
}

/** Between two messages of one burst (a contact sending two messages in a row). */
export function burstGapMs(random: Random): number {
  return random.between(2 * secondMs, 40 * secondMs);
}

/** A bot, workflow or integration reacting. */
export function automationDelayMs(random: Random): number {
  return random.between(secondMs, 4 * secondMs);
}

/** Until a conversation gets its first assignee (rules assign within seconds, people within minutes). */
export function timeToFirstAssignmentMs(random: Random): number {
  return logNormalMs(random, 45 * secondMs, 1.4, 8 * hourMs);
}

/** How long before opening an owned contact's conversation already had its assignee. */
export function assignedBeforeOpenMs(random: Random): number {
  return random.between(secondMs, 10 * minuteMs);
}

/** Between an assignment and the next reassignment or unassignment. */
export function reassignmentGapMs(random: Random): number {
  return logNormalMs(random, 15 * minuteMs, 1.2, 2 * dayMs);
}

/** From the last message to the closure, by closing source. */
export function closeDelayMs(random: Random, closedSource: ClosedSource): number {
  switch (closedSource) {
    case 'user':
      // Some conversations are left open until someone tidies up the inbox.
      if (random.chance(0.08)) return logNormalMs(random, 20 * hourMs, 1, 20 * dayMs);
      return logNormalMs(random, 12 * minuteMs, 1.3, 2 * dayMs, 30 * secondMs);
    case 'bot':
      return logNormalMs(random, 3 * minuteMs, 1, 12 * hourMs);
    case 'blocked':
      return logNormalMs(random, 2 * minuteMs, 1, 12 * hourMs);
    case 'contact_merged':
    case 'contact_deleted':
      return logNormalMs(random, 45 * minuteMs, 1.6, 10 * dayMs);
    default:
      return logNormalMs(random, 30 * minuteMs, 1.5, 5 * dayMs);
  }
}

/** From the closure to an agent's follow-up message after closing. */
export function afterCloseReplyDelayMs(random: Random): number {
  return logNormalMs(random, 6 * minuteMs, 1.2, 2 * dayMs);
}

/** From the closure to the contact's CSAT answer. */
export function csatDelayMs(random: Random): number {
  return logNormalMs(random, 5 * minuteMs, 1.3, 3 * dayMs);
}

/** How long before the conversation an imported contact was created. */
export function importedBeforeMs(random: Random): number {
  return logNormalMs(random, 3 * dayMs, 1.5, 400 * dayMs);
}

/** How long before the conversation an integration created the contact. */
export function integrationCreatedBeforeMs(random: Random): number {
  return logNormalMs(random, 20 * minuteMs, 1.5, 30 * dayMs);
}

/** How long before a returning contact's conversation a broadcast reached them. */
export function broadcastBeforeMs(random: Random): number {
  return logNormalMs(random, 40 * minuteMs, 1, 3 * dayMs);
}
