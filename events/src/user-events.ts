import { z } from 'zod';
import { defineEvent } from './event-definition.js';
import { Id, Instant } from './scalars.js';

// Emitted by the identity service through its own outbox. Aggregate: user (aggregateId = userId).

export const UserRegisteredPayload = z.object({
  userId: Id,
  // Only "something@something": identity decides what an acceptable address is; a stricter contract than
  // its rules would make a registration it accepted unpublishable.
  email: z.string().regex(/^[^\s@]+@[^\s@]+$/, 'expected an email address'),
  name: z.string().nullable(),
  roles: z.array(z.string().min(1)),
  registeredAt: Instant,
});
export type UserRegisteredPayload = z.infer<typeof UserRegisteredPayload>;

export const UserLoggedInPayload = z.object({
  userId: Id,
  at: Instant,
});
export type UserLoggedInPayload = z.infer<typeof UserLoggedInPayload>;

export const userEvents = {
  UserRegistered: defineEvent(UserRegisteredPayload, { aggregateIdOf: (p) => p.userId }),
  UserLoggedIn: defineEvent(UserLoggedInPayload, { aggregateIdOf: (p) => p.userId }),
};
