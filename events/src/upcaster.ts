import type { z } from 'zod';
import type { EventType } from './catalogue.js';
import type { EventHeader } from './envelope.js';

/**
 * Turns the payload of `eventType` at `fromVersion` into the payload of `fromVersion + 1`. `from` is the
 * published shape of `fromVersion`, kept forever: the old payload is validated against it first, so an
 * upcaster only ever sees well-formed input. Its output is validated by the next version's schema.
 */
export interface Upcaster<S extends z.ZodType = z.ZodType> {
  readonly eventType: EventType;
  readonly fromVersion: number;
  readonly from: S;
  // Method syntax on purpose: upcasters of different shapes must fit one table.
  upcast(payload: z.output<S>, header: EventHeader): unknown;
}

export function defineUpcaster<S extends z.ZodType>(upcaster: Upcaster<S>): Upcaster<S> {
  return upcaster;
}
