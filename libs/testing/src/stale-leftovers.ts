import pg from 'pg';
import { Kafka, logLevel } from 'kafkajs';
import type { ServerName } from './server-names.js';
import { isStaleTestName } from './unique-names.js';
import { s3Endpoint } from './s3-endpoint.js';

// Suites may end without cleaning up (a crash, a Ctrl-C, a forgotten drop). What they created carries its
// creation time in its name, so the first suite of each process to use a server removes what is more than
// 12 hours old: no test runs that long, and a shared server does not fill up over weeks of runs.
// Best effort: a failure here never fails a suite (S3: buckets, emptied first). Redis is left out: keys are cheap, and tests set TTLs.

async function postgres(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'mft\\_%'");
    for (const { datname } of rows.filter((row) => isStaleTestName(row.datname))) {
      // Without FORCE: a database somebody is still connected to is left alone.
      await admin.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => undefined);
    }
  } finally {
    await admin.end();
  }
}

async function kafka(brokers: string): Promise<void> {
  const admin = new Kafka({ clientId: 'mindflow-test-reaper', brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const stale = (await admin.listTopics()).filter((topic) => isStaleTestName(topic));
    if (stale.length > 0) await admin.deleteTopics({ topics: stale, timeout: 10_000 });
  } finally {
    await admin.disconnect();
  }
}

async function elasticsearch(address: string): Promise<void> {
  const url = address.replace(/\/$/, '');
  const response = await fetch(`${url}/_cat/indices/mft-*?h=index&format=json`, { signal: AbortSignal.timeout(5_000) });
  const stale = ((await response.json()) as Array<{ index: string }>).map((row) => row.index).filter((index) => isStaleTestName(index));
  for (let i = 0; i < stale.length; i += 50) {
    await fetch(`${url}/${stale.slice(i, i + 50).join(',')}`, { method: 'DELETE', signal: AbortSignal.timeout(10_000) });
  }
}

// Buckets (uniqueBucketName) are emptied first: S3 deletes only empty buckets.
async function s3(address: string): Promise<void> {
  const { S3Client, ListBucketsCommand, ListObjectsV2Command, DeleteObjectCommand, DeleteBucketCommand } = await import('@aws-sdk/client-s3');
  const endpoint = s3Endpoint(address);
  const client = new S3Client({
    endpoint: endpoint.endpoint,
    region: endpoint.region,
    credentials: { accessKeyId: endpoint.accessKeyId, secretAccessKey: endpoint.secretAccessKey },
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED', // S3-compatible servers (S3Proxy) do not all read the newer checksum headers
  });
  try {
    const { Buckets = [] } = await client.send(new ListBucketsCommand({}));
    for (const { Name } of Buckets.filter((bucket) => bucket.Name && isStaleTestName(bucket.Name))) {
      for (let page = 0; page < 100; page++) {
        const { Contents = [] } = await client.send(new ListObjectsV2Command({ Bucket: Name, MaxKeys: 1000 }));
        if (Contents.length === 0) break;
        await Promise.all(Contents.map(({ Key }) => client.send(new DeleteObjectCommand({ Bucket: Name, Key }))));
      }
      await client.send(new DeleteBucketCommand({ Bucket: Name })).catch(() => undefined);
    }
  } finally {
    client.destroy();
  }
}

const reapers: Partial<Record<ServerName, (address: string) => Promise<void>>> = { postgres, kafka, elasticsearch, s3 };

export async function reapStaleLeftovers(server: ServerName, address: string): Promise<void> {
  await reapers[server]?.(address).catch(() => undefined);
}
