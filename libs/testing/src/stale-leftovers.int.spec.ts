import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestKafka, createTestTopics, testServers, uniqueDatabaseName, uniqueIndexPrefix, uniqueTopicPrefix } from './index.js';
import { reapStaleLeftovers } from './stale-leftovers.js';

// Names as the helpers would have made them two days ago.
const twoDaysAgo = (Date.now() - 2 * 24 * 60 * 60 * 1000).toString(36);
const oldName = (separator: string) => `mft${separator}reaped${separator}${twoDaysAgo}abcdef`;

describe('leftovers of earlier runs', () => {
  it('are dropped from PostgreSQL once stale, and recent databases are kept', async () => {
    const url = await (await testServers()).postgresUrl();
    const [stale, recent] = [oldName('_'), uniqueDatabaseName('kept')];
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      for (const name of [stale, recent]) await admin.query(`CREATE DATABASE "${name}"`);
      await reapStaleLeftovers('postgres', url);
      const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = ANY($1)', [[stale, recent]]);
      expect(rows.map((row) => row.datname)).toEqual([recent]);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${recent}"`);
      await admin.end();
    }
  });

  it('are deleted from Kafka once stale', async () => {
    const brokers = await (await testServers()).kafkaBrokers();
    const [stale, recent] = [`${oldName('-')}.entry`, `${uniqueTopicPrefix('kept')}.entry`];
    await createTestTopics([stale, recent], { partitions: 1 });
    await reapStaleLeftovers('kafka', brokers.join(','));
    const admin = (await createTestKafka()).admin();
    await admin.connect();
    const topics = await admin.listTopics();
    await admin.disconnect();
    expect(topics).toContain(recent);
    expect(topics).not.toContain(stale);
  });

  it('are deleted from Elasticsearch once stale', async () => {
    const url = await (await testServers()).elasticsearchUrl();
    const [stale, recent] = [`${oldName('-')}-entries`, `${uniqueIndexPrefix('kept')}entries`];
    for (const index of [stale, recent]) expect((await fetch(`${url}/${index}`, { method: 'PUT' })).ok).toBe(true);
    await reapStaleLeftovers('elasticsearch', url);
    expect((await fetch(`${url}/${stale}`, { method: 'HEAD' })).status).toBe(404);
    expect((await fetch(`${url}/${recent}`, { method: 'HEAD' })).status).toBe(200);
    await fetch(`${url}/${recent}`, { method: 'DELETE' });
  });
});
