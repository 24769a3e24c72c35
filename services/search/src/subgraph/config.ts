import { authConfigShape } from '@mindflow/auth';
import { port } from '@mindflow/platform';
import { z } from 'zod';
import { searchIndexConfigShape } from '../projector/config.js';

/** The search subgraph's environment (CONVENTIONS.md, "Configuration"). */
export const searchSubgraphConfigSchema = z.object({
  SEARCH_SUBGRAPH_PORT: port(4003),
  /** Loopback unless a deployment says otherwise: only the gateway should reach a subgraph. */
  SEARCH_SUBGRAPH_HOST: z.string().default('127.0.0.1'),
  /** The projection's progress (read-your-writes) and, without Elasticsearch, the index itself. */
  READ_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/mindflow_read'),
  INTERNAL_CALLER_SECRET: authConfigShape.INTERNAL_CALLER_SECRET,
  CONSISTENCY_WAIT_MS: z.coerce.number().int().min(0).max(30_000).default(5_000),
  ...searchIndexConfigShape,
  OPS_PORT: port(0),
});

export type SearchSubgraphConfig = z.infer<typeof searchSubgraphConfigSchema>;
