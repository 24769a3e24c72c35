import type { AnyEvent, KeyLookups } from '@mindflow/events';
import { backoffDelay, type BackoffPolicy, type Logger } from '@mindflow/platform';
import type { Admin, Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { salvageEnvelope } from '../dead-letter.js';
import type { SubscribeOptions, Subscription } from '../event-log.js';
import { consumerLag, consumerLagOf } from './consumer-lag.js';
import { deliverPartitionBatch } from './partition-batch.js';

export interface KafkaSubscriptionDeps {
  readonly kafka: Kafka;
  readonly admin: Admin;
  readonly topics: readonly string[];
  readonly parse: (message: KafkaMessage, position: string, keys: KeyLookups | undefined) => AnyEvent;
  /** The keys the messages' sealed personal fields need (absent: the log has no key store). */
  readonly lookupKeys?: (messages: readonly KafkaMessage[]) => Promise<KeyLookups>;
  readonly log: Logger;
  readonly backoff: BackoffPolicy;
  readonly partitionsConsumedConcurrently: number;
  readonly sessionTimeoutMs: number;
  /** The most a fetch brings of one partition (kafkajs default 1 MiB): the size of the batches handed over. */
  readonly maxBytesPerPartition?: number;
  readonly onStop?: () => void;
}

/**
 * A Kafka consumer-group member. Offsets are committed by hand, only up to what the subscriber declared
 * done, so a crash at any point redelivers (never loses) events; the subscriber's version check turns
 * redeliveries into no-ops. Failures are retried inside `eachBatch` (see deliverPartitionBatch).
 */
export class KafkaSubscription implements Subscription {
  private consumer: Consumer;
  private running = true;
  private readonly joined: Promise<void>;
  private markJoined!: () => void;
  /** Restarts after crashes kafkajs does not restart itself, in the current spell of crashes (the backoff's attempt). */
  private restarts = 0;
  private lastRestartAt = 0;
  private restarting: NodeJS.Timeout | undefined;
  /** The partitions of the member's last join, by topic (kept through a crash: what it has stopped consuming). */
  private assigned: ReadonlyMap<string, readonly number[]> | undefined;
  /** The first member's run (its group join), going on after `start()` returned. */
  private joining: Promise<void> | undefined;

  constructor(private readonly options: SubscribeOptions, private readonly deps: KafkaSubscriptionDeps) {
    this.joined = new Promise((resolve) => (this.markJoined = resolve));
    this.consumer = this.newConsumer();
  }

  private newConsumer(): Consumer {
    const consumer = this.deps.kafka.consumer({
      groupId: this.options.group,
      sessionTimeout: this.deps.sessionTimeoutMs,
      heartbeatInterval: Math.max(500, Math.floor(this.deps.sessionTimeoutMs / 10)),
      allowAutoTopicCreation: false,
      ...(this.deps.maxBytesPerPartition ? { maxBytesPerPartition: this.deps.maxBytesPerPartition, maxBytes: Math.max(10 * 1024 ** 2, 4 * this.deps.maxBytesPerPartition) } : {}),
    });
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.assigned = new Map(Object.entries(payload.memberAssignment));
      this.markJoined();
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.deps.log.error({ err: payload.error, group: this.options.group, restart: payload.restart }, 'kafka consumer crashed');
      // kafkajs restarts only after retriable errors: anything else (a non-retriable broker answer, an error
      // that escaped a handler) leaves the member stopped for good while the process looks healthy. Start a
      // new consumer ourselves, with backoff, for as long as the subscription runs.
      if (!payload.restart && this.running && consumer === this.consumer) this.restartAfterCrash(payload.error);
    });
    return consumer;
  }

  private restartAfterCrash(cause: Error): void {
    if (this.restarting) return;
    // The backoff starts over only after a quiet spell: a consumer that joins and crashes again at once backs off.
    if (Date.now() - this.lastRestartAt > 300_000) this.restarts = 0;
    this.restarts += 1;
    this.lastRestartAt = Date.now();
    const delay = backoffDelay(this.restarts, this.deps.backoff);
    this.deps.log.warn({ err: cause, group: this.options.group, attempt: this.restarts, delayMs: delay },
      'kafka consumer stopped after a crash kafkajs does not recover from: starting a new one');
    this.restarting = setTimeout(() => {
      this.restarting = undefined;
      void (async () => {
        if (!this.running) return;
        const dead = this.consumer;
        await dead.disconnect().catch(() => undefined);
        if (!this.running) return;
        this.consumer = this.newConsumer();
        try {
          await this.run();
          if (!this.running) await this.consumer.disconnect(); // stopped while it started: no orphan member
        } catch (error) {
          if (this.running) this.restartAfterCrash(error instanceof Error ? error : new Error(String(error)));
        }
      })();
    }, delay);
  }

  /**
   * Connects and subscribes, then lets the member join its group in the background: resolves before the join,
   * which `ready()` reports. A member restarted after a `kill -9` joins only once the coordinator gave up on the
   * dead one (its session timeout: kafkajs has no static membership), and its process must not look hung
   * meanwhile — a role's ops server (`/health/live`) starts when this resolves, and a supervisor or Kubernetes
   * killing a member that is still joining leaves one more dead member for the group to wait for. Like the
   * embedded log, whose `subscribe` does not wait for its group lock either.
   */
  async start(): Promise<void> {
    if (!(this.options.fromBeginning ?? false)) await this.pinNewGroupToEnd();
    await this.connectAndSubscribe();
    const consumer = this.consumer;
    this.joining = this.runConsumer().catch((error: unknown) => {
      if (this.running && consumer === this.consumer) this.restartAfterCrash(error instanceof Error ? error : new Error(String(error)));
    });
  }

  private async run(): Promise<void> {
    await this.connectAndSubscribe();
    await this.runConsumer();
  }

  private async connectAndSubscribe(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.deps.topics], fromBeginning: this.options.fromBeginning ?? false });
  }

  /** Resolves once the member joined its group (kafkajs's `run` awaits `joinAndSync`) or its start crashed. */
  private async runConsumer(): Promise<void> {
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.deps.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.eachBatch(payload),
    });
  }

  /**
   * A new group that starts "from the end" would otherwise resolve "the end" at its first fetch, some
   * time after `ready()`, and silently pass over events written in between. Committing the current
   * high watermarks for partitions the group has never committed fixes the start at subscribe time.
   * Only a group with no live members can be set; if a replica got there first, its position stands.
   */
  private async pinNewGroupToEnd(): Promise<void> {
    const groupId = this.options.group;
    const committed = await this.deps.admin.fetchOffsets({ groupId, topics: [...this.deps.topics] });
    const unset = await Promise.all(
      committed
        .filter(({ partitions }) => partitions.some((p) => p.offset === '-1'))
        .map(async ({ topic, partitions }) => {
          const ends = new Map((await this.deps.admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p.high]));
          return { topic, partitions: partitions.filter((p) => p.offset === '-1').map((p) => ({ partition: p.partition, offset: ends.get(p.partition) ?? '0' })) };
        }),
    );
    if (unset.length === 0) return;
    try {
      await setEmptyGroupOffsets(this.deps.kafka, this.deps.admin, groupId, unset);
    } catch (error) {
      this.deps.log.debug({ err: error, group: groupId }, 'start position already set by another member');
    }
  }

  ready(): Promise<void> {
    return this.joined;
  }

  lag(): Promise<number> {
    return consumerLag(this.deps.admin, this.options.group, this.deps.topics);
  }

  memberLag(): Promise<{ group: number; member: number }> {
    return consumerLagOf(this.deps.admin, this.options.group, this.deps.topics, this.assigned);
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.restarting);
    this.deps.onStop?.();
    await this.consumer.disconnect();
    if (this.joining) {
      // Stopped while joining: kafkajs may retry the join after the disconnect (and then be a member) or crash and
      // schedule a restart of its own; once the join settled, a second disconnect leaves the group and clears that.
      await this.joining;
      await this.consumer.disconnect();
    }
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const source = `${batch.topic}/${batch.partition}`;
    const lookupKeys = this.deps.lookupKeys;
    let keys: KeyLookups | undefined;
    await deliverPartitionBatch({
      source,
      messages: batch.messages,
      prepare: lookupKeys && (async (messages) => void (keys = await lookupKeys(messages))),
      parse: (message) => this.deps.parse(message, `${source}/${message.offset}`, keys),
      handle: (events) => this.options.handle(events),
      commit: (offset) => this.commit(payload, offset),
      heartbeat: () => payload.heartbeat(),
      active: () => this.running && payload.isRunning() && !payload.isStale(),
      backoff: this.deps.backoff,
      log: this.deps.log.child({ group: this.options.group }),
      unreadable: this.options.unreadable && {
        maxAttempts: this.options.unreadable.maxAttempts,
        park: (message, error, attempts) =>
          this.options.unreadable!.park({
            source,
            position: `${source}/${message.offset}`,
            raw: message.value,
            error,
            attempts,
            ...salvageEnvelope(message.value, aggregateHintOf(message)),
          }),
      },
    });
  }

  private async commit(payload: EachBatchPayload, lastOffset: string): Promise<void> {
    const { topic, partition } = payload.batch;
    payload.resolveOffset(lastOffset);
    try {
      // Kafka stores the next offset to read.
      await payload.commitOffsetsIfNecessary({
        topics: [{ topic, partitions: [{ partition, offset: (BigInt(lastOffset) + 1n).toString() }] }],
      });
    } catch (error) {
      // Typically a rebalance: the new owner re-reads from the last commit and skips what we applied.
      this.deps.log.warn({ err: error, group: this.options.group, topic, partition }, 'offset commit failed');
    }
  }
}

