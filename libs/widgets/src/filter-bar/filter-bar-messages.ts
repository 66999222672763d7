import type { ConversationFilterName, ReportFamily } from '@parley/model';
import type { Language } from '@parley/ui';

// The filter bar's own strings, per language.

/** The filters offered as a list of values (the other two are searched or typed). */
export type ListFilterName = Exclude<ConversationFilterName, 'contact' | 'conversationId'>;

export interface FilterBarMessages {
  title: string;
  names: Record<ConversationFilterName, string>;
  /** The label of the "none" value ("") per list filter. */
  none: Record<ListFilterName, string>;
  families: Record<ReportFamily, string>;
  appliesTo: (families: string) => string;
  notApplicable: (families: string) => string;
  active: (count: string) => string;
  selected: (count: string) => string;
  clearAll: string;
  clearFilter: string;
  close: string;
  deleted: (label: string) => string;
  loadingOptions: string;
  optionsFailed: string;
  contactSearch: string;
  contactResults: string;
  contactMatches: (count: string) => string;
  noContactMatches: string;
  conversationIdInput: string;
  add: string;
  remove: (label: string) => string;
  chosen: string;
}

const en: FilterBarMessages = {
  title: 'Filters',
  names: {
    closedSource: 'Closed source',
    firstAssignee: 'First assignee',
    firstResponseBy: 'First response by',
    lastAssignee: 'Last assignee',
    closedByTeam: 'Closed by team',
    closedByUser: 'Closed by user',
    category: 'Category',
    openedChannel: 'Opened channel',
    openedSource: 'Opened source',
    contactType: 'Contact type',
    contact: 'Contact',
    conversationId: 'Conversation ID',
  },
  none: {
    closedSource: 'No source',
    firstAssignee: 'Never assigned',
    firstResponseBy: 'No response',
    lastAssignee: 'Unassigned',
    closedByTeam: 'No team',
    closedByUser: 'No closing user',
    category: 'No category',
    openedChannel: 'Opened by hand',
    openedSource: 'No source',
    contactType: 'None',
  },
  families: {
    opened: 'opened conversations',
    openedVsClosed: 'opened vs closed',
    closed: 'closed conversations',
    messages: 'messages',
    contacts: 'contacts',
    csat: 'CSAT',
  },
  appliesTo: (families) => `Applies to ${families}.`,
  notApplicable: (families) => `Not applicable with these filters: ${families}.`,
  active: (count) => `${count} active`,
  selected: (count) => `${count} selected`,
  clearAll: 'Clear all',
  clearFilter: 'Clear this filter',
  close: 'Close',
  deleted: (label) => `${label} (deleted)`,
  loadingOptions: 'Loading values…',
  optionsFailed: 'The values could not be loaded',
  contactSearch: 'Search contacts by name or ID',
  contactResults: 'Matching contacts',
  contactMatches: (count) => `${count} contacts found`,
  noContactMatches: 'No contact found',
  conversationIdInput: 'Conversation ID',
  add: 'Add',
  remove: (label) => `Remove ${label}`,
  chosen: 'Chosen',
};

const fr: FilterBarMessages = {
  title: 'Filtres',
  names: {
    closedSource: 'Source de fermeture',
    firstAssignee: 'Premier assigné',
    firstResponseBy: 'Première réponse par',
    lastAssignee: 'Dernier assigné',
    closedByTeam: 'Fermée par l’équipe',
    closedByUser: 'Fermée par l’utilisateur',
    category: 'Catégorie',
    openedChannel: 'Canal d’ouverture',
    openedSource: 'Source d’ouverture',
    contactType: 'Type de contact',
    contact: 'Contact',
    conversationId: 'ID de conversation',
  },
  none: {
    closedSource: 'Sans source',
    firstAssignee: 'Jamais assignée',
    firstResponseBy: 'Sans réponse',
    lastAssignee: 'Non assignée',
    closedByTeam: 'Sans équipe',
    closedByUser: 'Sans utilisateur',
    category: 'Sans catégorie',
    openedChannel: 'Ouverte à la main',
    openedSource: 'Sans source',
    contactType: 'Aucun',
  },
  families: {
    opened: 'conversations ouvertes',
    openedVsClosed: 'ouvertes et fermées',
    closed: 'conversations fermées',
    messages: 'messages',
    contacts: 'contacts',
    csat: 'CSAT',
  },
  appliesTo: (families) => `S’applique à : ${families}.`,
  notApplicable: (families) => `Non applicable avec ces filtres : ${families}.`,
  active: (count) => `${count} actif(s)`,
  selected: (count) => `${count} choisi(s)`,
  clearAll: 'Tout effacer',
  clearFilter: 'Effacer ce filtre',
  close: 'Fermer',
  deleted: (label) => `${label} (supprimé)`,
  loadingOptions: 'Chargement des valeurs…',
  optionsFailed: 'Les valeurs n’ont pas pu être chargées',
  contactSearch: 'Rechercher un contact par nom ou ID',
  contactResults: 'Contacts trouvés',
  contactMatches: (count) => `${count} contacts trouvés`,
  noContactMatches: 'Aucun contact trouvé',
  conversationIdInput: 'ID de conversation',
  add: 'Ajouter',
  remove: (label) => `Retirer ${label}`,
  chosen: 'Choisis',
};

const zh: FilterBarMessages = {
  title: '筛选',
  names: {
    closedSource: '关闭来源',
    firstAssignee: '首次分配给',
    firstResponseBy: '首次回复人',
    lastAssignee: '最后分配给',
    closedByTeam: '关闭团队',
    closedByUser: '关闭人',
    category: '类别',
    openedChannel: '开启渠道',
    openedSource: '开启来源',
    contactType: '联系人类型',
    contact: '联系人',
    conversationId: '会话 ID',
  },
  none: {
    closedSource: '无来源',
    firstAssignee: '从未分配',
    firstResponseBy: '无回复',
    lastAssignee: '未分配',
    closedByTeam: '无团队',
    closedByUser: '无关闭人',
    category: '无类别',
    openedChannel: '手动开启',
    openedSource: '无来源',
    contactType: '无',
  },
  families: {
    opened: '已开启的会话',
    openedVsClosed: '开启与关闭对比',
    closed: '已关闭的会话',
    messages: '消息',
    contacts: '联系人',
    csat: 'CSAT',
  },
  appliesTo: (families) => `适用于：${families}。`,
  notApplicable: (families) => `在这些筛选条件下不适用：${families}。`,
  active: (count) => `${count} 个生效`,
  selected: (count) => `已选 ${count} 个`,
  clearAll: '全部清除',
  clearFilter: '清除此筛选',
  close: '关闭',
  deleted: (label) => `${label}（已删除）`,
  loadingOptions: '正在加载选项…',
  optionsFailed: '无法加载选项',
  contactSearch: '按姓名或 ID 搜索联系人',
  contactResults: '匹配的联系人',
  contactMatches: (count) => `找到 ${count} 个联系人`,
  noContactMatches: '未找到联系人',
  conversationIdInput: '会话 ID',
  add: '添加',
  remove: (label) => `移除 ${label}`,
  chosen: '已选',
};

const tables: Record<Language, FilterBarMessages> = { en, fr, zh };

export function filterBarMessagesFor(language: Language): FilterBarMessages {
  return tables[language];
}
