export * from './chunks.js';
export * from './database.js';
export * from './source-store.js';
export * from './open-store.js';
export * from './http-sync.js';
export * from './file-import.js';
