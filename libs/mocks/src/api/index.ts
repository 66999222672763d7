export { demoApi } from './demo-api.js';
export type { DemoApi, DemoApiOptions } from './demo-api.js';
export { defaultPrefix as demoApiPrefix, demoApiPath } from './api-path.js';
export type { DemoApiPathOptions } from './api-path.js';
export { faultNames } from './faults.js';
export type { FaultName } from './faults.js';
export type { DemoApiStats, InjectedFault } from './server-state.js';
