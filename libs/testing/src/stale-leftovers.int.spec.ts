import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestKafka, createTestTopics, testServers, uniqueBucketName, uniqueDatabaseName, uniqueIndexPrefix, uniqueTopicPrefix } from './index.js';
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
  it('are emptied and deleted from S3 once stale', async () => {
    const { S3Client, CreateBucketCommand, PutObjectCommand, ListBucketsCommand, DeleteBucketCommand } = await import('@aws-sdk/client-s3');
    const endpoint = await (await testServers()).s3();
    const client = new S3Client({
      endpoint: endpoint.endpoint,
      region: endpoint.region,
      credentials: { accessKeyId: endpoint.accessKeyId, secretAccessKey: endpoint.secretAccessKey },
      forcePathStyle: true,
      // S3-compatible servers (S3Proxy) do not all read the SDK's newer checksum headers
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
    const [stale, recent] = [oldName('-'), uniqueBucketName('kept')];
    try {
      for (const bucket of [stale, recent]) {
        // an earlier try of this spec may have left the stale one (its name is fixed)
        await client.send(new CreateBucketCommand({ Bucket: bucket })).catch((error: Error) => {
          if (error.name !== 'BucketAlreadyOwnedByYou') throw error;
        });
      }
      await client.send(new PutObjectCommand({ Bucket: stale, Key: 'left/behind.txt', Body: 'x' }));
      await reapStaleLeftovers('s3', `http://${encodeURIComponent(endpoint.accessKeyId)}:${encodeURIComponent(endpoint.secretAccessKey)}@${new URL(endpoint.endpoint).host}`);
      const names = ((await client.send(new ListBucketsCommand({}))).Buckets ?? []).map((bucket) => bucket.Name);
      expect(names).toContain(recent);
      expect(names).not.toContain(stale);
    } finally {
      await client.send(new DeleteBucketCommand({ Bucket: recent })).catch(() => undefined);
      client.destroy();
    }
  });
});
