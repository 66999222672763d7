import type {
  ClosedSource,
  ContactAddedSource,
  ContactConnectedSource,
  Conversation,
  MessageDirection,
  OpenedSource,
  SenderType,
} from '@parley/model';
import { AssignmentPlan } from './assignment-plan.js';
import type { ContactPool } from './contact-pool.js';
import {
  pickClosingNote,
  pickContactTags,
  pickConversationTags,
  pickCsatComment,
  pickCsatScore,
  pickOne,
} from './conversation-labels.js';
import { emailInboxIds, firstNames, lastNames, webchatChatflowIds, webchatPageUrls } from './demo-catalog.js';
import type { ChannelProfile, Directory } from './directory.js';
import type { WorkspaceSink } from './generate-options.js';
import { IdSequence } from './id-sequence.js';
import { type MessageStyle, messageStyleOf, outgoingTypeChoice } from './message-style.js';
import type { OpeningConsumer } from './opening-schedule.js';
import type { Random } from './random.js';
import type { RecordFactory } from './record-factory.js';
import {
  afterCloseReplyDelayMs,
  assignedBeforeOpenMs,
  automationDelayMs,
  broadcastBeforeMs,
  burstGapMs,
  closeDelayMs,
  contactFirstReplyDelayMs,
  contactReplyDelayMs,
  csatDelayMs,
  firstResponseDelayMs,
  importedBeforeMs,
  integrationCreatedBeforeMs,
  reassignmentGapMs,
  responseDelayMs,
  timeToFirstAssignmentMs,
} from './timing.js';
import { WeightedChoice } from './weighted-choice.js';

const openedSources = new WeightedChoice<OpenedSource>([
  ['contact', 62],
  ['user', 12],
  ['workflow', 9],
  ['api', 6],
  ['ctc_ads', 5],
  ['zapier', 3],
  ['make', 3],
]);

/** How the conversation will end if it ends before "now"; drawn first because it shapes the dialog. */
const closingSources = new WeightedChoice<ClosedSource>([
  ['user', 75],
  ['bot', 5],
  ['workflow', 5.5],
  ['api', 3],
  ['zapier', 1.5],
  ['make', 1.5],
  ['blocked', 2.5],
  ['contact_merged', 2.5],
  ['contact_deleted', 3],
]);

/** Senders of the odd automated message in the middle of a human conversation. */
const integrationSenders = new WeightedChoice<SenderType>([
  ['workflow', 40],
  ['api', 25],
  ['zapier', 15],
  ['make', 20],
]);

const addedFromInbound = new WeightedChoice<ContactAddedSource>([
  ['incoming', 84],
  ['import', 8],
  ['api', 4],
  ['zapier', 2],
  ['make', 2],
]);
const addedByAgent = new WeightedChoice<ContactAddedSource>([
  ['user', 55],
  ['import', 30],
  ['api', 15],
]);
const addedBeforeWorkflow = new WeightedChoice<ContactAddedSource>([
  ['import', 40],
  ['api', 30],
  ['zapier', 15],
  ['make', 15],
]);

/** Tried before a new contact is made; busy or gone picks fall back to new, hence above the ~40% target. */
const returningShare = 0.4;
const sameChannelShare = 0.7;
const preferredTeamShare = 0.6;
/** An owned returning contact's conversation arrives already assigned to the owner. */
const ownerPreassignShare = 0.3;
/** A new contact's first assignee becomes its owner. */
const ownerAdoptShare = 0.4;
const userOpenedPreassignShare = 0.6;
/** Opened by an agent without a channel ("opened by hand", openedChannelId null). */
const openedByHandShare = 0.35;
const neverAssignedShare = 0.05;
/** Of the conversations an automation closes, those handled by automation alone. */
const automatedShare = 0.65;
const automatedUnassignedShare = 0.7;
const reassignShare = 0.17;
const secondReassignShare = 0.2;
const unassignShare = 0.06;
const reassignAfterUnassignShare = 0.4;
/**
 * An agent who writes before the planned first assignment usually assigns themselves first; some
 * write and then take the conversation; the rest leave it to the planned assignee.
 */
