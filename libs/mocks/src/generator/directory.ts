import type { Channel, ChannelType, Team, User } from '@parley/model';
import { firstNames, lastNames, teamNames } from './demo-catalog.js';
import type { Random } from './random.js';
import { WeightedChoice } from './weighted-choice.js';
import type { ZoneCalendar } from './zone-calendar.js';

/** How a channel behaves in a conversation: which messages, statuses and extra fields it gets. */
export const channelKinds = ['chat', 'email', 'sms'] as const;
export type ChannelKind = (typeof channelKinds)[number];

export interface ChannelProfile {
  readonly channel: Channel;
  readonly kind: ChannelKind;
  /** Click-to-chat ads exist only on Meta channels. */
  readonly takesAds: boolean;
  /** Echo messages (sent from the phone app) exist only on WhatsApp. */
  readonly takesEcho: boolean;
  /** Index (modulo the team count) of the team that usually handles it. */
  readonly preferredTeamIndex: number;
}

interface ChannelDefinition {
  id: string;
  name: string;
  type: ChannelType;
  weight: number;
  preferredTeamIndex: number;
  /** The one deleted channel: used in the first part of the window only. */
  retired?: boolean;
}

const channelDefinitions: readonly ChannelDefinition[] = [
  { id: 'ch-wa-sales', name: 'WhatsApp Sales', type: 'whatsapp', weight: 20, preferredTeamIndex: 0 },
  { id: 'ch-wa-support', name: 'WhatsApp Support', type: 'whatsapp', weight: 17, preferredTeamIndex: 1 },
  { id: 'ch-messenger', name: 'Facebook Messenger', type: 'messenger', weight: 11, preferredTeamIndex: 1 },
  { id: 'ch-instagram', name: 'Instagram', type: 'instagram', weight: 10, preferredTeamIndex: 0 },
  { id: 'ch-webchat', name: 'Website chat', type: 'webchat', weight: 16, preferredTeamIndex: 1 },
  { id: 'ch-email', name: 'Email', type: 'email', weight: 12, preferredTeamIndex: 2 },
  { id: 'ch-telegram', name: 'Telegram', type: 'telegram', weight: 5, preferredTeamIndex: 1 },
  { id: 'ch-sms', name: 'SMS', type: 'sms', weight: 4, preferredTeamIndex: 3 },
  { id: 'ch-viber', name: 'Viber (retired)', type: 'viber', weight: 6, preferredTeamIndex: 1, retired: true },
];

/** Share of the window after which the retired channel and the deleted user stop appearing. */
const channelRetiredAfter = 0.45;
const userLeftAfter = 0.6;

/**
 * The workspace's fixed population — teams, users, channels — and the lookups the conversation
 * generator needs on every conversation, as arrays indexed by position.
 */
export class Directory {
  readonly teams: readonly Team[];
  readonly users: readonly User[];
  readonly channelProfiles: readonly ChannelProfile[];
  readonly userPrimaryTeamIndex: Int16Array;
  /** Multiplier of each user's reply delays: some agents are faster than others. */
  readonly userSpeedFactor: Float64Array;
  readonly deletedUserIndex: number;
  /** From this instant on, the deleted user gets no new conversations. */
  readonly deletedUserLeftAtMs: number;
  /** From this instant on, the deleted channel opens no conversations. */
  readonly channelRetiredAtMs: number;
  readonly #membersBefore: readonly Int16Array[];
  readonly #membersAfter: readonly Int16Array[];
  readonly #channelsBefore: WeightedChoice<number>;
  readonly #channelsAfter: WeightedChoice<number>;

