import type { QuerySection } from '@parley/model';

// The measures and groupings of elements.md's "What each widget shows" table.

export const conversationMeasures = ['conversations.opened', 'conversations.closed'] as const;
export type ConversationMeasure = (typeof conversationMeasures)[number];

export function isConversationMeasure(value: string): value is ConversationMeasure {
  return (conversationMeasures as readonly string[]).includes(value);
}

/** `opened` or `closed`: the family a measure counts (and a drill-down's `scope`). */
export function scopeOf(measure: ConversationMeasure): 'opened' | 'closed' {
  return measure === 'conversations.opened' ? 'opened' : 'closed';
}

export const breakdownGroupings = {
  'conversations.opened': {
    contactType: 'conversations.openedByContactType',
    openedSource: 'conversations.openedBySource',
    openedChannel: 'conversations.openedByChannel',
  },
  'conversations.closed': {
    category: 'conversations.closedByCategory',
    closedSource: 'conversations.closedBySource',
    contactType: 'conversations.closedByContactType',
  },
} as const satisfies Record<ConversationMeasure, Record<string, QuerySection>>;

export type GroupBy = 'contactType' | 'openedSource' | 'openedChannel' | 'category' | 'closedSource';

export function breakdownSection(measure: ConversationMeasure, groupBy: string): QuerySection | undefined {
  const groupings: Record<string, QuerySection> = breakdownGroupings[measure];
  return Object.hasOwn(groupings, groupBy) ? groupings[groupBy] : undefined;
}

export function groupingsOf(measure: ConversationMeasure): GroupBy[] {
  return Object.keys(breakdownGroupings[measure]) as GroupBy[];
}
