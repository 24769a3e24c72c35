import { projectorConfigSchema } from '@mindflow/event-log';
import { z } from 'zod';
import { schedulerConfigSchema } from '../scheduling/scheduler-config.js';
import { deliveryConfigSchema } from '../delivery/delivery-config.js';
import { reflectionPreparerConfigShape } from '../reflection/set-up-reflection-preparer.js';

/** The notifications projector's environment (docs/CONVENTIONS.md, "Configuration"): every projector's, and these. */
export const notificationsProjectorConfigSchema = projectorConfigSchema.extend({
  /** The service's own database: recipients, reminders, the schedule, notifications, deliveries and its outbox. */
  NOTIFICATIONS_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/mindflow_write_notifications'),
  /** Consumer group; by default `<KAFKA_TOPIC_PREFIX>.notifications-projector`. */
  NOTIFICATIONS_PROJECTOR_GROUP: z.string().optional(),
  /** The scheduler's: batch size, lanes, longest sleep (scheduling/scheduler-config.ts). */
  ...schedulerConfigSchema.shape,
  /** The senders' (delivery worker's): SMTP, unsubscribe links, webhook limits (delivery/delivery-config.ts). */
  ...deliveryConfigSchema.shape,
  /** Premium users' weekly reflections by Claude: key, model, budget, lead (reflection/set-up-reflection-preparer.ts). */
  ...reflectionPreparerConfigShape,
});

export type NotificationsProjectorConfig = z.infer<typeof notificationsProjectorConfigSchema>;