  constructor(random: Random, calendar: ZoneCalendar) {
    const windowMs = calendar.endMs - calendar.startMs;
    this.channelRetiredAtMs = calendar.startMs + Math.floor(windowMs * channelRetiredAfter);
    this.deletedUserLeftAtMs = calendar.startMs + Math.floor(windowMs * userLeftAfter);

    const teamCount = random.between(4, 6);
    this.teams = teamNames.slice(0, teamCount).map((name, index) => ({ id: `t-${index + 1}`, name }));

    // Round-robin primary teams keep at least two agents per team (16 users over at most 6 teams),
    // so a team still has someone after the deleted user left.
    const userCount = random.between(16, 24);
    const userNames = distinctNames(random, userCount);
    this.deletedUserIndex = random.below(userCount);
    this.userPrimaryTeamIndex = new Int16Array(userCount);
    this.userSpeedFactor = new Float64Array(userCount);
    const teamIndexesOfUsers: number[][] = [];
    for (let userIndex = 0; userIndex < userCount; userIndex++) {
      const primary = userIndex % teamCount;
      const teamIndexes = [primary];
      if (random.chance(0.2)) {
        const secondary = (primary + 1 + random.below(teamCount - 1)) % teamCount;
        teamIndexes.push(secondary);
      }
      this.userPrimaryTeamIndex[userIndex] = primary;
      this.userSpeedFactor[userIndex] = random.logNormal(1, 0.35);
      teamIndexesOfUsers.push(teamIndexes);
    }
    this.users = userNames.map((name, userIndex) => ({
      id: `u-${String(userIndex + 1).padStart(2, '0')}`,
      name,
      teamIds: teamIndexesOfUsers[userIndex].map((teamIndex) => this.teams[teamIndex].id),
      deleted: userIndex === this.deletedUserIndex,
    }));
    this.#membersBefore = this.teams.map((_, teamIndex) =>
      Int16Array.from(teamIndexesOfUsers.flatMap((teamIndexes, userIndex) => (teamIndexes.includes(teamIndex) ? [userIndex] : []))),
    );
    this.#membersAfter = this.#membersBefore.map((members) => members.filter((userIndex) => userIndex !== this.deletedUserIndex));

    this.channelProfiles = channelDefinitions.map((definition) => ({
      channel: { id: definition.id, name: definition.name, type: definition.type, deleted: definition.retired === true },
      kind: definition.type === 'email' ? 'email' : definition.type === 'sms' ? 'sms' : 'chat',
      takesAds: definition.type === 'whatsapp' || definition.type === 'messenger' || definition.type === 'instagram',
      takesEcho: definition.type === 'whatsapp',
      preferredTeamIndex: definition.preferredTeamIndex % teamCount,
    }));
    this.#channelsBefore = new WeightedChoice(channelDefinitions.map((definition, index) => [index, definition.weight] as const));
    this.#channelsAfter = new WeightedChoice(
      channelDefinitions.map((definition, index) => [index, definition.retired === true ? 0 : definition.weight] as const),
    );
  }

  get channels(): readonly Channel[] {
    return this.channelProfiles.map((profile) => profile.channel);
  }

  /** The agents of a team who can take a conversation at that instant. */
  members(teamIndex: number, atMs: number): Int16Array {
    return atMs < this.deletedUserLeftAtMs ? this.#membersBefore[teamIndex] : this.#membersAfter[teamIndex];
  }

  /** Whether a user still takes new work at that instant. */
  isUserActiveAt(userIndex: number, atMs: number): boolean {
    return userIndex !== this.deletedUserIndex || atMs < this.deletedUserLeftAtMs;
  }

  pickChannelIndex(random: Random, atMs: number): number {
    return (atMs < this.channelRetiredAtMs ? this.#channelsBefore : this.#channelsAfter).pick(random);
  }

  isChannelOpenAt(channelIndex: number, atMs: number): boolean {
    return !this.channelProfiles[channelIndex].channel.deleted || atMs < this.channelRetiredAtMs;
  }
}

function distinctNames(random: Random, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) names.add(`${firstNames[random.below(firstNames.length)]} ${lastNames[random.below(lastNames.length)]}`);
  return [...names];
}
