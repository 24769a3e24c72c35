import { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServers, uniqueIndexPrefix } from './index.js';

describe('Elasticsearch for suites', () => {
  let es: Client;
  const prefixes: string[] = [];
  beforeAll(async () => {
    es = new Client({ node: await (await testServers()).elasticsearchUrl() });
  });
  afterAll(async () => {
    await Promise.all(prefixes.map((prefix) => es.indices.delete({ index: `${prefix}*` })));
    await es.close();
  });

  it('answers with a usable cluster', async () => {
    const health = await es.cluster.health({ wait_for_status: 'yellow', timeout: '10s' });
    expect(['green', 'yellow']).toContain(health.status);
  });

  it('keeps two index prefixes apart', async () => {
    const a = uniqueIndexPrefix('isolation');
    const b = uniqueIndexPrefix('isolation');
    prefixes.push(a, b);
    expect(a).not.toBe(b);
    await es.index({ index: `${a}entries`, document: { text: 'only in a' }, refresh: true });
    const inA = await es.search({ index: `${a}*`, query: { match_all: {} } });
    expect(inA.hits.hits.map((hit) => hit._source)).toEqual([{ text: 'only in a' }]);
    const inB = await es.search({ index: `${b}*`, query: { match_all: {} }, allow_no_indices: true });
    expect(inB.hits.hits).toEqual([]);
  });
});
