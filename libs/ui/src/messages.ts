import type { Language } from './lang.js';

// The few UI strings, as plain message maps keyed by language (English first). Numbers, dates and
// durations reach them already formatted through Intl (format.ts). @lit/localize would need its
// extraction build for three short tables; a typed map keeps every bundle free of that step.

export interface Messages {
  loading: string;
  empty: string;
  notApplicable: string;
  error: string;
  retry: string;
  stale: (asOf: string | null) => string;
  measure: { opened: string; closed: string };
  /** "Opened conversations by channel". */
  breakdownTitle: (scope: 'opened' | 'closed', group: string) => string;
  groupName: Record<'contactType' | 'openedSource' | 'openedChannel' | 'category' | 'closedSource', string>;
  /** Labels of known group keys (contact types, sources); other keys show as they are. */
  keyLabel: Record<string, string>;
  /** The label of the `null` group ("none"), by grouping key. */
  noneLabel: Record<'contactType' | 'openedSource' | 'openedChannel' | 'category' | 'closedSource', string>;
  table: { group: string; count: string; percent: string };
  chartLabel: (title: string) => string;
  heatmapTitle: (scope: 'opened' | 'closed') => string;
  heatmapCell: (weekday: string, hours: string, count: string) => string;
  fewer: string;
  more: string;
  timeseriesTitle: string;
  series: { opened: string; closed: string };
  point: (series: string, date: string, count: string) => string;
  segment: (label: string, count: string, percent: string) => string;
  total: (count: string) => string;
  totalLabel: string;
  skipped: (count: string) => string;
  syncNow: string;
  syncTitle: string;
  invalidMeasure: (allowed: string) => string;
  invalidGroupBy: (allowed: string) => string;
  invalidFilters: (reason: string) => string;
  incompletePeriod: string;
  rowsDateLater: string;
}

const en: Messages = {
  loading: 'Loading…',
  empty: 'No data for the selected filters',
  notApplicable: 'The selected filters are not applicable here',
  error: 'The data could not be loaded',
  retry: 'Retry',
  stale: (asOf) => (asOf ? `May be out of date · data from ${asOf}` : 'May be out of date'),
  measure: { opened: 'Conversations opened', closed: 'Conversations closed' },
  breakdownTitle: (scope, group) => `${scope === 'opened' ? 'Opened' : 'Closed'} conversations by ${group}`,
  groupName: { contactType: 'contact type', openedSource: 'source', openedChannel: 'channel', category: 'category', closedSource: 'closing source' },
  keyLabel: {
    new: 'New',
    returning: 'Returning',
    user: 'User',
    contact: 'Contact',
    workflow: 'Workflow',
    api: 'Developer API',
    zapier: 'Zapier',
    make: 'Make',
    ctc_ads: 'Click-to-chat ads',
    bot: 'Bot',
    blocked: 'Blocked contact',
  },
  noneLabel: { contactType: 'None', openedSource: 'No source', openedChannel: 'Opened by hand', category: 'No category', closedSource: 'No source' },
  table: { group: 'Group', count: 'Conversations', percent: 'Share' },
  chartLabel: (title) => `${title}, chart`,
  heatmapTitle: (scope) => (scope === 'opened' ? 'Opened conversations by weekday and hour' : 'Closed conversations by weekday and hour'),
  heatmapCell: (weekday, hours, count) => `${weekday} ${hours}: ${count}`,
  fewer: 'Fewer',
  more: 'More',
  timeseriesTitle: 'Opened vs closed conversations',
  series: { opened: 'Opened', closed: 'Closed' },
  point: (series, date, count) => `${series} ${date}: ${count}`,
  segment: (label, count, percent) => `${label}: ${count} (${percent})`,
  total: (count) => `Total ${count}`,
  totalLabel: 'Total',
  skipped: (count) => `${count} invalid items skipped`,
  syncNow: 'Sync now',
  syncTitle: 'Data status',
  invalidMeasure: (allowed) => `Unknown measure: use ${allowed}`,
  invalidGroupBy: (allowed) => `Unknown group-by for this measure: use ${allowed}`,
  invalidFilters: (reason) => `Invalid filters: ${reason}`,
  incompletePeriod: 'Set both from and to (YYYY-MM-DD)',
  rowsDateLater: 'Rows by date are not available yet',
};

