import { modeSchema, port } from '@mindflow/platform';
import { z } from 'zod';

/** Where the search index lives (both roles). */
export const searchIndexConfigShape = {
  /** Set: the index is in Elasticsearch; unset: Postgres full-text search in the read DB. */
  ELASTICSEARCH_URL: z.string().url().optional(),
  /** Elasticsearch index names start with it (lower case): the alias is `<prefix>entries`. */
  SEARCH_INDEX_PREFIX: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, . _ -').default('mindflow-'),
};

/** The search projector's environment (docs/CONVENTIONS.md, "Configuration"). */
export const searchProjectorConfigSchema = z.object({
  MINDFLOW_MODE: modeSchema,
  READ_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/mindflow_read'),
  /** embedded mode: the command service's DB, whose outbox is the event log. */
  WRITE_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/mindflow_write'),
  KAFKA_BROKERS: z.string().default('127.0.0.1:9092'),
  KAFKA_TOPIC_PREFIX: z.string().default('mindflow'),
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6_000).default(30_000),
  /** Consumer group; by default `<KAFKA_TOPIC_PREFIX>.search-projector`. */
  SEARCH_PROJECTOR_GROUP: z.string().optional(),
  ...searchIndexConfigShape,
  OPS_PORT: port(0),
});

export type SearchProjectorConfig = z.infer<typeof searchProjectorConfigSchema>;
