import type { ContactMatch, FilterOption, FilterOptions } from '@parley/model';
import { compareStrings, contactTypes } from '@parley/model';
import type { Dictionary, DirectoryEntry, WorkspaceTables } from '@parley/metrics';

// What the filter bar offers: every value present in the data for each list-type filter, with
// display names for users, teams and channels, "none" ("") where the data has it; and a contact
// search by name or id (a workspace may have millions of contacts: never listed whole).

function options(dictionary: Dictionary, names: readonly DirectoryEntry[] | null): FilterOption[] {
  const byId = new Map(names?.map((entry) => [entry.id, entry]));
  const result: FilterOption[] = [];
  for (let code = 1; code < dictionary.size; code++) {
    const value = dictionary.values[code];
    if (value === null || value === '') continue;
    const entry = byId.get(value);
    result.push({ value, label: entry?.name ?? null, ...(entry?.deleted ? { deleted: true } : {}) });
  }
  const label = (option: FilterOption) => option.label ?? option.value;
  result.sort((a, b) => compareStrings(label(a).toLowerCase(), label(b).toLowerCase()) || compareStrings(a.value, b.value));
  // "None" (absent, null or "") last: e.g. unassigned, no category.
  result.push({ value: '', label: null });
  return result;
}

export function filterOptions(tables: WorkspaceTables): FilterOptions {
  const d = tables.dictionaries;
  const users = options(d.users, tables.directory.users);
  return {
    closedSource: options(d.closedSources, null),
    firstAssignee: users,
    firstResponseBy: users,
    lastAssignee: users,
    closedByTeam: options(d.teams, tables.directory.teams),
    closedByUser: users,
    category: options(d.categories, null),
    openedChannel: options(d.channels, tables.directory.channels),
    openedSource: options(d.openedSources, null),
    contactType: contactTypes.map((value) => ({ value, label: null })),
  };
}

export function contactSearch(tables: WorkspaceTables, text: string, limit = 20): ContactMatch[] {
  const needle = text.trim().toLowerCase();
  if (needle === '') return [];
  const ids = tables.dictionaries.contacts.values;
  const matches: ContactMatch[] = [];
  for (let code = 1; code < ids.length && matches.length < limit; code++) {
    const id = ids[code];
    if (id === null || id === '') continue;
    const name = tables.contactNames[code] ?? null;
    if (id.toLowerCase().includes(needle) || (name !== null && name.toLowerCase().includes(needle))) matches.push({ id, name });
  }
  return matches;
}
