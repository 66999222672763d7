// Shared pieces of the Parley widgets: the data-widget base class, scope context, events, theme
// tokens, Intl formatters, UI strings and chart helpers. Observable Plot is imported dynamically by
// the chart helpers that draw with it, so importing this module never loads Plot.
export { ParleyElement, themes, type Theme } from './parley-element.js';
export { ParleyDataElement, defaultPeriod, type WidgetRequest } from './data-element.js';
export { dataElementStyles } from './data-element.styles.js';
export { ParleyStateEvent, ParleyDrilldownEvent, widgetStates, type WidgetState, type StateDetail, type DrilldownDetail, type DrilldownCell } from './events.js';
export { scopeContext, ownPeriod, parseFilters, checkFilters, mergeFilters, isLocalDate, isDatePreset, type ScopeValue, type ScopeChange } from './scope.js';
export { themeStyles, tokenNames, seriesColorCount } from './theme.js';
export { formatCount, formatPercent, formatLocalDate, formatDateRange, formatDateTime, formatDuration, formatWeekday, formatHour, formatHourRange } from './format.js';
export { compileMessages, loadMessages, messagesFor, type Messages } from './messages.js';
export { languages, languageOf, inheritedLocale, intlLocale, onLangChange, type Language } from './lang.js';
export { SizeController } from './size-controller.js';
export { arcChart, arcSegments, type ArcDatum, type ArcChartOptions } from './charts/arc-chart.js';
export { barChart, type BarDatum, type BarChartOptions } from './charts/bar-chart.js';
export { timeSeriesChart, type SeriesPoint, type TimeSeriesChartOptions } from './charts/time-series-chart.js';
export { loadPlot, activateMarks, type PlotElement } from './charts/plot.js';
export { ChartBuilds } from './charts/chart-builds.js';
