import type { PoolClient } from '@mindflow/db';
import { erasureReceiptId, newEvent, type AnyEvent } from '@mindflow/events';
import { appendToOutbox } from '../../outbox/append-to-outbox.js';
import type { ErasureReceipt } from './erasing-read-models.js';

/**
 * The `UserDataErased` of a receipt. Its event id is its aggregate id (one per user, service and attempt), so
 * the same acknowledgement written twice (a rebuild re-applying the erasure) is one row, never a conflict.
 */
export function erasureAcknowledgement(receipt: ErasureReceipt, erasedAt: Date, source: string): AnyEvent {
  const { request, service, erased } = receipt;
  const id = erasureReceiptId(request.payload.userId, service, request.payload.attempt);
  return newEvent('UserDataErased', {
    eventId: id,
    occurredAt: erasedAt.toISOString(),
    source,
    correlationId: request.correlationId,
    causationId: request.eventId,
    userId: request.payload.userId,
    aggregateId: id,
    aggregateVersion: 1,
    payload: { userId: request.payload.userId, service, attempt: request.payload.attempt, erasedAt: erasedAt.toISOString(), erased: { ...erased } },
  });
}

/** `UserEraser.acknowledge` for a projection whose database holds its service's outbox (insights, notifications). */
export function acknowledgeInOutbox(source: string, now: () => Date = () => new Date()) {
  return async (receipt: ErasureReceipt, tx: PoolClient): Promise<void> => {
    await appendToOutbox(tx, [erasureAcknowledgement(receipt, now(), source)], { copied: true });
  };
}
