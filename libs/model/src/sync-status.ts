import type { SyncState } from './engine.js';

// The one-line status of a data source (`syncing 40%`, `up to date 2 min ago`, `offline — data
// from 14:05`, `error: <reason>`), in English, French or Chinese, numbers and times through Intl.

export type StatusLanguage = 'en' | 'fr' | 'zh';

const words = {
  en: { syncing: 'syncing', upToDate: 'up to date', offline: 'offline — data from', error: 'error:', auth: 'sign-in required', never: 'no data yet', memory: 'not cached' },
  fr: { syncing: 'synchronisation', upToDate: 'à jour', offline: 'hors ligne — données du', error: 'erreur :', auth: 'connexion requise', never: 'pas encore de données', memory: 'non mis en cache' },
  zh: { syncing: '正在同步', upToDate: '已是最新', offline: '离线 — 数据截至', error: '错误：', auth: '需要登录', never: '暂无数据', memory: '未缓存' },
} as const;

function languageOf(locale: string): StatusLanguage {
  const base = locale.toLowerCase().split('-')[0];
  return base === 'fr' || base === 'zh' ? base : 'en';
}

/** "2 min ago", "il y a 2 min", "2分钟前": the largest whole unit, never "0 s ago" for a fresh one. */
function ago(ms: number, locale: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return format.format(0, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return format.format(-hours, 'hour');
  return format.format(-Math.floor(hours / 24), 'day');
}

export function describeSyncState(state: SyncState, options: { now: number; locale?: string; timeZone?: string }): string {
  const locale = options.locale ?? 'en';
  const w = words[languageOf(locale)];
  const space = languageOf(locale) === 'zh' ? '' : ' ';
  const when = (epochMs: number) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', ...(options.timeZone ? { timeZone: options.timeZone } : {}) }).format(epochMs);
  switch (state.phase) {
    case 'syncing':
      return state.progress === null ? w.syncing : `${w.syncing}${space}${new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(state.progress)}`;
    case 'up-to-date':
      return `${w.upToDate}${space}${ago(options.now - (state.dataAsOf ?? options.now), locale)}${state.storage === 'memory' ? ` (${w.memory})` : ''}`;
    case 'offline':
      return state.dataAsOf === null ? `${w.offline.split('—')[0].trim()}` : `${w.offline}${space}${when(state.dataAsOf)}`;
    case 'auth-required':
      return w.auth;
    case 'error':
      return `${w.error}${space}${state.error ?? ''}`.trim();
    case 'idle':
      return state.dataAsOf === null ? w.never : `${w.upToDate}${space}${ago(options.now - state.dataAsOf, locale)}`;
  }
}
