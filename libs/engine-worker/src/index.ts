// The engine itself, for Node tests and tools. Pages start it with `spawnEngineWorker()` from the
// `@parley/engine-worker/spawn` entry, which imports none of this.
export { createEngine } from './engine.js';
export type { EngineOptions } from './engine.js';
export { Engine } from './engine.js';
export { computeSection, listCap } from './sections.js';
