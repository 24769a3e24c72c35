/**
 * Why an event is parked:
 * - `poison`: it failed `maxAttempts` times with an error that is not transient and not a version gap;
 * - `held`: an earlier event of its aggregate is parked, so applying it now would break per-aggregate order;
 * - `unreadable`: the message does not parse (its aggregate is known only when the log says it).
 */
export type DeadLetterReason = 'poison' | 'held' | 'unreadable';

/** A parked event (or message) as recorded in `dead_letters` and published to the dead-letter topic. */
export interface DeadLetter {
  readonly reason: DeadLetterReason;
  /** Null when no aggregate can be read from the message: nothing can be held behind it. */
  readonly aggregateId: string | null;
  readonly aggregateVersion: number | null;
  readonly eventType: string | null;
  readonly eventId: string | null;
  /** The event as the projector read it (JSON envelope); null when it did not parse. */
  readonly event: unknown;
  /** The message's bytes, when it did not parse. */
  readonly raw: Buffer | null;
  /** Where the log held it (`topic/partition/offset`, `outbox/<tx>/<position>`). */
  readonly position: string | null;
  readonly error: string | null;
  readonly attempts: number;
}

/** A message the log could not turn into an event, with what can still be told about it. */
export interface UnreadableMessage {
  readonly source: string;
  readonly position: string;
  readonly raw: Buffer | null;
  readonly error: unknown;
  readonly attempts: number;
  /** From the Kafka key (when it is a UUID) or the outbox row's columns. */
  readonly aggregateId?: string;
  readonly aggregateVersion?: number;
  readonly eventType?: string;
  readonly eventId?: string;
}

export interface UnreadablePolicy {
  /** Parse attempts (with the log's backoff between them) before the message is parked. */
  readonly maxAttempts: number;
  /** Records the message; the log then commits past it. Throwing retries the message later. */
  park(message: UnreadableMessage): Promise<void>;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an unparseable JSON envelope still tells: its aggregate, version, type and id, each only when well-formed. */
export function salvageEnvelope(raw: Buffer | null, aggregateIdHint?: string): Pick<UnreadableMessage, 'aggregateId' | 'aggregateVersion' | 'eventType' | 'eventId'> {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = raw ? JSON.parse(raw.toString('utf8')) : undefined;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    // not JSON: only the hint (the `aggregate-id` header, or an older message's key) can name the aggregate
  }
  const isUuid = (id: unknown): id is string => typeof id === 'string' && uuidPattern.test(id);
  const fromBody = isUuid(body['aggregateId']) ? body['aggregateId'].toLowerCase() : undefined;
  // The header (or an older message's key, the aggregate id) was written from the event itself: it names the aggregate first.
  const aggregateId = isUuid(aggregateIdHint) ? aggregateIdHint.toLowerCase() : fromBody;
  const version = body['aggregateVersion'];
  return {
    aggregateId,
    // A version is trusted only when the body names the same aggregate.
    aggregateVersion: aggregateId && aggregateId === fromBody && Number.isInteger(version) && (version as number) > 0 ? (version as number) : undefined,
    eventType: typeof body['eventType'] === 'string' ? body['eventType'] : undefined,
    eventId: typeof body['eventId'] === 'string' && uuidPattern.test(body['eventId']) ? body['eventId'] : undefined,
  };
}
