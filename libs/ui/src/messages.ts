import type { Language } from './lang.js';
import { notifyLangChange } from './lang.js';

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
  invalidRows: string;
  invalidFilters: (reason: string) => string;
  incompletePeriod: string;
  /** Title of the date × hour heatmap. */
  heatmapDateTitle: (scope: 'opened' | 'closed') => string;
  /** A date × hour heatmap asked for more than 31 days. */
  rangeTooLong: string;
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
  invalidRows: 'Unknown rows: use weekday or date',
  invalidFilters: (reason) => `Invalid filters: ${reason}`,
  incompletePeriod: 'Set both from and to (YYYY-MM-DD)',
  heatmapDateTitle: (scope) => (scope === 'opened' ? 'Opened conversations by date and hour' : 'Closed conversations by date and hour'),
  rangeTooLong: 'Range too long: choose a period of at most 31 days for rows by date',
};

const loaded: Partial<Record<Language, Messages>> = { en };
const pending = new Map<Language, Promise<void>>();

/**
 * French and Chinese as JSON assets fetched when first needed (the smallest widget must stay under
 * its size budget): plain strings, `{0}`-style placeholders for the parameters, and objects for the
 * three messages that choose between wordings.
 */
const tableUrls: Record<Exclude<Language, 'en'>, URL> = {
  fr: new URL('./messages-fr.json', import.meta.url),
  zh: new URL('./messages-zh.json', import.meta.url),
};

type MessageData = Record<string, unknown>;

function fill(template: string, args: readonly unknown[]): string {
  return template.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)]));
}

/** The Messages shape from its JSON form, checked key by key against English. */
export function compileMessages(data: MessageData): Messages {
  const out: Record<string, unknown> = {};
  for (const [key, reference] of Object.entries(en)) {
    const value = data[key];
    if (value === undefined) throw new Error(`message "${key}" is missing`);
    if (key === 'stale') {
      const { with: withDate, without } = value as { with: string; without: string };
      out[key] = (asOf: string | null) => (asOf ? fill(withDate, [asOf]) : without);
    } else if (key === 'breakdownTitle' || key === 'heatmapTitle' || key === 'heatmapDateTitle') {
      const byScope = value as Record<'opened' | 'closed', string>;
      out[key] = (scope: 'opened' | 'closed', group?: string) => fill(byScope[scope], [group]);
    } else if (typeof reference === 'function') {
      const template = value as string;
      out[key] = (...args: unknown[]) => fill(template, args);
    } else out[key] = value;
  }
  return out as unknown as Messages;
}

/** Loads a language's strings; elements re-render when it lands (English stands in until then). */
export function loadMessages(language: Language): Promise<void> {
  if (loaded[language]) return Promise.resolve();
  let promise = pending.get(language);
  if (!promise) {
    promise = fetch(tableUrls[language as Exclude<Language, 'en'>])
      .then((response) => {
        if (!response.ok) throw new Error(`${response.status} for the ${language} strings`);
        return response.json() as Promise<MessageData>;
      })
      .then((data) => {
        loaded[language] = compileMessages(data);
        notifyLangChange();
      })
      .catch((error: unknown) => {
        // English stays; a later element may try again.
        pending.delete(language);
        console.warn(`Parley: ${language} strings unavailable, showing English`, error);
      });
    pending.set(language, promise);
  }
  return promise;
}

/** The strings of a language; English until a French or Chinese table has loaded (then a re-render). */
export function messagesFor(language: Language): Messages {
  const table = loaded[language];
  if (table) return table;
  void loadMessages(language);
  return en;
}
