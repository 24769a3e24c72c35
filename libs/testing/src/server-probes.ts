import type { ServerName } from './server-names.js';

// A server "answers" when it serves its own protocol, not merely when its port is open: Kafka and
// Elasticsearch accept connections well before they can do any work. Each client library is imported only
// when its probe runs, so that the command-line probe (probe-cli.ts, used by tools/infra) costs one Node start.
const timeoutMs = 5_000;

async function postgres(url: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  await client.connect();
  try {
    await client.query('SELECT 1');
  } finally {
    await client.end();
  }
}

async function redis(url: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined); // the rejected command below carries the reason
  try {
    await client.connect();
    if ((await client.ping()) !== 'PONG') throw new Error('PING did not answer PONG');
  } finally {
    client.disconnect();
  }
}

async function kafka(brokers: string): Promise<void> {
  const { Kafka, logLevel } = await import('kafkajs');
  const admin = new Kafka({
    clientId: 'mindflow-test-probe',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: timeoutMs,
    retry: { retries: 2 },
  }).admin();
  await admin.connect();
  try {
    // Metadata alone can answer while the controller is still electing itself; listing topics needs both.
    await admin.listTopics();
  } finally {
    await admin.disconnect();
  }
}

async function elasticsearch(url: string): Promise<void> {
  const response = await fetch(`${url.replace(/\/$/, '')}/_cluster/health?wait_for_status=yellow&timeout=5s`, {
    signal: AbortSignal.timeout(timeoutMs + 2_000),
  });
  const body = (await response.json().catch(() => ({}))) as { status?: string };
  if (!response.ok || body.status === 'red') throw new Error(`cluster health answered HTTP ${response.status} ${body.status ?? ''}`);
}

// Listing the buckets is signed with the URL's keys: the server answers S3 and takes those credentials.
async function s3(address: string): Promise<void> {
  const { S3Client, ListBucketsCommand } = await import('@aws-sdk/client-s3');
  const { s3Endpoint } = await import('./s3-endpoint.js');
  const endpoint = s3Endpoint(address);
  const client = new S3Client({
    endpoint: endpoint.endpoint,
    region: endpoint.region,
    credentials: { accessKeyId: endpoint.accessKeyId, secretAccessKey: endpoint.secretAccessKey },
    forcePathStyle: true,
    maxAttempts: 1,
  });
  try {
    await client.send(new ListBucketsCommand({}), { abortSignal: AbortSignal.timeout(timeoutMs) });
  } finally {
    client.destroy();
  }
}

const probes: Record<ServerName, (address: string) => Promise<void>> = { postgres, redis, kafka, elasticsearch, s3 };

/** Resolves when the server at `address` answers; rejects with the reason it does not. */
export function probeServer(server: ServerName, address: string): Promise<void> {
  return probes[server](address);
}
