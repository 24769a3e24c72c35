/** The real servers a suite can ask for. */
export type ServerName = 'postgres' | 'redis' | 'kafka' | 'elasticsearch' | 's3';

/** How each server is named to people, where its address comes from, and how to provide it. */
export const serverInfo: Record<ServerName, { label: string; envVar: string; endpointKey: string; example: string }> = {
  postgres: {
    label: 'PostgreSQL',
    envVar: 'MINDFLOW_TEST_POSTGRES_URL',
    endpointKey: 'postgresUrl',
    example: 'postgres://postgres@127.0.0.1:5432/postgres',
  },
  redis: { label: 'Redis', envVar: 'MINDFLOW_TEST_REDIS_URL', endpointKey: 'redisUrl', example: 'redis://127.0.0.1:6379' },
  kafka: { label: 'Kafka', envVar: 'MINDFLOW_TEST_KAFKA_BROKERS', endpointKey: 'kafkaBrokers', example: '127.0.0.1:9092' },
  elasticsearch: {
    label: 'Elasticsearch',
    envVar: 'MINDFLOW_TEST_ELASTICSEARCH_URL',
    endpointKey: 'elasticsearchUrl',
    example: 'http://127.0.0.1:9200',
  },
  // An S3-compatible endpoint with its access key and secret in the URL (tools/infra runs S3Proxy).
  s3: { label: 'S3', envVar: 'MINDFLOW_TEST_S3_URL', endpointKey: 's3Url', example: 'http://mindflow:mindflow-dev-secret@127.0.0.1:9000' },
};