/**
 * What names a message's aggregate without parsing its value: the `aggregate-id` header, or the key (the aggregate
 * id too) of a message sent before that header existed.
 */
function aggregateHintOf(message: KafkaMessage): string | undefined {
  const header = message.headers?.['aggregate-id'];
  const first = Array.isArray(header) ? header[0] : header;
  return first?.toString('utf8') ?? message.key?.toString('utf8');
}

const emptyGroupStates = new Set(['Empty', 'Dead']);

/**
 * Commits `offsets` for a group no member has joined, in one join for every topic. kafkajs's `admin.setOffsets`
 * does one topic per call, and each call sleeps a whole fetch wait (5 s by default) with its partitions paused
 * before it sees its commit through: the notifier's five topics took 25 s to start. Here the short-lived member
 * waits 50 ms per fetch, and leaves once every offset reads back as committed.
 */
export async function setEmptyGroupOffsets(
  kafka: Kafka,
  admin: Admin,
  groupId: string,
  offsets: readonly { readonly topic: string; readonly partitions: readonly { readonly partition: number; readonly offset: string }[] }[],
  timeoutMs = 30_000,
): Promise<void> {
  const topics = offsets.map((o) => o.topic);
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 50, allowAutoTopicCreation: false });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    const { state } = await consumer.describeGroup();
    if (!emptyGroupStates.has(state)) throw new Error(`group ${groupId} has running members (${state}): its offsets are theirs`);
    const allCommitted = async () => {
      const now = await admin.fetchOffsets({ groupId, topics });
      return offsets.every(({ topic, partitions }) =>
        partitions.every(({ partition, offset }) => now.find((t) => t.topic === topic)?.partitions.find((p) => p.partition === partition)?.offset === offset));
    };
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`setting the start offsets of ${groupId} took over ${timeoutMs} ms`)), timeoutMs);
      let checking = false;
      consumer.on(consumer.events.FETCH, () => {
        if (checking) return;
        checking = true;
        allCommitted().then(
          (done) => {
            checking = false;
            if (done) { clearTimeout(timer); resolve(); }
          },
          (error: unknown) => { clearTimeout(timer); reject(error instanceof Error ? error : new Error(String(error))); },
        );
      });
      // `run` makes the member at once (then joins in the background): the seeks below are committed by its first
      // fetch, which reads nothing (every partition paused).
      consumer.run({ eachBatchAutoResolve: false, eachBatch: () => Promise.resolve() }).catch((error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      });
      consumer.pause(topics.map((topic) => ({ topic })));
      for (const { topic, partitions } of offsets) for (const { partition, offset } of partitions) consumer.seek({ topic, partition, offset });
    });
  } finally {
    await consumer.disconnect();
  }
}
