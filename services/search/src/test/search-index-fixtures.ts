import { Client } from '@elastic/elasticsearch';
import { createPool, type Pool } from '@mindflow/db';
import { createTestDatabaseWithPool, testServers, uniqueIndexPrefix } from '@mindflow/testing';
import { createElasticSearchIndex } from '../adapters/elastic/elastic-search-index.js';
import { createPostgresSearchIndex } from '../adapters/postgres/postgres-search-index.js';
import type { SearchIndex } from '../application/search-index.js';

/** A fresh, prepared index of one kind on the test servers, and how to get rid of it. */
export interface IndexFixture {
  readonly index: SearchIndex;
  dispose(): Promise<void>;
}

export type IndexFactory = () => Promise<IndexFixture>;

/** A fresh read DB with a prepared Postgres index on it, and the pool it uses (for a test's own SQL). */
export async function postgresIndexWithPool(label = 'search', max = 8): Promise<IndexFixture & { readonly pool: Pool }> {
  let index: SearchIndex | undefined;
  const database = await createTestDatabaseWithPool(label, async (url) => {
    const pool = createPool(url, { applicationName: `${label.replaceAll('_', '-')}-test`, max });
    index = createPostgresSearchIndex(pool);
    await index.prepare();
    return pool;
  });
  return { index: index!, pool: database.pool, dispose: () => database.drop() };
}

export const postgresIndex: IndexFactory = () => postgresIndexWithPool();

export async function elasticClient(): Promise<Client> {
  return new Client({ node: await (await testServers()).elasticsearchUrl() });
}

export function elasticIndexWith(client: Client, prefix = uniqueIndexPrefix('search')): IndexFixture & { prefix: string } {
  const index = createElasticSearchIndex({ client, prefix, bulk: { maxCount: 3, maxBytes: 4096 } });
  return {
    index,
    prefix,
    async dispose() {
      await client.indices.delete({ index: `${prefix}*` }, { ignore: [404] });
    },
  };
}

export const elasticIndex: IndexFactory = async () => {
  const client = await elasticClient();
  const fixture = elasticIndexWith(client);
  await fixture.index.prepare();
  return {
    index: fixture.index,
    async dispose() {
      await fixture.dispose();
      await client.close();
    },
  };
};
