import { authConfigShape } from '@mindflow/auth';
import { port } from '@mindflow/platform';
import { z } from 'zod';

/** The insights subgraph's environment (CONVENTIONS.md, "Configuration"). */
export const insightsSubgraphConfigSchema = z.object({
  INSIGHTS_SUBGRAPH_PORT: port(4004),
  /** Loopback unless a deployment says otherwise: only the gateway should reach a subgraph. */
  INSIGHTS_SUBGRAPH_HOST: z.string().default('127.0.0.1'),
  INSIGHTS_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/mindflow_write_insights'),
  INTERNAL_CALLER_SECRET: authConfigShape.INTERNAL_CALLER_SECRET,
  OPS_PORT: port(0),
});

export type InsightsSubgraphConfig = z.infer<typeof insightsSubgraphConfigSchema>;
