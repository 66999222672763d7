import * as Comlink from 'comlink';
import { spawnEngineWorker } from '@parley/engine-worker/spawn';
import { engineProtocolVersion, engineRegistryName, type EngineApi } from '@parley/model';
import { SharedEngine } from './shared-engine.js';

/**
 * What `globalThis[Symbol.for(engineRegistryName)]` maps each protocol version to. This shape is
 * read by every Parley bundle a page may load, old and new: extend it, never change it.
 */
export interface EngineRegistryEntry {
  /** Resolves once the engine answered who it is; rejects when it could not start. */
  readonly engine: Promise<EngineApi>;
  /** The worker behind `engine`, when it is one. */
  readonly worker?: Worker;
}

export type EngineRegistry = Map<number, EngineRegistryEntry>;

/** The page's registry, created by whichever bundle asks first. */
export function engineRegistry(): EngineRegistry {
  const holder = globalThis as unknown as Record<symbol, EngineRegistry | undefined>;
  const key = Symbol.for(engineRegistryName);
  return (holder[key] ??= new Map());
}

/**
 * The page's engine: the first call starts the worker, every later call — from this bundle or any
 * other on the page speaking the same protocol — gets the same engine. A start that failed is
 * forgotten, so the next call tries again.
 */
export function getEngine(): Promise<EngineApi> {
  const registry = engineRegistry();
  const existing = registry.get(engineProtocolVersion);
  if (existing) return existing.engine;
  const entry = startEngine();
  registry.set(engineProtocolVersion, entry);
  entry.engine.catch(() => {
    if (registry.get(engineProtocolVersion) === entry) registry.delete(engineProtocolVersion);
  });
  return entry.engine;
}

function startEngine(): EngineRegistryEntry {
  let worker: Worker;
  try {
    worker = spawnEngineWorker();
  } catch (error) {
    return { engine: Promise.reject(error) };
  }
  return { engine: connect(worker), worker };
}

async function connect(worker: Worker): Promise<EngineApi> {
  const remote = Comlink.wrap<EngineApi>(worker);
  let onError: (event: Event) => void = () => {};
  const failedToStart = new Promise<never>((_resolve, reject) => {
    onError = (event) => reject(new Error(`Parley engine worker failed to start: ${describe(event)}`));
    worker.addEventListener('error', onError);
  });
  try {
    const [protocol, workerId] = await Promise.race([Promise.all([remote.protocol, remote.workerId]), failedToStart]);
    if (protocol !== engineProtocolVersion) {
      throw new Error(`Parley engine worker speaks protocol ${protocol}, expected ${engineProtocolVersion}`);
    }
    return new SharedEngine(remote, Comlink.proxy, { protocol, workerId });
  } catch (error) {
    worker.terminate();
    throw error;
  } finally {
    worker.removeEventListener('error', onError);
  }
}

function describe(event: Event): string {
  if (event instanceof ErrorEvent && event.message) return event.message;
  return 'its script did not load (CORS headers of the bundle origin? CSP worker-src blob:?)';
}
