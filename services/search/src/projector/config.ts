import { projectorConfigSchema } from '@mindflow/event-log';
import { z } from 'zod';

/** Where the search index lives (both roles). */
export const searchIndexConfigShape = {
  /** Set: the index is in Elasticsearch; unset: Postgres full-text search in the read DB. */
  ELASTICSEARCH_URL: z.url().optional(),
  /** Elasticsearch index names start with it (lower case): the alias is `<prefix>entries`. */
  SEARCH_INDEX_PREFIX: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, . _ -').default('mindflow-'),
};

/** The search projector's environment (docs/CONVENTIONS.md, "Configuration"): every projector's, and these. */
export const searchProjectorConfigSchema = projectorConfigSchema.extend({
  READ_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/mindflow_read'),
  /** Consumer group; by default `<KAFKA_TOPIC_PREFIX>.search-projector`. */
  SEARCH_PROJECTOR_GROUP: z.string().optional(),
  ...searchIndexConfigShape,
});

export type SearchProjectorConfig = z.infer<typeof searchProjectorConfigSchema>;
