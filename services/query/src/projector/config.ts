import { projectorConfigSchema } from '@mindflow/event-log';
import { z } from 'zod';

/** The query projector's environment (docs/CONVENTIONS.md, "Configuration"): every projector's, and these. */
export const queryProjectorConfigSchema = projectorConfigSchema.extend({
  READ_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/mindflow_read'),
  /** Consumer group; by default `<KAFKA_TOPIC_PREFIX>.query-projector`, so prefixed test systems never share one. */
  QUERY_PROJECTOR_GROUP: z.string().optional(),
});

export type QueryProjectorConfig = z.infer<typeof queryProjectorConfigSchema>;
