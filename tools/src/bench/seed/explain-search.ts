// npx tsx tools/src/bench/seed/explain-search.ts <read DB url> <owner id> <words>
// EXPLAIN (ANALYZE, BUFFERS) of every statement the Postgres search index runs for one search (its own code, the
// statements captured on their way to the read DB): what BENCHMARKS.md shows of the search read at scale.
import { createPool } from '@mindflow/db';
import { createSearchIndex } from '@mindflow/search';

const [url, ownerId, text] = process.argv.slice(2);
if (!url || !ownerId || !text) throw new Error('usage: explain-search.ts <read DB url> <owner id> <words>');
const pool = createPool(url, { applicationName: 'explain-search', max: 2 });
const explaining = new Proxy(pool, {
  get(target, key, receiver) {
    if (key !== 'query') return Reflect.get(target, key, receiver) as unknown;
    return async (sql: string, values?: unknown[]) => {
      const plan = await target.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, values);
      console.log(`=== ${sql.replace(/\s+/g, ' ').slice(0, 160)}…\n${plan.rows.map((row) => row['QUERY PLAN']).join('\n')}\n`);
      return target.query(sql, values);
    };
  },
});
const index = createSearchIndex({ SEARCH_INDEX_PREFIX: 'unused-' }, explaining);
const query: Parameters<typeof index.search>[0] = { ownerId, text, kinds: [], tags: [], mood: null, from: null, to: null, first: 20, after: null };
const page = await index.search(query);
console.log(`${page.total} matches, ${page.hits.length} hits`);
await pool.end();
