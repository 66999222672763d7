import type { Language } from '@parley/ui';
import type { ListColumnKey } from './columns.js';

// The conversation list's own strings (column names as in seed 000), per language. Numbers, dates
// and durations arrive already formatted through Intl.

export interface ListMessages {
  title: { closed: string; opened: string };
  columns: Record<ListColumnKey, string>;
  rowCount: (count: string) => string;
  capNotice: (shown: string, total: string) => string;
  columnsButton: (visible: string, total: string) => string;
  columnsLegend: string;
  showAll: string;
  exportCsv: string;
  exporting: string;
  exportFailed: string;
  unassigned: string;
  tableLabel: (title: string) => string;
  cell: (description: string) => string;
  invalidScope: string;
  invalidCell: string;
  invalidSort: (allowed: string) => string;
}

const en: ListMessages = {
  title: { closed: 'Closed conversations', opened: 'Opened conversations' },
  columns: {
    closedAt: 'Closed at',
    closedSource: 'Closed-by source',
    closedByUserId: 'Closed by',
    closedByTeamId: 'Closed-by team',
    openedAt: 'Opened at',
    openedSource: 'Opened-by source',
    openedChannelId: 'Opened channel',
    conversationId: 'Conversation ID',
    contactId: 'Contact ID',
    contactName: 'Contact name',
    firstAssignmentAt: 'First assignment at',
    firstAssigneeId: 'First assignee',
    firstResponseAt: 'First response at',
    firstResponseById: 'First response by',
    lastAssignmentAt: 'Last assignment at',
    lastAssigneeId: 'Last assignee',
    timeToFirstAssignmentMs: 'Time to first assignment',
    firstResponseTimeMs: 'First response time',
    firstAssignmentToFirstResponseMs: 'First assignment to first response',
    lastAssignmentToResponseMs: 'Last assignment to response',
    resolutionTimeMs: 'Resolution time',
    firstAssignmentToCloseMs: 'First assignment to close',
    lastAssignmentToCloseMs: 'Last assignment to close',
    averageResponseTimeMs: 'Average response time',
    assignments: 'Assignments',
    incomingMessages: 'Incoming messages',
    outgoingMessages: 'Outgoing messages',
    responses: 'Responses',
    category: 'Category',
    summary: 'Summary',
    contactType: 'Contact type',
  },
  rowCount: (count) => `${count} conversations`,
  capNotice: (shown, total) => `Showing the first ${shown} of ${total} conversations. The CSV export includes all of them.`,
  columnsButton: (visible, total) => `Columns (${visible}/${total})`,
  columnsLegend: 'Visible columns',
  showAll: 'Show all',
  exportCsv: 'Export CSV',
  exporting: 'Exporting…',
  exportFailed: 'The export failed',
  unassigned: 'Unassigned',
  tableLabel: (title) => `${title}, table`,
  cell: (description) => `Only ${description}`,
  invalidScope: 'scope must be closed or opened',
  invalidCell: 'A cell is weekday (0 = Monday … 6) and hour (0–23), or date (YYYY-MM-DD) with an optional hour',
  invalidSort: (allowed) => `Unknown sort column: use ${allowed}`,
};

