import { newEvent, type AnyEvent } from '@mindflow/events';
import { decideTags } from '../../domain/tag/decide-tags.js';
import type { Caller } from '../caller.js';
import type { CommandEnvironment } from '../command-environment.js';
import { envelopeMeta } from '../envelope-meta.js';
import type { CommandTransaction } from '../ports/command-store.js';

/**
 * `TagCreated` for each of `used` its owner never used before, remembered in the command's transaction so
 * that it is said once per user and tag, however many commands use the tag at the same time.
 */
export async function tagsFirstUsed(
  tx: CommandTransaction,
  environment: CommandEnvironment,
  caller: Caller,
  ownerId: string,
  used: readonly string[],
  occurredAt: string,
): Promise<AnyEvent[]> {
  if (used.length === 0) return [];
  const known = await tx.userTags.known(ownerId, used);
  const context = { now: occurredAt, ids: used.filter((tag) => !known.has(tag)).map(() => environment.newId()) };
  const decided = decideTags({ ownerId, used, known }, context);
  if (decided.length === 0) return [];
  const remembered = await tx.userTags.remember(ownerId, decided.map((event) => event.data));
  return decided
    .filter((event) => remembered.has(event.data.tag))
    .map(({ data: { ownerId: _owner, ...payload } }) => {
      const at = { eventId: environment.newId(), occurredAt, aggregateId: payload.tagId, aggregateVersion: 1, ownerId };
      return newEvent('TagCreated', { ...envelopeMeta(caller, at), payload: { ...payload, userId: ownerId } });
    });
}