const selfAssignFirstShare = 0.6;
const takeOverAfterShare = 0.25;
const csatShare = 0.27;
const afterCloseReplyShare = 0.04;
const broadcastBeforeShare = 0.05;
const contactBurstShare = 0.35;
const botGreetingShare = 0.3;
const contactAnswersOutreachShare = 0.8;
const agentDoubleMessageShare = 0.2;
const integrationMessageShare = 0.04;
const echoMessageShare = 0.04;
const inConversationBroadcastShare = 0.012;
const contactStopsAfterLastRoundShare = 0.45;
const agentSignOffShare = 0.2;
const maxRounds = 40;

// Messages a conversation has outside its agent/contact rounds, and per round, on average; measured on
// generated workspaces, they turn the requested mean into the mean number of rounds.
const messagesOutsideRounds = 1.4;
const messagesPerRound = 2.4;

export interface ConversationGeneratorSettings {
  readonly conversations: number;
  readonly messagesPerConversation: number;
  /** Nothing happens at or after this instant. */
  readonly endMs: number;
}

/**
 * Generates one conversation per opening, with everything that hangs off it: the contact when new
 * (and its `added` event), messages (and `connected` events), assignments, closure, CSAT, and the
 * contact's merge or deletion. Openings arrive in chronological order (see ContactPool).
 *
 * Per-conversation state lives in fields reset on each opening rather than in objects, so the only
 * allocations are the records themselves.
 */
export class ConversationGenerator implements OpeningConsumer {
  readonly #random: Random;
  readonly #directory: Directory;
  readonly #pool: ContactPool;
  readonly #records: RecordFactory;
  readonly #sink: WorkspaceSink;
  readonly #endMs: number;
  readonly #conversationIds: IdSequence;
  readonly #roundContinueChance: number;
  readonly #plan = new AssignmentPlan();
  readonly #userIds: readonly string[];
  readonly #teamIds: readonly string[];
  readonly #styles: readonly MessageStyle[];

  #conversationId = '';
  #openedAtMs = 0;
  #contactIndex = 0;
  #contactId = '';
  #channelBit = 0;
  #profile: ChannelProfile;
  #style: MessageStyle;
  #contactConnectedSource: ContactConnectedSource = 'incoming';
  #teamIndex = 0;
  #triageUserIndex = 0;
  #lastAgentIndex = -1;
  #agentMessages = 0;

  constructor(
    random: Random,
    directory: Directory,
    pool: ContactPool,
    records: RecordFactory,
    sink: WorkspaceSink,
    settings: ConversationGeneratorSettings,
  ) {
    this.#random = random;
    this.#directory = directory;
    this.#pool = pool;
    this.#records = records;
    this.#sink = sink;
    this.#endMs = settings.endMs;
    this.#conversationIds = new IdSequence('c-', settings.conversations);
    // Rounds are geometric (1 + failures before a stop): a mean of R needs a continue chance of 1 − 1/R.
    const meanRounds = Math.max(1, (settings.messagesPerConversation - messagesOutsideRounds) / messagesPerRound);
    this.#roundContinueChance = 1 - 1 / meanRounds;
    this.#userIds = directory.users.map((user) => user.id);
    this.#teamIds = directory.teams.map((team) => team.id);
    this.#styles = directory.channelProfiles.map((profile) => messageStyleOf(profile.kind));
    this.#profile = directory.channelProfiles[0];
    this.#style = this.#styles[0];
  }

