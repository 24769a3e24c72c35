import { randomUUID } from 'node:crypto';
import { fromKafkaMessage, type AnyEvent } from '@mindflow/events';
import { createTestKafka } from '@mindflow/testing';

export interface ReceivedEvent {
  readonly event: AnyEvent;
  readonly key: string;
  readonly headers: Record<string, string>;
}

/**
 * Reads a topic from its beginning as a consumer would, collecting events until `enough` says so or
 * `timeoutMs` passes (then it fails, listing what arrived).
 */
export async function collectEvents(
  topic: string,
  enough: (received: readonly ReceivedEvent[]) => boolean,
  timeoutMs = 60_000,
): Promise<ReceivedEvent[]> {
  const consumer = (await createTestKafka('relay-test-consumer')).consumer({ groupId: `check-${randomUUID()}` });
  const received: ReceivedEvent[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    let done: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (done = resolve));
    await consumer.run({
      // kafkajs awaits this inside its own try, so a synchronous throw fails the batch exactly as a rejection would
      eachMessage: ({ message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        received.push({ event: fromKafkaMessage(message), key: String(message.key), headers });
        if (enough(received)) done();
        return Promise.resolve();
      },
    });
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
    if ((await Promise.race([finished, timer])) === 'timeout') {
      throw new Error(`only ${received.length} events arrived on ${topic} within ${timeoutMs} ms`);
    }
    return received;
  } finally {
    await consumer.disconnect();
  }
}

/** True once every given event id has arrived at least once. */
export const allArrived = (eventIds: readonly string[]) => {
  const wanted = new Set(eventIds);
  return (received: readonly ReceivedEvent[]) => {
    for (const { event } of received.slice(-1)) wanted.delete(event.eventId);
    return wanted.size === 0;
  };
};

/**
 * Checks what a projector relies on: per aggregate, versions arrive without gaps, in order, each one at
 * least once (a redelivered run may repeat versions already seen, never skip ahead). Returns duplicates.
 */
export function checkPerAggregateOrder(received: readonly ReceivedEvent[], expectedVersions: Map<string, number>): number {
  const highest = new Map<string, number>();
  let duplicates = 0;
  for (const { event } of received) {
    const seen = highest.get(event.aggregateId) ?? 0;
    if (event.aggregateVersion > seen + 1) {
      throw new Error(`aggregate ${event.aggregateId}: version ${event.aggregateVersion} arrived after ${seen} (a gap)`);
    }
    if (event.aggregateVersion <= seen) duplicates += 1;
    highest.set(event.aggregateId, Math.max(seen, event.aggregateVersion));
  }
  for (const [aggregateId, versions] of expectedVersions) {
    if (highest.get(aggregateId) !== versions) throw new Error(`aggregate ${aggregateId}: got up to ${highest.get(aggregateId)} of ${versions}`);
  }
  return duplicates;
}
