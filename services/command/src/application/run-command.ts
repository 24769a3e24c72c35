import { badInput, isDomainError, type DomainError } from '../domain/shared/domain-error.js';
import type { Caller } from './caller.js';
import type { CommandEnvironment } from './command-environment.js';
import type { CommandTransaction } from './ports/command-store.js';
import type { FirstUse } from './ports/idempotency-keys.js';

/** Carries a refusal out of the transaction so that it rolls back, then becomes a value again. */
class Refused extends Error {
  constructor(readonly refusal: DomainError) {
    super(refusal.message);
  }
}

/** A concurrent retry with the same key committed first: ours rolls back and answers its result. */
class Superseded extends Error {
  constructor(readonly first: FirstUse) {
    super('idempotency key claimed by a concurrent retry');
  }
}

/**
 * Runs one command in one write-DB transaction: its rows, its outbox events and its idempotency key commit
 * together or not at all. A refused command rolls back (so its key stays free for a corrected retry); a
 * command whose key was already used answers the stored first result and writes nothing.
 */
export async function runCommand<R>(
  environment: CommandEnvironment,
  caller: Caller,
  command: string,
  work: (tx: CommandTransaction) => Promise<R | DomainError>,
): Promise<R | DomainError> {
  const claim = caller.idempotencyKey ? { userId: caller.userId, key: caller.idempotencyKey, command } : undefined;
  // Order matters. The outbox is read in transaction-id order, and a transaction gets its id at its first
  // write. So nothing may be written before `work` has locked the aggregate: a command that wrote its
  // idempotency key first could take a smaller id than an earlier version of the same aggregate still
  // holding the lock, and the log would then deliver version 3 before version 2. Hence: look the key up
  // (read only), do the work (which locks first), and claim the key last.
  try {
    return await environment.store.transaction(async (tx) => {
      const earlier = claim ? await tx.idempotencyKeys.find(claim) : undefined;
      if (earlier) return answerFromFirstUse(earlier, command) as R | DomainError;
      const result = await work(tx);
      if (isDomainError(result)) throw new Refused(result);
      if (claim) {
        const outcome = await tx.idempotencyKeys.claim(claim);
        if ('command' in outcome) throw new Superseded(outcome);
        await tx.idempotencyKeys.record(claim, result);
      }
      return result;
    });
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    if (error instanceof Superseded) return answerFromFirstUse(error.first, command) as R | DomainError;
    throw error;
  }
}

function answerFromFirstUse(first: FirstUse, command: string): unknown {
  if (first.command !== command) return badInput('idempotencyKey', `this idempotency key was already used for ${first.command}`);
  return first.result;
}
