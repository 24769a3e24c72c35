import { z } from 'zod';
import { defineEvent } from './event-definition.js';
import { notPersonal, personal } from './privacy/personal.js';
import { erasureReceiptId } from './erasure-receipt-id.js';
import { Id, Instant } from './scalars.js';

// Emitted by the identity service through its own outbox. Aggregate: user (aggregateId = userId).

export const UserRegisteredPayload = z.object({
  userId: Id,
  // Only "something@something": identity decides what an acceptable address is; a stricter contract than
  // its rules would make a registration it accepted unpublishable.
  email: personal(z.string().regex(/^[^\s@]+@[^\s@]+$/, 'expected an email address'), { erased: '[erased]@erased.invalid' }),
  name: personal(z.string().nullable()),
  roles: z.array(notPersonal(z.string().min(1), 'role names of the product')),
  registeredAt: Instant,
});
export type UserRegisteredPayload = z.infer<typeof UserRegisteredPayload>;

export const UserLoggedInPayload = z.object({
  userId: Id,
  at: Instant,
});
export type UserLoggedInPayload = z.infer<typeof UserLoggedInPayload>;

/**
 * Every store that holds something of a user, by the name its acknowledgement carries. The identity service's
 * erasure saga waits for each of these (services/identity/README.md, "Erasure").
 */
export const ErasingService = z.enum(['command', 'query', 'search', 'insights', 'notifications', 'media']);
export type ErasingService = z.infer<typeof ErasingService>;

/**
 * The user deleted their account (password confirmed): every service erases what it holds of them and
 * acknowledges with `UserDataErased`. Identity's saga publishes it again (`attempt` + 1, the next version of the
 * user aggregate) for the services that have not acknowledged in time; erasing twice is harmless.
 */
export const UserErasureRequestedPayload = z.object({
  userId: Id,
  requestedAt: Instant,
  attempt: z.number().int().min(1),
  /** The services whose acknowledgement is awaited (all of them on the first attempt). */
  services: z.array(ErasingService).min(1),
});
export type UserErasureRequestedPayload = z.infer<typeof UserErasureRequestedPayload>;

/**
 * One service erased what it held of the user (for this attempt). Its aggregate is the acknowledgement itself
 * (`erasureReceiptId(userId, service, attempt)`, version 1), on the user stream. `erased` counts what went, by
 * store (table, index, …), for the operators' erasure report; ids and counts only, never content.
 */
export const UserDataErasedPayload = z.object({
  userId: Id,
  service: ErasingService,
  attempt: z.number().int().min(1),
  erasedAt: Instant,
  erased: z.record(notPersonal(z.string().min(1), 'store names'), z.number().int().min(0)),
});
export type UserDataErasedPayload = z.infer<typeof UserDataErasedPayload>;

export const userEvents = {
  UserRegistered: defineEvent(UserRegisteredPayload, { aggregateIdOf: (p) => p.userId }),
  UserLoggedIn: defineEvent(UserLoggedInPayload, { aggregateIdOf: (p) => p.userId }),
  UserErasureRequested: defineEvent(UserErasureRequestedPayload, { aggregateIdOf: (p) => p.userId }),
  UserDataErased: defineEvent(UserDataErasedPayload, { aggregateIdOf: (p) => erasureReceiptId(p.userId, p.service, p.attempt) }),
};
