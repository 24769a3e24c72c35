// The search service's two roles, each with its own process entry (`projector-main.ts`, `subgraph-main.ts`),
// and its index port with both adapters (tools: reindex, benchmarks).
export { startSearchProjector, searchProjection, type RunningSearchProjector } from './projector/start-search-projector.js';
export { searchProjectorConfigSchema, type SearchProjectorConfig } from './projector/config.js';
export { startSearchSubgraph, buildSearchSchema, searchSchemaPath, type RunningSearchSubgraph } from './subgraph/start-search-subgraph.js';
export { searchSubgraphConfigSchema, type SearchSubgraphConfig } from './subgraph/config.js';
export type { SearchIndex } from './application/search-index.js';
export { createSearchIndex } from './adapters/create-search-index.js';
export { searchMigrationsDir } from './adapters/postgres/postgres-search-index.js';
export { reindexSearchIndex, type ReindexReport } from './adapters/elastic/reindex.js';
export { searchAlias } from './adapters/elastic/index-names.js';
