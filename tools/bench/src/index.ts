// The bench harness as a library: the engines and their query functions (used by the tests).
export * from './answers.js';
export * from './arquero-engine.js';
export * from './bench-config.js';
export type * from './bench-engine.js';
export * from './duckdb-engine.js';
export * from './parley-engine.js';
export * from './peer-columns.js';
export * from './query-parameters.js';
export * from './workspace-generation.js';
