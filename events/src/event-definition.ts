import type { z } from 'zod';

/**
 * What the catalogue knows about one event type: its current payload schema, the version of that schema,
 * and which payload field is the aggregate's id (so the envelope's `aggregateId` can be checked against it).
 */
export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  readonly payload: S;
  /** Bumped only together with a new `…V<n>` shape and an upcaster; see README "Changing an event". */
  readonly schemaVersion: number;
  // Method syntax on purpose: definitions of different payloads must fit one table.
  aggregateIdOf(payload: z.output<S>): string;
}

export function defineEvent<S extends z.ZodType>(
  payload: S,
  options: { schemaVersion?: number; aggregateIdOf: (payload: z.output<S>) => string },
): EventDefinition<S> {
  return { payload, schemaVersion: options.schemaVersion ?? 1, aggregateIdOf: options.aggregateIdOf };
}
