export * from './generator/index.js';
export * from './api/index.js';
