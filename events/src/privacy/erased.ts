import type { z } from 'zod';
import { personalData } from './personal.js';

/** What a personal string reads as once its owner's key is destroyed: clear to a reader, never the user's words. */
export const ERASED = '[erased]';

// In order of preference: the marker itself where the field takes a string, else nothing (null, an empty list).
// A field that accepts none of them names its own in `personal(…, { erased })` (an email address, say).
const candidates: readonly unknown[] = [ERASED, null, []];

/**
 * The value a personal field gets in an event whose key is destroyed: valid against the field's schema, so the
 * event still parses (never a poison event) and projectors apply it as usual, writing nothing of the user.
 */
export function erasedValueOf(field: z.ZodType): unknown {
  const declared = personalData.get(field)?.erased;
  if (declared !== undefined) return declared;
  for (const candidate of candidates) if (field.safeParse(candidate).success) return candidate;
  throw new TypeError('a personal field that takes neither a string, null nor a list must declare its erased value: personal(schema, { erased })');
}

/**
 * Events read after their owner's key was destroyed carry this mark (a symbol: copied by `{ ...event }`, never
 * serialised), so a consumer that wants to can tell an erased event from one that says "[erased]" itself.
 */
const erasedMark = Symbol.for('mindflow.events.erased');

export function markErased<E extends object>(event: E): E {
  Object.defineProperty(event, erasedMark, { value: true, enumerable: true });
  return event;
}

/** True for an event whose personal fields were erased (its owner's key destroyed) before it was read. */
export function isErased(event: object): boolean {
  return (event as Record<symbol, unknown>)[erasedMark] === true;
}
