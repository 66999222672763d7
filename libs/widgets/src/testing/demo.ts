import { oneEvent } from '@open-wc/testing';
import type { Filters, ReportSnapshot, SyncState } from '@parley/model';
import { Parley, type ParleyConfigElement } from '@parley/engine-client';
// Test oracles: the snapshot of `parley report`'s own code over the generated workspace, computed
// in the test page independently of the worker (as tools/integration does). Only tests import this
// folder; the widgets themselves never reach metrics or mocks.
import { snapshotOfWorkspace } from '@parley/metrics';
import { demoApiPath, demoWorkspaceId, generateWorkspaceFile } from '@parley/mocks';
import type { ParleyDataElement, WidgetState } from '@parley/ui';

export const demo = { seed: 11, conversations: 1_500, endDate: '2024-11-20', timeZone: 'Europe/Paris' } as const;
export const period = { from: '2024-10-22', to: '2024-11-20' } as const;
export const workspace = demoWorkspaceId(demo.seed, demo.conversations, demo.endDate);

/** Unique per run, so each run (and each token) has its own server state and cache. */
const run = Math.random().toString(36).slice(2, 8);

let file: ReturnType<typeof generateWorkspaceFile> | null = null;

/** The expected snapshot for the demo period (or another) and filters. */
export function expectedSnapshot(filters: Filters = {}, range: { from: string; to: string } = period): ReportSnapshot {
  file ??= generateWorkspaceFile({ seed: demo.seed, conversations: demo.conversations, endDate: demo.endDate });
  return snapshotOfWorkspace(file, { ...range, timeZone: demo.timeZone, filters });
}

export function demoBase(token: string, faults?: string): string {
  return demoApiPath({ seed: demo.seed, conversations: demo.conversations, endDate: demo.endDate, token: `${run}-${token}`, ...(faults ? { faults } : {}) });
}

/**
 * Points the page's engine at the demo API with a `<parley-config>` in the body (replacing any
 * earlier one) and waits until that source's sync settles.
 */
export async function useDemoSource(token: string, faults?: string): Promise<SyncState> {
  document.querySelectorAll('parley-config').forEach((element) => element.remove());
  const config = document.createElement('parley-config') as ParleyConfigElement;
  config.setAttribute('base-url', demoBase(token, faults));
  config.setAttribute('workspace', workspace);
  document.body.append(config);
  return settled();
}

export async function settled(): Promise<SyncState> {
  // Let the element's queued configuration reach the engine first.
  await new Promise((resolve) => setTimeout(resolve, 20));
  for (let i = 0; i < 600; i++) {
    const state = await Parley.syncState();
    if (state.phase !== 'syncing' && state.phase !== 'idle') return state;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`sync did not settle: ${JSON.stringify(await Parley.syncState())}`);
}

/** Resolves once the element's `state` is `state` (at once when it already is). */
export async function untilState<E extends ParleyDataElement<unknown>>(element: E, state: WidgetState): Promise<E> {
  while (element.state !== state) {
    const event = await Promise.race([oneEvent(element, 'parley-state'), new Promise<null>((resolve) => setTimeout(() => resolve(null), 20_000))]);
    if (event === null) throw new Error(`${element.localName} stayed ${element.state}, expected ${state}`);
  }
  await element.updateComplete;
  return element;
}

/** The period attributes every test widget gets. */
export const periodAttributes = `from="${period.from}" to="${period.to}" time-zone="${demo.timeZone}"`;
