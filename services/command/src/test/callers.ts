import { randomUUID } from 'node:crypto';
import type { Caller } from '../application/caller.js';

/** A new caller on the free plan (override anything). */
export const newCaller = (overrides: Partial<Caller> = {}): Caller => ({
  userId: randomUUID(),
  correlationId: `test-${randomUUID().slice(0, 8)}`,
  plan: 'free',
  ...overrides,
});
