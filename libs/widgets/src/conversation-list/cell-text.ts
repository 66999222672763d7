import type { FilterOption, FilterOptions, ListColumns } from '@parley/model';
import { listNumberKeys } from '@parley/model';
import { formatCount, formatDateTime, formatDuration } from '@parley/ui';
import type { ListColumn, ListColumnKey } from './columns.js';

// What a list cell says, on screen (Intl in the element's language) and in the CSV export
// (locale-neutral numbers and `YYYY-MM-DD HH:mm:ss` local times a spreadsheet can read). Both are
// plain text: the list never renders data as HTML.

/** Display names of the ids the engine knows a name for (users, teams, channels). */
export interface DirectoryNames {
  users: ReadonlyMap<string, FilterOption>;
  teams: ReadonlyMap<string, FilterOption>;
  channels: ReadonlyMap<string, FilterOption>;
}

export function directoryNames(options: FilterOptions | undefined): DirectoryNames {
  const byValue = (list: readonly FilterOption[] | undefined) => new Map((list ?? []).map((option) => [option.value, option]));
  return { users: byValue(options?.firstAssignee), teams: byValue(options?.closedByTeam), channels: byValue(options?.openedChannel) };
}

export interface CellContext {
  locale: string;
  timeZone: string;
  names: DirectoryNames;
  /** Labels of known enum values (sources, contact types). */
  keyLabel: Readonly<Record<string, string>>;
  unassigned: string;
}

const numberKeys: ReadonlySet<string> = new Set(listNumberKeys);

/** The raw value of a cell (null for none), read straight from the transferred columns. */
export function valueAt(columns: ListColumns, key: ListColumnKey, index: number): number | string | null {
  if (numberKeys.has(key)) {
    const value = columns.numbers[key as (typeof listNumberKeys)[number]][index];
    return Number.isNaN(value) ? null : value;
  }
  const { codes, values } = columns.strings[key as keyof ListColumns['strings']];
  return values[codes[index]];
}

const csvDateFormats = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD HH:mm:ss` in the zone. */
export function csvDateTime(epochMs: number, timeZone: string): string {
  let format = csvDateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    csvDateFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(epochMs).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** A user, team or channel id as shown: its name, or the id itself for a deleted user (seed 003). */
function nameOf(option: FilterOption | undefined, id: string, isUser: boolean): string {
  if (!option || option.label === null || (isUser && option.deleted)) return id;
  return option.label;
}

/** The text of one cell; `''` in CSV and `-` on screen for none. */
export function cellText(columns: ListColumns, index: number, column: ListColumn, context: CellContext, mode: 'screen' | 'csv'): string {
  const value = valueAt(columns, column.key, index);
  const none = mode === 'screen' ? '-' : '';
  if (column.key === 'lastAssigneeId' && value === null && valueAt(columns, 'lastAssignmentAt', index) !== null) return context.unassigned;
  if (value === null) return none;
  if (typeof value === 'number') {
    switch (column.kind) {
      case 'datetime':
        return mode === 'screen' ? formatDateTime(value, context.locale, context.timeZone) : csvDateTime(value, context.timeZone);
      case 'duration':
        return formatDuration(value, mode === 'screen' ? context.locale : 'en');
      default:
        return mode === 'screen' ? formatCount(value, context.locale) : String(value);
    }
  }
  switch (column.kind) {
    case 'user':
      return nameOf(context.names.users.get(value), value, true);
    case 'team':
      return nameOf(context.names.teams.get(value), value, false);
    case 'channel':
      return nameOf(context.names.channels.get(value), value, false);
    case 'source':
    case 'contactType':
      return Object.hasOwn(context.keyLabel, value) ? context.keyLabel[value] : value;
    default:
      return value;
  }
}