const fr: Messages = {
  loading: 'Chargement…',
  empty: 'Aucune donnée pour les filtres choisis',
  notApplicable: 'Les filtres choisis ne s’appliquent pas ici',
  error: 'Les données n’ont pas pu être chargées',
  retry: 'Réessayer',
  stale: (asOf) => (asOf ? `Peut-être pas à jour · données du ${asOf}` : 'Peut-être pas à jour'),
  measure: { opened: 'Conversations ouvertes', closed: 'Conversations fermées' },
  breakdownTitle: (scope, group) => `Conversations ${scope === 'opened' ? 'ouvertes' : 'fermées'} par ${group}`,
  groupName: { contactType: 'type de contact', openedSource: 'source', openedChannel: 'canal', category: 'catégorie', closedSource: 'source de fermeture' },
  keyLabel: {
    new: 'Nouveau',
    returning: 'Récurrent',
    user: 'Utilisateur',
    contact: 'Contact',
    workflow: 'Workflow',
    api: 'API développeur',
    zapier: 'Zapier',
    make: 'Make',
    ctc_ads: 'Publicités click-to-chat',
    bot: 'Bot',
    blocked: 'Contact bloqué',
  },
  noneLabel: { contactType: 'Aucun', openedSource: 'Sans source', openedChannel: 'Ouverte à la main', category: 'Sans catégorie', closedSource: 'Sans source' },
  table: { group: 'Groupe', count: 'Conversations', percent: 'Part' },
  chartLabel: (title) => `${title}, graphique`,
  heatmapTitle: (scope) => (scope === 'opened' ? 'Conversations ouvertes par jour et heure' : 'Conversations fermées par jour et heure'),
  heatmapCell: (weekday, hours, count) => `${weekday} ${hours} : ${count}`,
  fewer: 'Moins',
  more: 'Plus',
  timeseriesTitle: 'Conversations ouvertes et fermées',
  series: { opened: 'Ouvertes', closed: 'Fermées' },
  point: (series, date, count) => `${series} ${date} : ${count}`,
  segment: (label, count, percent) => `${label} : ${count} (${percent})`,
  total: (count) => `Total ${count}`,
  totalLabel: 'Total',
  skipped: (count) => `${count} éléments invalides ignorés`,
  syncNow: 'Synchroniser',
  syncTitle: 'État des données',
  invalidMeasure: (allowed) => `Mesure inconnue : utilisez ${allowed}`,
  invalidGroupBy: (allowed) => `Regroupement inconnu pour cette mesure : utilisez ${allowed}`,
  invalidFilters: (reason) => `Filtres invalides : ${reason}`,
  incompletePeriod: 'Indiquez from et to (AAAA-MM-JJ)',
  rowsDateLater: 'Les lignes par date ne sont pas encore disponibles',
};

const zh: Messages = {
  loading: '加载中…',
  empty: '所选筛选条件下没有数据',
  notApplicable: '所选筛选条件不适用于此处',
  error: '无法加载数据',
  retry: '重试',
  stale: (asOf) => (asOf ? `可能不是最新 · 数据截至 ${asOf}` : '可能不是最新'),
  measure: { opened: '已开启的会话', closed: '已关闭的会话' },
  breakdownTitle: (scope, group) => `按${group}划分的${scope === 'opened' ? '已开启' : '已关闭'}会话`,
  groupName: { contactType: '联系人类型', openedSource: '来源', openedChannel: '渠道', category: '类别', closedSource: '关闭来源' },
  keyLabel: {
    new: '新联系人',
    returning: '回访联系人',
    user: '用户',
    contact: '联系人',
    workflow: '工作流',
    api: '开发者 API',
    zapier: 'Zapier',
    make: 'Make',
    ctc_ads: '点击聊天广告',
    bot: '机器人',
    blocked: '已屏蔽联系人',
  },
  noneLabel: { contactType: '无', openedSource: '无来源', openedChannel: '手动开启', category: '无类别', closedSource: '无来源' },
  table: { group: '分组', count: '会话', percent: '占比' },
  chartLabel: (title) => `${title}（图表）`,
  heatmapTitle: (scope) => (scope === 'opened' ? '按星期和小时划分的已开启会话' : '按星期和小时划分的已关闭会话'),
  heatmapCell: (weekday, hours, count) => `${weekday} ${hours}：${count}`,
  fewer: '较少',
  more: '较多',
  timeseriesTitle: '已开启与已关闭的会话',
  series: { opened: '已开启', closed: '已关闭' },
  point: (series, date, count) => `${series} ${date}：${count}`,
  segment: (label, count, percent) => `${label}：${count}（${percent}）`,
  total: (count) => `合计 ${count}`,
  totalLabel: '合计',
  skipped: (count) => `已跳过 ${count} 个无效项`,
  syncNow: '立即同步',
  syncTitle: '数据状态',
  invalidMeasure: (allowed) => `未知的度量：请使用 ${allowed}`,
  invalidGroupBy: (allowed) => `此度量不支持该分组：请使用 ${allowed}`,
  invalidFilters: (reason) => `筛选条件无效：${reason}`,
  incompletePeriod: '请同时设置 from 和 to（YYYY-MM-DD）',
  rowsDateLater: '按日期的行暂不可用',
};

const tables: Record<Language, Messages> = { en, fr, zh };

export function messagesFor(language: Language): Messages {
  return tables[language];
}