  open(openedAtMs: number): void {
    const random = this.#random;
    const directory = this.#directory;
    const pool = this.#pool;
    this.#conversationId = this.#conversationIds.next();
    this.#openedAtMs = openedAtMs;

    let contactIndex = random.chance(returningShare) ? pool.pickReturning(random, openedAtMs) : -1;
    const returning = contactIndex >= 0;

    let channelIndex = returning ? pool.lastChannelIndex[contactIndex] : -1;
    if (channelIndex < 0 || !random.chance(sameChannelShare) || !directory.isChannelOpenAt(channelIndex, openedAtMs)) {
      channelIndex = directory.pickChannelIndex(random, openedAtMs);
    }
    const profile = directory.channelProfiles[channelIndex];
    this.#channelBit = 1 << channelIndex;
    this.#profile = profile;
    this.#style = this.#styles[channelIndex];

    let openedSource = openedSources.pick(random);
    if (openedSource === 'ctc_ads' && !profile.takesAds) openedSource = 'contact';
    this.#contactConnectedSource = openedSource === 'ctc_ads' ? 'ctc_ads' : 'incoming';

    const ownerIndex = returning ? pool.ownerPlusOne[contactIndex] - 1 : -1;
    const ownerTakesIt =
      ownerIndex >= 0 &&
      openedSource !== 'user' &&
      directory.isUserActiveAt(ownerIndex, openedAtMs) &&
      random.chance(ownerPreassignShare);
    const teamIndex = ownerTakesIt
      ? directory.userPrimaryTeamIndex[ownerIndex]
      : random.chance(preferredTeamShare)
        ? profile.preferredTeamIndex
        : random.below(directory.teams.length);
    const members = directory.members(teamIndex, openedAtMs);
    const openerIndex = openedSource === 'user' ? members[random.below(members.length)] : -1;
    this.#teamIndex = teamIndex;
    this.#triageUserIndex = members[random.below(members.length)];
    this.#lastAgentIndex = openerIndex;
    this.#agentMessages = 0;

    let openingSender: SenderType = openingSenderOf(openedSource);
    if (returning) {
      this.#contactIndex = contactIndex;
      this.#contactId = pool.idOf(contactIndex);
    } else {
      const addedSource = this.#createContact(openedAtMs, openedSource, openerIndex);
      contactIndex = this.#contactIndex;
      // A contact created from the phone app starts with that app's message.
      if (addedSource === 'echo') openingSender = 'echo';
    }

    let closedSource = closingSources.pick(random);
    const automated = isAutomation(closedSource) && random.chance(automatedShare);
    // Blocked, merged and deleted contacts never write again.
    if (closedSource === 'blocked' || closedSource === 'contact_merged' || closedSource === 'contact_deleted') pool.gone[contactIndex] = 1;

    if (returning && openedSource === 'contact' && random.chance(broadcastBeforeShare)) {
      // The contact answers a campaign: the broadcast itself belongs to no conversation.
      const broadcastAtMs = openedAtMs - broadcastBeforeMs(random);
      if (pool.isFreeAt(contactIndex, broadcastAtMs)) this.#emitMessage(broadcastAtMs, 'out', 'broadcast', -1, false);
    }

    this.#planAssignments(openedAtMs, openerIndex, ownerTakesIt ? ownerIndex : -1, automated);
    const lastMessageAtMs = this.#runDialog(openedAtMs, openedSource, openingSender, openerIndex, automated, closedSource);

    let closedAtMs = lastMessageAtMs < 0 ? -1 : lastMessageAtMs + closeDelayMs(random, closedSource);
    if (closedAtMs >= this.#endMs) closedAtMs = -1;
    let survivorIndex = -1;
    if (closedAtMs >= 0 && closedSource === 'contact_merged') {
      survivorIndex = pool.pickSurvivor(random, contactIndex);
      if (survivorIndex < 0) closedSource = 'contact_deleted';
    }
    const closed = closedAtMs >= 0;
    pool.markBusyUntil(contactIndex, closed ? closedAtMs : this.#endMs);
    pool.lastChannelIndex[contactIndex] = channelIndex;

    const lastEventIndex = this.#emitAssignments(closed ? closedAtMs : this.#endMs - 1);
    const plan = this.#plan;
    if (!returning && plan.length > 0 && plan.userIndex[0] >= 0 && random.chance(ownerAdoptShare)) {
      pool.ownerPlusOne[contactIndex] = plan.userIndex[0] + 1;
    }

    // Who closed: consistent with the last assignment event at or before the closure.
    let closedByUserIndex = -1;
    let closedByTeamIndex = -1;
    if (closed) {
      if (lastEventIndex >= 0) closedByTeamIndex = plan.teamIndex[lastEventIndex];
      if (closedSource === 'user') {
        const lastAssigneeIndex = lastEventIndex >= 0 ? plan.userIndex[lastEventIndex] : -1;
        closedByUserIndex =
          lastAssigneeIndex >= 0 ? lastAssigneeIndex : this.#lastAgentIndex >= 0 ? this.#lastAgentIndex : this.#triageUserIndex;
        if (closedByTeamIndex < 0) closedByTeamIndex = directory.userPrimaryTeamIndex[closedByUserIndex];
      } else if (closedSource === 'blocked' && closedByTeamIndex < 0) {
        // Someone of the team blocked the contact; the team is kept, the user is not (snapshot.md D12).
        closedByTeamIndex = teamIndex;
      }
    }
    const countedClosed = closed && closedSource !== 'contact_merged' && closedSource !== 'contact_deleted';
    const note = countedClosed ? pickClosingNote(random, closedSource) : null;
    const openedByHand = openedSource === 'user' && random.chance(openedByHandShare);
    const webchat = profile.channel.type === 'webchat';

    const conversation: Conversation = {
      id: this.#conversationId,
      contactId: this.#contactId,
      openedAt: openedAtMs,
      openedSource,
      openedChannelId: openedByHand ? null : profile.channel.id,
      openedByUserId: openerIndex >= 0 ? this.#userIds[openerIndex] : null,
      closedAt: closed ? closedAtMs : null,
      closedSource: closed ? closedSource : null,
      closedByUserId: closedByUserIndex >= 0 ? this.#userIds[closedByUserIndex] : null,
      closedByTeamId: closedByTeamIndex >= 0 ? this.#teamIds[closedByTeamIndex] : null,
      category: note === null ? null : note.category,
      summary: note === null ? null : note.summary,
      tags: pickConversationTags(random),
      inboxId: profile.kind === 'email' ? pickOne(random, emailInboxIds) : null,
      pageUrl: webchat ? pickOne(random, webchatPageUrls) : null,
      chatflowId: webchat && random.chance(0.85) ? pickOne(random, webchatChatflowIds) : null,
    };
    this.#sink.record('conversations', conversation);

    if (countedClosed && closedByUserIndex >= 0 && random.chance(afterCloseReplyShare)) {
      this.#emitMessage(closedAtMs + afterCloseReplyDelayMs(random), 'out', 'user', closedByUserIndex, true);
    }
    if (countedClosed && closedSource !== 'blocked' && random.chance(csatShare)) {
      const answeredAtMs = closedAtMs + csatDelayMs(random);
      if (answeredAtMs < this.#endMs) {
        const score = pickCsatScore(random);
        this.#records.csat(this.#conversationId, answeredAtMs, score, pickCsatComment(random, score));
      }
    }
    if (closed && (closedSource === 'contact_merged' || closedSource === 'contact_deleted')) {
      // The contact event and the closure it causes share their instant.
      const actorIndex = lastEventIndex >= 0 && plan.userIndex[lastEventIndex] >= 0 ? plan.userIndex[lastEventIndex] : this.#triageUserIndex;
      const byApi = random.chance(0.15);
      const source = byApi ? 'api' : 'user';
      const actorId = byApi ? null : this.#userIds[actorIndex];
      if (closedSource === 'contact_merged') this.#records.merged(pool.idOf(survivorIndex), closedAtMs, source, actorId, this.#contactId);
      else this.#records.deleted(this.#contactId, closedAtMs, source, actorId);
    }
  }

  /** Makes the new contact of this conversation (record and `added` event); returns its `added` source. */
  #createContact(openedAtMs: number, openedSource: OpenedSource, openerIndex: number): ContactAddedSource {
    const random = this.#random;
    const contactIndex = this.#pool.add();
    const contactId = this.#pool.idOf(contactIndex);
    this.#contactIndex = contactIndex;
    this.#contactId = contactId;

    let source: ContactAddedSource;
    switch (openedSource) {
      case 'contact':
        source = addedFromInbound.pick(random);
        break;
      case 'ctc_ads':
        source = random.chance(0.9) ? 'ctc_ads' : 'incoming';
        break;
      case 'user':
        source = this.#profile.takesEcho && random.chance(0.15) ? 'echo' : addedByAgent.pick(random);
        break;
      case 'workflow':
        source = addedBeforeWorkflow.pick(random);
        break;
      default:
        source = openedSource;
    }
    let addedAtMs = openedAtMs;
    let userIndex = -1;
    switch (source) {
      case 'incoming':
      case 'ctc_ads':
        // Created by the message that opens the conversation.
        break;
      case 'import':
        addedAtMs = openedAtMs - importedBeforeMs(random);
        if (random.chance(0.7)) userIndex = this.#triageUserIndex;
        break;
      case 'user':
        addedAtMs = openedAtMs - random.between(1000, 120_000);
        userIndex = openerIndex;
        break;
      case 'echo':
        break;
      default:
        addedAtMs = openedAtMs - integrationCreatedBeforeMs(random);
    }
    const name = `${pickOne(random, firstNames)} ${pickOne(random, lastNames)}`;
    this.#sink.record('contacts', { id: contactId, name, createdAt: addedAtMs, tags: pickContactTags(random) });
    this.#records.added(contactId, addedAtMs, source, userIndex >= 0 ? this.#userIds[userIndex] : null);
    return source;
  }

  /**
   * Draws the assignment events: some already assigned at or before opening (agent-opened, owned
   * contacts), most assigned shortly after, some never; then reassignments and unassignments.
   */
  #planAssignments(openedAtMs: number, openerIndex: number, ownerIndex: number, automated: boolean): void {
    const random = this.#random;
    const directory = this.#directory;
    const plan = this.#plan;
    const teamIndex = this.#teamIndex;
    plan.clear();
    if (automated ? random.chance(automatedUnassignedShare) : random.chance(neverAssignedShare)) return;
    if (ownerIndex >= 0) {
      plan.push(openedAtMs - assignedBeforeOpenMs(random), ownerIndex, teamIndex);
    } else if (openerIndex >= 0 && random.chance(userOpenedPreassignShare)) {
      // An agent who opens a conversation has it from the first instant: "assigned before open" (D16).
      plan.push(openedAtMs, openerIndex, teamIndex);
    } else {
      const members = directory.members(teamIndex, openedAtMs);
      plan.push(openedAtMs + timeToFirstAssignmentMs(random), members[random.below(members.length)], teamIndex);
    }
    if (random.chance(reassignShare)) {
      this.#reassign(openedAtMs);
      if (random.chance(secondReassignShare)) this.#reassign(openedAtMs);
    }
    if (random.chance(unassignShare)) {
      plan.push(plan.lastAtMs() + reassignmentGapMs(random), -1, random.chance(0.5) ? plan.lastTeamIndex() : -1);
      if (random.chance(reassignAfterUnassignShare)) this.#reassign(openedAtMs);
    }
  }

