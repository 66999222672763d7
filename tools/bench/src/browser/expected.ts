import { createHash } from 'node:crypto';
import { serialize } from 'node:v8';
import type { EngineAnswer, EngineQuery } from '@parley/model';
import type { WorkspaceTables } from '@parley/metrics';
import { QueryContext, tablesToColumnSet } from '@parley/metrics';
import { computeSection } from '@parley/engine-worker';
import type { BenchWidget } from './shared/bench-queries.js';
import { benchQuery, canonicalAnswerJson, channelFilter, coldStartSections, dashboardWidgets, roundtripWidgets } from './shared/bench-queries.js';

// What the browser must answer, computed in Node by the engine's own section code over the same
// tables (the ones the browser's cache was filled from), so a timed answer that is wrong shows.

/** The engine's answer to a query, built as Engine#compute builds it (version given). */
export function engineAnswer(tables: WorkspaceTables, query: EngineQuery, version: number): EngineAnswer {
  if ('preset' in query.period) throw new Error('the bench uses explicit periods');
  const ctx = new QueryContext(tables, { from: query.period.from, to: query.period.to, timeZone: query.timeZone as string, filters: query.filters ?? {} });
  const { value, rowCount } = computeSection(ctx, query);
  return { version, period: { ...ctx.period }, value, ...(rowCount === undefined ? {} : { rowCount }) };
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

export const answerHash = (answer: EngineAnswer): string => sha256Hex(canonicalAnswerJson(answer.value, answer.rowCount));

/** Expected digests of the cold-start queries, by section. */
export function coldStartExpected(tables: WorkspaceTables): Record<string, string> {
  return Object.fromEntries(coldStartSections.map((section) => [section, answerHash(engineAnswer(tables, benchQuery(section), 1))]));
}

const widgetQuery = (widget: BenchWidget, channel: string | null): EngineQuery =>
  benchQuery(widget.section, channel === null ? {} : channelFilter(channel), widget.list);

/** Expected digests of every roundtrip widget per channel filter, and of the dashboard's answers together. */
export function roundtripExpected(tables: WorkspaceTables, channels: readonly string[]): { widgets: Record<string, Record<string, string>>; all: Record<string, string> } {
  const widgets: Record<string, Record<string, string>> = {};
  const all: Record<string, string> = {};
  for (const channel of channels) {
    const texts = new Map<string, string>();
    for (const widget of roundtripWidgets) {
      const answer = engineAnswer(tables, widgetQuery(widget, channel), 1);
      const text = canonicalAnswerJson(answer.value, answer.rowCount);
      texts.set(widget.name, text);
      (widgets[widget.name] ??= {})[channel] = sha256Hex(text);
    }
    all[channel] = sha256Hex(dashboardWidgets.map((widget) => texts.get(widget.name) as string).join('\n'));
  }
  return { widgets, all };
}

/**
 * Bytes a worker's answer moves to the page: the length of its V8 ValueSerializer encoding
 * (node:v8 serialize), which is the format Chromium's postMessage structured clone writes (Blink
 * adds a few header bytes). Measured on the unfiltered query of each widget.
 */
export function answerBytes(tables: WorkspaceTables): Record<string, number> {
  const bytes: Record<string, number> = {};
  for (const widget of roundtripWidgets) bytes[widget.name] = serialize(engineAnswer(tables, widgetQuery(widget, null), 1)).byteLength;
  return bytes;
}

/** Opened channels by number of conversations opened in them (all time), most frequent first. */
export function channelsByFrequency(tables: WorkspaceTables): string[] {
  const counts = new Map<number, number>();
  const channel = tables.conversations.openedChannel;
  for (let row = 0; row < channel.length; row++) counts.set(channel[row], (counts.get(channel[row]) ?? 0) + 1);
  return [...counts.entries()]
    .filter(([code]) => tables.dictionaries.channels.values[code] !== null)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([code]) => tables.dictionaries.channels.values[code] as string);
}

const tableParts = ['conversations', 'facts', 'responses', 'closed', 'messages', 'csat', 'contactEvents'] as const;

/**
 * The stored columns and dictionaries the cold-start queries read: every property those queries
 * get from the tables' parts and dictionaries, seen through proxies over tables of their own.
 * Names as the store keys them (`conversations.openedAt`, `dictionaries.channels`).
 */
export function columnsRead(tables: WorkspaceTables): string[] {
  const seen = new Set<string>();
  const watch = <T extends object>(target: T, prefix: string): T =>
    new Proxy(target, {
      get(object, key, receiver) {
        if (typeof key === 'string') seen.add(`${prefix}.${key}`);
        return Reflect.get(object, key, receiver) as unknown;
      },
    });
  const watched = { ...tables, dictionaries: watch(tables.dictionaries, 'dictionaries') } as WorkspaceTables;
  for (const part of tableParts) (watched as unknown as Record<string, object>)[part] = watch(tables[part], part);
  for (const section of coldStartSections) engineAnswer(watched, benchQuery(section), 1);
  const stored = new Set([...Object.keys(tablesToColumnSet(tables).columns), ...Object.keys(tablesToColumnSet(tables).strings)]);
  return [...seen].filter((name) => stored.has(name)).sort();
}
