import { KeyMissingError, type AnyEvent } from '@mindflow/events';
import { backoffDelay, type BackoffPolicy, type Logger, pause } from '@mindflow/platform';
import type { EventBatch } from '../event-log.js';

/** A fetched message as far as delivery cares: its offset and whatever `parse` reads. */
export interface PartitionMessage {
  readonly offset: string;
}

export interface PartitionBatch<M extends PartitionMessage> {
  readonly source: string;
  readonly messages: readonly M[];
  readonly parse: (message: M) => AnyEvent;
  /**
   * Runs before the messages are parsed (each time they are handed over): the key lookups of their owners
   * (crypto-shredding). A failure there is the reader's (the key store unreachable), retried, never parked.
   */
  readonly prepare?: (messages: readonly M[]) => Promise<void>;
  readonly handle: (batch: EventBatch) => Promise<void>;
  /** Commits "everything up to and including `offset` is done". */
  readonly commit: (offset: string) => Promise<void>;
  readonly heartbeat: () => Promise<void>;
  /** False once stopping or the partition was revoked: give the batch up (it will be redelivered). */
  readonly active: () => boolean;
  readonly backoff: BackoffPolicy;
  readonly log: Logger;
  /** With a policy, a message that keeps failing to parse is parked after `maxAttempts` and passed over. */
  readonly unreadable?: {
    readonly maxAttempts: number;
    park(message: M, error: unknown, attempts: number): Promise<void>;
  };
}

/**
 * Delivers one partition's fetched messages until all are done: after a failure it commits the prefix the
 * subscriber declared done, waits (heartbeating) and hands over the rest again. It returns early only when
 * no longer active, because returning would let the consumer fetch past undone messages.
 */
export async function deliverPartitionBatch<M extends PartitionMessage>(batch: PartitionBatch<M>): Promise<void> {
  let messages = batch.messages;
  let failures = 0;
  while (messages.length > 0 && batch.active()) {
    const handled = await deliverOnce(batch, messages);
    if (handled.count > 0) {
      await batch.commit(messages[handled.count - 1]!.offset);
      messages = messages.slice(handled.count);
    }
    if (!handled.failure) {
      failures = 0;
      continue;
    }
    failures += 1;
    if (handled.unreadable && batch.unreadable && failures >= batch.unreadable.maxAttempts) {
      const message = messages[0]!;
      try {
        await batch.unreadable.park(message, handled.failure, failures);
        await batch.commit(message.offset);
        messages = messages.slice(1);
        failures = 0;
        continue;
      } catch (error) {
        batch.log.warn({ err: error, source: batch.source, offset: message.offset }, 'parking an unreadable message failed; retrying');
      }
    }
    const delayMs = backoffDelay(failures, batch.backoff);
    batch.log.warn(
      { err: handled.failure, source: batch.source, offset: messages[0]?.offset, attempt: failures, delayMs },
      'delivery failed; retrying',
    );
    await pause(delayMs, { heartbeat: batch.heartbeat, active: batch.active });
  }
}

async function deliverOnce<M extends PartitionMessage>(
  batch: PartitionBatch<M>,
  messages: readonly M[],
): Promise<{ count: number; failure?: unknown; unreadable?: boolean }> {
  // The messages before one that does not parse are delivered; that one is then retried like any failure,
  // never skipped silently: skipping would leave its aggregate with a version gap, and an unknown schema
  // version heals once this consumer is upgraded. Only a subscriber's `unreadable` policy parks it.
  if (batch.prepare) {
    try {
      await batch.prepare(messages);
    } catch (error) {
      return { count: 0, failure: error };
    }
  }
  const events: AnyEvent[] = [];
  for (const message of messages) {
    try {
      events.push(batch.parse(message));
    } catch (error) {
      // No key for a sealed event is the key store's fault (or the wrong one configured), not the message's.
      if (events.length === 0) return { count: 0, failure: error, unreadable: !(error instanceof KeyMissingError) };
      break;
    }
  }
  let doneIndex = -1;
  const eventBatch: EventBatch = {
    events,
    source: batch.source,
    done: (index) => void (doneIndex = Math.max(doneIndex, Math.min(index, events.length - 1))),
    checkpointWithin: () => Promise.resolve(), // the offset is the checkpoint, committed after the handler
    heartbeat: batch.heartbeat,
    active: batch.active,
  };
  try {
    await batch.handle(eventBatch);
  } catch (error) {
    return { count: doneIndex + 1, failure: error };
  }
  const complete = doneIndex === events.length - 1;
  return complete || !batch.active()
    ? { count: doneIndex + 1 }
    : { count: doneIndex + 1, failure: new Error('subscriber left events undone without failing') };
}
