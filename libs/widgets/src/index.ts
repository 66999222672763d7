// Every Parley widget. Importing this module registers all their tags (each also has its own entry
// point, `@parley/widgets/parley-<name>`, which registers only that one plus parley-config and
// parley-scope).
export { ParleyScopeElement } from './scope/parley-scope.js';
export { ParleyMetricCardElement } from './metric-card/parley-metric-card.js';
export { ParleyHeatmapElement, heatLevel } from './heatmap/parley-heatmap.js';
export { ParleyBreakdownElement, breakdownCharts, type BreakdownChart } from './breakdown/parley-breakdown.js';
export { ParleyTimeseriesElement, timeseriesMeasures } from './timeseries/parley-timeseries.js';
export { ParleySyncStatusElement } from './sync-status/parley-sync-status.js';
export { ParleyConversationListElement, listCap, type ListScope } from './conversation-list/parley-conversation-list.js';
export { ParleyFilterBarElement } from './filter-bar/parley-filter-bar.js';
export { ParleyDateRangeElement } from './date-range/parley-date-range.js';
export { ParleyFilterChangeEvent, ParleyPeriodChangeEvent, type FilterChangeDetail, type PeriodChangeDetail } from './shared/scope-events.js';
export { conversationMeasures, breakdownGroupings, type ConversationMeasure, type GroupBy } from './shared/measures.js';
export { ParleyConfigElement } from '@parley/engine-client';
export { ParleyStateEvent, ParleyDrilldownEvent, type DrilldownDetail, type StateDetail, type WidgetState } from '@parley/ui';
