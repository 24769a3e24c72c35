import { authConfigShape } from '@mindflow/auth';
import { keyStoreConfigSchema } from '@mindflow/event-log';
import { port } from '@mindflow/platform';
import { z } from 'zod';
import { subgraphs, type SubgraphUrlEnv } from '../subgraphs.js';
import { trustedProxies } from './auth/client-address.js';
import { parseRoleHealthUrls } from './health/role-states.js';
import { sessionConfigShape } from './auth/session-check.js';
import { subscriptionsConfigShape } from './subscriptions/subscriptions-config.js';

/** The gateway's environment (CONVENTIONS.md, "Configuration"). */
const baseSchema = z.object({
  GATEWAY_PORT: port(4000),
  /** Loopback by default: exposing the gateway is a deployment decision (HOST=0.0.0.0). */
  HOST: z.string().default('127.0.0.1'),
  AUTH_PUBLIC_KEY: authConfigShape.AUTH_PUBLIC_KEY,
  AUTH_PRIVATE_KEY: authConfigShape.AUTH_PRIVATE_KEY,
  AUTH_JWKS_URL: authConfigShape.AUTH_JWKS_URL,
  ...sessionConfigShape,
  INTERNAL_CALLER_SECRET: authConfigShape.INTERNAL_CALLER_SECRET,
  /** A request body above this is refused with PAYLOAD_TOO_LARGE before it is parsed. */
  GATEWAY_MAX_BODY_BYTES: z.coerce.number().int().min(1_024).default(1_048_576),
  /** Deeper selections are refused with QUERY_TOO_COMPLEX (introspection is exempt). */
  GATEWAY_MAX_DEPTH: z.coerce.number().int().min(2).default(12),
  /** More field selections than this (fragments expanded, aliases counted) are QUERY_TOO_COMPLEX. */
  GATEWAY_MAX_FIELDS: z.coerce.number().int().min(10).default(500),
  /** More aliased fields than this (an alias bomb repeats one costly field under many names) are QUERY_TOO_COMPLEX. */
  GATEWAY_MAX_ALIASES: z.coerce.number().int().min(1).default(50),
  /** Estimated cost (a paged field's selection counts once per requested item) above this is QUERY_TOO_COMPLEX. */
  GATEWAY_MAX_COST: z.coerce.number().int().min(10).default(10_000),
  /** Operations in one batched HTTP request (a JSON array); more are refused with QUERY_TOO_COMPLEX. */
  GATEWAY_MAX_BATCH: z.coerce.number().int().min(1).default(10),
  ...subscriptionsConfigShape,
  /**
   * Addresses and CIDR ranges of proxies of your own in front of the gateway, comma-separated. Empty
   * (default): the client is the socket's peer, `X-Forwarded-For` ignored (a client writes what it likes
   * there). Identity limits login attempts per client address (auth/client-address.ts).
   */
  GATEWAY_TRUSTED_PROXIES: z.string().default('').superRefine((value, ctx) => {
    try {
      trustedProxies(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  }),
  /** Browser origins allowed to call the API with credentials (the SPA); comma-separated. */
  CORS_ORIGINS: z.string().default('http://localhost:3000,http://127.0.0.1:3000'),
  OPS_PORT: port(0),
  /**
   * Every role's `/health/ready`, as `name=url,name=url`: the gateway's own `/health/ready` lists their states
   * (information; its readiness stays its own). Set by the launcher and the test systems; a deployment may set it.
   */
  GATEWAY_ROLE_HEALTH_URLS: z.string().default('').superRefine((value, ctx) => {
    try {
      parseRoleHealthUrls(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  }),
  /** The launcher's status file (`npm start`): its supervisor's view of every role, listed in `/health/ready`. */
  MINDFLOW_STATUS_FILE: z.string().optional(),
  /** Embedded, the gateway follows the outbox itself: the data keys open its sealed events (crypto-shredding). */
  ...keyStoreConfigSchema.shape,
});

/** Plus each subgraph's URL variable (QUERY_SUBGRAPH_URL, …) from `subgraphs.ts`, defaulting to its local URL. */
export const gatewayConfigSchema = baseSchema.extend(
  Object.fromEntries(subgraphs.map((s) => [s.urlEnv, z.url().default(s.defaultUrl)])),
) as unknown as z.ZodType<GatewayConfig> & typeof baseSchema;

export type GatewayConfig = z.infer<typeof baseSchema> & Partial<Record<SubgraphUrlEnv, string>>;

/** Where the subgraph named `name` (as in the supergraph) answers. */
export function subgraphUrl(config: GatewayConfig, name: string): string | undefined {
  const spec = subgraphs.find((s) => s.name === name);
  return spec ? config[spec.urlEnv] : undefined;
}
