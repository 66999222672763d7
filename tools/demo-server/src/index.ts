export { demoApiMiddleware } from './demo-api-middleware.js';
export type { DemoApiMiddlewareOptions, NextFunction, NodeMiddleware } from './demo-api-middleware.js';
export { startDemoServer } from './demo-server.js';
export type { DemoServer, DemoServerOptions } from './demo-server.js';
export { contentTypes, demoSiteMiddleware, siteRoute, startDemoSite } from './demo-site.js';
export type { DemoSite, DemoSiteMiddlewareOptions, DemoSiteOptions } from './demo-site.js';
