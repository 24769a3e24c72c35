// The insights service: a projector (entry events → analyses → AIInsightsGenerated) and a subgraph.
export { startInsightsProjector, insightsProjection, type RunningInsightsProjector } from './projector/start-insights-projector.js';
export { insightsProjectorConfigSchema, type InsightsProjectorConfig } from './projector/config.js';
export { startInsightsSubgraph, insightsSchemaPath, type RunningInsightsSubgraph } from './subgraph/start-insights-subgraph.js';
export { insightsSubgraphConfigSchema, type InsightsSubgraphConfig } from './subgraph/config.js';
export { migrateInsightsDatabase } from './adapters/pg/insights-migrations.js';
