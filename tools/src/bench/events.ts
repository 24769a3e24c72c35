// Realistic events for the pipeline benchmarks, built with the contracts' own `newEvent`: each user creates
// a journal, then entries spread over those journals (what a stream of createEntry commands produces).
import { randomUUID } from 'node:crypto';
import { allTopics, countWords, newEvent, toKafkaMessage, topicFor, type AnyEvent } from '@mindflow/events';
import { Kafka, logLevel, type TopicMessages } from 'kafkajs';
import type { BenchContext } from './context.js';
import { uniqueTopicPrefix } from './servers.js';

export interface Workload {
  readonly events: readonly AnyEvent[];
  readonly journals: number;
  readonly entries: number;
}

export function journalsAndEntries(users: number, entries: number, source = 'command'): Workload {
  const start = Date.now() - 60_000;
  const journals = Array.from({ length: users }, () => ({ journalId: randomUUID(), userId: randomUUID() }));
  const events: AnyEvent[] = journals.map(({ journalId, userId }, i) =>
    newEvent('JournalCreated', {
      eventId: randomUUID(), occurredAt: new Date(start + i).toISOString(), source, correlationId: randomUUID(), causationId: null,
      userId, aggregateId: journalId, aggregateVersion: 1,
      payload: { journalId, name: `Journal ${i}`, description: null, color: '#336699', icon: 'book', isPrivate: true, createdAt: new Date(start + i).toISOString() },
    }),
  );
  for (let n = 0; n < entries; n++) {
    const { journalId, userId } = journals[n % journals.length]!;
    const entryId = randomUUID();
    const at = new Date(start + users + n).toISOString();
    const content = `Entry number ${n}: slept well, then wrote three pages about the week ahead.`;
    events.push(newEvent('JournalEntryCreated', {
      eventId: randomUUID(), occurredAt: at, source, correlationId: randomUUID(), causationId: null,
      userId, aggregateId: entryId, aggregateVersion: 1,
      payload: { entryId, journalId, title: `Entry ${n}`, content, mood: 'GOOD', tags: ['bench', `t${n % 7}`], wordCount: countWords(content), weather: null, location: null, createdAt: at },
    }));
  }
  return { events, journals: users, entries };
}

/** Events grouped per topic in their order (per aggregate: version order), as the relay sends them. */
export function byTopic(events: readonly AnyEvent[], prefix: string): TopicMessages[] {
  const groups = new Map<string, TopicMessages>();
  for (const event of events) {
    const topic = topicFor(event.eventType, prefix);
    let group = groups.get(topic);
    if (!group) groups.set(topic, (group = { topic, messages: [] }));
    group.messages.push(toKafkaMessage(event));
  }
  return [...groups.values()];
}

/** A fresh topic prefix (`bench-<label>`) holding `events`, in topics as the relay makes them (3 partitions). */
export async function publishToFreshTopics(context: BenchContext, events: readonly AnyEvent[], label: string): Promise<string> {
  const prefix = uniqueTopicPrefix(`bench-${label}`);
  const kafka = new Kafka({ clientId: `bench-${label}-feed`, brokers: await context.kafkaBrokers(), logLevel: logLevel.ERROR });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: allTopics(prefix).map((topic) => ({ topic, numPartitions: 3, replicationFactor: 1 })) });
  await admin.disconnect();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  for (let i = 0; i < events.length; i += 500) await producer.sendBatch({ topicMessages: byTopic(events.slice(i, i + 500), prefix), acks: -1 });
  await producer.disconnect();
  return prefix;
}
