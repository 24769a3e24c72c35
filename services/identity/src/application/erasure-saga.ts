import type { ErasingService, UserDataErasedPayload } from '@mindflow/events';
import type { IdentityEnvironment } from './identity-environment.js';
import { userErasureRequested } from './user-events.js';

// The erasure saga (README "Erasure"): deleteAccount starts it; each service's `UserDataErased` is recorded
// here; services that have not acknowledged within `retryAfterMs` are asked again (UserErasureRequested,
// attempt + 1, only them); the user's data key is destroyed at once and again until that succeeded. An erasure
// is complete when every service acknowledged and the key is gone. Retries back off (the n-th waits
// retryAfterMs * 2^(n-1), at most a day) and a complete erasure is never asked again. Every step is idempotent: a repeated
// acknowledgement changes nothing, a retry only re-asks what is missing, a destroyed key stays destroyed.

const day = 24 * 60 * 60_000;

/** Settings of the saga (IDENTITY_ERASURE_*). */
export interface ErasurePolicy {
  /** The services that hold something of a user and must acknowledge (the deployed ones). */
  readonly services: readonly ErasingService[];
  /** Ask a service again when it has not acknowledged this long after the first attempt; doubled per attempt. */
  readonly retryAfterMs: number;
  /** The longest wait between two attempts, however many there were (default 24 h). */
  readonly maxRetryAfterMs?: number;
}

/** Records one service's acknowledgement; true when it was new. An erasure unknown here is logged and ignored. */
export async function recordErasureReceipt(env: IdentityEnvironment, receipt: UserDataErasedPayload): Promise<boolean> {
  const now = env.now();
  return env.store.transaction(async (tx) => {
    const erasure = await tx.erasures.lock(receipt.userId);
    if (!erasure) {
      env.log.warn({ userId: receipt.userId, service: receipt.service }, 'erasure acknowledged for a user identity has no erasure of: ignored');
      return false;
    }
    const recorded = await tx.erasures.acknowledge({ userId: receipt.userId, service: receipt.service, attempt: receipt.attempt, at: new Date(receipt.erasedAt), erased: receipt.erased });
    if (recorded) env.log.info({ userId: receipt.userId, service: receipt.service, attempt: receipt.attempt, erased: receipt.erased }, 'erasure acknowledged');
    if (await tx.erasures.completeIfDone(receipt.userId, now)) env.log.info({ userId: receipt.userId }, 'erasure complete');
    return recorded;
  });
}

/** Destroys the user's data key and records it; a failure is logged and left to the saga's next round. */
export async function destroyDataKey(env: IdentityEnvironment, userId: string): Promise<boolean> {
  try {
    await env.dataKeys.destroy(userId);
  } catch (error) {
    env.log.warn({ err: error, userId }, 'data key not destroyed yet: retried by the erasure saga');
    return false;
  }
  await env.store.erasures.keyDestroyed(userId, env.now());
  await env.store.transaction((tx) => tx.erasures.completeIfDone(userId, env.now()));
  return true;
}

/**
 * One round of the saga: destroys the keys still there, then asks again every service whose acknowledgement
 * is overdue. Returns what it did, for logs and tests.
 */
export async function runErasureRound(env: IdentityEnvironment, limit = 50): Promise<{ keysDestroyed: number; retried: number }> {
  let keysDestroyed = 0;
  for (const userId of await env.store.erasures.keysToDestroy(limit)) if (await destroyDataKey(env, userId)) keysDestroyed += 1;
  let retried = 0;
  const now = env.now();
  for (const userId of await env.store.erasures.due(now, env.erasure.retryAfterMs, env.erasure.maxRetryAfterMs ?? day, limit)) {
    const asked = await env.store.transaction(async (tx) => {
      const erasure = await tx.erasures.lock(userId);
      const pending = erasure?.receipts.filter((r) => r.acknowledgedAt === null).map((r) => r.service) ?? [];
      if (!erasure || erasure.completedAt || pending.length === 0) return null;
      const attempt = erasure.attempt + 1;
      const version = erasure.userVersion + 1;
      await tx.outbox.append([userErasureRequested(env, { correlationId: env.newId(), userAgent: null, clientAddress: '' }, userId, { version, attempt, services: pending, at: now })]);
      await tx.erasures.retried(userId, attempt, version, now);
      return { attempt, pending };
    });
    if (asked) {
      retried += 1;
      env.log.warn({ userId, attempt: asked.attempt, services: asked.pending }, 'erasure not acknowledged in time: asked again');
    }
  }
  return { keysDestroyed, retried };
}