  /** Hands the conversation to another agent, of the same team or (less often) another one. */
  #reassign(openedAtMs: number): void {
    const random = this.#random;
    const plan = this.#plan;
    const teamCount = this.#directory.teams.length;
    const currentTeamIndex = plan.lastTeamIndex() >= 0 ? plan.lastTeamIndex() : this.#teamIndex;
    const teamIndex = random.chance(0.6) ? currentTeamIndex : (currentTeamIndex + 1 + random.below(teamCount - 1)) % teamCount;
    const members = this.#directory.members(teamIndex, openedAtMs);
    let userIndex = members[random.below(members.length)];
    if (userIndex === plan.lastUserIndex() && members.length > 1) userIndex = members[(members.indexOf(userIndex) + 1) % members.length];
    plan.push(Math.max(plan.lastAtMs(), openedAtMs) + reassignmentGapMs(random), userIndex, teamIndex);
  }

  /** Emits the plan's events up to `limitMs` (inclusive); returns the index of the last one emitted. */
  #emitAssignments(limitMs: number): number {
    const plan = this.#plan;
    let lastIndex = -1;
    for (let index = 0; index < plan.length && plan.atMs[index] <= limitMs; index++) {
      const userIndex = plan.userIndex[index];
      const teamIndex = plan.teamIndex[index];
      this.#records.assignment(
        this.#conversationId,
        plan.atMs[index],
        userIndex >= 0 ? this.#userIds[userIndex] : null,
        teamIndex >= 0 ? this.#teamIds[teamIndex] : null,
      );
      lastIndex = index;
    }
    return lastIndex;
  }

  /**
   * Writes the messages in time order: the opening, an optional bot greeting, then rounds of agent (or
   * bot) answers and contact replies. Returns the last message's `at`, or -1 when the conversation
   * reaches "now" before it is over (it stays open and its later messages are never written).
   */
  #runDialog(
    openedAtMs: number,
    openedSource: OpenedSource,
    openingSender: SenderType,
    openerIndex: number,
    automated: boolean,
    closedSource: ClosedSource,
  ): number {
    const random = this.#random;
    const contactOpened = openedSource === 'contact' || openedSource === 'ctc_ads';
    let atMs = openedAtMs;

    if (contactOpened) {
      if (!this.#emitMessage(atMs, 'in', 'contact', -1, true)) return -1;
      if (random.chance(contactBurstShare)) {
        atMs += burstGapMs(random);
        if (!this.#emitMessage(atMs, 'in', 'contact', -1, true)) return -1;
      }
      if (this.#profile.kind === 'chat' && (automated || random.chance(botGreetingShare))) {
        atMs += automationDelayMs(random);
        if (!this.#emitMessage(atMs, 'out', 'bot', -1, true)) return -1;
        if (random.chance(0.7)) {
          atMs += contactReplyDelayMs(random);
          if (!this.#emitMessage(atMs, 'in', 'contact', -1, true)) return -1;
        }
      }
    } else {
      const agentIndex = openingSender === 'user' ? this.#agentAt(atMs, openerIndex) : -1;
      if (!this.#emitMessage(atMs, 'out', openingSender, agentIndex, true)) return -1;
      // Outreach that gets no answer ends without any exchange.
      if (!random.chance(contactAnswersOutreachShare)) return atMs;
      atMs += contactFirstReplyDelayMs(random);
      if (!this.#emitMessage(atMs, 'in', 'contact', -1, true)) return -1;
    }

    let rounds = 1;
    if (closedSource === 'blocked') rounds = random.chance(0.5) ? 0 : 1;
    else while (rounds < maxRounds && random.chance(this.#roundContinueChance)) rounds++;

    for (let round = 0; round < rounds; round++) {
      if (automated) {
        atMs += automationDelayMs(random);
        if (!this.#emitMessage(atMs, 'out', closedSource === 'workflow' ? 'workflow' : 'bot', -1, true)) return -1;
      } else {
        const seenByIndex = this.#assigneeAt(atMs);
        const speed = this.#directory.userSpeedFactor[seenByIndex];
        atMs += this.#agentMessages === 0 ? firstResponseDelayMs(random, speed) : responseDelayMs(random, speed);
        const agentIndex = this.#agentAt(atMs, seenByIndex);
        if (!this.#emitMessage(atMs, 'out', 'user', agentIndex, true)) return -1;
        if (random.chance(agentDoubleMessageShare)) {
          atMs += burstGapMs(random);
          if (!this.#emitMessage(atMs, 'out', 'user', agentIndex, true)) return -1;
        }
      }
      if (random.chance(integrationMessageShare)) {
        atMs += automationDelayMs(random);
        if (!this.#emitMessage(atMs, 'out', integrationSenders.pick(random), -1, true)) return -1;
      }
      if (this.#profile.takesEcho && random.chance(echoMessageShare)) {
        atMs += burstGapMs(random);
        if (!this.#emitMessage(atMs, 'out', 'echo', -1, true)) return -1;
      }
      if (random.chance(inConversationBroadcastShare)) {
        atMs += contactReplyDelayMs(random);
        if (!this.#emitMessage(atMs, 'out', 'broadcast', -1, true)) return -1;
      }
      if (round === rounds - 1 && random.chance(contactStopsAfterLastRoundShare)) break;
      atMs += contactReplyDelayMs(random);
      if (!this.#emitMessage(atMs, 'in', 'contact', -1, true)) return -1;
      if (random.chance(contactBurstShare)) {
        atMs += burstGapMs(random);
        if (!this.#emitMessage(atMs, 'in', 'contact', -1, true)) return -1;
      }
    }

    if (!automated && closedSource === 'user' && random.chance(agentSignOffShare)) {
      atMs += burstGapMs(random);
      if (!this.#emitMessage(atMs, 'out', 'user', this.#agentAt(atMs, -1), true)) return -1;
    }
    return atMs;
  }

  /** The agent who sees the conversation at `atMs`: the assignee, else the last agent who wrote, else triage. */
  #assigneeAt(atMs: number): number {
    const assigneeIndex = this.#plan.userAt(atMs);
    if (assigneeIndex >= 0) return assigneeIndex;
    return this.#lastAgentIndex >= 0 ? this.#lastAgentIndex : this.#triageUserIndex;
  }

  /**
   * The agent who writes at `atMs`: the assignee then, else `fallbackIndex`, the last agent who wrote,
   * or the team's triage agent. An agent writing first, before the planned first assignment, mostly
   * self-assigns just before; taking the conversation just after, or leaving it to the planned
   * assignee, is how some conversations get a reply before any assignment.
   */
  #agentAt(atMs: number, fallbackIndex: number): number {
    const plan = this.#plan;
    const assigneeIndex = plan.userAt(atMs);
    if (assigneeIndex >= 0) return assigneeIndex;
    const agentIndex = fallbackIndex >= 0 ? fallbackIndex : this.#lastAgentIndex >= 0 ? this.#lastAgentIndex : this.#triageUserIndex;
    if (this.#agentMessages === 0 && plan.length > 0 && plan.atMs[0] > atMs) {
      const random = this.#random;
      const draw = random.next();
      if (draw < selfAssignFirstShare) {
        const assignedAtMs = Math.max(this.#openedAtMs + 1, atMs - random.between(1000, 10_000));
        plan.takeOverFirst(Math.min(assignedAtMs, atMs), agentIndex, this.#teamIndex);
      } else if (draw < selfAssignFirstShare + takeOverAfterShare) {
        plan.takeOverFirst(atMs + random.between(2000, 20_000), agentIndex, this.#teamIndex);
      }
    }
    return agentIndex;
  }

  /**
   * Writes one message unless it would fall at or after "now"; emits the contact's `connected` event
   * when this is its first successful message on the channel. Returns whether it was written.
   */
  #emitMessage(atMs: number, direction: MessageDirection, senderType: SenderType, userIndex: number, inConversation: boolean): boolean {
    if (atMs >= this.#endMs) return false;
    const random = this.#random;
    const style = this.#style;
    const incoming = direction === 'in';
    const type = (incoming ? style.incomingType : outgoingTypeChoice(style, senderType)).pick(random);
    const status = (incoming ? style.incomingStatus : style.outgoingStatus).pick(random);
    const userId = userIndex >= 0 ? this.#userIds[userIndex] : null;
    const channelId = this.#profile.channel.id;
    this.#records.message(inConversation ? this.#conversationId : null, this.#contactId, channelId, atMs, direction, senderType, userId, type, status);
    if (senderType === 'user') {
      this.#agentMessages++;
      this.#lastAgentIndex = userIndex;
    }

    const connectedChannels = this.#pool.connectedChannels;
    if ((connectedChannels[this.#contactIndex] & this.#channelBit) === 0 && status !== 'failed') {
      const source = incoming ? this.#contactConnectedSource : connectedSourceOf(senderType);
      if (source !== null) {
        this.#records.connected(this.#contactId, atMs, source, userId, channelId);
        connectedChannels[this.#contactIndex] |= this.#channelBit;
      }
    }
    return true;
  }
}

function openingSenderOf(openedSource: OpenedSource): SenderType {
  switch (openedSource) {
    case 'user':
      return 'user';
    case 'workflow':
      return 'workflow';
    case 'api':
    case 'zapier':
    case 'make':
      return openedSource;
    default:
      return 'contact';
  }
}

function isAutomation(closedSource: ClosedSource): boolean {
  return (
    closedSource === 'bot' || closedSource === 'workflow' || closedSource === 'api' || closedSource === 'zapier' || closedSource === 'make'
  );
}

/** The `connected` source of an outgoing message; bots and workflows are not connection sources. */
function connectedSourceOf(senderType: SenderType): ContactConnectedSource | null {
  switch (senderType) {
    case 'user':
    case 'broadcast':
    case 'api':
    case 'zapier':
    case 'make':
    case 'echo':
      return senderType;
    default:
      return null;
  }
}
