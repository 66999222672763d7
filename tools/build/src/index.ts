export { buildSite, chunkLabel, staticApps, type BuildSiteOptions, type SiteBuild } from './build-site.js';
export { graphFileName, lazyClosure, readBundleGraph, staticClosure, type BundleGraph, type ChunkNode } from './bundle-graph.js';
export { clientEntry, widgetEntries, widgetsSourceDir, type WidgetEntry } from './entries.js';
export {
  budgets,
  checkBudgets,
  gzipBytes,
  kb,
  measureBundles,
  replaceSizeSection,
  sizeTable,
  type Budget,
  type BudgetResult,
  type BundleSize,
  type WorkerSize,
} from './size-budget.js';
