import type { ClosedSource } from '@parley/model';
import { type Category, categorySummaries, contactTags, conversationTags, csatComments } from './demo-catalog.js';
import type { Random } from './random.js';
import { WeightedChoice } from './weighted-choice.js';

// What agents and contacts attach to a conversation: tags, the closing note, CSAT answers.

/** 0–3 conversation tags: about a third untagged, a few with three. */
const conversationTagCount = new WeightedChoice([
  [0, 35],
  [1, 40],
  [2, 18],
  [3, 7],
] as const);
const contactTagCount = new WeightedChoice([
  [0, 55],
  [1, 35],
  [2, 10],
] as const);

const categories = new WeightedChoice<Category | null>([
  [null, 18],
  ['Order status', 23],
  ['Product question', 18],
  ['Billing', 12],
  ['Technical issue', 11],
  ['Returns', 10],
  ['Feedback', 8],
]);

/** Scores skew high, with the small cluster of angry 1s every support team knows. */
const csatScores = new WeightedChoice<1 | 2 | 3 | 4 | 5>([
  [1, 7],
  [2, 5],
  [3, 10],
  [4, 25],
  [5, 53],
]);

export function pickConversationTags(random: Random): string[] {
  return pickDistinct(random, conversationTags, conversationTagCount.pick(random));
}

export function pickContactTags(random: Random): string[] {
  return pickDistinct(random, contactTags, contactTagCount.pick(random));
}

export interface ClosingNote {
  category: string | null;
  summary: string | null;
}

/** The category and summary an agent files when closing; spam gets its own category. */
export function pickClosingNote(random: Random, closedSource: ClosedSource): ClosingNote {
  const category: Category | null =
    closedSource === 'blocked' ? (random.chance(0.7) ? 'Spam' : null) : categories.pick(random);
  if (category === null) return { category: null, summary: null };
  const summaries = categorySummaries[category];
  return { category, summary: random.chance(0.75) ? summaries[random.below(summaries.length)] : null };
}

export function pickCsatScore(random: Random): 1 | 2 | 3 | 4 | 5 {
  return csatScores.pick(random);
}

/** A third of the answers come with a comment whose tone matches the score. */
export function pickCsatComment(random: Random, score: number): string | null {
  if (!random.chance(0.3)) return null;
  const comments = score <= 2 ? csatComments.low : score === 3 ? csatComments.middle : csatComments.high;
  return comments[random.below(comments.length)];
}

export function pickOne<T>(random: Random, values: readonly T[]): T {
  return values[random.below(values.length)];
}

/** `count` distinct values, in the order drawn. */
function pickDistinct(random: Random, values: readonly string[], count: number): string[] {
  const picked: string[] = [];
  for (let index = 0; index < count; index++) {
    let candidate = values[random.below(values.length)];
    // Few values and at most 3 picks: a retry is cheaper than copying the vocabulary.
    while (picked.includes(candidate)) candidate = values[random.below(values.length)];
    picked.push(candidate);
  }
  return picked;
}
