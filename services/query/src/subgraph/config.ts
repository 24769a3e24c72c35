import { authConfigShape } from '@mindflow/auth';
import { modeSchema, port } from '@mindflow/platform';
import { z } from 'zod';

/** The query subgraph's environment (CONVENTIONS.md, "Configuration"). */
export const querySubgraphConfigSchema = z.object({
  QUERY_SUBGRAPH_PORT: port(4001),
  /** Loopback unless a deployment says otherwise: only the gateway should reach a subgraph. */
  QUERY_SUBGRAPH_HOST: z.string().default('127.0.0.1'),
  READ_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/mindflow_read'),
  COMMAND_GRPC_ADDRESS: z.string().default('127.0.0.1:50051'),
  INTERNAL_CALLER_SECRET: authConfigShape.INTERNAL_CALLER_SECRET,
  /** How long a query sent with `x-consistent-with` waits for the read side before CONSISTENCY_TIMEOUT. */
  CONSISTENCY_WAIT_MS: z.coerce.number().int().min(0).max(30_000).default(5_000),
  OPS_PORT: port(0),
  /** Which read cache: in-process (embedded) or Redis shared by every replica (distributed). */
  MINDFLOW_MODE: modeSchema,
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  REDIS_KEY_PREFIX: z.string().default('mindflow:'),
  /** The read cache's safety net: keys change with every change of the user, this only frees memory. */
  QUERY_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
});

export type QuerySubgraphConfig = z.infer<typeof querySubgraphConfigSchema>;
