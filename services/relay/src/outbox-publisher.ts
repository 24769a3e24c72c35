import { createPool } from '@mindflow/db';
import { appendToOutbox } from '@mindflow/event-log';
import type { Logger } from '@mindflow/platform';
import type { EventPublisher } from './kafka-publisher.js';
import { awaitOutboxSchema } from './outbox-schema.js';

export interface OutboxPublisherOptions {
  /** The database whose outbox receives the events (embedded mode: the write DB, whose outbox is the event log). */
  readonly databaseUrl: string;
  readonly log: Logger;
  /** How often to look again while the target's owner has not migrated its outbox yet. */
  readonly schemaRetryMs?: number;
}

/**
 * Publishes events by appending them to ANOTHER database's outbox (`RELAY_TARGET=outbox`): embedded mode's
 * `identity-relay` copies identity's outbox into the write DB's, the embedded event log, so its projectors see
 * UserRegistered. Each event keeps its id, type, stored schema version, aggregate (type, id, version), user,
 * correlation, causation, occurred-at, payload and trace context; the target numbers the rows itself.
 * One batch is one statement, one transaction: the rows commit together, in the batch's order, and the target's
 * `outbox_notify` trigger wakes its readers as for any outbox insert. `ON CONFLICT (event_id) DO NOTHING` makes a
 * batch republished after a crash (published, checkpoint not yet saved) a no-op: each event lands exactly once.
 * The target's outbox belongs to its owner (the command service migrates the write DB): waited for, never migrated.
 */
export async function connectOutboxPublisher(options: OutboxPublisherOptions): Promise<EventPublisher> {
  const pool = createPool(options.databaseUrl, { applicationName: 'relay:target-outbox', max: 2 });
  try {
    await awaitOutboxSchema(pool, { log: options.log, ...(options.schemaRetryMs ? { retryMs: options.schemaRetryMs } : {}) });
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    // One statement: the batch commits together. Copied: ids, versions and trace contexts kept, a repeat skipped.
    publish: (events) => appendToOutbox(pool, events, { copied: true }),
    close: () => pool.end(),
  };
}
