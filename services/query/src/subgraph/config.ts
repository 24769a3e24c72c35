import { authConfigShape } from '@mindflow/auth';
import { port } from '@mindflow/platform';
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
});

export type QuerySubgraphConfig = z.infer<typeof querySubgraphConfigSchema>;
