import { authConfigShape } from '@mindflow/auth';
import { keyStoreConfigSchema } from '@mindflow/event-log';
import { modeSchema, port } from '@mindflow/platform';
import { z } from 'zod';
import { deliveryConfigSchema } from '../delivery/delivery-config.js';
import { reflectionClaudeConfigShape } from '../reflection/claude-config.js';

/** The notifications subgraph's environment (CONVENTIONS.md, "Configuration"). */
export const notificationsSubgraphConfigSchema = z.object({
  NOTIFICATIONS_SUBGRAPH_PORT: port(4005),
  /** Loopback unless a deployment says otherwise: only the gateway should reach a subgraph. */
  NOTIFICATIONS_SUBGRAPH_HOST: z.string().default('127.0.0.1'),
  NOTIFICATIONS_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/mindflow_write_notifications'),
  MINDFLOW_MODE: modeSchema,
  /** `true` lets createWebhook take http:// URLs (development); unset: true in embedded mode, as the senders read it. */
  MINDFLOW_WEBHOOK_ALLOW_LOOPBACK: z.union([z.boolean(), z.stringbool()]).optional(),
  /** The key the emails' unsubscribe links are signed with (the delivery worker's): `/unsubscribe` verifies them. */
  NOTIFICATIONS_UNSUBSCRIBE_SECRET: deliveryConfigSchema.shape.NOTIFICATIONS_UNSUBSCRIBE_SECRET,
  INTERNAL_CALLER_SECRET: authConfigShape.INTERNAL_CALLER_SECRET,
  OPS_PORT: port(0),
  /** Embedded: the key store's default home (crypto-shredding: the weekly reflection it writes is sealed). */
  WRITE_DATABASE_URL: z.string().min(1).optional(),
  ...keyStoreConfigSchema.shape,
  /** generateWeeklyReflection by Claude for premium callers: key, model, budget (reflection/claude-config.ts). */
  ...reflectionClaudeConfigShape,
});

export type NotificationsSubgraphConfig = z.infer<typeof notificationsSubgraphConfigSchema>;
