export { demoApiMiddleware } from './demo-api-middleware.js';
export type { DemoApiMiddlewareOptions, NextFunction, NodeMiddleware } from './demo-api-middleware.js';
export { startDemoServer } from './demo-server.js';
export type { DemoServer, DemoServerOptions } from './demo-server.js';
