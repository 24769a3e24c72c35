import type { z } from 'zod';

/** What kind of contract breach it was, so a consumer can decide (e.g. park a poison message) without parsing text. */
export type EventContractViolation =
  | 'empty-message' // a Kafka tombstone or a null value
  | 'invalid-json'
  | 'unknown-event-type'
  | 'unsupported-schema-version' // newer than this build knows, or no upcaster path
  | 'invalid-field'
  | 'header-mismatch'; // Kafka headers disagree with the body

export interface EventContractIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** An event that does not satisfy its contract. `path` is the first bad field, e.g. `['payload', 'tags', 0]`. */
export class EventContractError extends Error {
  override readonly name = 'EventContractError';
  readonly code = 'EVENT_CONTRACT_VIOLATION';
  readonly violation: EventContractViolation;
  readonly path: readonly (string | number)[];
  readonly issues: readonly EventContractIssue[];
  readonly eventType: string | undefined;
  readonly eventId: string | undefined;

  constructor(options: {
    violation: EventContractViolation;
    issues: readonly EventContractIssue[];
    eventType?: string | undefined;
    eventId?: string | undefined;
    cause?: unknown;
  }) {
    const where = options.eventType ?? 'event';
    const what = options.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('; ');
    super(`${where}: ${what}`, { cause: options.cause });
    this.violation = options.violation;
    this.issues = options.issues;
    this.path = options.issues[0]?.path ?? [];
    this.eventType = options.eventType;
    this.eventId = options.eventId;
  }

  /** Wraps zod issues, prefixing their paths with where the validated value sits in the envelope. */
  static fromZod(
    error: z.ZodError,
    context: { prefix?: readonly (string | number)[]; eventType?: string | undefined; eventId?: string | undefined },
  ): EventContractError {
    const prefix = context.prefix ?? [];
    return new EventContractError({
      violation: 'invalid-field',
      issues: error.issues.map((issue) => ({
        path: [...prefix, ...issue.path.map((key) => (typeof key === 'number' ? key : String(key)))],
        message: issue.message,
      })),
      eventType: context.eventType,
      eventId: context.eventId,
    });
  }
}

function formatPath(path: readonly (string | number)[]): string {
  return path.length === 0 ? '(event)' : path.join('.');
}
