export { startQueryProjector, queryProjector, queryProjection, queryMigrationsDir, queryReadModels, type RunningQueryProjector, type QueryProjectorDependencies } from './start-query-projector.js';
export { queryProjectorConfigSchema, type QueryProjectorConfig } from './config.js';
export { journalsView } from './journals-view.js';
export { entriesView } from './entries-view.js';
export { thoughtsView } from './thoughts-view.js';
export { tasksView } from './tasks-view.js';
export { calendarEventsView } from './calendar-events-view.js';
export { queryProjectedTypes } from './query-read-models.js';
export { analyticsView } from './analytics-view.js';
