import { Client } from '@elastic/elasticsearch';
import type { Pool } from '@mindflow/db';
import type { SearchIndex } from '../application/search-index.js';
import { createElasticSearchIndex } from './elastic/elastic-search-index.js';
import { createPostgresSearchIndex } from './postgres/postgres-search-index.js';

export interface SearchIndexConfig {
  /** Set: Elasticsearch (distributed). Unset: Postgres full-text search in the read DB (embedded). */
  readonly ELASTICSEARCH_URL?: string | undefined;
  readonly SEARCH_INDEX_PREFIX: string;
}

/** The search index the configuration names; closing it closes what it opened. */
export function createSearchIndex(config: SearchIndexConfig, readPool: Pool): SearchIndex {
  if (!config.ELASTICSEARCH_URL) return createPostgresSearchIndex(readPool);
  const client = new Client({ node: config.ELASTICSEARCH_URL, requestTimeout: 30_000, maxRetries: 3 });
  const index = createElasticSearchIndex({ client, prefix: config.SEARCH_INDEX_PREFIX });
  return { ...index, close: () => client.close() };
}
