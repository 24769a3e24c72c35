import type { ServerName } from './server-names.js';

// Used only when a Docker engine answers (never on machines without one, so it is imported lazily).
// Containers are started with testcontainers' reuse: every suite and every run finds the same container
// (same configuration → same container), and suites stay apart through their own databases and prefixes.
// Versions follow what tools/infra runs: PostgreSQL (xid8 snapshots need ≥ 13), Kafka 3.9 KRaft, ES 8.19.
const images = {
  postgres: 'postgres:17-alpine',
  redis: 'redis:7-alpine',
  kafka: 'apache/kafka:3.9.1',
  elasticsearch: 'docker.elastic.co/elasticsearch/elasticsearch:8.19.21',
  s3: 'andrewgaul/s3proxy:s3proxy-2.6.0',
} as const;

async function postgres(): Promise<string> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer(images.postgres)
    .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust' })
    .withExposedPorts(5432)
    // The official image starts the server twice (init, then for real); the second "ready" is the real one.
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .withReuse()
    .start();
  return `postgres://postgres@${container.getHost()}:${container.getMappedPort(5432)}/postgres`;
}

async function redis(): Promise<string> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer(images.redis)
    .withExposedPorts(6379)
    .withWaitStrategy(Wait.forLogMessage('Ready to accept connections'))
    .withReuse()
    .start();
  return `redis://${container.getHost()}:${container.getMappedPort(6379)}`;
}

async function kafka(): Promise<string> {
  const { GenericContainer, Wait } = await import('testcontainers');
  // Clients must be told the host's mapped port, which exists only once the container runs: the container
  // waits for a file naming it, then starts Kafka advertising that address.
  const container = await new GenericContainer(images.kafka)
    .withEntrypoint(['sh', '-c'])
    .withCommand([
      'echo awaiting-advertised-address; while [ ! -s /tmp/advertised ]; do sleep 0.1; done; ' +
        'export KAFKA_ADVERTISED_LISTENERS="PLAINTEXT://$(cat /tmp/advertised)"; exec /etc/kafka/docker/run',
    ])
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://0.0.0.0:9092,CONTROLLER://127.0.0.1:9093',
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@127.0.0.1:9093',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'true',
      KAFKA_NUM_PARTITIONS: '3',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS: '10',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_HEAP_OPTS: '-Xmx512m',
    })
    .withExposedPorts(9092)
    .withWaitStrategy(Wait.forLogMessage('awaiting-advertised-address'))
    .withReuse()
    .start();
  const address = `${container.getHost()}:${container.getMappedPort(9092)}`;
  // A reused container already runs Kafka; writing the same address again changes nothing.
  await container.copyContentToContainer([{ content: address, target: '/tmp/advertised' }]);
  return address;
}

async function elasticsearch(): Promise<string> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer(images.elasticsearch)
    .withEnvironment({
      'discovery.type': 'single-node',
      'xpack.security.enabled': 'false',
      'action.destructive_requires_name': 'false',
      'cluster.routing.allocation.disk.threshold_enabled': 'false',
      ES_JAVA_OPTS: '-Xms512m -Xmx512m',
    })
    .withExposedPorts(9200)
    .withWaitStrategy(Wait.forHttp('/_cluster/health?wait_for_status=yellow', 9200).forStatusCode(200))
    .withStartupTimeout(180_000)
    .withReuse()
    .start();
  return `http://${container.getHost()}:${container.getMappedPort(9200)}`;
}

// The same S3Proxy as tools/infra (filesystem backend, SigV4 with the development keys).
async function s3(): Promise<string> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer(images.s3)
    .withEnvironment({
      S3PROXY_AUTHORIZATION: 'aws-v2-or-v4',
      S3PROXY_IDENTITY: 'mindflow',
      S3PROXY_CREDENTIAL: 'mindflow-dev-secret',
      S3PROXY_CORS_ALLOW_ALL: 'true',
      JCLOUDS_PROVIDER: 'filesystem-nio2',
    })
    .withExposedPorts(80)
    .withWaitStrategy(Wait.forListeningPorts())
    .withReuse()
    .start();
  return `http://mindflow:mindflow-dev-secret@${container.getHost()}:${container.getMappedPort(80)}`;
}

const starters: Record<ServerName, () => Promise<string>> = { postgres, redis, kafka, elasticsearch, s3 };

/** Starts (or finds, when reused) a container for the server and returns its address. */
export function startContainer(server: ServerName): Promise<string> {
  return starters[server]();
}
