import type { AnyEvent } from '@mindflow/events';
import type { DeadLetter, UnreadablePolicy } from './dead-letter.js';

/**
 * Anything that runs SQL: a pooled client inside a transaction, usually. Kept structural so this port
 * does not force a `pg` version on its users.
 */
export interface SqlClient {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

/**
 * Events handed to a subscriber, in log order. Two events of one aggregate always arrive in the same
 * batch stream in version order (Kafka: same partition; embedded: commit order), so a subscriber that
 * works through a batch front to back keeps per-aggregate order.
 */
export interface EventBatch {
  readonly events: readonly AnyEvent[];
  /** Where the batch comes from (`<topic>/<partition>` or `outbox`), for logs. */
  readonly source: string;
  /**
   * Declares `events[0..index]` durably handled. The log commits that position (Kafka offset or embedded
   * checkpoint) once `handle` returns or throws — never a position the subscriber has not declared.
   */
  done(index: number): void;
  /**
   * Writes the position after `events[index]` inside the subscriber's own read-DB transaction, so the
   * effects and the checkpoint commit together (embedded log). A no-op where the log keeps positions
   * itself (Kafka). Call `done(index)` too once that transaction has committed.
   */
  checkpointWithin(tx: SqlClient, index: number): Promise<void>;
  /** Tells the log the subscriber is alive during long work (Kafka group heartbeats). */
  heartbeat(): Promise<void>;
  /** False once the subscription stops or this batch's partition moved to another member: stop early. */
  active(): boolean;
}

export interface SubscribeOptions {
  /** Consumer group: members of one group share the work; each group sees every event once. */
  readonly group: string;
  /**
   * The event types the subscriber acts on. It receives every event of the streams (aggregate types)
   * these belong to — also types it ignores — so per-aggregate version bookkeeping sees no holes.
   */
  readonly eventTypes: readonly AnyEvent['eventType'][];
  /** With no stored position for the group: start at the beginning of the log (true) or at its end. */
  readonly fromBeginning?: boolean;
  /**
   * Handles one batch. Throwing is a retryable failure: the log commits the `done` prefix, waits with
   * exponential backoff, and redelivers from the first event not done. Nothing is ever skipped.
   */
  handle(batch: EventBatch): Promise<void>;
  /**
   * What to do with a message that does not parse (bad JSON, unknown type or schema version, contract
   * breach). Without a policy it is retried with backoff forever, never skipped. With one, it is retried
   * `maxAttempts` times, then handed to `park` and passed over (the log commits past it).
   */
  readonly unreadable?: UnreadablePolicy;
}

export interface Subscription {
  /** Resolves once the subscription consumes (joined its group, or holds the embedded group lock). */
  ready(): Promise<void>;
  /** Events in the subscribed streams not yet committed by the group. */
  lag(): Promise<number>;
  /**
   * The group's lag and the part of it this member is to consume (its partitions, as last assigned; the group's
   * until it was first assigned some): how liveness tells a member that stopped from one whose partitions are
   * caught up while others' are not. Absent: the member's is the group's (the embedded log: one consumer).
   */
  memberLag?(): Promise<{ group: number; member: number }>;
  /** Stops consuming after the batch at hand; positions already declared `done` are committed. */
  stop(): Promise<void>;
}

/** The event log port. Adapters: Kafka consumer groups, or the write DB's outbox read as a log. */
export interface EventLog {
  readonly kind: 'kafka' | 'embedded';
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /**
   * Publishes parked events where operators watch for them: Kafka topic `<prefix>.dlq.<projection>`
   * (key = aggregate id, in park order). Absent in the embedded log, whose record is the read DB's table.
   */
  publishDeadLetters?(projection: string, letters: readonly DeadLetter[]): Promise<void>;
  /** Forgets a consumer group and its position (a finished rebuild's group). No member may be running. */
  deleteGroup(group: string): Promise<void>;
  /** Stops every subscription and releases connections. */
  close(): Promise<void>;
}
