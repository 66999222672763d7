// The page side of the engine, kept tiny: no Dexie, no metrics, no Lit.
export { Parley, resolveSourceConfig, type ParleyOptions } from './parley.js';
export { getEngine, engineRegistry, type EngineRegistry, type EngineRegistryEntry } from './registry.js';
export { SharedEngine, type EngineRemote, type MarkProxy } from './shared-engine.js';
export { latestOnly, isSuperseded } from './latest-only.js';
export { queryKey } from './query-key.js';
export { defineOnce } from './define-once.js';
export { ParleyConfigElement, ParleyAuthRequiredEvent, type AuthRequiredDetail } from './parley-config.js';
