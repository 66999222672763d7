export * from './engine-harness.js';
