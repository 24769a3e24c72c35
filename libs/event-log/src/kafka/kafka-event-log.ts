import { eventFromKafkaValue, KeyDestroyedError, kafkaValueOf, lookupKeys, sealEvent, topicFor, type AnyEvent, type KeyStore } from '@mindflow/events';
import type { KafkaMessage } from 'kafkajs';
import { withTraceContext } from '../tracing/event-trace-context.js';
import { type BackoffPolicy, defaultBackoff, type Logger, traceparentFrom, traceparentHeader } from '@mindflow/platform';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { DeadLetter } from '../dead-letter.js';
import type { EventLog, SubscribeOptions, Subscription } from '../event-log.js';
import { ensureEventTopics } from './event-topics.js';
import { stopKafkaIdleTimers } from './kafka-idle-timers.js';
import { kafkaLogCreator } from './kafka-logging.js';
import { KafkaSubscription } from './kafka-subscription.js';

export interface KafkaEventLogOptions {
  readonly brokers: readonly string[];
  /** `KAFKA_TOPIC_PREFIX`: topics are `<prefix>.<stream>`. */
  readonly topicPrefix: string;
  readonly clientId?: string;
  readonly log: Logger;
  /** Partitions of one member handled at once; aggregates never span partitions, so order holds. */
  readonly partitionsConsumedConcurrently?: number;
  readonly sessionTimeoutMs?: number;
  /** The most one fetch brings of a partition, i.e. how big a batch a subscriber gets (kafkajs default 1 MiB). */
  readonly maxBytesPerPartition?: number;
  /** Partitions for a topic this log has to create (it creates only missing ones). */
  readonly topicPartitions?: number;
  readonly backoff?: BackoffPolicy;
  /** Opens sealed personal fields for every subscriber (crypto-shredding); without it a sealed event is not read. */
  readonly keys?: KeyStore;
}

/** The production event log: Kafka consumer groups, one topic per stream, key = aggregate id. */
export function createKafkaEventLog(options: KafkaEventLogOptions): EventLog {
  stopKafkaIdleTimers();
  const kafka = new Kafka({
    clientId: options.clientId ?? 'mindflow',
    brokers: [...options.brokers],
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator(options.log),
    retry: { retries: 8, initialRetryTime: 200, maxRetryTime: 10_000 },
  });
  const admin = kafka.admin();
  const connected = admin.connect();
  const subscriptions = new Set<Subscription>();
  let deadLetterProducer: Promise<Producer> | undefined;
  const dlqTopics = new Set<string>();

  // The value's JSON, read once per message: looking up its owner's key and parsing share it.
  const values = new WeakMap<KafkaMessage, unknown>();
  const valueOf = (message: KafkaMessage): unknown => (values.has(message) ? values.get(message) : kafkaValueOf(message));
  const readableValue = (message: KafkaMessage): unknown => {
    try {
      const value = valueOf(message);
      values.set(message, value);
      return value;
    } catch {
      return undefined; // unreadable: the parse reports it
    }
  };
  const keyStore = options.keys;
  const ensureTopics = (topics: readonly string[]) => ensureEventTopics(admin, topics, { partitions: options.topicPartitions ?? 6 });

  return {
    kind: 'kafka',
    async subscribe(subscribe: SubscribeOptions): Promise<Subscription> {
      await connected;
      const topics = [...new Set(subscribe.eventTypes.map((type) => topicFor(type, options.topicPrefix)))];
      await ensureTopics(topics);
      const subscription: KafkaSubscription = new KafkaSubscription(subscribe, {
        kafka,
        admin,
        topics,
        // The producer's span travels in the `traceparent` header (the relay's publish span).
        parse: (message, position, keys) =>
          withTraceContext(eventFromKafkaValue(valueOf(message), message, { position, keys }), traceparentFrom(message.headers?.[traceparentHeader])),
        lookupKeys: keyStore && ((messages) => lookupKeys(messages.map(readableValue), keyStore)),
        log: options.log,
        backoff: options.backoff ?? defaultBackoff,
        partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 4,
        sessionTimeoutMs: options.sessionTimeoutMs ?? 30_000,
        maxBytesPerPartition: options.maxBytesPerPartition,
        onStop: (): void => void subscriptions.delete(subscription),
      });
      subscriptions.add(subscription);
      await subscription.start();
      return subscription;
    },
    async publishDeadLetters(projection: string, letters: readonly DeadLetter[]): Promise<void> {
      if (letters.length === 0) return;
      await connected;
      const topic = deadLetterTopic(options.topicPrefix, projection);
      if (!dlqTopics.has(topic)) {
        await ensureTopics([topic]);
        dlqTopics.add(topic);
      }
      deadLetterProducer ??= (async () => {
        const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
        await producer.connect();
        return producer;
      })();
      const producer = await deadLetterProducer;
      const sealed = await Promise.all(letters.map((letter) => sealedLetter(letter, keyStore)));
      await producer.send({ topic, acks: -1, messages: sealed.map((letter) => deadLetterMessage(projection, letter)) });
    },
    async deleteGroup(group: string): Promise<void> {
      await connected;
      await admin.deleteGroups([group]);
    },
    async close() {
      await Promise.all([...subscriptions].map((s) => s.stop()));
      if (deadLetterProducer) await (await deadLetterProducer.catch(() => undefined))?.disconnect();
      await admin.disconnect();
    },
  };
}

/** `<prefix>.dlq.<projection>`: where a projection's parked events are published (distributed mode). */
export const deadLetterTopic = (prefix: string, projection: string) => `${prefix}.dlq.${projection}`;

/**
 * The letter as the DLQ topic keeps it (infinite retention): the event sealed again with its owner's key (issue 16),
 * as the log held it, so destroying the key erases the parked copy too. The projector parked the event opened; the
 * topic must never hold its personal fields in the clear. An owner whose key is already destroyed (erased between
 * the read and the park, or read erased) gets no event at all (`erased`: the headers still say what was parked).
 * Without a key store (crypto-shredding off) the event is published as read, as the log held it.
 */
async function sealedLetter(letter: DeadLetter, keys: KeyStore | undefined): Promise<DeadLetter & { erased?: boolean }> {
  if (!keys || letter.event === null || letter.event === undefined) return letter;
  try {
    return { ...letter, event: await sealEvent(letter.event as AnyEvent, keys) };
  } catch (error) {
    if (error instanceof KeyDestroyedError) return { ...letter, event: null, erased: true };
    throw error;
  }
}

/**
 * key = aggregate id (an aggregate's letters stay in order), value = the event's JSON, sealed (or the message's
 * bytes when it did not parse; none when its owner was erased), headers say why it was parked.
 */
function deadLetterMessage(projection: string, letter: DeadLetter & { erased?: boolean }) {
  const headers: Record<string, string> = {
    'dead-letter-projection': projection,
    'dead-letter-reason': letter.reason,
    'dead-letter-attempts': String(letter.attempts),
  };
  if (letter.error) headers['dead-letter-error'] = letter.error.slice(0, 2_000);
  if (letter.position) headers['dead-letter-position'] = letter.position;
  if (letter.eventType) headers['event-type'] = letter.eventType;
  if (letter.eventId) headers['event-id'] = letter.eventId;
  if (letter.erased) headers['dead-letter-erased'] = 'true';
  return {
    key: letter.aggregateId,
    value: letter.event !== null && letter.event !== undefined ? JSON.stringify(letter.event) : letter.raw,
    headers,
  };
}
