// Closed vocabularies of metrics.md, as `as const` arrays with derived unions (style.md).

export const collections = [
  'users',
  'teams',
  'channels',
  'contacts',
  'contactEvents',
  'conversations',
  'assignments',
  'messages',
  'csat',
] as const;
export type CollectionName = (typeof collections)[number];

export const channelTypes = [
  'whatsapp',
  'messenger',
  'instagram',
  'telegram',
  'line',
  'viber',
  'tiktok',
  'webchat',
  'email',
  'sms',
  'other',
] as const;
export type ChannelType = (typeof channelTypes)[number];

export const contactEventTypes = ['added', 'deleted', 'merged', 'connected'] as const;
export type ContactEventType = (typeof contactEventTypes)[number];

export const messageDirections = ['in', 'out'] as const;
export type MessageDirection = (typeof messageDirections)[number];

export const senderTypes = ['contact', 'user', 'bot', 'workflow', 'broadcast', 'api', 'zapier', 'make', 'echo'] as const;
export type SenderType = (typeof senderTypes)[number];

export const messageStatuses = ['sent', 'delivered', 'read', 'failed'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

export const openedSources = ['user', 'contact', 'workflow', 'api', 'zapier', 'make', 'ctc_ads'] as const;
export type OpenedSource = (typeof openedSources)[number];

/** Closing sources; the last two are stored but never counted as closed (metrics.md, D31). */
export const closedSources = [
  'user',
  'bot',
  'workflow',
  'api',
  'zapier',
  'make',
  'blocked',
  'contact_merged',
  'contact_deleted',
] as const;
export type ClosedSource = (typeof closedSources)[number];
export const uncountedClosedSources = ['contact_merged', 'contact_deleted'] as const;

export const contactAddedSources = ['user', 'import', 'api', 'incoming', 'echo', 'zapier', 'make', 'ctc_ads'] as const;
export type ContactAddedSource = (typeof contactAddedSources)[number];

export const contactConnectedSources = ['api', 'incoming', 'echo', 'zapier', 'make', 'broadcast', 'user', 'ctc_ads'] as const;
export type ContactConnectedSource = (typeof contactConnectedSources)[number];

export const contactTypes = ['new', 'returning'] as const;
export type ContactType = (typeof contactTypes)[number];

/** Origin buckets of seed 001 (snapshot.md D23/D24). */
export const originBuckets = ['inbox', 'flow', 'inbound', 'other'] as const;
export type OriginBucket = (typeof originBuckets)[number];
