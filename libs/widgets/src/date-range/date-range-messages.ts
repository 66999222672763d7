import type { DatePreset } from '@parley/model';
import type { Language } from '@parley/ui';

// The date range's own strings, per language.

export interface DateRangeMessages {
  period: string;
  presets: Record<DatePreset, string>;
  custom: string;
  from: string;
  to: string;
  apply: string;
  timeZone: (zone: string) => string;
  invalidRange: string;
}

const en: DateRangeMessages = {
  period: 'Period',
  presets: {
    today: 'Today',
    yesterday: 'Yesterday',
    'last-7-days': 'Last 7 days',
    'last-14-days': 'Last 14 days',
    'last-30-days': 'Last 30 days',
    'this-month': 'This month',
    'last-month': 'Last month',
  },
  custom: 'Custom range',
  from: 'From',
  to: 'To',
  apply: 'Apply',
  timeZone: (zone) => `Time zone: ${zone}`,
  invalidRange: 'Choose a start and an end date, the start on or before the end.',
};

const fr: DateRangeMessages = {
  period: 'Période',
  presets: {
    today: 'Aujourd’hui',
    yesterday: 'Hier',
    'last-7-days': '7 derniers jours',
    'last-14-days': '14 derniers jours',
    'last-30-days': '30 derniers jours',
    'this-month': 'Ce mois-ci',
    'last-month': 'Le mois dernier',
  },
  custom: 'Période personnalisée',
  from: 'Du',
  to: 'Au',
  apply: 'Appliquer',
  timeZone: (zone) => `Fuseau horaire : ${zone}`,
  invalidRange: 'Choisissez une date de début et une date de fin, le début au plus tard à la fin.',
};

const zh: DateRangeMessages = {
  period: '时间段',
  presets: {
    today: '今天',
    yesterday: '昨天',
    'last-7-days': '最近 7 天',
    'last-14-days': '最近 14 天',
    'last-30-days': '最近 30 天',
    'this-month': '本月',
    'last-month': '上月',
  },
  custom: '自定义范围',
  from: '开始',
  to: '结束',
  apply: '应用',
  timeZone: (zone) => `时区：${zone}`,
  invalidRange: '请选择开始和结束日期，开始日期不能晚于结束日期。',
};

const tables: Record<Language, DateRangeMessages> = { en, fr, zh };

export function dateRangeMessagesFor(language: Language): DateRangeMessages {
  return tables[language];
}