const fr: ListMessages = {
  title: { closed: 'Conversations fermées', opened: 'Conversations ouvertes' },
  columns: {
    closedAt: 'Fermée le',
    closedSource: 'Source de fermeture',
    closedByUserId: 'Fermée par',
    closedByTeamId: 'Équipe de fermeture',
    openedAt: 'Ouverte le',
    openedSource: 'Source d’ouverture',
    openedChannelId: 'Canal d’ouverture',
    conversationId: 'ID de conversation',
    contactId: 'ID du contact',
    contactName: 'Nom du contact',
    firstAssignmentAt: 'Première assignation le',
    firstAssigneeId: 'Premier assigné',
    firstResponseAt: 'Première réponse le',
    firstResponseById: 'Première réponse par',
    lastAssignmentAt: 'Dernière assignation le',
    lastAssigneeId: 'Dernier assigné',
    timeToFirstAssignmentMs: 'Délai de première assignation',
    firstResponseTimeMs: 'Délai de première réponse',
    firstAssignmentToFirstResponseMs: 'Première assignation → première réponse',
    lastAssignmentToResponseMs: 'Dernière assignation → réponse',
    resolutionTimeMs: 'Délai de résolution',
    firstAssignmentToCloseMs: 'Première assignation → fermeture',
    lastAssignmentToCloseMs: 'Dernière assignation → fermeture',
    averageResponseTimeMs: 'Délai de réponse moyen',
    assignments: 'Assignations',
    incomingMessages: 'Messages entrants',
    outgoingMessages: 'Messages sortants',
    responses: 'Réponses',
    category: 'Catégorie',
    summary: 'Résumé',
    contactType: 'Type de contact',
  },
  rowCount: (count) => `${count} conversations`,
  capNotice: (shown, total) => `Affichage des ${shown} premières conversations sur ${total}. L’export CSV les inclut toutes.`,
  columnsButton: (visible, total) => `Colonnes (${visible}/${total})`,
  columnsLegend: 'Colonnes affichées',
  showAll: 'Tout afficher',
  exportCsv: 'Exporter en CSV',
  exporting: 'Export…',
  exportFailed: 'L’export a échoué',
  unassigned: 'Non assignée',
  tableLabel: (title) => `${title}, tableau`,
  cell: (description) => `Uniquement ${description}`,
  invalidScope: 'scope doit valoir closed ou opened',
  invalidCell: 'Une cellule est weekday (0 = lundi … 6) et hour (0–23), ou date (AAAA-MM-JJ) avec une heure facultative',
  invalidSort: (allowed) => `Colonne de tri inconnue : utilisez ${allowed}`,
};

const zh: ListMessages = {
  title: { closed: '已关闭的会话', opened: '已开启的会话' },
  columns: {
    closedAt: '关闭时间',
    closedSource: '关闭来源',
    closedByUserId: '关闭人',
    closedByTeamId: '关闭团队',
    openedAt: '开启时间',
    openedSource: '开启来源',
    openedChannelId: '开启渠道',
    conversationId: '会话 ID',
    contactId: '联系人 ID',
    contactName: '联系人姓名',
    firstAssignmentAt: '首次分配时间',
    firstAssigneeId: '首次分配给',
    firstResponseAt: '首次回复时间',
    firstResponseById: '首次回复人',
    lastAssignmentAt: '最后分配时间',
    lastAssigneeId: '最后分配给',
    timeToFirstAssignmentMs: '首次分配用时',
    firstResponseTimeMs: '首次回复用时',
    firstAssignmentToFirstResponseMs: '首次分配至首次回复',
    lastAssignmentToResponseMs: '最后分配至回复',
    resolutionTimeMs: '解决用时',
    firstAssignmentToCloseMs: '首次分配至关闭',
    lastAssignmentToCloseMs: '最后分配至关闭',
    averageResponseTimeMs: '平均回复用时',
    assignments: '分配次数',
    incomingMessages: '收到的消息',
    outgoingMessages: '发出的消息',
    responses: '回复数',
    category: '类别',
    summary: '摘要',
    contactType: '联系人类型',
  },
  rowCount: (count) => `${count} 个会话`,
  capNotice: (shown, total) => `显示 ${total} 个会话中的前 ${shown} 个。CSV 导出包含全部会话。`,
  columnsButton: (visible, total) => `列（${visible}/${total}）`,
  columnsLegend: '显示的列',
  showAll: '全部显示',
  exportCsv: '导出 CSV',
  exporting: '正在导出…',
  exportFailed: '导出失败',
  unassigned: '未分配',
  tableLabel: (title) => `${title}（表格）`,
  cell: (description) => `仅 ${description}`,
  invalidScope: 'scope 必须为 closed 或 opened',
  invalidCell: '单元格为 weekday（0 = 星期一 … 6）和 hour（0–23），或 date（YYYY-MM-DD）加可选的 hour',
  invalidSort: (allowed) => `未知的排序列：请使用 ${allowed}`,
};

const tables: Record<Language, ListMessages> = { en, fr, zh };

export function listMessagesFor(language: Language): ListMessages {
  return tables[language];
}
