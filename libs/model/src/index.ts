export * from './vocabularies.js';
export * from './records.js';
export * from './filters.js';
export * from './snapshot.js';
export * from './validation.js';
export * from './workspace-reader.js';
export * from './validating-sink.js';
