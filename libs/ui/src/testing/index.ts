// Test helpers for libs that render Parley elements (not part of the main entry).
export { expectAccessible } from './a11y.js';
