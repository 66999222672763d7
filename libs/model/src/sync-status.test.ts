import { describe, expect, it } from 'vitest';
import type { SyncState } from './engine.js';
import { describeSyncState } from './sync-status.js';

const base: SyncState = { phase: 'idle', progress: null, dataAsOf: null, version: 0, error: null, status: null, storage: 'best-effort', skipped: 0, recentSkipped: [] };
const now = Date.UTC(2026, 10, 25, 13, 5);

describe('describeSyncState', () => {
  // ICU's spaces (no-break, narrow no-break) differ between versions: those parts come from Intl.
  it('says what the source is doing, in en, fr and zh', () => {
    expect(describeSyncState({ ...base, phase: 'syncing', progress: 0.4 }, { now })).toBe('syncing 40%');
    expect(describeSyncState({ ...base, phase: 'syncing', progress: 0.4 }, { now, locale: 'fr' })).toBe(`synchronisation ${new Intl.NumberFormat('fr', { style: 'percent' }).format(0.4)}`);
    expect(describeSyncState({ ...base, phase: 'syncing' }, { now })).toBe('syncing');
    expect(describeSyncState({ ...base, phase: 'up-to-date', dataAsOf: now - 125_000 }, { now })).toBe('up to date 2 min. ago');
    expect(describeSyncState({ ...base, phase: 'up-to-date', dataAsOf: now - 125_000 }, { now, locale: 'zh' })).toBe('已是最新2分钟前');
    expect(describeSyncState({ ...base, phase: 'up-to-date', dataAsOf: now - 5_000 }, { now })).toBe('up to date now');
    expect(describeSyncState({ ...base, phase: 'offline', dataAsOf: now - 3_600_000 }, { now, timeZone: 'UTC' })).toBe(`offline — data from ${new Intl.DateTimeFormat('en', { dateStyle: 'short', timeStyle: 'short', timeZone: 'UTC' }).format(now - 3_600_000)}`);
    expect(describeSyncState({ ...base, phase: 'error', error: 'GET /workspace failed 8 times' }, { now })).toBe('error: GET /workspace failed 8 times');
    expect(describeSyncState({ ...base, phase: 'auth-required', status: 401 }, { now, locale: 'fr' })).toBe('connexion requise');
    expect(describeSyncState({ ...base, phase: 'up-to-date', dataAsOf: now, storage: 'memory' }, { now })).toBe('up to date now (not cached)');
  });
});
