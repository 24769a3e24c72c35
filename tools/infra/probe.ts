// `node --import tsx tools/infra/probe.ts <server> <address>`: exits 0 when the server answers its own
// protocol (an open port is not enough: Kafka and Elasticsearch listen long before they can serve).
// Each client is imported only when asked for, so a probe costs one Node start and one round trip.
const [server, address] = process.argv.slice(2);
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
    clientId: 'mindflow-infra-probe',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: timeoutMs,
    retry: { retries: 0 },
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
  const health = `${url.replace(/\/$/, '')}/_cluster/health?wait_for_status=yellow&timeout=2s`;
  const response = await fetch(health, { signal: AbortSignal.timeout(timeoutMs) });
  const body = (await response.json()) as { status?: string };
  if (!response.ok || body.status === 'red') throw new Error(`cluster health ${response.status} ${body.status ?? ''}`);
}

const probes: Record<string, (address: string) => Promise<void>> = { postgres, redis, kafka, elasticsearch };
const probeFor = server ? probes[server] : undefined;
if (!probeFor || !address) {
  console.error('usage: probe.ts postgres|redis|kafka|elasticsearch <url or brokers>');
  process.exit(2);
}
try {
  await probeFor(address);
  process.exit(0);
} catch (error) {
  console.error(`${server} at ${address} does not answer: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
